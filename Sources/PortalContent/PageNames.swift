import PortalCore

/// Rules for the names a page is published under: its address segments and its aliases.
enum PageNames {
    /// Longest name of one file or folder (Linux `NAME_MAX`, in bytes).
    static let maxSegmentBytes = 255

    /// The first segment longer than a file name may be.
    static func tooLong(_ segments: [String]) -> String? {
        segments.first { $0.utf8.count > maxSegmentBytes }
    }

    static func tooLongMessage(_ segment: String) -> Message {
        .addressPartTooLong(part: segment, length: segment.utf8.count, limit: maxSegmentBytes)
    }

    /// Longest slug `portal new` makes from a title: an address stays readable.
    static let newSlugLength = 80

    /// `slug` cut to `newSlugLength` at a word (hyphen) when it is longer.
    static func shortened(_ slug: String) -> String {
        guard slug.count > newSlugLength else { return slug }
        let cut = slug.prefix(newSlugLength)
        if let hyphen = cut.lastIndex(of: "-"), cut.distance(from: cut.startIndex, to: hyphen) >= newSlugLength / 2 {
            return String(cut[..<hyphen])
        }
        return String(cut)
    }

    /// Characters an alias may not hold: they would end the address (`?`, `#`), break the HTML
    /// of the redirect (`<`, `"`) or the line (control characters, spaces).
    static func isForbiddenInAlias(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.generalCategory == .control || scalar.properties.isWhitespace { return true }
        return "?#<>\"'`{}|^[]".unicodeScalars.contains(scalar)
    }

    /// Two pages may not claim the same alias: name both places.
    static func checkAliases(_ pages: [Page], log: inout DiagnosticLog) {
        var claimed: [String: (page: Page, location: SourceLocation)] = [:]
        // Only pages with aliases, by index (sorting the pages themselves copied every one).
        let withAliases = pages.indices.filter { !pages[$0].aliases.isEmpty }.sorted { pages[$0].source < pages[$1].source }
        for index in withAliases {
            let page = pages[index]
            for (i, alias) in page.aliases.enumerated() {
                let location = i < page.aliasLocations.count ? page.aliasLocations[i] : SourceLocation(path: page.source)
                if let first = claimed[alias] {
                    log.error(at: location, .pageAliasTaken(alias: alias, first: first.location))
                } else {
                    claimed[alias] = (page, location)
                }
            }
        }
    }
}
