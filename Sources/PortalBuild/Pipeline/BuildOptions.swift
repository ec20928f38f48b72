import Foundation
import PortalContent
import PortalCore
import PortalProgramme

public struct BuildOptions: Sendable {
    public var root: URL
    public var output: URL
    public var includeDrafts: Bool
    /// Include pages not yet or no longer published (publish_date, expiry_date).
    public var includeFuture: Bool
    /// Warnings fail the build too (what the school's CI runs).
    public var strict: Bool
    /// The date publishing windows are checked against.
    public var today: SimpleDate
    /// Called from any thread as pages are done (done, total), for a progress line.
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// Publish at this address instead of site.yml's base_url (`--base-url`, for CI).
    public var baseURL: String? = nil
    /// What the site's data files are and the rules they are published by: the programme's.
    public var dataModel: DataModel = Programme.dataModel
    /// Where the build cache and the photos' copies are kept (`--cache-dir`); nil: `.portal-cache`
    /// in the site root. Like Hugo's `--cacheDir`: a CI job can keep it between runs, and a test
    /// building a site it did not copy keeps it in its own temporary folder.
    public var cacheFolder: URL? = nil

    /// The cache folder in use.
    public var cache: URL {
        cacheFolder?.standardizedFileURL ?? root.standardizedFileURL.appendingPathComponent(".portal-cache")
    }

    /// site.yml, with the address given on the command line, if any.
    public func loadConfig() throws(BuildFailure) -> SiteConfig {
        var config = try SiteConfig.load(root: root.standardizedFileURL)
        if let baseURL { config.setBaseURL(baseURL) }
        return config
    }

    /// Called when another build holds the output folder and this one waits for it.
    public var waiting: (@Sendable (Message) -> Void)? = nil

    public init(root: URL, output: URL, includeDrafts: Bool = false, includeFuture: Bool = false, strict: Bool = false,
                today: SimpleDate = .today, progress: (@Sendable (Int, Int) -> Void)? = nil) {
        self.root = root
        self.output = output
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.strict = strict
        self.today = today
        self.progress = progress
    }
}

public struct BuildReport: Sendable {
    public var pages: Int
    public var files: Int
    public var warnings: [Diagnostic]
    public var seconds: Double
    /// The site's language, for choosing the language of messages.
    public var language: String
    /// How long each stage took (wall clock, and CPU time over all threads), for `--verbose`.
    public var phases: [Phase]
    /// Nothing had changed since the last build: the output was left as it was.
    public var upToDate: Bool
    /// Pages and entries left out (drafts, publishing dates), for `--verbose`.
    public var leftOut: [LeftOut] = []
    /// Photos processed by libvips in this build, and photos whose copies came from the cache.
    public var imagesMade = 0
    public var imagesReused = 0
}

public struct Phase: Sendable {
    public var name: String
    public var seconds: Double
    /// CPU time of all threads: near `seconds` × cores when the stage keeps every core busy.
    public var cpuSeconds: Double
}

/// The site's language, read leniently (before or without a full load) to choose the language
/// of messages even when site.yml itself is broken.
public enum SiteLanguage {
    public static func peek(root: URL) -> String? {
        SiteConfig.peekLanguage(root: root)
    }
}
