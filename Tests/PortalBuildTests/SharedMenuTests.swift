import PortalBuild
import Testing

/// The menu a page's template sees is made once per menu state and shared by the pages with
/// that state (beside the fragments): each page still sees its own item marked.
@Suite struct SharedMenuTests {
    @Test func pagesWithDifferentMenuStatesSeeTheirOwnMarks() throws {
        let site = try FixtureSite()
        try site.write("Themes/default/templates/page.mustache",
                       "<nav>{{#menu}}[{{title}}{{#current}} current{{/current}}{{#active}} active{{/active}}]{{/menu}}</nav>\n")
        try site.write("Themes/default/templates/section.mustache", "{{> page}}")
        try site.write("Themes/default/templates/home.mustache", "{{> page}}")
        try site.build()
        #expect(try site.html("index.html").contains("<nav>[Главная current active][Этапы][Наставники]</nav>"))
        #expect(try site.html("stages/index.html").contains("<nav>[Главная][Этапы current active][Наставники]</nav>"))
        #expect(try site.html("stages/otbor/index.html").contains("<nav>[Главная][Этапы active][Наставники]</nav>"))
        #expect(try site.html("about/index.html").contains("<nav>[Главная][Этапы][Наставники]</nav>"))
        // A second page in the same section gets the same marks from the shared menu.
        #expect(try site.html("stages/nested/deep/index.html").contains("<nav>[Главная][Этапы active][Наставники]</nav>"))
    }
}
