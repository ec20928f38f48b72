import Foundation
import PortalContent
import PortalCore
import PortalMarkdown
import PortalProgramme

/// The Markdown stage of a page on its own (`portal render`): cmark with tables, heading ids,
/// link handling and Russian typography, exactly as a page body gets them, without a template.
public enum MarkdownStage {
    public struct Options: Sendable {
        /// Smart punctuation and Russian typography (off: the text as CommonMark writes it).
        public var typography: Bool
        public var unsafeHTML: Bool

        public init(typography: Bool = true, unsafeHTML: Bool = false) {
            self.typography = typography
            self.unsafeHTML = unsafeHTML
        }
    }

    public struct Output: Sendable {
        public var html: String
        /// Links that lead nowhere, as warnings: they are left as written.
        public var diagnostics: [Diagnostic]
    }

    /// `render(_:site:)` for the site at `root` (nil: no site), loaded as a build loads it.
    public static func render(_ markdown: String, root: URL?, model: DataModel = Programme.dataModel,
                              options: Options = Options()) throws(BuildFailure) -> Output {
        let site = try root.map { url throws(BuildFailure) in try SiteLoader.load(root: url, model: model).0 }
        return render(markdown, site: site, options: options)
    }

    /// Renders `markdown` as if it were the body of a page at `Content/<name>` of `site` (links
    /// resolve from Content/); without a site, links to Markdown files cannot resolve.
    public static func render(_ markdown: String, site: Site? = nil, name: String = "stdin.md",
                              options: Options = Options()) -> Output {
        let markdownOptions = Markdown.Options(unsafeHTML: options.unsafeHTML, smartPunctuation: options.typography)
        let links = site?.links ?? MarkdownLinks(urlBySource: [:], unpublished: [], root: URL(fileURLWithPath: "/nonexistent"))
        var log = DiagnosticLog()
        let rendered = Markdown.render(markdown, options: markdownOptions) { link in
            links.rewrite(link, folder: "Content", location: SourceLocation(path: name, line: link.line, column: link.column), log: &log)
        }
        let html = options.typography ? RussianTypography.apply(toHTML: rendered.html) : rendered.html
        let warnings = log.diagnostics.map { Diagnostic.warning(at: $0.location, $0.message) }
        return Output(html: html, diagnostics: warnings)
    }
}
