// Russian typography stage: a pure, single-pass transformation of rendered HTML.
//
// Rules (text content only):
//  * straight double quotes `"`, `&quot;` (and `&#34;`, `&#x22;`) and cmark's smart quotes
//    “ ” become «ёлочки» at the first level and „лапки“ when nested; existing « » „ are
//    normalised to the same scheme. Opening vs closing is decided from the previous and
//    next characters; quote depth carries across inline tags and resets at block tags.
//    Single quotes and apostrophes (' ‘ ’) are left alone.
//  * a spaced `-`, `–` or `—` between words becomes `NBSP— ` (no-break space before the
//    em dash, the space after it kept). Dashes inside words, dashes between two numbers
//    (`2024 - 2025`) and a dash opening a paragraph / list item / line (dialogue) are kept.
//  * a one- or two-letter word (Cyrillic or Latin, any case) that starts a word
//    (after start of block, whitespace, `(`, `[`, an opening quote or a tag) and is
//    followed by a plain space gets a no-break space instead of that space.
//  * `№9` and `№ 9` become `№NBSP9`.
//
// Nothing changes inside tags and attribute values, comments, `<!…>`/`<?…>` constructs,
// CDATA, the content of `code`, `pre`, `kbd`, `samp`, `svg`, `math` (nesting is tracked),
// the raw text of `script`, `style`, `textarea`, URL-looking tokens (`http://`, `https://`,
// `ftp://`, `mailto:`, `www.`) and HTML entities other than the `&quot;` family.
// The output contains the characters themselves (U+00A0, «, », „, “, —), never entities.
// The transformation is idempotent: apply(apply(x)) == apply(x).
//
// Implementation: one pass over the UTF-8 bytes with a small state machine; markup (tags,
// comments, raw text) is read by PortalCore's `HTMLTokenizer`, as search and `portal check` read
// it. The output is written into a manually managed byte buffer. The only retroactive edit is turning an
// already written space into a no-break space when a spaced dash follows it.

public enum RussianTypography {
    /// Applies Russian typography rules to the text content of an HTML fragment or page.
    public static func apply(toHTML html: String) -> String {
        if html.isEmpty { return html }
        var source = html
        return source.withUTF8 { input -> String in
            guard let base = input.baseAddress else { return "" }
            var engine = Engine(source: base, count: input.count)
            defer { engine.release() }
            engine.run()
            return engine.result()
        }
    }

    /// Applies the rules to the given byte ranges of `html` only (each as a fragment of its own,
    /// as `apply(toHTML:)` would do to it), keeping the other bytes as they are: a page's
    /// `<title>` and `<main>`, in one pass and one copy. Ranges must be in order and apart, and
    /// begin and end between characters.
    public static func apply(toHTML html: String, onlyIn ranges: [Range<Int>]) -> String {
        String(decoding: applyBytes(toHTML: html, onlyIn: ranges), as: UTF8.self)
    }

    /// `apply(toHTML:onlyIn:)` as UTF-8 bytes, for a caller that writes them to a file: making
    /// a String of a whole page again would validate every byte of it.
    public static func applyBytes(toHTML html: String, onlyIn ranges: [Range<Int>]) -> [UInt8] {
        var source = html
        return source.withUTF8 { input -> [UInt8] in
            guard let base = input.baseAddress else { return [] }
            var out: [UInt8] = []
            out.reserveCapacity(input.count + input.count / 8 + 64)
            var done = 0
            for range in ranges where !range.isEmpty {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: input[done..<range.lowerBound]))
                var engine = Engine(source: base + range.lowerBound, count: range.count)
                engine.run()
                out.append(contentsOf: UnsafeBufferPointer(start: engine.out, count: engine.count))
                engine.release()
                done = range.upperBound
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: input[done...]))
            return out
        }
    }
}
