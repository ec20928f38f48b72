import PortalCore
import PortalYAML

extension SiteConfig {
    /// `news:` in site.yml: the one answer to "is this page news?" and "where is its feed?".
    /// A news post is a dated page inside `section`; the posts get an Atom feed at
    /// `<section>atom.xml`, a schema.org `jsonLDType` in their JSON-LD, and `site.news` on the home
    /// page. The default is the section `/news/` with `NewsArticle`.
    public struct News: Sendable, Hashable {
        /// `/news/`: starts and ends with `/`.
        public var section: String
        /// `NewsArticle`, `BlogPosting`, `Article`…
        public var jsonLDType: String
        /// Where `news.section` is written in site.yml, nil for the default (for the check that
        /// the section exists).
        public var location: SourceLocation?

        public static let standard = News(section: "/news/", jsonLDType: "NewsArticle", location: nil)

        /// Whether `page` is a news post: a dated page (not a section) inside the section.
        public func contains(_ page: Page) -> Bool {
            contains(kind: page.kind, url: page.url, date: page.date)
        }

        /// `contains(_:)` from the fields it reads (a loop over thousands of pages passes these
        /// instead of copying each page).
        public func contains(kind: Page.Kind, url: String, date: SimpleDate?) -> Bool {
            kind == .page && url.hasPrefix(section) && date != nil
        }

        /// Where the feed is written, relative to the output folder (`news/atom.xml`).
        public var feedPath: String { String(section.dropFirst()) + "atom.xml" }

        static let schema = RecordSchema([.optional("section", .text), .optional("json_ld_type", .text)])

        /// The setting from site.yml's validated `value` (its `node` for the locations of errors).
        static func read(_ value: DataValue?, node: YAMLNode?, path: String, log: inout DiagnosticLog) -> News {
            guard let value else { return .standard }
            var news = News.standard
            if let section = value["section"]?.string {
                let location = (node?["section"] ?? node)?.location(in: path)
                news.location = location
                let parts = section.split(separator: "/", omittingEmptySubsequences: false)
                if section.count < 3 || !section.hasPrefix("/") || !section.hasSuffix("/") || section.hasPrefix("//")
                    || parts.contains("..") || parts.contains(".") || parts.dropFirst().dropLast().contains("") {
                    log.error(at: location, .configNewsSectionInvalid(section: section))
                } else {
                    news.section = section
                }
            }
            if let type = value["json_ld_type"]?.string {
                if let first = type.unicodeScalars.first, ("A"..."Z").contains(first),
                   type.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("a"..."z").contains($0) }) {
                    news.jsonLDType = type
                } else {
                    log.error(at: (node?["json_ld_type"] ?? node)?.location(in: path),
                              .configNewsTypeInvalid(type: type))
                }
            }
            return news
        }

        /// A section named in site.yml that has no page: its posts would not be news.
        func checkSectionExists(urls: [String: Int], log: inout DiagnosticLog) {
            guard let location, urls[section] == nil, !urls.keys.contains(where: { $0.hasPrefix(section) }) else { return }
            log.warning(at: location,
                        .configNewsSectionEmpty(section: section))
        }
    }
}
