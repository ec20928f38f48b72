import ArgumentParser
import Foundation

/// `--cache-dir`: where the build cache and the photos' copies are kept, instead of
/// `.portal-cache` in the site root (like Hugo's `--cacheDir`): a CI job can keep it between runs
/// (`actions/cache`), and a site folder that is read-only, or not the builder's own, stays untouched.
/// `PORTAL_CACHE_DIR` says the same for every command run in an environment.
struct CacheOption: ParsableArguments {
    @Option(name: .customLong("cache-dir"), help: ArgumentHelp(
        "Where to keep the build cache and the photos' copies (default: <root>/.portal-cache, or PORTAL_CACHE_DIR).",
        valueName: "dir"))
    var directory: String?

    var folder: URL? {
        let given = directory ?? ProcessInfo.processInfo.environment["PORTAL_CACHE_DIR"].flatMap { $0.isEmpty ? nil : $0 }
        return given.map { URL(fileURLWithPath: $0, isDirectory: true) }
    }
}
