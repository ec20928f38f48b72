import Foundation
import PortalContent
import PortalCore
import PortalMarkdown
import PortalTemplates

/// The render stage for one page: Markdown to HTML (links rewritten, headings with ids), the
/// page's template, then Russian typography.
struct PageRenderer: Sendable {
    let site: Site
    let theme: Theme
    let context: SiteView
    let fragments: FragmentCache
    /// What each page gave the site's indexes in the build that made this renderer (for the preview).
    var indexes: [SiteIndexes.Contribution] = []

    init(site: Site, theme: Theme, context: SiteView) {
        self.site = site
        self.theme = theme
        self.context = context
        self.fragments = FragmentCache(theme: theme, typography: site.config.typography)
    }

    struct Output: Sendable {
        /// The page, as the UTF-8 bytes written to its file.
        var bytes: [UInt8]
        /// The page as text (made from `bytes` when asked for).
        var html: String { String(decoding: bytes, as: UTF8.self) }
        var diagnostics: [Diagnostic]
        /// The template that rendered the page.
        var template: String? = nil
        /// The Markdown body alone, rendered (its text, headings, and links with positions).
        var body: Markdown.Rendered = .empty
    }

    /// The page's Markdown body alone (links rewritten), without its template.
    func markdown(for page: Page) -> Markdown.Rendered {
        var log = DiagnosticLog()
        return markdown(for: page, log: &log)
    }

    private func markdown(for page: Page, log: inout DiagnosticLog) -> Markdown.Rendered {
        guard !page.body.isEmpty else { return .empty }
        if !site.config.unsafeHTML { UnsafeMarkdown.warnRawHTML(in: page, log: &log) }
        // Photos become <picture> with their copies; a page's cover is shown before its text.
        var imageLog = DiagnosticLog()
        var first = page.cover == nil
        let images = context.images
        let rendered = Markdown.render(page.body, options: site.config.markdownOptions, rewrite: { link in
            LinkResolver.rewrite(link, in: page, site: site, log: &log)
        }, image: { link in
            images.markdownImage(link, page: page, site: site, first: &first, log: &imageLog)
        })
        log.append(contentsOf: imageLog.diagnostics)
        return rendered
    }

    func render(_ page: Page) -> Output {
        var log = DiagnosticLog()
        let markdown = markdown(for: page, log: &log)
        let templateName = TemplateChoice.template(for: page, theme: theme, log: &log)
        guard let templateName else {
            return Output(bytes: [], diagnostics: log.diagnostics)
        }
        let shared = fragments.shared(for: context.menuState(for: page.url), context: context, theme: theme)
        let root = TemplateRoot(
            site: context.site, data: context.data,
            page: .object(pageView(page, template: templateName, markdown: markdown)),
            menu: shared.menu, fragments: .object(shared.fragments))
        let html = theme.render(templateName, context: .object(root)) ?? ""
        let bytes = site.config.typography ? Self.typographContent(html) : Array(html.utf8)
        return Output(bytes: bytes, diagnostics: log.diagnostics, template: templateName, body: markdown)
    }

    private func pageView(_ page: Page, template: String, markdown: Markdown.Rendered) -> PageView {
        // A page starts from its summary (made once per build, with its views).
        let summary = site.pageIndexByURL[page.url].map { context.summaries[$0] }
            ?? SummaryView(PageSummary(page), config: site.config, images: context.images)
        let description = page.description ?? (markdown.firstParagraph.isEmpty ? site.config.description : TextCutter.description.cut(markdown.firstParagraph))
        var childIndices = site.childrenByURL[page.pagination?.sectionURL ?? page.url] ?? []
        var pager: TemplateValue?
        if let size = page.paginate, let pagination = page.pagination {
            let start = (pagination.number - 1) * size
            childIndices = Array(childIndices[min(start, childIndices.count)..<min(start + size, childIndices.count)])
            pager = Self.pager(pagination, config: site.config)
        }
        // The page's own cover is the first image on it: not lazy.
        let cover = context.images.cover(of: page, eager: true, config: site.config)
        return PageView(
            summary: summary, template: template, description: description, content: markdown.html, kind: page.kind,
            extra: page.extra.templateValue,
            entry: page.entry.map { itemEntry(page, $0) },
            headings: markdown.headings,
            hasTOC: page.showTOC && markdown.headings.filter { $0.level == 2 || $0.level == 3 }.count >= 3,
            breadcrumbs: site.ancestorIndices(of: page).map { context.summaries[$0] },
            children: childIndices.map { context.summaries[$0] },
            pager: pager,
            tags: page.tags,
            tagLinks: page.tags.compactMap { tag in site.tagSlugs[tag].map { (tag, site.config.href("/tags/\($0)/")) } },
            aliases: page.aliases,
            cover: cover,
            jsonLD: StructuredData.jsonLD(for: page, description: description, site: site, image: cover?["permalink"]?.text))
    }

