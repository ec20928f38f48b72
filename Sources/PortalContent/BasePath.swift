import PortalCore

// The base path: where on its host the site lives. `base_url: https://user.github.io/repo/` puts
// the site at `/repo/`; every internal address portal writes (links, assets, the search index,
// the menu, breadcrumbs, pagination, the feed link) then starts with `/repo/`. Pages keep their
// site paths (`Page.url` is `/news/itogi/`, what the output folder and the lookups use); the
// prefix is added where an address is handed to HTML: `SiteConfig.href`. At the root of a host
// (`/`) every address stays exactly as it was.

extension SiteConfig {
    /// The path of an absolute base URL, starting and ending with `/`:
    /// `https://school.ru/nastavnichestvo/` → `/nastavnichestvo/`, `https://school.ru` → `/`.
    public static func basePath(of baseURL: String) -> String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let afterScheme = baseURL[schemeEnd.upperBound...]
        guard let slash = afterScheme.firstIndex(of: "/") else { return "/" }
        var path = String(afterScheme[slash...])
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<cut]) }
        if !path.hasSuffix("/") { path += "/" }
        return path
    }

    /// Why `baseURL` cannot be a site's address (beyond not being http(s)), or nil.
    public static func baseURLProblem(_ baseURL: String) -> Message? {
        guard let schemeEnd = baseURL.range(of: "://") else { return nil }
        let afterScheme = baseURL[schemeEnd.upperBound...]
        let host = afterScheme.prefix { $0 != "/" }
        if host.isEmpty {
            return .baseURLNoHost(url: baseURL)
        }
        let path = afterScheme.dropFirst(host.count)
        let forbidden: Set<Character> = ["?", "#", "\"", "'", "<", ">", "\\", "`", "{", "}", "|", "^"]
        if path.contains(where: { forbidden.contains($0) || $0.isWhitespace }) || path.contains("//")
            || path.split(separator: "/").contains(where: { $0 == "." || $0 == ".." }) {
            return .baseURLNotPlain(url: baseURL)
        }
        return nil
    }

    /// The absolute address of the page or file at a site path (`/news/itogi/` →
    /// `https://school.ru/sub/news/itogi/`): canonical links, Open Graph, the sitemap, the feed.
    public func permalink(_ sitePath: String) -> String {
        baseURL + sitePath.dropFirst()
    }

    /// The address in HTML of a site path: `/news/` → `/nastavnichestvo/news/` under a base path.
    /// Anything that is not a site path (`https://…`, `mailto:`, `#top`, `//host/`) is kept.
    public func href(_ sitePath: String) -> String {
        if basePath == "/" || !sitePath.hasPrefix("/") || sitePath.hasPrefix("//") { return sitePath }
        return basePath + sitePath.dropFirst()
    }

    /// The site path of an address in HTML, or nil when it lies outside the base path:
    /// `/nastavnichestvo/news/` → `/news/`; `/nastavnichestvo` → `/`.
    public func sitePath(ofHref href: String) -> String? {
        if basePath == "/" { return href }
        if href.hasPrefix(basePath) { return "/" + href.dropFirst(basePath.count) }
        if href + "/" == basePath { return "/" }
        return nil
    }

    /// The same site published at another address (`portal build --base-url`, for CI: GitHub's
    /// configure-pages knows the address only when the job runs). A missing final `/` is added.
    public mutating func setBaseURL(_ url: String) {
        baseURL = url.hasSuffix("/") ? url : url + "/"
        basePath = Self.basePath(of: baseURL)
    }

    /// A base URL typed on the command line, checked as site.yml's is; the problem when it is wrong.
    public static func checkCommandLineBaseURL(_ url: String) -> Message? {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
            return .commandLineBaseURLNotAbsolute(url: url)
        }
        return baseURLProblem(url.hasSuffix("/") ? url : url + "/").map { $0.keyed("--base-url") }
    }
}
