/// Where portal's typography deliberately differs from typograf's rule tests, and why. portal
/// changes spacing and typographic characters; it does not correct spelling or punctuation,
/// rewrite words, or move text across markup.
enum TypografDifferences {
    static let notRewritingText = "portal does not change what the author wrote beyond spaces, dashes, quotes and the ellipsis: punctuation marks are not removed, added or reordered"
    static let spelling = "spelling, not typography: portal does not add hyphens to words (кое-как, всё-таки, из-за, -то, -ка, -де); the author's spelling stays"
    static let unitsTogether = "a unit written together with its number (2м, 10руб, 22млн, XXв.) is not split and м2 is not rewritten to м²: portal binds a number to a separate word after it (2 м, 10 руб.), it does not change letters"

    /// Rules portal does not take up as a whole.
    static let byRule: [String: String] = [
        "common/number/digitGrouping": "numbers in text stay as written: a year, a school number, an ИНН or an index would be split; the theme groups the numbers it shows itself (1 250, 8,7)",
        "common/number/fraction": "1/2 in a school's text is as often a class (5/1) or part of a date as a fraction; left as written",
        "common/number/mathSigns": "operators in text are often code or formulas that are not marked as code; left as written",
        "common/number/times": "an x or х between numbers may be a letter or a variable (3х3, 100x); left as written",
        "common/punctuation/apostrophe": "in Markdown cmark's smart punctuation already writes ’; the HTML stage leaves ' as written (it may be a Latin name, code or an attribute-like text)",
        "common/punctuation/delDoublePunctuation": notRewritingText,
        "ru/punctuation/ano": notRewritingText + " (no comma is added before а and но)",
        "ru/punctuation/exclamation": notRewritingText,
        "ru/punctuation/exclamationQuestion": notRewritingText,
        "ru/punctuation/hellipQuestion": notRewritingText,
        "common/punctuation/quote": "one scheme for a Russian site, whatever the language of the quoted text: «ёлочки» outside, „лапки“ inside; typograf's cases for other locales (en, de, fr, pl, fi…), for three and more levels and for unbalanced quotes differ",
        "common/punctuation/quoteLink": "quotes inside a link stay inside it: moving them out of the <a> would change the link's text",
        "common/nbsp/nowrap": "<nobr> and <nowrap> are not HTML; portal neither writes nor reads them",
        "common/nbsp/replaceNbsp": "no-break spaces the author wrote are kept",
        "common/nbsp/afterSectionMark": "typograf's own cases expect both U+202F and U+00A0 after § for the same input (two settings); portal writes the narrow no-break space after § as after №",
        "common/nbsp/dpi": unitsTogether,
        "ru/nbsp/m": unitsTogether,
        "ru/nbsp/mln": unitsTogether,
        "ru/nbsp/rubleKopek": unitsTogether,
        "ru/nbsp/centuries": unitsTogether + "; «в. в.» is not merged into «вв.»; XX-XXI is a range and takes an en dash",
        "ru/nbsp/ps": notRewritingText + " (p.s. is not rewritten to P. S.)",
        "ru/nbsp/ooo": "not adopted: a no-break space after ООО, ЗАО, НИИ before a name in quotes",
        "ru/dash/koe": spelling,
        "ru/dash/taki": spelling,
        "ru/dash/to": spelling,
        "ru/dash/ka": spelling,
        "ru/dash/kakto": spelling,
        "ru/dash/izza": spelling,
        "ru/dash/izpod": spelling,
        "ru/dash/de": spelling,
        "ru/dash/surname": "a hyphen glued to the next word (Николай -он) is left as written: it may be a minus or a suffix",
    ]

    /// Single cases, by input.
    static let byCase: [String: String] = [
        "k....": "four dots are left as written, whatever letter precedes them",
        "XX - XXI": "a spaced hyphen between Roman numerals is read as a dash; XX-XXI without spaces is a range",
        "«Обожди... – сказал Морозно угрюмо. – Давай письмо...» (Фадеев).": "a spaced dash after an ellipsis or a full stop is bound to the text before it, as every spaced dash",
        "«Обожди… – сказал Морозно угрюмо. – Давай письмо...» (Фадеев).": "a spaced dash after an ellipsis or a full stop is bound to the text before it, as every spaced dash",
        "рос.руб.": "an abbreviation of three letters is not joined to the next (кто.рф. and other addresses look the same)",
        "рос.р.": "an abbreviation of three letters is not joined to the next (кто.рф. and other addresses look the same)",
        "а. е.м.": "a space is inserted only between parts written without any: «а. е.м.» keeps its mix",
        "г.Москва, ул. Тверская, д.  12": "two spaces in a row are left as written",
        "Санкт-Петербург, Пискаревский проспект, дом 2, корпус 2, литер Щ, БЦ «Бенуа».": "дом and литер are words, not abbreviations: not bound (typograf itself leaves «корпус 2»)",
        "2012-2015 г. г. ": "«г. г.» is not merged into «гг.» (text is not rewritten)",
        "2012-2015 г. г.\n2012-2015 г. г.": "«г. г.» is not merged into «гг.» (text is not rewritten)",
        "2012-2015г.г. ": "«г.г.» glued to the number is not split or merged (text is not rewritten)",
    ]

    static func reason(for item: TypografTests.Case) -> String? {
        byCase[item.input] ?? byRule[item.rule]
    }
}
