/// Where a problem is: a file relative to the site root, and a line and column when known
/// (1-based, columns counted in Unicode scalars, as editors and YAML parsers count them).
public struct SourceLocation: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var column: Int?

    public init(path: String, line: Int? = nil, column: Int? = nil) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:col`, `path:line` or `path`, the form compilers and CI annotations read.
    public var description: String {
        switch (line, column) {
        case let (line?, column?): return "\(path):\(line):\(column)"
        case let (line?, nil): return "\(path):\(line)"
        default: return path
        }
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.path != rhs.path { return lhs.path < rhs.path }
        if (lhs.line ?? 0) != (rhs.line ?? 0) { return (lhs.line ?? 0) < (rhs.line ?? 0) }
        return (lhs.column ?? 0) < (rhs.column ?? 0)
    }
}

public enum Severity: String, Sendable, Hashable, Codable {
    case error
    case warning
}

/// A message in the two languages portal speaks. Teachers read Russian; the `path:line:col:
/// error:` prefix stays the same in both so that editors and CI can parse it.
///
/// Every message is made in one place, the catalogue (`Messages/Messages-*.swift`): each has a
/// stable `id` (`data.consent-missing`) and the values it was made with (`arguments`), which
/// tests and tools read instead of the sentences. See docs/architecture.md, "How to add a message".
public struct Message: Sendable, Hashable, Codable {
    /// Stable across wordings: `area.what-happened`.
    public let id: String
    /// The variable parts, by parameter name, as text (`["name": "Иванова", "limit": "20"]`).
    public let arguments: [String: String]
    public let english: String
    public let russian: String

    /// Only the catalogue makes messages: a sentence written at a call site has no id.
    init(_ id: String, _ arguments: KeyValuePairs<String, any CustomStringConvertible> = [:],
         en english: String, ru russian: String) {
        self.id = id
        var values: [String: String] = [:]
        for (name, value) in arguments { values[name] = value.description }
        self.arguments = values
        self.english = english
        self.russian = russian
    }

    /// Wraps `inner` (`reason`): the message has its own id, `inner`'s arguments, and
    /// `inner`'s id as the argument `reason`.
    init(_ id: String, wrapping inner: Message, _ arguments: KeyValuePairs<String, any CustomStringConvertible> = [:],
         en english: String, ru russian: String) {
        var values = inner.arguments
        values["reason"] = inner.id
        for (name, value) in arguments { values[name] = value.description }
        self.init(id: id, arguments: values, english: english, russian: russian)
    }

    /// `inner` said with more words (where it was found): the same id, more arguments.
    init(extending inner: Message, _ arguments: KeyValuePairs<String, any CustomStringConvertible>,
         en english: String, ru russian: String) {
        var values = inner.arguments
        for (name, value) in arguments { values[name] = value.description }
        self.init(id: inner.id, arguments: values, english: english, russian: russian)
    }

    private init(id: String, arguments: [String: String], english: String, russian: String) {
        self.id = id
        self.arguments = arguments
        self.english = english
        self.russian = russian
    }

    public func text(in language: Language) -> String {
        language == .russian ? russian : english
    }

    // Arguments are written sorted by name, so the build cache (which keeps warnings) is the
    // same bytes in every process.
    private enum CodingKeys: String, CodingKey { case id, arguments, english, russian }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(arguments.sorted { $0.key < $1.key }.map { [$0.key, $0.value] }, forKey: .arguments)
        try container.encode(english, forKey: .english)
        try container.encode(russian, forKey: .russian)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var values: [String: String] = [:]
        for pair in try container.decode([[String]].self, forKey: .arguments) where pair.count == 2 { values[pair[0]] = pair[1] }
        self.init(id: try container.decode(String.self, forKey: .id), arguments: values,
                  english: try container.decode(String.self, forKey: .english),
                  russian: try container.decode(String.self, forKey: .russian))
    }

    /// The same message said of a key, an option or a program (`pairs[3].end: …`,
    /// `--base-url: …`, `portal: …`): the same id, with the argument `key`.
    public func keyed(_ key: String) -> Message {
        var values = arguments
        values["key"] = key
        return Message(id: id, arguments: values, english: "\(key): \(english)", russian: "\(key): \(russian)")
    }

    /// The same message and text with one argument set (the value as the teacher wrote it, where
    /// the message was made with the value as portal rewrote it).
    public func with(argument name: String, _ value: String) -> Message {
        var values = arguments
        values[name] = value
        return Message(id: id, arguments: values, english: english, russian: russian)
    }

    /// The same message (id and arguments) with its text changed alike in both languages, as
    /// when a key path is replaced by the spreadsheet cell it came from.
    public func rewritten(_ transform: (String) -> String) -> Message {
        Message(id: id, arguments: arguments, english: transform(english), russian: transform(russian))
    }
}

