import Foundation
import PortalCore
import PortalTemplates
import Testing

/// `location id` of each error (`Themes/t/templates/page.mustache:2:2 template.unknown`).
private func errors(_ result: Result<Theme, BuildFailure>) -> [String] {
    guard case .failure(let failure) = result else { return [] }
    return failure.diagnostics.map { "\($0.location.map(\.description) ?? "portal") \($0.message.id)" }
}

@Suite struct ThemeTests {
    @Test func rendersWithEscapingAndPartials() throws {
        let loaded = try theme(["page": "<h1>{{title}}</h1>{{> parts/foot}}", "parts/foot": "<p>{{{html}}}</p>"]).get()
        #expect(loaded.has("page") && loaded.has("parts/foot") && !loaded.has("home"))
        let html = loaded.render("page", context: ["title": "A & \"B\" <c>", "html": "<b>ok</b>"])
        #expect(html == "<h1>A &amp; &quot;B&quot; &lt;c&gt;</h1><p><b>ok</b></p>")
    }

    @Test func syntaxErrorsAreLocatedOnTheirLine() throws {
        #expect(errors(try theme(["page": "<p>\n  {{#list}}x{{/other}}\n"])) == [
            "Themes/t/templates/page.mustache:2:16 template.syntax",
        ])
        // The pragma put before line 1 does not shift its columns.
        #expect(errors(try theme(["page": "{{#a}}"])).first?.hasPrefix("Themes/t/templates/page.mustache:1:") == true)
    }

    @Test func unknownPartialsAndCyclesAreErrors() throws {
        #expect(errors(try theme(["page": "x\n {{> missing}}"])) == [
            "Themes/t/templates/page.mustache:2:2 template.unknown",
        ])
        #expect(errors(try theme(["a": "{{> b}}", "b": "{{> a}}"])).map { $0.hasSuffix(" template.cycle") } == [true])
        // Recursion inside a section ends when the data does (a tree): allowed.
        #expect(errors(try theme(["tree": "{{#children}}{{> tree}}{{/children}}"])).isEmpty)
    }

    @Test func fragmentsCannotUsePageValuesNorViewsTheMenu() throws {
        #expect(errors(try theme(["fragments/header": "{{page.title}}"])) == ["Themes/t/templates/fragments/header.mustache:1:1 template.page-value-in-fragment"])
        #expect(errors(try theme(["views/item": "{{#menu}}{{/menu}}"])) == ["Themes/t/templates/views/item.mustache:1:1 template.value-missing-in-view"])
        #expect(errors(try theme(["views/item": "{{page.title}} {{site.title}}"])).isEmpty)
    }

    @Test func assetsAreListedUnderAssets() throws {
        let loaded = try theme(["page": ""], assets: ["css/site.css": "body{}", ".hidden": "x"]).get()
        #expect(loaded.assets.map(\.destination) == ["assets/css/site.css"])
    }

    @Test func aMissingThemeNamesTheFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("portal-theme-\(UUID().uuidString)")
        let result = Result { () throws(BuildFailure) in try Theme.load(root: root, name: "nope") }
        #expect(errors(result) == ["Content/site.yml theme.not-found"])
    }
}
