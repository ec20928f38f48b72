import Foundation
import PortalCore

// Words and stems of one page, and its search document from rendered HTML.

extension SearchIndex {
    /// The normalised words of `text` that go into the index (before stemming), in order.
    public static func words(_ text: String) -> [String] {
        var scanner = WordScanner()
        scanner.scan(text)
        return scanner.words.filter { !stopSet.contains($0) }
    }

    /// The stems `text` contributes to the index, in order (repeats included).
    public static func stems(_ text: String) -> [String] {
        var tokenizer = Tokenizer()
        var ids: [Int32] = []
        tokenizer.stems(of: text, into: &ids)
        return ids.map { tokenizer.stems[Int($0)] }
    }

    // MARK: - From rendered HTML

    /// A search document for a rendered page: headings and text are taken from the page's
    /// `<main>` element (the whole document if it has none), as `extract(html:)` does.
    public static func document(title: String, url: String, section: String, html: String) -> SearchDocument {
        let (headings, text) = extract(html: html)
        return SearchDocument(title: title, url: url, section: section, headings: headings, text: text)
    }

    /// The headings (h1–h6) and the plain text of rendered HTML. Only the `<main>` element is read
    /// when there is one; `head`, `title`, `nav`, `script`, `style`, `svg`, `noscript`, `template`, `form`,
    /// `select`, `textarea` and `button` elements are skipped (breadcrumbs, tables of contents,
    /// icons), and so is any element with `aria-hidden="true"` or a `data-search-skip` attribute;
    /// `h1` goes to the headings but not to the text (it repeats the title); an element with a
    /// `data-search-heading` attribute (not nested in one of its own name) is a heading too. Block
    /// elements are separated, entities decoded, white space collapsed. One pass, O(length).
    public static func extract(html: String) -> (headings: [String], text: String) {
        var extractor = HTMLText()
        HTMLTokenizer.reading(html) { extractor.read(&$0) }
        return (extractor.headings, extractor.text.finish())
    }
}
