import PortalContent
import PortalCore

extension Builder {
    /// A page and a file, or a file and a generated file, must not write the same path.
    static func checkClaims(site: Site, files: [(source: String, destination: String)], extras: [ExtraOutputs.Output],
                            log: inout DiagnosticLog) {
        var claimed: [String: String] = [:]
        claimed.reserveCapacity(site.pages.count + files.count)
        // By index: `for page in site.pages` copied every page.
        for index in site.pages.indices { claimed[Page.outputPath(url: site.pages[index].url)] = site.pages[index].source }
        for file in files {
            if let owner = claimed[file.destination] {
                log.error(at: SourceLocation(path: owner), .outputPageAndFileClash(file: file.source, destination: file.destination))
            }
            claimed[file.destination] = file.source
        }
        for extra in extras where claimed[extra.path] != nil {
            log.error(at: SourceLocation(path: claimed[extra.path]!), .outputGeneratedClash(path: extra.path, reason: extra.reason))
        }
    }
}
