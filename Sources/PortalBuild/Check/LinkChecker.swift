import Foundation
import PortalContent
import PortalCore
import PortalMarkdown
import PortalProgramme
import PortalTemplates

public struct CheckReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// External links found (`--external`), with where they stand.
    public var external: [(location: SourceLocation, url: String)]
    public var language: String
}

/// `portal check`: renders the whole site in memory (nothing is written) and checks that every
/// internal link and image in pages, data and templates leads to a page or file of the site,
/// that every `#fragment` exists on its target, and that every image has alt text.
public enum LinkChecker {
    public static func check(_ options: BuildOptions) throws(BuildFailure) -> CheckReport {
        let root = options.root.standardizedFileURL
        let (site, warnings) = try SiteLoader.load(root: root, model: options.dataModel, options: LoadOptions(
            includeDrafts: options.includeDrafts, includeFuture: options.includeFuture, today: options.today),
            config: options.loadConfig())
        let theme = try Theme.load(root: root, name: site.config.theme)
        let renderer = PageRenderer(site: site, theme: theme, context: SiteView(site: site, year: options.today.year, theme: theme))
        let rendered = site.pages.concurrentMap { renderer.render($0) }

        var log = DiagnosticLog()
        log.append(contentsOf: warnings)
        log.append(contentsOf: ProgrammeChecks.run(site: site))
        for output in rendered { log.append(contentsOf: output.diagnostics) }
        // A link the Markdown stage already found broken is not reported a second time.
        let alreadyReported = Set(log.diagnostics.compactMap(\.location).filter { $0.line != nil })

        // What the site will contain: page URLs, copied files, generated files.
        var files: Set<String> = Set(site.files.map(\.destination) + theme.assets.map(\.destination))
        for extra in ExtraOutputs.make(site: site) { files.insert(extra.path) }
        files.formUnion(Builder.generatedPaths(site: site, theme: theme))
        var idsByURL: [String: Set<String>] = [:]
        var tagsByURL: [String: [HTMLScanner.Tag]] = [:]
        for (page, output) in zip(site.pages, rendered) {
            let tags = HTMLScanner.tags(in: output.html)
            tagsByURL[page.url] = tags
            idsByURL[page.url] = Set(tags.compactMap { $0.attributes["id"] } + tags.compactMap { $0.name == "a" ? $0.attributes["name"] : nil })
        }

        var external: [(SourceLocation, String)] = []
        var seen: Set<String> = []
        for (page, output) in zip(site.pages, rendered) {
            let templateName = "templates/" + (output.template ?? page.template ?? "page") + ".mustache"
            for tag in tagsByURL[page.url] ?? [] {
                if tag.name == "img", tag.attributes["alt"] == nil {
                    let src = tag.attributes["src"] ?? ""
                    report(&log, page: page, output: output, destination: src, templateName: templateName,
                           .imageAltMissing(image: src))
                }
                for attribute in ["href", "src"] {
                    guard let value = tag.attributes[attribute], !value.isEmpty else { continue }
                    if tag.name == "link" && tag.attributes["rel"] == "canonical" { continue }
                    if LinkResolver.hasScheme(value) || value.hasPrefix("//") {
                        if value.hasPrefix("http:") || value.hasPrefix("https:") || value.hasPrefix("//") {
                            let location = locate(value, page: page, output: output)
                            if seen.insert("\(location)|\(value)").inserted { external.append((location, value)) }
                        }
                        continue
                    }
                    guard let problem = checkInternal(value, from: page.url, site: site, files: files, ids: idsByURL),
                          !alreadyReported.contains(locate(value, page: page, output: output)) else { continue }
                    report(&log, page: page, output: output, destination: value, templateName: templateName, problem)
                }
            }
            // Images in Markdown without alt text, where cmark keeps the position.
            for link in output.body.links where link.isImage && link.text.trimmingCharacters(in: .whitespaces).isEmpty {
                log.error(at: SourceLocation(path: page.source, line: page.bodyLine + link.line - 1, column: link.column),
                          .imageAltMissingInMarkdown(image: link.written))
            }
        }
        return CheckReport(diagnostics: log.sorted, external: external, language: site.config.language)
    }

    /// Nil when `value` (an href or src on the page at `url`) leads somewhere on the site.
    static func checkInternal(_ value: String, from url: String, site: Site, files: Set<String>,
                              ids: [String: Set<String>]) -> Message? {
        var path = value
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        let decoded = path.removingPercentEncoding ?? path
        let absolute: String
        if decoded.isEmpty {
            absolute = url
        } else if decoded.hasPrefix("/") {
            guard let sitePath = site.config.sitePath(ofHref: decoded) else {
                return LinkResolver.escapesBasePath(value, config: site.config)
                    ?? .checkLinkOutsideSite(link: value)
            }
            absolute = sitePath
        } else {
            guard let normalized = LinkResolver.normalize(url + decoded) else {
                return .checkLinkOutsideSite(link: value)
            }
            absolute = "/" + normalized + (decoded.hasSuffix("/") ? "/" : "")
        }
        // A page (`/a/`, `/a`, `/a/index.html`) or a file.
        var pageURL: String?
        if site.pageIndexByURL[absolute] != nil { pageURL = absolute }
        else if site.pageIndexByURL[absolute + "/"] != nil { pageURL = absolute + "/" }
        else if absolute.hasSuffix("/index.html"), site.pageIndexByURL[String(absolute.dropLast("index.html".count))] != nil {
            pageURL = String(absolute.dropLast("index.html".count))
        }
        if pageURL == nil {
            let file = String(absolute.dropFirst())
            if !files.contains(file) && !files.contains(file + (file.hasSuffix("/") ? "" : "/") + "index.html") {
                return .checkLinkToMissing(link: value, target: absolute)
            }
        }
        if let fragment, !fragment.isEmpty, let target = pageURL {
            let id = fragment.removingPercentEncoding ?? fragment
            if !(ids[target]?.contains(id) ?? false) {
                return .checkAnchorMissing(link: value, anchor: id, page: target)
            }
        }
        return nil
    }

    /// Where to report a problem: the Markdown link's own line and column when the value came
    /// from the page's text, else the page's file and the template that produced it.
    static func locate(_ destination: String, page: Page, output: PageRenderer.Output) -> SourceLocation {
        if let link = output.body.links.first(where: { $0.destination == destination }) {
            return SourceLocation(path: page.source, line: page.bodyLine + link.line - 1, column: link.column)
        }
        return SourceLocation(path: page.source)
    }

    static func report(_ log: inout DiagnosticLog, page: Page, output: PageRenderer.Output, destination: String,
                       templateName: String, _ problem: Message) {
        let location = locate(destination, page: page, output: output)
        // Say the link as the teacher wrote it, not as portal rewrote it.
        var problem = problem
        if let link = output.body.links.first(where: { $0.destination == destination }), link.written != destination {
            problem = problem.rewritten {
                $0.replacingOccurrences(of: "the link \(destination) ", with: "the link \(link.written) ")
                    .replacingOccurrences(of: "ссылка \(destination) ", with: "ссылка \(link.written) ")
            }
            if problem.arguments["link"] != nil { problem = problem.with(argument: "link", link.written) }
        }
        log.error(at: location, location.line != nil ? problem : .checkInTemplate(problem, page: page.url, template: templateName))
    }
}
