import PortalMarkdown
import Testing

@Suite struct MarkdownTests {
    @Test func cyrillicHeadingsGetUsableUniqueIds() {
        let rendered = Markdown.render("## Этапы\n\n## Этапы\n\n### Цель: «поддержка»\n\n## 2025\n\n## ???\n")
        #expect(rendered.headings.map(\.id) == ["etapy", "etapy-1", "cel-podderzhka", "2025", "section"])
        #expect(rendered.html.contains("<h2 id=\"etapy\">Этапы</h2>"))
        #expect(rendered.html.contains("<h3 id=\"cel-podderzhka\">Цель: «поддержка»</h3>"))
    }

    @Test func headingInlineMarkupIsKept() {
        let rendered = Markdown.render("## Этап *второй*\n")
        #expect(rendered.html == "<h2 id=\"etap-vtoroy\">Этап <em>второй</em></h2>\n")
        #expect(rendered.headings.first?.text == "Этап второй")
    }

    @Test func onlyTheDocumentsOwnHeadingsGetIds() {
        let source = "## Цели\n\n> ## Цитата\n\n- ## В списке\n\n`<h2>` и\n\n```\n<h3>код</h3>\n```\n\n## Итоги\n"
        let rendered = Markdown.render(source)
        #expect(rendered.headings.map(\.id) == ["celi", "itogi"])
        #expect(rendered.html.contains("<h2 id=\"celi\">Цели</h2>"))
        #expect(rendered.html.contains("<blockquote>\n<h2>Цитата</h2>"))
        #expect(rendered.html.contains("<li>\n<h2>В списке</h2>"))
        #expect(rendered.html.contains("<code>&lt;h2&gt;</code>"))
        #expect(rendered.html.contains("<h2 id=\"itogi\">Итоги</h2>"))

        // Raw HTML, where allowed, cannot take a heading's id either.
        let raw = Markdown.render("<h2>Своя разметка</h2>\n\n## Этапы\n", options: .init(unsafeHTML: true))
        #expect(raw.html == "<h2>Своя разметка</h2>\n<h2 id=\"etapy\">Этапы</h2>\n")
    }

    @Test func rawHTMLIsEscapedUnlessAllowed() {
        let source = "<script>alert(1)</script>\n\n[x](javascript:alert(1))\n"
        let safe = Markdown.render(source).html
        #expect(!safe.contains("<script>"))
        #expect(safe.contains("<!-- raw HTML omitted -->"))
        #expect(safe.contains("<a href=\"\">x</a>"))
        let unsafe = Markdown.render(source, options: .init(unsafeHTML: true)).html
        #expect(unsafe.contains("<script>alert(1)</script>"))
    }

    @Test func linksAreOfferedForRewritingWithPositions() {
        var seen: [Markdown.Link] = []
        let rendered = Markdown.render("Текст\n\nСм. [этап](../stages/2.md#a) и ![фото](img.png)\n") { link in
            seen.append(link)
            return link.isImage ? nil : "/stages/2/#a"
        }
        #expect(seen.map(\.destination) == ["../stages/2.md#a", "img.png"])
        #expect(seen.first?.line == 3)
        #expect(seen.last?.text == "фото")
        #expect(rendered.html.contains("<a href=\"/stages/2/#a\">этап</a>"))
    }

    @Test func firstParagraphAndPlainText() {
        let rendered = Markdown.render("- пункт\n\nПервый *абзац*\nпродолжение.\n\nВторой.\n")
        #expect(rendered.firstParagraph == "Первый абзац продолжение.")
        #expect(rendered.plainText.contains("Второй."))
    }
}

@Suite struct SlugTests {
    @Test(arguments: [
        ("Итоги первого года", "itogi-pervogo-goda"),
        ("Банк наставляемых", "bank-nastavlyaemyh"),
        ("Организация работы", "organizaciya-raboty"),
        ("Щука и ёж: объявление", "schuka-i-ezh-obyavlenie"),
        ("  Hello, World!  ", "hello-world"),
        ("2025/2026", "2025-2026"),
        // Ukrainian and Belarusian letters, capitals too; other scripts and symbols break words.
        ("Їжак, Ґанок — Євген Ў і ЁЖ ъ", "yizhak-ganok-yevgen-u-i-ezh"),
        ("«Цели» программы… ΑΒΓ 🙂 Schüler", "celi-programmy-sch-ler"),
    ])
    func transliterates(input: String, expected: String) {
        #expect(Slug.make(input) == expected)
    }

    @Test func nothingUsableIsNil() {
        #expect(Slug.make("!!!") == nil)
        #expect(Slug.make("") == nil)
    }
}
