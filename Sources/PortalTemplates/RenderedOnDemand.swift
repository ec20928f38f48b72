import Mustache
import Synchronization

/// A template value whose HTML is made the first time a template shows it, then kept: a theme
/// view of a page (`views.list-item`) costs nothing on a page no list shows, and is rendered
/// once however many lists show it. Insert it unescaped: `{{{views.list-item}}}`.
public final class RenderedOnDemand: MustacheCustomRenderable, Sendable {
    private let render: @Sendable () -> String
    private let html = Mutex<String?>(nil)

    public init(_ render: @escaping @Sendable () -> String) {
        self.render = render
    }

    public var renderText: String {
        if let done = html.withLock({ $0 }) { return done }
        // Two threads may both render it the first time; they make the same text.
        let made = render()
        html.withLock { $0 = made }
        return made
    }

    public var isNull: Bool { false }
}
