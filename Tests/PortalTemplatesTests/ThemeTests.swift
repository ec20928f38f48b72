import Foundation
import PortalCore
import PortalTemplates
import Testing

private func errors(_ result: Result<Theme, BuildFailure>) -> [String] {
    guard case .failure(let failure) = result else { return [] }
    return failure.diagnostics.map { $0.formatted(in: .english) }
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
            "Themes/t/templates/page.mustache:2:16: error: template syntax: this closing tag {{/…}} does not match the section it closes",
        ])
        // The pragma put before line 1 does not shift its columns.
        #expect(errors(try theme(["page": "{{#a}}"])).first?.hasPrefix("Themes/t/templates/page.mustache:1:") == true)
    }

    @Test func unknownPartialsAndCyclesAreErrors() throws {
        #expect(errors(try theme(["page": "x\n {{> missing}}"])) == [
            "Themes/t/templates/page.mustache:2:2: error: unknown template \"missing\" (no file missing.mustache in the theme's templates)",
        ])
        #expect(errors(try theme(["a": "{{> b}}", "b": "{{> a}}"])).count == 1)
        // Recursion inside a section ends when the data does (a tree): allowed.
        #expect(errors(try theme(["tree": "{{#children}}{{> tree}}{{/children}}"])).isEmpty)
    }

    @Test func fragmentsCannotUsePageValuesNorViewsTheMenu() throws {
        #expect(errors(try theme(["fragments/header": "{{page.title}}"])).first?.contains("a fragment is rendered once") == true)
        #expect(errors(try theme(["views/item": "{{#menu}}{{/menu}}"])).first?.contains("a view is rendered once per page") == true)
        #expect(errors(try theme(["views/item": "{{page.title}} {{site.title}}"])).isEmpty)
    }

    @Test func assetsAreListedUnderAssets() throws {
        let loaded = try theme(["page": ""], assets: ["css/site.css": "body{}", ".hidden": "x"]).get()
        #expect(loaded.assets.map(\.destination) == ["assets/css/site.css"])
    }

    @Test func aMissingThemeNamesTheFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("portal-theme-\(UUID().uuidString)")
        let result = Result { () throws(BuildFailure) in try Theme.load(root: root, name: "nope") }
        #expect(errors(result) == ["Content/site.yml: error: theme \"nope\" not found: there is no folder Themes/nope/templates"])
    }
}
