import Foundation
import PortalBuild
import PortalCore
import Testing

/// Builds the fixture site under Tests/Fixtures/sites/basic and reads what was written.
@Suite struct EndToEndTests {
    @Test func buildsTheFixtureSite() throws {
        let site = try FixtureSite()
        let report = try site.build()
        #expect(report.pages == 10)

        // Home, section index, nested page, Cyrillic path transliterated.
        #expect(site.exists("index.html"))
        #expect(site.exists("stages/index.html"))
        #expect(site.exists("stages/nested/deep/index.html"))
        #expect(site.exists("novosti/itogi/index.html"))

        // The section page lists its children, ordered by `order`.
        let stages = try site.html("stages/index.html")
        let zapusk = try #require(stages.range(of: "<a href=\"/stages/zapusk/\">Запуск</a>"))
        let otbor = try #require(stages.range(of: "<a href=\"/stages/otbor/\">Отбор наставников</a>"))
        #expect(zapusk.lowerBound < otbor.lowerBound)
        // A folder without index.md is no section: its pages belong to the section above.
        #expect(stages.contains("<a href=\"/stages/nested/deep/\">Глубокая страница</a>"))

        // .md links rewritten to page URLs, with fragments; files made absolute.
        let about = try site.html("about/index.html")
        #expect(about.contains("<a href=\"/stages/\">этапы</a>"))
        #expect(about.contains("<a href=\"/stages/otbor/#kriterii\">этап 2</a>"))
        #expect(about.contains("<a href=\"/stages/nested/deep/\">глубокую страницу</a>"))
        #expect(about.contains("<img src=\"/files/plan.svg\" alt=\"План\" />"))
        #expect(about.contains("<time datetime=\"2025-09-01\">1\u{A0}сентября 2025\u{A0}г.</time>"))

        // Heading anchors: Cyrillic headings get usable, unique ids; the TOC links to them.
        let otborPage = try site.html("stages/otbor/index.html")
        #expect(otborPage.contains("<h2 id=\"kriterii\">Критерии</h2>"))
        #expect(otborPage.contains("<h2 id=\"kriterii-1\">Критерии</h2>"))
        #expect(otborPage.contains("<h2 id=\"section\">!!!</h2>"))
        #expect(otborPage.contains("<a class=\"toc\" href=\"#kriterii\">Критерии</a>"))

        // Menu marks the current page.
        #expect(stages.contains("<a href=\"/stages/\" aria-current=\"page\">Этапы</a>"))

        // Data file rendered through a template, with references resolved and Markdown fields.
        let mentors = try site.html("mentors/index.html")
        #expect(mentors.contains("<a href=\"/mentors/ivanova-anna/\">Иванова Анна Петровна</a>"))
        #expect(mentors.contains("<span>учитель\u{00A0}— учитель</span>"), "typography: no-break space before a dash")
        #expect(mentors.contains("<strong>олимпиадный</strong>"))
        #expect(site.exists("mentors/ivanova-anna/index.html"))

        // Assets of the theme and files of the content are copied.
        #expect(site.exists("assets/css/site.css"))
        #expect(site.exists("files/polozhenie.pdf"))
    }

