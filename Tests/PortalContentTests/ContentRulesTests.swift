import Foundation
import PortalContent
import PortalCore
import Testing

private func site(_ files: [String: String]) throws -> URL {
    try temporarySite(files)
}

/// The load's errors, or its warnings when it succeeds, as the CLI prints them in English.
private func messages(_ root: URL, model: DataModel = .none,
                      options: LoadOptions = LoadOptions(today: SimpleDate(parsing: "2026-01-15")!)) -> [String] {
    do {
        return try SiteLoader.load(root: root, model: model, options: options).1.map { $0.formatted(in: .english) }
    } catch {
        return error.diagnostics.map { $0.formatted(in: .english) }
    }
}

@Suite struct ContentRulesTests {
    @Test func anUnknownFrontMatterKeyIsAnErrorWithASuggestion() throws {
        let lines = messages(try site(["about.md": "---\ntitle: О программе\ntitel: опечатка\n---\nТекст.\n"]))
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Content/about.md:3:1: error:") == true)
        #expect(lines.first?.contains("title") == true)
    }

    @Test func aDataValueOfTheWrongTypeIsReportedAtItsValue() throws {
        let events = "- id: open-day\n  title: День открытых дверей\n  seats: двадцать\n"
        let model = DataModel(schemas: ["events": FileSchema(idKey: "id", record: RecordSchema([
            Field("id", .text, unique: true), Field("title", .text), Field("seats", .wholeNumber),
        ]))])
        let lines = messages(try site(["data/events.yml": events]), model: model)
        #expect(lines.contains { $0.hasPrefix("Content/data/events.yml:3:10: error:") && $0.contains("двадцать") }, "\(lines)")
        // Without a schema the same file is free YAML: no error.
        #expect(messages(try site(["data/events.yml": events])) == [])
    }

    @Test func draftsAndFuturePagesAreLeftOutUnlessAskedFor() throws {
        let root = try site([
            "index.md": "---\ntitle: Главная\n---\n",
            "a.md": "---\ntitle: Черновик\ndraft: true\n---\n",
            "b.md": "---\ntitle: Потом\npublish_date: 2027-01-01\n---\n",
        ])
        let today = SimpleDate(parsing: "2026-01-15")!
        let plain = try SiteLoader.load(root: root, model: .none, options: LoadOptions(today: today)).0.pages.map(\.url)
        #expect(Set(plain).isDisjoint(with: ["/a/", "/b/"]))
        let all = try SiteLoader.load(root: root, model: .none, options: LoadOptions(includeDrafts: true, includeFuture: true, today: today)).0
        #expect(Set(all.pages.map(\.url)).isSuperset(of: ["/", "/a/", "/b/"]))
    }

    @Test func siteYmlWithoutATitleIsAnErrorAtSiteYml() throws {
        let lines = messages(try site(["site.yml": "base_url: https://school.example.ru/\n"]))
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Content/site.yml") == true, "\(lines)")
        #expect(lines.first?.contains("title") == true)
    }
}
