import PortalCore

/// One page of the site: from a Markdown file, or from an entry of a data collection.
public struct Page: Sendable {
    /// A Markdown file is a page: `.md` or `.markdown`, in any case (`Itogi.MD` too).
    public static func isSource(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
    }

    public enum Kind: Sendable, Hashable, Encodable {
        case home
        case section
        case page
        /// A page for one entry of a data file (`collection` is the file's name).
        case item(collection: String)
    }

    public var kind: Kind
    /// `Content/news/itogi.md`, or the data file for an item page.
    public var source: String
    /// `/news/itogi/`: always starts and ends with `/`.
    public var url: String
    public var title: String
    public var description: String?
    public var date: SimpleDate?
    public var order: Int?
    public var tags: [String]
    public var draft: Bool
    public var publishDate: SimpleDate?
    public var expiryDate: SimpleDate?
    /// The template the page asked for, with where it asked; nil means the theme's default.
    public var template: String?
    public var templateLocation: SourceLocation?
    public var aliases: [String]
    /// Where each alias is written (front matter), for messages.
    public var aliasLocations: [SourceLocation] = []
    public var showTOC: Bool
    /// Children per page of a section's list (front matter `paginate`); nil lists them all.
    public var paginate: Int? = nil
    /// For page 2, 3, … of a paginated section: which page of how many, and the section's URL.
    public var pagination: Pagination? = nil
    /// Front matter `extra`: free-form values for templates.
    public var extra: DataValue
    public var body: String
    /// Line of the source file where `body` starts, to report Markdown problems in place.
    public var bodyLine: Int
    /// The data entry of an item page.
    public var entry: DataValue?
    /// URL of the section page above this page (nil for the home page).
    public var parentURL: String?
    /// Front matter `cover`: a photo for lists, Open Graph and the feed (relative to Content/),
    /// its `cover_alt`, and where `cover:` is written.
    public var cover: String? = nil
    public var coverAlt: String? = nil
    public var coverLocation: SourceLocation? = nil

    /// Path of the page's file in the output folder.
    public var outputPath: String { Page.outputPath(url: url) }

    /// The output path of the page at `url`: lists of thousands of pages ask with the URL alone,
    /// which reads one field where calling `outputPath` on an element copied the whole page.
    public static func outputPath(url: String) -> String {
        url == "/" ? "index.html" : String(url.dropFirst()) + "index.html"
    }

    public var isSection: Bool { kind == .section || kind == .home }

    public init(kind: Kind, source: String, url: String, title: String, description: String?, date: SimpleDate?,
                order: Int?, tags: [String], draft: Bool, publishDate: SimpleDate?, expiryDate: SimpleDate?,
                template: String?, templateLocation: SourceLocation?, aliases: [String], showTOC: Bool, extra: DataValue,
                body: String, bodyLine: Int, entry: DataValue?, parentURL: String?) {
        self.kind = kind
        self.source = source
        self.url = url
        self.title = title
        self.description = description
        self.date = date
        self.order = order
        self.tags = tags
        self.draft = draft
        self.publishDate = publishDate
        self.expiryDate = expiryDate
        self.template = template
        self.templateLocation = templateLocation
        self.aliases = aliases
        self.showTOC = showTOC
        self.extra = extra
        self.body = body
        self.bodyLine = bodyLine
        self.entry = entry
        self.parentURL = parentURL
    }
}

public struct Pagination: Sendable, Hashable {
    /// 1-based.
    public var number: Int
    public var total: Int
    /// URL of the section (its first page).
    public var sectionURL: String

    /// `/news/` for page 1, `/news/page/2/` after.
    public static func url(_ number: Int, of sectionURL: String) -> String {
        number == 1 ? sectionURL : "\(sectionURL)page/\(number)/"
    }
}

/// A file copied as it is (images, PDFs) from Content/ or the theme's assets.
public struct StaticFile: Sendable, Hashable {
    /// Absolute path of the source.
    public var source: String
    /// Path relative to the output folder.
    public var destination: String
}
