import Foundation
import Testing
import PortalCore
@testable import PortalSearch

/// The build-time search index (`SearchIndex.json(for:)`): words, stems, weights, format, size.
@Suite struct SearchIndexTests {
    /// The one-file index parsed back with JSONSerialization, postings decoded to absolute pages.
    struct Parsed {
        var docs: [[String: Any]]
        var terms: [String: [Int]]
        var vocab: [String]
        var stop: [String]
        var version: Int

        init(_ json: String) throws {
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
            let root = try #require(object as? [String: Any])
            docs = try #require(root["docs"] as? [[String: Any]])
            vocab = try #require(root["vocab"] as? [String])
            let lists = try #require(root["terms"] as? [[Int]])
            try #require(lists.count == vocab.count)
            terms = [:]
            for (stem, list) in zip(vocab, lists) { terms[stem] = Parsed.absolute(list) }
            stop = try #require(root["stop"] as? [String])
            version = try #require(root["v"] as? Int)
        }

        /// Postings with page gaps turned into page indexes.
        static func absolute(_ list: [Int]) -> [Int] {
            var out = list
            var page = 0
            for i in stride(from: 0, to: list.count - 1, by: 2) {
                page += list[i]
                out[i] = page
            }
            return out
        }

        /// Score of `stem` in document `doc`, nil when the document does not have it.
        func weight(_ stem: String, doc: Int) -> Int? {
            guard let postings = terms[stem] else { return nil }
            for i in stride(from: 0, to: postings.count - 1, by: 2) where postings[i] == doc { return postings[i + 1] }
            return nil
        }
    }

    // MARK: - Words

