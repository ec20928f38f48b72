import PortalContent
import PortalMarkdown
import PortalTemplates

/// What a page's own template sees as `page` (docs/template-context.md): its summary (as lists
/// show it, views included) and what only the page itself shows. Made by `PageRenderer` for each
/// page; its names are answered by `value(named:)`, without a dictionary per page.
final class PageView: TemplateObject {
    let summary: SummaryView
    let template: String
    let description: String
    let content: String
    let kind: Page.Kind
    let extra: TemplateValue
    let entry: TemplateValue?
    /// The body's headings (h2 and h3 make the table of contents).
    let headings: [Markdown.Heading]
    let hasTOC: Bool
    let breadcrumbs: [SummaryView]
    let children: [SummaryView]
    let pager: TemplateValue?
    let tags: [String]
    let tagLinks: [(name: String, url: String)]
    let aliases: [String]
    /// The page's own cover: its first image, not lazy.
    let cover: TemplateValue?
    let jsonLD: String?

    init(summary: SummaryView, template: String, description: String, content: String, kind: Page.Kind,
         extra: TemplateValue, entry: TemplateValue?, headings: [Markdown.Heading], hasTOC: Bool,
         breadcrumbs: [SummaryView], children: [SummaryView], pager: TemplateValue?, tags: [String],
         tagLinks: [(name: String, url: String)], aliases: [String], cover: TemplateValue?, jsonLD: String?) {
        self.summary = summary
        self.template = template
        self.description = description
        self.content = content
        self.kind = kind
        self.extra = extra
        self.entry = entry
        self.headings = headings
        self.hasTOC = hasTOC
        self.breadcrumbs = breadcrumbs
        self.children = children
        self.pager = pager
        self.tags = tags
        self.tagLinks = tagLinks
        self.aliases = aliases
        self.cover = cover
        self.jsonLD = jsonLD
    }

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "title", "url", "permalink", "date", "views": summary.value(named: name)
        case "content": .text(content)
        case "description": .text(description)
        case "template": .text(template)
        case "has_content": .bool(!content.isEmpty)
        case "is_home": .bool(kind == .home)
        case "is_section": .bool(kind == .section)
        case "is_page": .bool(kind == .page)
        case "is_item": if case .item = kind { .bool(true) } else { nil }
        case "collection": if case .item(let collection) = kind { .text(collection) } else { nil }
        case "extra": extra
        case "entry": entry
        case "toc": TableOfContents.make(headings)
        case "toc_html": .text(TableOfContents.html(headings))
        case "has_toc": .bool(hasTOC)
        case "breadcrumbs": .list(breadcrumbs.map(TemplateValue.object))
        case "breadcrumbs_views": .object(JoinedViews(breadcrumbs))
        case "has_breadcrumbs": .bool(!breadcrumbs.isEmpty)
        case "section": breadcrumbs.last.map(TemplateValue.object)
        case "children": .list(children.map(TemplateValue.object))
        case "children_views": .object(JoinedViews(children))
        case "has_children": .bool(!children.isEmpty)
        case "pager": pager
        case "tags": .texts(tags)
        case "tag_links": .list(tagLinks.map { ["name": .text($0.name), "url": .text($0.url)] })
        case "aliases": .texts(aliases)
        case "cover": cover ?? summary.cover
        case "json_ld": .text(jsonLD)
        default: summary.value(named: name)
        }
    }
}

/// A list's views written whole: `{{{page.children_views.list-item}}}` is what
/// `{{#page.children}}{{{views.list-item}}}{{/page.children}}` gives, without swift-mustache
/// looking the view up once per item.
final class JoinedViews: TemplateObject {
    let items: [SummaryView]

    init(_ items: [SummaryView]) {
        self.items = items
    }

    func value(named name: String) -> TemplateValue? {
        var html = ""
        for item in items {
            if let view = item.views[name] { html += view.renderText }
        }
        return .text(html)
    }
}