public enum Language: String, Sendable {
    case english
    case russian

    /// Russian when the site is Russian or the user's locale is; English otherwise.
    public static func choose(siteLanguage: String?, environment: [String: String]) -> Language {
        if let siteLanguage, isRussian(siteLanguage: siteLanguage) { return .russian }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                return value.lowercased().hasPrefix("ru") ? .russian : .english
            }
        }
        return .english
    }

    /// `ru` or `ru-RU`, in any case: the site's own words (tag pages, 404) are then Russian.
    public static func isRussian(siteLanguage: String) -> Bool {
        let language = siteLanguage.lowercased()
        return language == "ru" || language.hasPrefix("ru-")
    }
}

/// One problem found while building, printed as one line.
public struct Diagnostic: Error, Sendable, Hashable, Codable {
    public var severity: Severity
    public var location: SourceLocation?
    public var message: Message

    public init(_ severity: Severity, at location: SourceLocation?, _ message: Message) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(at location: SourceLocation?, _ message: Message) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    public static func warning(at location: SourceLocation?, _ message: Message) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    /// `Content/data/mentors.yml:14:5: error: …`, always one line: control characters from
    /// values and file names (ESC, BEL, newlines) are shown escaped, so that no value can
    /// recolour or rewrite a terminal or CI log.
    public func formatted(in language: Language = .english) -> String {
        let prefix = location.map { "\($0): " } ?? "portal: "
        return Self.escapingControls("\(prefix)\(severity.rawValue): \(message.text(in: language))")
    }

    /// `text` with control characters written as `\n`, `\r`, `\t` or `\u{1B}`; line and paragraph
    /// separators and the bidirectional overrides that can reorder a line are escaped too.
    public static func escapingControls(_ text: String) -> String {
        func isControl(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
            default: return false
            }
        }
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else { result.append(scalar); continue }
            let escaped: String
            switch scalar {
            case "\n": escaped = "\\n"
            case "\r": escaped = "\\r"
            case "\t": escaped = "\\t"
            default: escaped = "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
            result.append(contentsOf: escaped.unicodeScalars)
        }
        return String(result)
    }
}

extension Diagnostic: CustomStringConvertible {
    public var description: String { formatted() }
}

/// Thrown when a stage found errors; carries every problem found, so a teacher fixes them all
/// in one go instead of one per build.
public struct BuildFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}

/// Collects problems during a stage. Errors do not stop the stage: it goes on to find more.
public struct DiagnosticLog: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    public mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    public mutating func error(at location: SourceLocation?, _ message: Message) {
        append(.error(at: location, message))
    }

    public mutating func warning(at location: SourceLocation?, _ message: Message) {
        append(.warning(at: location, message))
    }

    /// Throws `BuildFailure` with everything collected when any error was found.
    public func throwIfErrors() throws(BuildFailure) {
        if hasErrors { throw BuildFailure(sorted) }
    }

    /// In file order, so the output reads top to bottom; stable for equal locations. The same
    /// problem found many times (one template missing for 500 pages) is said once.
    public var sorted: [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return diagnostics.filter { seen.insert($0).inserted }.enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            switch (la, lb) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return true
            case (_?, nil): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }
}