    @Test func tokenisesOnLettersAndDigits() {
        #expect(SearchIndex.words("Привет, МИР! Школа№9 — 2025/2026 учебный год; e-mail: a@b.ru")
            == ["привет", "мир", "школа", "9", "2025", "2026", "учебный", "год", "mail", "ru"])
    }

    @Test func dropsShortWordsAndStopWords() {
        // «и», «в» are one letter; «для», «не», «по» are stop words; «б» and «a» are too short.
        #expect(SearchIndex.words("Банк и наставники для школы не по плану в б a") == ["банк", "наставники", "школы", "плану"])
        #expect(SearchIndex.words("ИЗ ДЛЯ Не") == [])
        // A number is kept whatever its length.
        #expect(SearchIndex.words("этап 5") == ["этап", "5"])
    }

    @Test func foldsYoAndCase() {
        #expect(SearchIndex.words("Ёлка ЁЖИК") == ["елка", "ежик"])
        #expect(SearchIndex.stems("Ёлка") == SearchIndex.stems("елка"))
        #expect(SearchIndex.stems("зелёный") == SearchIndex.stems("ЗЕЛЕНЫЙ"))
    }

    @Test func ignoresAccentsAndSoftHyphensInsideWords() {
        // A stress mark (U+0301) and a soft hyphen (U+00AD) do not split the word.
        #expect(SearchIndex.words("учи\u{0301}тель настав\u{00AD}ник") == ["учитель", "наставник"])
        // A decomposed «й» (и + U+0306) is composed first, as the browser does.
        #expect(SearchIndex.words("краи\u{0306}") == ["край"])
    }

    @Test func inflectionsShareOneStem() {
        let forms = ["наставник", "наставника", "наставники", "наставниками", "наставникам", "наставников", "НАСТАВНИКУ"]
        let stems = Set(forms.flatMap { SearchIndex.stems($0) })
        #expect(stems == ["наставник"])
    }

    @Test func inflectionsMakeOneTermEntry() throws {
        let documents = [
            SearchDocument(title: "Банк наставников", url: "/mentors/", text: "Наставники гимназии. Стать наставником."),
            SearchDocument(title: "Новости", url: "/news/", text: "Школа наставника для наставниками"),
        ]
        let index = try Parsed(SearchIndex.json(for: documents))
        let keys = index.terms.keys.filter { $0.hasPrefix("настав") }
        #expect(keys == ["наставник"])
        #expect(index.terms["наставник"]?.count == 4) // two documents, each: index, score
    }

    // MARK: - Weights

    @Test func titleAndHeadingsWeighMore() throws {
        let filler = (0..<20).map { i in
            SearchDocument(title: "Страница \(i)", url: "/f\(i)/", text: "Просто текст о школе и уроках.")
        }
        let documents = [
            SearchDocument(title: "Кейсы", url: "/a/", headings: [], text: "Один кейс про олимпиаду."),
            SearchDocument(title: "Олимпиада по информатике", url: "/b/", text: "Текст без повторов."),
            SearchDocument(title: "Отчёт", url: "/c/", headings: ["Олимпиады"], text: "Ещё текст."),
            SearchDocument(title: "Много", url: "/d/", text: String(repeating: "олимпиада ", count: 40)),
        ] + filler
        let index = try Parsed(SearchIndex.json(for: documents))
        let inText = try #require(index.weight("олимпиад", doc: 0))
        let inTitle = try #require(index.weight("олимпиад", doc: 1))
        let inHeading = try #require(index.weight("олимпиад", doc: 2))
        let repeated = try #require(index.weight("олимпиад", doc: 3))
        #expect(inText >= 1)
        #expect(inHeading > inText)
        // BM25: repeating a word helps only up to a point (k1 + 1 times once), so a title, which
        // adds 3 to that, still counts for more.
        #expect(repeated > inText)
        #expect(repeated < 3 * inText)
        #expect(inTitle > repeated)
        // A rare word weighs more than a common one (idf): «школ» is on 20 of 24 pages.
        let common = try #require(index.weight("школ", doc: 4))
        let rare = try #require(index.weight("олимпиад", doc: 0))
        #expect(rare > common)
    }

    @Test func postingsAreInDocumentOrder() throws {
        let documents = (0..<30).map { SearchDocument(title: "Страница \($0)", url: "/p\($0)/", text: "общий текст") }
        let index = try Parsed(SearchIndex.json(for: documents))
        let postings = try #require(index.terms["общ"])
        let docs = stride(from: 0, to: postings.count, by: 2).map { postings[$0] }
        #expect(docs == Array(0..<30))
    }

    // MARK: - Format

    @Test func exactFormat() {
        let json = SearchIndex.json(for: [
            SearchDocument(title: "Банк наставников", url: "/mentors/", section: "", headings: ["Кто входит"],
                           text: "Педагоги и родители."),
            SearchDocument(title: "Педагоги", url: "/teachers/", text: "Педагоги гимназии."),
        ])
        let stop = SearchIndex.stopWords.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            .map { "\"\($0)\"" }.joined(separator: ",")
        #expect(json == """
            {"docs":[{"s":"","t":"Банк наставников","u":"/mentors/","x":"Педагоги и родители."},\
            {"s":"","t":"Педагоги","u":"/teachers/","x":"Педагоги гимназии."}],"n":2,\
            "stop":[\(stop)],\
            "terms":[[0,21],[0,10],[1,7],[0,21],[0,2,1,7],[0,7]],"v":2,\
            "vocab":["банк","вход","гимназ","наставник","педагог","родител"]}
            """)
    }

    @Test func shardedFilesSplitTermsAndPages() throws {
        let documents = Self.syntheticSite(pages: 60, words: 400)
        let files = SearchIndex.files(for: documents, textLimit: 200, sharded: true)
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.content) })
        let manifest = try #require(JSONSerialization.jsonObject(with: Data(files[0].content.utf8)) as? [String: Any])
        #expect(files[0].path == "search-index.json")
        #expect(manifest["docs"] == nil && manifest["terms"] == nil)
        let vocab = try #require(manifest["vocab"] as? [String])
        let shards = try #require(manifest["shards"] as? [Int])
        #expect(manifest["d"] as? Int == 4 && manifest["n"] as? Int == 60)
        #expect(shards.first == 0 && shards == shards.sorted())
        // Every stem's postings are in exactly one fragment, in vocabulary order, and agree with
        // the one-file index.
        let whole = try Parsed(SearchIndex.json(for: documents, textLimit: 200))
        var seen = 0
        for (k, start) in shards.enumerated() {
            let text = try #require(byPath["search/t-\(k).json"])
            let lists = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[Int]])
            let end = k + 1 < shards.count ? shards[k + 1] : vocab.count
            #expect(lists.count == end - start)
            for (offset, list) in lists.enumerated() {
                #expect(Parsed.absolute(list) == whole.terms[vocab[start + offset]])
            }
            seen += lists.count
        }
        #expect(seen == vocab.count)
        // Pages: 15 fragments of 4 records, in order.
        for k in 0..<15 {
            let text = try #require(byPath["search/d-\(k).json"])
            let records = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
            #expect(records.map { $0["u"] as? String } == (0..<4).map { "/section/page-\(k * 4 + $0)/" })
        }
        #expect(files.count == 1 + shards.count + 15)
    }

    /// Hash seeds differ per process: two `portal build`s of the same pages, each in its own
    /// process and output folder, write the same index bytes.
    @Test func deterministic() throws {
        let candidates = [".build/debug/portal", ".build/x86_64-unknown-linux-gnu/debug/portal"]
        let binary = try #require(candidates.map { URL(fileURLWithPath: $0) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }, "build the portal executable first")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-search-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("site/Content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("pages"), withIntermediateDirectories: true)
        try "title: Детерминизм\nlanguage: ru\nbase_url: https://example.ru/\ntheme: default\n"
            .write(to: content.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Themes")
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("site/Themes"), withDestinationURL: themes)
        // More pages than `shardedAbove`, so the fragments are compared too.
        for (i, document) in Self.syntheticSite(pages: 320, words: 60).enumerated() {
            try "---\ntitle: \"\(document.title)\"\n---\n## \(document.headings[0])\n\n\(document.text)\n"
                .write(to: content.appendingPathComponent("pages/p\(i).md"), atomically: true, encoding: .utf8)
        }
        var outputs: [[String: Data]] = []
        for run in 0..<2 {
            let output = folder.appendingPathComponent("out\(run)")
            let process = Process()
            process.executableURL = binary
            process.arguments = ["build", "--root", folder.appendingPathComponent("site").path, "--output", output.path]
            process.standardOutput = FileHandle.nullDevice
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            try #require(process.terminationStatus == 0, "portal build failed: \(message)")
            // Another process next time: drop the build cache so the index is computed again.
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("site/.portal-cache"))
            var files: [String: Data] = ["search-index.json": try Data(contentsOf: output.appendingPathComponent("search-index.json"))]
            for name in try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("search").path) {
                files["search/" + name] = try Data(contentsOf: output.appendingPathComponent("search/" + name))
            }
            outputs.append(files)
        }
        #expect(outputs[0].keys.contains("search/t-0.json"))
        #expect(outputs[0] == outputs[1])
    }

    @Test func parsesAsJSONWithAwkwardText() throws {
        let title = "«Кавычки» \"двойные\", обратная \\ черта, перевод\nстроки, таб\tи \u{2028}разделитель \u{01}"
        let json = SearchIndex.json(for: [SearchDocument(title: title, url: "/a/?b=1&c=2", section: "Раздел", text: "<b>не HTML</b>")])
        let index = try Parsed(json)
        #expect(index.docs[0]["t"] as? String == title)
        #expect(index.docs[0]["u"] as? String == "/a/?b=1&c=2")
        #expect(index.docs[0]["s"] as? String == "Раздел")
        #expect(index.docs[0]["x"] as? String == "<b>не HTML</b>")
        #expect(index.version == SearchIndex.formatVersion)
        #expect(index.stop.contains("для"))
        #expect(!json.contains("\u{2028}"))
    }

    @Test func textIsCollapsedAndCutAtAWord() throws {
        let text = "Первое   слово\n\nи  " + String(repeating: "длинноеслово ", count: 200)
        let index = try Parsed(SearchIndex.json(for: [SearchDocument(title: "T", url: "/", text: text)], textLimit: 100))
        let x = try #require(index.docs[0]["x"] as? String)
        #expect(x.hasPrefix("Первое слово и длинноеслово"))
        #expect(x.hasSuffix("длинноеслово…"))
        #expect(x.count <= 101)
        // Words past the cut are still indexed.
        #expect(index.terms["длинноеслов"] != nil)
        // Short text is kept whole.
        #expect(TextCutter.snippet(limit: 100).cut("  коротко  и ясно ") == "коротко и ясно")
    }

    @Test func smallForAFiftyPageSite() throws {
        let json = SearchIndex.json(for: Self.syntheticSite(pages: 50))
        let bytes = json.utf8.count
        #expect(bytes < 150_000, "index of 50 pages is \(bytes) bytes")
        let index = try Parsed(json)
        #expect(index.docs.count == 50)
    }

    @Test func manyPagesStayLinear() throws {
        // 2,000 pages of ~300 words: must finish quickly even in a debug build.
        let start = Date()
        let json = SearchIndex.json(for: Self.syntheticSite(pages: 2_000, words: 300))
        let seconds = Date().timeIntervalSince(start)
        #expect(json.hasPrefix("{\"docs\":[{"))
        #expect(seconds < 60, "2,000 pages took \(seconds) s")
    }

    // MARK: - From HTML

    @Test func extractsMainTextAndHeadings() {
        let html = """
            <!DOCTYPE html><html><head><title>Не это</title><script>var x = "<main>";</script></head>
            <body><header><nav>Меню сайта</nav></header>
            <main id="main" class="site-main"><div class="container">
            <nav class="breadcrumbs"><ol><li><a href="/">Главная</a></li></ol></nav>
            <h1 class="page-title">Банк наставников</h1>
            <nav class="toc"><h2>Содержание</h2><ol><li><a href="#a">Кто</a></li></ol></nav>
            <p>Банк&nbsp;наставников &laquo;гимназии&raquo; &amp; школы &#8470;&#x39;.</p>
            <h2 id="kto">Кто <em>входит</em></h2><ul><li>педагоги</li><li>родители</li></ul>
            <svg aria-hidden="true"><title>иконка</title></svg><span aria-hidden="true">скрыто</span>
            <span class="img-alt" data-search-skip>Портрет-заглушка</span><img src="a.png" alt="фото">
            <!-- комментарий --><button type="button">Кнопка</button>
            </div></main><footer>Подвал</footer></body></html>
            """
        let (headings, text) = SearchIndex.extract(html: html)
        #expect(headings == ["Банк наставников", "Кто входит"])
        #expect(text == "Банк наставников «гимназии» & школы №9. Кто входит · педагоги · родители")
        let document = SearchIndex.document(title: "Банк наставников", url: "/mentors/", section: "", html: html)
        #expect(document.headings == headings)
        #expect(document.text == text)
    }

    @Test func marksAnElementAsAHeading() {
        let html = "<main><p class=\"page-eyebrow\" data-search-heading>Этап <b>3</b> из 6</p><p>Текст этапа.</p></main>"
        let (headings, text) = SearchIndex.extract(html: html)
        #expect(headings == ["Этап 3 из 6"])
        #expect(text == "Этап 3 из 6 · Текст этапа.")
    }

    @Test func extractsWholeDocumentWithoutMain() {
        let (headings, text) = SearchIndex.extract(html: "<h2>Итоги</h2><p>Текст 1 &lt; 2</p><p>Ещё</p>")
        #expect(headings == ["Итоги"])
        #expect(text == "Итоги · Текст 1 < 2 · Ещё")
    }

    @Test func survivesHostileInput() throws {
        let pieces = ["<", ">", "&", "&#", "&#x;", "&#xD800;", "&#99999999999;", "&amp", "&bogus;", "<!--", "-->",
                      "<main>", "</main>", "<nav>", "</nav>", "<svg", "/>", "<h2>", "</h2>", "<h1 a='>'>", "\"", "'",
                      "<script>", "</script >", "<img alt=x>", "<span aria-hidden=\"true\">", "</span>", "\u{0}",
                      "\u{301}", "\u{AD}", "и\u{306}", "Ё", "наставник", "😀", "ǅ", "\u{2028}", " ", "\n", "9",
                      String(repeating: "я", count: 40)]
        var seed: UInt64 = 7
        for _ in 0..<1_500 {
            var html = ""
            for _ in 0..<(Int(seed % 24) + 1) {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                html += pieces[Int(seed >> 33) % pieces.count]
            }
            let (headings, text) = SearchIndex.extract(html: html)
            let document = SearchDocument(title: html, url: "/x/", section: text, headings: headings, text: text + html)
            let json = SearchIndex.json(for: [document], textLimit: Int(seed % 50))
            _ = try Parsed(json)
        }
    }

    // MARK: - Helpers

    static let vocabulary = """
        наставник наставника наставники наставниками наставляемый наставляемые программа программы \
        гимназия гимназии учитель учителя ученик ученики обучающиеся педагог педагоги родители \
        олимпиада олимпиады математика информатика литература проект проекты урок уроки \
        мониторинг анкетирование итоги кейс кейсы форма формы этап этапы запуск отбор обучение \
        банк куратор совет управляющий профориентация адаптация специалист специалисты молодой \
        опыт работа работы развитие поддержка результат результаты конкурс школа класс классы
        """.split(separator: " ").map(String.init)

    /// A deterministic site of `pages` pages, each `words` words from the vocabulary.
    static func syntheticSite(pages: Int, words: Int = 250) -> [SearchDocument] {
        var seed: UInt64 = 42
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(seed >> 33)
        }
        return (0..<pages).map { i in
            let text = (0..<words).map { _ in vocabulary[next() % vocabulary.count] }.joined(separator: " ")
            return SearchDocument(title: "Страница \(i): \(vocabulary[i % vocabulary.count])", url: "/section/page-\(i)/",
                                  section: "Раздел \(i % 5)", headings: ["Заголовок \(vocabulary[(i * 7) % vocabulary.count])"],
                                  text: text)
        }
    }
}
