// Russian typography: the character classes of the state machine (see Typography.swift).

extension RussianTypography {
    // MARK: - Character classes

    /// Class of the last text character seen (inline tags are transparent).
    enum CharClass: UInt8 {
        case start       // beginning of a block (paragraph, list item, cell, line after <br>)
        case space       // any whitespace, including no-break spaces
        case openPunct   // ( [ { ‘
        case openQuote   // an opening double quote (as decided/written by us)
        case closePunct  // ) ] } and closing double quotes
        case word        // letters, digits, apostrophes, other word-like characters
        case punct       // other punctuation and symbols
        case dash        // hyphen, dashes
    }

    /// Meaning of a non-ASCII scalar for the state machine.
    enum ScalarKind {
        case letter
        case wordOther     // word character that is not a letter (e.g. ’, CJK, …)
        case transparent   // combining marks, soft hyphen, zero-width characters
        case noBreakSpace  // U+00A0
        case otherSpace    // other Unicode spaces
        case openGuillemet, closeGuillemet, lowQuote, contextQuote
        case enDash, emDash, otherDash
        case numero
        case openPunct
        case punct
    }

    enum QuoteKind {
        case context, open, close
    }

    enum TagKind {
        case inline
        case block
        case lineBreak
        case rawText
        case protected(Int)   // index into the protected depth counters
    }

    enum Dash {
        case hyphen, en, em
    }
}
