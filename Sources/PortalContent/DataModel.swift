import PortalCore

/// What a site's data files are, given to `SiteLoader.load` by the one who knows them (the
/// programme's: `Programme.dataModel` in PortalProgramme). PortalContent itself knows no data
/// file by name: it checks each file against the schema given here, applies the publishing
/// rules given here, and adds the pages made from the data that the model makes.
public struct DataModel: Sendable {
    /// The schema of each data file, by name (`events` for `Content/data/events.yml`). A file
    /// without one is read as free YAML, each entry a set of keys.
    public var schemas: [String: FileSchema]
    /// The order in which files are resolved for templates: a file comes after those it refers
    /// to. Files it does not name come last, by name.
    public var resolutionOrder: [String]
    /// How a spreadsheet's columns may be headed besides the keys themselves.
    public var columnLabels: ColumnLabels
    /// Rules that keep an entry of a file off the site, by file name (see `EntryRule`).
    public var rules: [String: EntryRule]
    /// Pages made from the data and the other pages once both are loaded (none by default).
    public var derivedPages: (@Sendable (_ pages: [Page], _ data: [String: DataFile], _ today: SimpleDate) -> [Page])?

    public init(schemas: [String: FileSchema], resolutionOrder: [String] = [], columnLabels: ColumnLabels = ColumnLabels([:]),
                rules: [String: EntryRule] = [:],
                derivedPages: (@Sendable (_ pages: [Page], _ data: [String: DataFile], _ today: SimpleDate) -> [Page])? = nil) {
        self.schemas = schemas
        self.resolutionOrder = resolutionOrder
        self.columnLabels = columnLabels
        self.rules = rules
        self.derivedPages = derivedPages
    }

    /// No data file has a schema: every file is free YAML, nothing is withheld but by its dates.
    public static let none = DataModel(schemas: [:])
}

public struct FileSchema: Sendable {
    /// The key that identifies an entry for references and pages, if the file has one.
    public var idKey: String?
    public var record: RecordSchema

    public init(idKey: String?, record: RecordSchema) {
        self.idKey = idKey
        self.record = record
    }
}

/// A rule that keeps an entry off the site (a person who gave no consent to publication). It is
/// asked of every entry that passed its schema, before its draft and dates; an entry it
/// withholds is reported as a warning at the key it names, its id and its files (photos) leave
/// every output, and references to it show as withheld.
public struct EntryRule: Sendable {
    /// The entry the rule is asked about.
    public struct Entry: Sendable {
        public var fields: [String: DataValue]
        /// The entry's id, or its key path (`people[3]`) when it has none.
        public var who: String
        /// The day the site is built for.
        public var today: SimpleDate
        /// The entry is a row of the curator's spreadsheet, not YAML (the columns say so).
        public var inSpreadsheet: Bool

        public init(fields: [String: DataValue], who: String, today: SimpleDate, inSpreadsheet: Bool) {
            self.fields = fields
            self.who = who
            self.today = today
            self.inSpreadsheet = inSpreadsheet
        }
    }

    public struct Withholding: Sendable {
        /// The key the warning points at (nil: the entry).
        public var key: String?
        public var message: Message
        /// A name that must leave the site with the entry (a person who withdrew): kept in
        /// `DataFile.withdrawnNames` so that mentions of it elsewhere can be found.
        public var withdrawnName: String?

        public init(key: String?, message: Message, withdrawnName: String? = nil) {
            self.key = key
            self.message = message
            self.withdrawnName = withdrawnName
        }
    }

    /// Why the entry is not published, or nil when it may be.
    public var withhold: @Sendable (Entry) -> Withholding?

    public init(withhold: @escaping @Sendable (Entry) -> Withholding?) {
        self.withhold = withhold
    }
}