    @Test func tableOfContentsAsReadyHTML() throws {
        let site = try FixtureSite()
        try site.write("Content/about.md", """
            ---
            title: О программе
            ---
            ## Цель <и> задачи
            ### Цель
            ### Задачи
            ## Этапы
            #### Не входит
            ## Итоги
            """)
        try site.write("Themes/default/templates/page.mustache", "<ol>{{{page.toc_html}}}</ol>")
        try site.build()
        #expect(try site.html("about/index.html") == """
            <ol><li><a href="#cel-i-zadachi">Цель &lt;и&gt; задачи</a><ol><li><a href="#cel">Цель</a></li>\
            <li><a href="#zadachi">Задачи</a></li></ol></li>
            <li><a href="#etapy">Этапы</a></li>
            <li><a href="#itogi">Итоги</a></li>
            </ol>
            """)
    }

    @Test func draftsAreLeftOutUnlessAsked() throws {
        let site = try FixtureSite()
        try site.build()
        #expect(!site.exists("news/draft-post/index.html"))
        #expect(try !site.html("news/index.html").contains("Черновик"))

        try site.build(drafts: true)
        #expect(site.exists("news/draft-post/index.html"))
        #expect(try site.html("news/index.html").contains("Черновик новости"))
    }

    @Test func mentorWithoutConsentIsNotPublished() throws {
        let site = try FixtureSite()
        let report = try site.build()
        #expect(report.warnings.map(\.said) == ["Content/data/mentors.yml:12:3 data.consent-missing"])
        #expect(report.warnings.first?.message.arguments == ["name": "petrov-secret"])
        for (path, data) in try site.snapshot() {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("petrov-secret") && !text.contains("Скрытов"), "leaked in \(path)")
        }
        #expect(!site.exists("mentors/petrov-secret/index.html"))
    }

}

@Suite struct TagPageTests {
    @Test func tagsGetAListAndAPageEach() throws {
        let site = try FixtureSite()
        try site.write("Content/novosti/itogi.md", "---\ntitle: Итоги года\ndate: 2025-05-28\ntags: [Итоги, наставничество]\n---\nИтоги.\n")
        try site.remove("Content/новости/итоги.md")
        try site.build()
        let tags = try site.html("tags/index.html")
        #expect(tags.contains("<a href=\"/tags/itogi/\">Итоги</a>"))
        #expect(tags.contains("<a href=\"/tags/nastavnichestvo/\">наставничество</a>"))
        #expect(try site.html("tags/itogi/index.html").contains("<a href=\"/novosti/itogi/\">Итоги года</a>"))
    }
}

@Suite struct PaginationTests {
    @Test func aSectionListIsSplitIntoPages() throws {
        let site = try FixtureSite()
        try site.write("Content/news/index.md", "---\ntitle: Новости\npaginate: 2\n---\n")
        for day in 1...5 {
            try site.write("Content/news/post-\(day).md", "---\ntitle: Новость \(day)\ndate: 2025-09-0\(day)\n---\n")
        }
        try site.write("Themes/default/templates/news/section.mustache", """
        {{<base}}{{$main}}<h1>{{page.title}}</h1>
        <ul>{{#page.children}}<li>{{title}}</li>{{/page.children}}</ul>
        {{#page.pager}}<nav>{{#prev_url}}<a rel="prev" href="{{.}}">←</a>{{/prev_url}} {{number}}/{{total}} {{#next_url}}<a rel="next" href="{{.}}">→</a>{{/next_url}}</nav>{{/page.pager}}
        {{/main}}{{/base}}
        """)
        try site.build()
        let first = try site.html("news/index.html")
        #expect(first.contains("<li>Новость\u{A0}5</li><li>Новость\u{A0}4</li></ul>"))
        #expect(first.contains("1/3 <a rel=\"next\" href=\"/news/page/2/\">→</a>"))
        let second = try site.html("news/page/2/index.html")
        #expect(second.contains("<li>Новость\u{A0}3</li><li>Новость\u{A0}2</li></ul>"))
        #expect(second.contains("<a rel=\"prev\" href=\"/news/\">←</a> 2/3 <a rel=\"next\" href=\"/news/page/3/\">→</a>"))
        #expect(try site.html("news/page/3/index.html").contains("<li>Новость\u{A0}1</li></ul>"))
        #expect(!site.exists("news/page/4/index.html"))
    }
}

@Suite struct StructuredDataTests {
    @Test func homeAndNewsGetJSONLD() throws {
        let site = try FixtureSite()
        try site.write("Themes/default/templates/page.mustache", "{{<base}}{{$main}}{{#page.json_ld}}<script type=\"application/ld+json\">{{{.}}}</script>{{/page.json_ld}}{{/main}}{{/base}}")
        try site.write("Themes/default/templates/home.mustache", "{{<base}}{{$main}}<script type=\"application/ld+json\">{{{page.json_ld}}}</script>{{/main}}{{/base}}")
        try site.write("Content/news/post.md", "---\ntitle: \"</script><b>Итоги</b>\"\ndate: 2025-09-01\n---\nТекст.\n")
        try site.build()
        let home = try site.html("index.html")
        #expect(home.contains("\"@type\":\"EducationalOrganization\""))
        let post = try site.html("news/post/index.html")
        #expect(post.contains("\"@type\":\"NewsArticle\""))
        #expect(post.contains("\"datePublished\":\"2025-09-01\""))
        #expect(post.contains("\\u003c/script\\u003e"), "a title cannot close the script element")
        #expect(!post.contains("</script><b>"))
        #expect(!(try site.html("about/index.html")).contains("ld+json"))
    }
}

@Suite struct TypographyScopeTests {
    @Test func titleAndMainGetTypographyTheRestAsWritten() throws {
        let site = try FixtureSite()
        try site.write("Content/about.md", "---\ntitle: \"Итоги - и \\\"планы\\\"\"\n---\nТекст - в \"кавычках\".\n")
        try site.build()
        let html = try site.html("about/index.html")
        #expect(html.contains("<title>Итоги\u{00A0}— и\u{00A0}«планы»\u{00A0}— Тестовый портал</title>"))
        #expect(html.contains("<p>Текст\u{00A0}— в\u{00A0}«кавычках».</p>"))
    }
}
