import Foundation
import PortalContent
import PortalCore
import Testing

/// PortalContent knows no data file by name: what a file holds, who is withheld, how a
/// spreadsheet's columns are headed and which pages the data makes all come from the
/// `DataModel` the loader is given. These tests give it one of their own.
@Suite struct DataModelTests {
    private func site(_ files: [String: String]) throws -> URL {
        try temporarySite(files, homePage: true)
    }

    /// Volunteers: shown only with `public: да`; one who left (`left:` a date) is remembered by name.
    private let volunteers = DataModel(
        schemas: [
            "teams": FileSchema(idKey: "code", record: RecordSchema([Field("code", .text, unique: true), Field("title", .text)])),
            "volunteers": FileSchema(idKey: "id", record: RecordSchema([
                Field("id", .text, unique: true), Field("name", .text), Field("team", .reference("teams")),
                Field("public", .flag), .optional("left", .date), .optional("photo", .path), .optional("photo_alt", .text),
            ])),
        ],
        resolutionOrder: ["teams", "volunteers"],
        columnLabels: ColumnLabels(["name": ["фио"], "team": ["команда"], "public": ["показывать"]]),
        // Messages come from the catalogue; the rule picks which (the consent ones will do here).
        rules: ["volunteers": EntryRule { entry in
            if let left = entry.fields["left"]?.dateValue, left <= entry.today {
                return .init(key: "left", message: .consentWithdrawn(name: entry.who, date: left),
                             withdrawnName: entry.fields["name"]?.string)
            }
            guard entry.fields["public"]?.bool != true else { return nil }
            return .init(key: "public", message: entry.inSpreadsheet ? .consentMissingInSpreadsheet(name: entry.who)
                                                                     : .consentMissing(name: entry.who))
        }],
        derivedPages: { pages, data, _ in
            guard pages.contains(where: { $0.url == "/" }) else { return [] }
            return (data["teams"]?.entries ?? []).map { team in
                Page(kind: .page, source: data["teams"]!.path, url: "/teams/\(team.id!)/", title: team.fields["title"]?.string ?? "",
                     description: nil, date: nil, order: nil, tags: [], draft: false, publishDate: nil, expiryDate: nil,
                     template: nil, templateLocation: nil, aliases: [], showTOC: false, extra: .map([:]), body: "", bodyLine: 1,
                     entry: nil, parentURL: "/")
            }
        })

    private let today = LoadOptions(today: SimpleDate(parsing: "2026-01-15")!)

    @Test func aFileIsCheckedAgainstTheSchemaTheModelGives() throws {
        let root = try site([
            "data/teams.yml": "- code: green\n  title: Зелёные\n",
            "data/volunteers.yml": "- id: a\n  name: Анна\n  team: grean\n  public: true\n",
        ])
        do {
            _ = try SiteLoader.load(root: root, model: volunteers, options: today)
            Issue.record("a reference to no team must fail")
        } catch {
            #expect(error.diagnostics.map(\.location?.description) == ["Content/data/volunteers.yml:3:9"])
            #expect(error.diagnostics.first?.message.id == "data.unknown-reference")
            #expect(error.diagnostics.first?.message.arguments == ["key": "volunteers[0].team", "id": "grean", "file": "teams.yml",
                                                                   "closest": "green"])
        }
        // The same files under a model without schemas are free YAML.
        #expect(throws: Never.self) { try SiteLoader.load(root: root, model: .none, options: today) }
    }

    @Test func theModelsRuleWithholdsAnEntryAndItsPhoto() throws {
        let root = try site([
            "data/teams.yml": "- code: green\n  title: Зелёные\n",
            "data/volunteers.yml": """
            - id: anna
              name: Анна
              team: green
              public: true
            - id: boris
              name: Борис
              team: green
              public: false
              photo: people/boris.jpg
              photo_alt: Борис у доски
            - id: vera
              name: Вера
              team: green
              public: true
              left: 2026-01-10

            """,
            "people/boris.jpg": "not really a photo",
        ])
        let (site, warnings) = try SiteLoader.load(root: root, model: volunteers, options: today)
        #expect(site.entries("volunteers").compactMap(\.id) == ["anna"])
        #expect(site.data["volunteers"]?.withheldIDs == ["boris", "vera"])
        #expect(site.data["volunteers"]?.withdrawnNames == ["vera": "Вера"])
        #expect(!site.files.map(\.destination).contains("people/boris.jpg"), "a withheld entry's photo is not published")
        #expect(warnings.map { "\($0.location!) \($0.severity) \($0.message.id) \($0.message.arguments["name"]!)" } == [
            "Content/data/volunteers.yml:8:11 warning data.consent-missing boris",
            "Content/data/volunteers.yml:15:9 warning data.consent-withdrawn vera",
        ])
        // The model the site was loaded with stays with it (templates resolve in its order).
        #expect(site.dataModel.resolutionOrder == ["teams", "volunteers"])
        #expect(site.page(at: "/teams/green/")?.title == "Зелёные", "the model's derived pages")
    }

    @Test func aSpreadsheetsColumnsMayBeHeadedByTheModelsLabels() throws {
        let root = try site([
            "data/teams.yml": "- code: green\n  title: Зелёные\n",
            "data/volunteers.csv": "id,ФИО,Команда,Показывать,Черновик\nanna,Анна,green,да,\nboris,Борис,green,нет,\ngleb,Глеб,green,да,да\n",
        ])
        let (site, warnings) = try SiteLoader.load(root: root, model: volunteers, options: today)
        #expect(site.entries("volunteers").map { $0.fields["name"]?.string } == ["Анна"])
        #expect(warnings.map { "\($0.location!) \($0.message.id) \($0.message.arguments["name"]!)" }
                == ["Content/data/volunteers.csv:3:4 data.consent-missing-in-spreadsheet boris"])
        // A label the model does not give is not a column of the file; the message lists the model's.
        let wrong = try self.site([
            "data/teams.yml": "- code: green\n  title: Зелёные\n",
            "data/volunteers.csv": "id,Имя\nanna,Анна\n",
        ])
        #expect(throws: BuildFailure.self) { try SiteLoader.load(root: wrong, model: volunteers, options: today) }
        do {
            _ = try SiteLoader.load(root: wrong, model: volunteers, options: today)
        } catch {
            let first = error.diagnostics.first
            #expect(first?.location?.description == "Content/data/volunteers.csv:1:2")
            #expect(first?.message.id == "data.unknown-column")
            #expect(first?.message.arguments["allowed"]?.hasPrefix("id (id), name (Фио), team (Команда), public (Показывать)") == true,
                    "\(first?.message.arguments ?? [:])")
        }
    }
}