    /// Links between the pages of a paginated list.
    static func pager(_ p: Pagination, config: SiteConfig) -> TemplateValue {
        func url(_ n: Int) -> String { config.href(Pagination.url(n, of: p.sectionURL)) }
        var pager: TemplateValue = [
            "number": .int(p.number), "total": .int(p.total),
            "pages": .list((1...p.total).map { n in
                ["number": .int(n), "url": .text(url(n)), "current": .bool(n == p.number)]
            }),
        ]
        if p.number > 1 { pager["prev_url"] = .text(url(p.number - 1)) }
        if p.number < p.total { pager["next_url"] = .text(url(p.number + 1)) }
        return pager
    }

    /// The resolved entry (references filled in) for an item page.
    private func itemEntry(_ page: Page, _ entry: DataValue) -> TemplateValue {
        context.entriesByURL[site.config.href(page.url)].map(ImageTable.eager) ?? entry.templateValue
    }

    /// Russian typography for what the content says: the `<title>` and the `<main>` element. The
    /// fragments (header, footer) had it applied once when they were rendered, and the theme's own
    /// fixed text is written as it should read; going over them again on every page was most of
    /// the typography's cost. A page without `<main>` is done whole.
    static func typographContent(_ html: String) -> [UInt8] {
        // memmem over the bytes: generic or Foundation searches over a whole page cost more than
        // the typography they would save.
        var html = html
        guard let mainStart = html.byteOffset(of: "<main"), let mainEnd = html.byteOffset(of: "</main>", from: mainStart) else {
            return Array(RussianTypography.apply(toHTML: html).utf8)
        }
        var regions = [mainStart..<(mainEnd + "</main>".utf8.count)]
        if let titleStart = html.byteOffset(of: "<title>"), titleStart < mainStart,
           let titleEnd = html.byteOffset(of: "</title>", from: titleStart), titleEnd < mainStart {
            regions.insert((titleStart + "<title>".utf8.count)..<titleEnd, at: 0)
        }
        return RussianTypography.applyBytes(toHTML: html, onlyIn: regions)
    }
}

/// h2 with their h3 below them, for the in-page table of contents.
enum TableOfContents {
    static func make(_ headings: [Markdown.Heading]) -> TemplateValue {
        var result: [TemplateValue] = []
        var children: [TemplateValue] = []
        for heading in headings where heading.level == 2 || heading.level == 3 {
            let item: TemplateValue = ["id": .text(heading.id), "title": .text(heading.text), "level": .int(heading.level)]
            if heading.level == 3, !result.isEmpty {
                children.append(item)
                result[result.count - 1]["children"] = .list(children)
            } else {
                children = []
                var item = item
                item["children"] = []
                result.append(item)
            }
        }
        return .list(result)
    }

    /// The same list as `<li>` items (an h3 in an `<ol>` inside its h2's item), ready to go
    /// inside the theme's own list element, like Hugo's `.TableOfContents`: a theme that only
    /// shows the list needs no per-heading template work.
    static func html(_ headings: [Markdown.Heading]) -> String {
        var html = ""
        var openItem = false
        var openSublist = false
        for heading in headings where heading.level == 2 || heading.level == 3 {
            let link = "<a href=\"#\(HTMLEscaping.escape(heading.id))\">\(HTMLEscaping.escape(heading.text))</a>"
            if heading.level == 3, openItem {
                html += openSublist ? "<li>\(link)</li>" : "<ol><li>\(link)</li>"
                openSublist = true
                continue
            }
            if openSublist { html += "</ol>" }
            if openItem { html += "</li>\n" }
            html += "<li>\(link)"
            openItem = true
            openSublist = false
        }
        if openSublist { html += "</ol>" }
        if openItem { html += "</li>\n" }
        return html
    }
}

/// Which template renders a page.
enum TemplateChoice {
    static func template(for page: Page, theme: Theme, log: inout DiagnosticLog) -> String? {
        if let name = page.template {
            if theme.has(name) { return name }
            log.error(at: page.templateLocation ?? SourceLocation(path: page.source),
                      .templateMissingInTheme(name: name, theme: theme.name))
            return nil
        }
        let section = page.url.split(separator: "/").first.map(String.init)
        var candidates: [String] = []
        switch page.kind {
        case .home: candidates = ["home", "section"]
        case .section: candidates = (section.map { ["\($0)/section"] } ?? []) + ["section"]
        case .page, .item: candidates = (section.map { ["\($0)/page"] } ?? []) + ["page"]
        }
        if let name = candidates.first(where: theme.has) { return name }
        log.error(at: SourceLocation(path: page.source),
                  .templateNoneForPage(theme: theme.name, candidates: candidates.map { "templates/\($0).mustache" }.joined(separator: ", ")))
        return nil
    }
}
