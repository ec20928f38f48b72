import Foundation
import PortalContent
import PortalCore
import PortalProgramme
import Testing

private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/sites")

/// The programme's consent rule, as the data model gives it to the loader.
@Suite struct ConsentRuleTests {
    @Test func aMentorWithoutConsentIsNotInTheModel() throws {
        let (site, warnings) = try SiteLoader.load(root: fixtures.appendingPathComponent("basic"), model: Programme.dataModel)
        #expect(site.entries("mentors").compactMap(\.id) == ["ivanova-anna"])
        #expect(site.data["mentors"]?.withheldIDs == ["petrov-secret"])
        #expect(warnings.count == 1)
        #expect(site.entries("mentors").first?.fields["about_html"] == .string("<p>Ведёт <strong>олимпиадный</strong> кружок.</p>\n"))
    }

    @Test func withoutTheProgrammesModelNothingIsWithheld() throws {
        // The rule is the programme's, not the loader's: proof that it comes in with the model.
        let (site, warnings) = try SiteLoader.load(root: fixtures.appendingPathComponent("basic"), model: .none)
        #expect(site.entries("mentors").compactMap { $0.fields["id"]?.string } == ["ivanova-anna", "petrov-secret"])
        #expect(warnings.isEmpty)
    }

    @Test func theRuleSaysWhyAndRemembersAWithdrawnName() throws {
        let today = SimpleDate(parsing: "2026-01-15")!
        func ask(_ fields: [String: DataValue], spreadsheet: Bool = false) -> EntryRule.Withholding? {
            Consent.rule.withhold(.init(fields: fields, who: "ivanova", today: today, inSpreadsheet: spreadsheet))
        }
        #expect(ask(["consent": .bool(true)]) == nil)
        #expect(ask([:])?.key == nil)
        #expect(ask([:])?.message.id == "data.consent-missing")
        #expect(ask([:])?.message.arguments == ["name": "ivanova"])
        #expect(ask([:], spreadsheet: true)?.key == "consent")
        #expect(ask([:], spreadsheet: true)?.message.id == "data.consent-missing-in-spreadsheet")
        let withdrawn = ask(["consent": .bool(true), "name": .string("Иванова Анна"), "consent_withdrawn": .date(SimpleDate(parsing: "2026-01-10")!)])
        #expect(withdrawn?.key == "consent_withdrawn")
        #expect(withdrawn?.withdrawnName == "Иванова Анна")
        // Not yet: a withdrawal dated after the build's day.
        #expect(ask(["consent": .bool(true), "name": .string("Иванова Анна"), "consent_withdrawn": .date(SimpleDate(parsing: "2026-02-01")!)]) == nil)
    }
}
