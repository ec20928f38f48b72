import Foundation
import PortalBuild
import Testing

@Suite struct JoinedViewsTests {
    /// `page.children_views.<view>` and `page.breadcrumbs_views.<view>` write what the section
    /// over the list with `{{{views.<view>}}}` writes, byte for byte; a view the theme lacks
    /// writes nothing, as in the section form.
    @Test func aListsJoinedViewsAreTheSectionOverItsItems() throws {
        let site = try FixtureSite()
        try site.write("Themes/default/templates/views/item.mustache", "<li>{{page.title}}{{#page.date}} {{iso}}{{/page.date}}</li>\n")
        try site.write("Themes/default/templates/section.mustache",
                       "[A]{{#page.children}}{{{views.item}}}{{/page.children}}|{{#page.breadcrumbs}}{{{views.item}}}{{/page.breadcrumbs}}|"
                       + "{{#page.children}}{{{views.none}}}{{/page.children}}[/A]\n"
                       + "[B]{{{page.children_views.item}}}|{{{page.breadcrumbs_views.item}}}|{{{page.children_views.none}}}[/B]\n")
        try site.build()
        let html = try site.html("stages/index.html")
        func between(_ open: String, _ close: String) -> String? {
            guard let start = html.range(of: open), let end = html.range(of: close, range: start.upperBound..<html.endIndex) else { return nil }
            return String(html[start.upperBound..<end.lowerBound])
        }
        let sectionForm = try #require(between("[A]", "[/A]"))
        #expect(sectionForm.contains("<li>Запуск</li>\n<li>Отбор наставников</li>\n"))
        #expect(sectionForm.hasSuffix("|<li>Главная</li>\n|") || sectionForm.contains("</li>\n|<li>"))
        #expect(between("[B]", "[/B]") == sectionForm)
    }
}
