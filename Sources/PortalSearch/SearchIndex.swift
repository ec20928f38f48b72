// The site's search index: built once at build time, written to Public/search-index.json and
// queried in the browser by Themes/default/assets/js/search.js (no server, no external service).
//
// Format (UTF-8 JSON, one line per file, non-ASCII written as is, keys sorted, no timestamps, so
// two builds of the same site give the same bytes). A small site has one file, the manifest
// `search-index.json` with everything in it:
//
//     {"docs":[{"s":"Банк наставников","t":"Иванова Анна Сергеевна",
//               "u":"/mentors/ivanova-anna/","x":"Учитель высшей квалификационной категории …"}, …],
//      "n":46, "stop":["без","более", …], "terms":[[0,31,2,12, …], …], "v":2,
//      "vocab":["1","2025","банк", …, "наставник", …]}
//
// A large site (`sharded`) keeps the manifest small and puts the rest in fragments that a query
// loads as it needs them:
//
//     search-index.json   {"d":4,"n":10013,"shards":[0,212,371, …],"stop":[…],"v":2,"vocab":[…]}
//     search/t-K.json     [[postings of vocab[shards[K]]], [… of the next stem], …] up to shards[K+1]
//     search/d-K.json     [{"s":…,"t":…,"u":…,"x":…}, …]: the records of pages K·d … K·d + d − 1
//
// - `vocab`: every stem of the index (Snowball, `RussianStemmer`), sorted by UTF-8 bytes, so the
//   browser knows which words exist (exact, one typo away, or starting with what was typed)
//   before it loads any postings; `terms` (or the fragments) list the postings in that order.
// - postings: a flat list `page, score, page, score, …`, pages rising and written as the gap
//   from the previous one (the first as is). The score is BM25 (k1 1.2, b 0.75) of the stem in the
//   page's text plus 3 when it is in the title and 1.5 when in a heading, times the stem's idf,
//   ×10 and rounded (at least 1): the browser adds up the scores of the query's words.
// - docs: one record per page, in the order given: `t` title, `u` URL (site-relative), `s` title
//   of the page's section ("" for none), `x` the page's plain text with whitespace collapsed,
//   cut at a word boundary after `textLimit` characters (an ellipsis marks the cut), from which
//   the browser takes the snippet.
// - `n`: the number of pages; `d`: pages per docs fragment; `shards`: the index in `vocab` of
//   the first stem of each term fragment.
// - `stop`: the stop words left out of the index; the browser drops them from queries too, so
//   «банк и наставники» still finds pages that have both «банк» and «наставники».
// - `v`: format version.
//
// Words (the same rules in search.js's `tokenise`): maximal runs of letters and digits (Unicode
// L* and N*) in NFC; combining accents (U+0300–U+036F, e.g. a stress mark) and soft hyphens are
// ignored inside a word; lowercased; «ё» folded to «е». A word is indexed when it has at least
// 2 characters (any number, even one digit, is kept), at most 32, and is not a stop word; then
// it is stemmed. Everything is one pass over the text, with stems memoised across pages: O(total
// words), plus sorting the vocabulary once.
//
// For a rendered page, `SearchIndex.document(title:url:section:html:)` takes the headings and the
// text from the page's <main> (navigation, scripts, icons and elements marked `data-search-skip`
// or `aria-hidden="true"` left out), so only what the page shows to everyone is indexed.

import Foundation
import PortalCore

/// What the search index knows of one page.
public struct SearchDocument: Sendable, Hashable {
    public var title: String
    /// Site-relative URL (`/mentors/`).
    public var url: String
    /// Title of the page's section (`Новости`), empty for pages outside any section.
    public var section: String
    /// Headings of the page (their words weigh more than the text's).
    public var headings: [String]
    /// Plain text of the page (no HTML).
    public var text: String

    public init(title: String, url: String, section: String = "", headings: [String] = [], text: String) {
        self.title = title
        self.url = url
        self.section = section
        self.headings = headings
        self.text = text
    }
}

/// Builds the JSON search index of a site; see the format at the top of this file.
public enum SearchIndex {
    public static let formatVersion = 2
    /// Characters of a page's text kept for snippets.
    public static let defaultTextLimit = 1000
    static let minWordLength = 2
    static let maxWordLength = 32

    /// Common Russian function words (already lowercase, ё as е), left out of the index.
    public static let stopWords: [String] = [
        "без", "более", "бы", "был", "была", "были", "было", "быть", "вам", "вас", "весь", "во",
        "вот", "все", "всего", "всех", "вы", "где", "да", "даже", "для", "до", "его", "ее", "ей",
        "ему", "если", "есть", "еще", "же", "за", "здесь", "из", "или", "им", "их", "как", "ко",
        "когда", "кто", "ли", "либо", "между", "мне", "мы", "на", "над", "не", "него", "нее",
        "нет", "ни", "них", "но", "ну", "об", "однако", "он", "она", "они", "оно", "от", "очень",
        "перед", "по", "под", "после", "при", "про", "со", "так", "также", "там", "те", "тем",
        "то", "того", "тоже", "той", "только", "том", "ты", "уже", "чем", "через", "что", "чтобы",
        "эта", "эти", "это", "этот",
    ]
    static let stopSet = Set(stopWords)
    /// In the index's key order (UTF-8 bytes).
    static let sortedStopWords = stopWords.sorted { String.utf8Order($0, $1) < 0 }

    struct ChunkRange: Sendable {
        var start: Int
        var end: Int
    }

    // MARK: - The index

    /// The one-file index of `documents` (the doc index is the position in the list), keeping up
    /// to `textLimit` characters of each page's text for snippets: what a small site publishes.
    public static func json(for documents: [SearchDocument], textLimit: Int = defaultTextLimit) -> String {
        files(for: documents, textLimit: textLimit, sharded: false)[0].content
    }

    /// The index of `documents` as files: first the manifest (`search-index.json`), then, when
    /// `sharded`, the fragments under `search/`.
    public static func files(for documents: [SearchDocument], textLimit: Int = defaultTextLimit,
                             sharded: Bool) -> [SearchFile] {
        let model = SearchModel(documents: documents)
        return SearchWriter(model: model, documents: documents, textLimit: textLimit, sharded: sharded).files()
    }
}
