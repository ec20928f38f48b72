import PortalCore

// Feeds and metadata for crawlers and feed readers, as plain text: sitemap.xml (sitemaps.org 0.9),
// robots.txt and an Atom feed (RFC 4287). Pure functions of their input, so two builds of the same
// site write the same bytes.
//
// Dates: a sitemap's <lastmod> is the calendar date (`2025-09-08`, a W3C Datetime the schema
// accepts). Atom needs an RFC 3339 date-time: a date without time is written as midnight UTC,
// `2025-09-08T00:00:00Z` (03:00 in Stavropol, the same calendar day); no clock is ever read.

/// One URL of the sitemap.
struct SitemapEntry: Sendable, Hashable {
    /// Absolute URL (`https://example.ru/news/itogi/`).
    var loc: String
    /// The page's date (front matter or data), if it has one.
    var lastmod: SimpleDate? = nil
}

/// An Atom feed (RFC 4287).
struct AtomFeed: Sendable, Hashable {
    var title: String
    /// Permanent, absolute IRI of the feed (the news section's URL will do).
    var id: String
    /// Absolute URL where the feed itself is published (`…/news/atom.xml`).
    var selfURL: String
    /// Absolute URL of the HTML page the feed mirrors (`…/news/`).
    var siteURL: String
    /// When the feed last changed: the newest date among the entries will do (never the build
    /// time: builds are reproducible). An entry updated later moves it forward.
    var updated: SimpleDate
    var authorName: String
    var entries: [AtomEntry]
    var subtitle: String? = nil
    /// `xml:lang` of the feed (`ru`).
    var language: String? = nil
}

struct AtomEntry: Sendable, Hashable {
    var title: String
    /// Absolute URL of the entry's page.
    var url: String
    /// Permanent, absolute IRI of the entry (its permalink will do).
    var id: String
    var published: SimpleDate
    /// Defaults to `published`.
    var updated: SimpleDate? = nil
    /// Plain text; left out when empty.
    var summary: String
    /// The rendered body; written as escaped HTML (`type="html"`). Site-relative links in it
    /// resolve against the entry's URL (`xml:base`).
    var contentHTML: String? = nil
    /// A cover photo: an `enclosure` link (absolute URL, MIME type, bytes).
    var image: FeedImage? = nil
}

struct FeedImage: Sendable, Hashable {
    var url: String
    var type: String
    var length: Int
}

enum Feeds {
    static let sitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9"
    static let atomNamespace = "http://www.w3.org/2005/Atom"
    /// The sitemaps.org limit of URLs in one sitemap file.
    static let sitemapLimit = 50_000

    /// sitemap.xml: one `<url>` per entry, sorted by address, duplicates dropped, at most
    /// 50,000 (the protocol's limit; a site that large needs a sitemap index).
    static func sitemap(_ entries: [SitemapEntry]) -> String {
        var seen = Set<String>()
        let sorted = entries
            .map { SitemapEntry(loc: encodeURL($0.loc), lastmod: $0.lastmod) }
            .sorted { String.utf8Order($0.loc, $1.loc) < 0 }
            .filter { seen.insert($0.loc).inserted }
            .prefix(sitemapLimit)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"\(sitemapNamespace)\">\n"
        for entry in sorted {
            xml += "  <url>\n    <loc>\(escape(entry.loc))</loc>\n"
            if let date = entry.lastmod { xml += "    <lastmod>\(date.iso)</lastmod>\n" }
            xml += "  </url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }

    /// robots.txt: everything may be crawled; where the sitemap is.
    static func robots(sitemapURL: String) -> String {
        "User-agent: *\nDisallow:\n\nSitemap: \(encodeURL(sitemapURL))\n"
    }

    /// The Atom feed: entries newest first (then by URL), each with id, title, updated,
    /// published, an alternate link, the summary and the content as escaped HTML.
    static func atom(_ feed: AtomFeed) -> String {
        let entries = feed.entries.sorted { a, b in
            a.published != b.published ? a.published > b.published : a.url.utf8.lexicographicallyPrecedes(b.url.utf8)
        }
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<feed xmlns=\"\(atomNamespace)\""
        if let language = feed.language, !language.isEmpty { xml += " xml:lang=\"\(escape(language))\"" }
        xml += ">\n"
        xml += "  <title type=\"text\">\(escape(feed.title))</title>\n"
        if let subtitle = feed.subtitle, !subtitle.isEmpty {
            xml += "  <subtitle type=\"text\">\(escape(subtitle))</subtitle>\n"
        }
        xml += "  <id>\(escape(encodeURL(feed.id)))</id>\n"
        xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(escape(encodeURL(feed.selfURL)))\"/>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(encodeURL(feed.siteURL)))\"/>\n"
        // Never older than its newest entry.
        let updated = entries.map { $0.updated ?? $0.published }.reduce(feed.updated) { max($0, $1) }
        xml += "  <updated>\(timestamp(updated))</updated>\n"
        xml += "  <author>\n    <name>\(escape(feed.authorName))</name>\n  </author>\n"
        xml += "  <generator>portal</generator>\n"
        for entry in entries {
            let url = escape(encodeURL(entry.url))
            xml += "  <entry>\n"
            xml += "    <title type=\"text\">\(escape(entry.title))</title>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(url)\"/>\n"
            if let image = entry.image {
                xml += "    <link rel=\"enclosure\" type=\"\(escape(image.type))\" length=\"\(image.length)\" href=\"\(escape(encodeURL(image.url)))\"/>\n"
            }
            xml += "    <id>\(escape(encodeURL(entry.id)))</id>\n"
            xml += "    <published>\(timestamp(entry.published))</published>\n"
            xml += "    <updated>\(timestamp(entry.updated ?? entry.published))</updated>\n"
            if !entry.summary.isEmpty {
                xml += "    <summary type=\"text\">\(escape(entry.summary))</summary>\n"
            }
            if let html = entry.contentHTML {
                xml += "    <content type=\"html\" xml:base=\"\(url)\">\(escape(html))</content>\n"
            }
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }

    /// RFC 3339 date-time of a calendar date: midnight UTC.
    static func timestamp(_ date: SimpleDate) -> String {
        "\(date.iso)T00:00:00Z"
    }

    /// Text for XML content and attribute values: `& < > " '` escaped; characters XML 1.0 does not
    /// allow (C0 controls other than tab, line feed and carriage return; U+FFFE, U+FFFF) dropped.
    static func escape(_ text: String) -> String {
        // Nearly every value (an address, a date) has nothing to escape or drop.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x26 && $0 != 0x3C && $0 != 0x3E && $0 != 0x22 && $0 != 0x27 && $0 != 0xEF }) {
            return text
        }
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&apos;".unicodeScalars)
            case "\t", "\n", "\r": out.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A URL with every byte outside printable ASCII (and spaces) percent-encoded, as sitemaps
    /// require; an already encoded URL is left as it is.
    static func encodeURL(_ url: String) -> String {
        func isKept(_ byte: UInt8) -> Bool {
            byte > 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x3C && byte != 0x3E && byte != 0x5C
                && byte != 0x5E && byte != 0x60 && byte != 0x7B && byte != 0x7C && byte != 0x7D
        }
        // Portal's own addresses are plain ASCII already: kept as they are.
        if url.utf8.allSatisfy(isKept) { return url }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(url.utf8.count * 3)
        for byte in url.utf8 {
            if isKept(byte) {
                out.append(byte)
            } else {
                out.append(0x25)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
