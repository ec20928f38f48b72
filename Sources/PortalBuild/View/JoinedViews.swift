import Mustache
import PortalTemplates

/// A list's items, each as one of the theme's views, joined:
/// `{{{page.children_views.list-item}}}` writes exactly what
/// `{{#page.children}}{{{views.list-item}}}{{/page.children}}` writes, without the template
/// engine pushing each item and looking `views.list-item` up again for it (a split name and a
/// dozen dynamic casts per item: about 4 % of a 10,000-page build, whose section and tag pages
/// list some 30,000 items and whose breadcrumb trails 20,000 links).
final class JoinedViews: MustacheParent {
    private let items: [[String: Any]]

    init(_ items: [[String: Any]]) {
        self.items = items
    }

    /// The view `name` of every item, in order; an item without it adds nothing (as the
    /// section form renders nothing for it).
    func child(named name: String) -> Any? {
        var html = ""
        for item in items {
            guard let views = item["views"] as? [String: RenderedOnDemand], let view = views[name] else { continue }
            html += view.renderText
        }
        return html
    }
}
