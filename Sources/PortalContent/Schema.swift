import PortalCore
import PortalYAML

/// What a key of a data entry must hold. Every data file has a schema in code, so a typo in a
/// key or a value is caught at build time with its line and column, not published.
public indirect enum FieldType: Sendable {
    case text
    /// Markdown text; templates get it as HTML in `<key>_html`.
    case markdown
    case wholeNumber
    case number
    case flag
    case date
    /// A day (`2025-11-10`) or a whole month (`2025-11`), kept as written: a stage's bounds.
    case dateOrMonth
    case oneOf([String])
    case list(FieldType)
    /// A mapping with free keys and values of one type.
    case table(FieldType)
    case record(RecordSchema)
    /// The id of an entry in another data file.
    case reference(String)
    /// A file under Content/.
    case path
    /// Anything (for free-form `extra` and `params`).
    case any

    var isText: Bool {
        switch self {
        case .text, .markdown, .path, .reference, .oneOf: return true
        default: return false
        }
    }

    /// For messages: what a value of this type looks like (`expected a whole number`).
    var described: Message {
        switch self {
        case .text, .markdown: return .expectText
        case .wholeNumber: return .expectWholeNumber
        case .number: return .expectNumber
        case .flag: return .expectFlag
        case .date: return .expectDate
        case .dateOrMonth: return .expectDateOrMonth
        case .oneOf(let values): return .expectOneOf(values)
        case .list: return .expectList
        case .table, .record: return .expectKeys
        case .reference(let file): return .expectReference(file: file)
        case .path: return .expectPath
        case .any: return .expectValue
        }
    }
}

public struct Field: Sendable {
    public var name: String
    public var type: FieldType
    public var required: Bool
    /// No two entries of the file may share the value.
    public var unique: Bool

    public init(_ name: String, _ type: FieldType, required: Bool = true, unique: Bool = false) {
        self.name = name
        self.type = type
        self.required = required
        self.unique = unique
    }

    public static func optional(_ name: String, _ type: FieldType) -> Field {
        Field(name, type, required: false)
    }

    /// The data file this field names entries of (`teams` for `teams: [red, blue]`).
    public var referenceTarget: String? {
        switch type {
        case .reference(let target), .list(.reference(let target)): return target
        default: return nil
        }
    }
}

public struct RecordSchema: Sendable {
    public var fields: [Field]
    /// Keys that must never appear, with why (personal data in an anonymous file).
    public var forbidden: (@Sendable (String) -> Message?)?

    public init(_ fields: [Field], forbidden: (@Sendable (String) -> Message?)? = nil) {
        self.fields = fields
        self.forbidden = forbidden
    }

    /// Every entry of a data file may be a draft or have a publishing window.
    var withPublishingDates: RecordSchema {
        var copy = self
        copy.fields += [.optional("draft", .flag), .optional("publish_date", .date), .optional("expiry_date", .date)]
        return copy
    }
}

/// Checks a YAML node against a type, reporting every problem with its key path.
struct SchemaValidator {
    let path: String
    var log = DiagnosticLog()
    /// The values come from a spreadsheet's cells: a wrong yes/no or date is explained as a
    /// spreadsheet writes it (да/нет, 01.09.2025).
    var spreadsheet = false

    init(path: String) {
        self.path = path
    }

    mutating func validate(_ node: YAMLNode, as type: FieldType, keyPath: String) -> DataValue? {
        switch type {
        case .any:
            return plainValue(node)
        case .text, .markdown, .path, .reference:
            guard let scalar = node.scalar, scalar.resolved != .null else { return mismatch(node, type, keyPath) }
            if case .path = type, !Self.isSafeRelativePath(scalar.text) {
                log.error(at: node.location(in: path),
                          .dataPathOutsideContent(key: keyPath, path: scalar.text))
                return nil
            }
            return .string(scalar.text)
        case .wholeNumber:
            if case .int(let i)? = node.scalar?.resolved { return .int(i) }
            return mismatch(node, type, keyPath)
        case .number:
            switch node.scalar?.resolved {
            case .int(let i)?: return .number(Double(i))
            case .float(let d)?: return .number(d)
            default: return mismatch(node, type, keyPath)
            }
        case .flag:
            if case .bool(let b)? = node.scalar?.resolved { return .bool(b) }
            return mismatch(node, type, keyPath)
        case .date:
            if let text = node.scalar?.text, let date = SimpleDate(parsing: text) { return .date(date) }
            return mismatch(node, type, keyPath)
        case .dateOrMonth:
            if let text = node.scalar?.text, SimpleDate(parsing: text) != nil || SimpleDate(month: text) != nil {
                return .string(text)
            }
            return mismatch(node, type, keyPath)
        case .oneOf(let allowed):
            if let text = node.scalar?.text, node.scalar?.resolved != .null, allowed.contains(text) { return .string(text) }
            return mismatch(node, type, keyPath)
        case .list(let element):
            // A single value where a list is expected is a common slip: be strict, but say so.
            guard case .sequence(let items) = node.kind else {
                if node.isNull { return .list([]) }
                return mismatch(node, type, keyPath)
            }
            var values: [DataValue] = []
            for (i, item) in items.enumerated() {
                if let v = validate(item, as: element, keyPath: "\(keyPath)[\(i)]") { values.append(v) }
            }
            return .list(values)
        case .table(let valueType):
            guard case .mapping(let pairs) = node.kind else { return mismatch(node, type, keyPath) }
            var map: [String: DataValue] = [:]
            for pair in pairs {
                guard let key = pair.key.scalar?.text else { continue }
                if let v = validate(pair.value, as: valueType, keyPath: "\(keyPath).\(key)") { map[key] = v }
            }
            return .map(map)
        case .record(let schema):
            return validateRecord(node, schema, keyPath: keyPath)
        }
    }

    mutating func validateRecord(_ node: YAMLNode, _ schema: RecordSchema, keyPath: String) -> DataValue? {
        guard case .mapping(let pairs) = node.kind else { return mismatch(node, .record(schema), keyPath) }
        var map: [String: DataValue] = [:]
        var seen: Set<String> = []
        var failed = false
        for pair in pairs {
            let key = pair.key.scalar?.text ?? ""
            let fieldPath = keyPath.isEmpty ? key : "\(keyPath).\(key)"
            if let reason = schema.forbidden?(key) {
                log.error(at: pair.key.location(in: path), reason.keyed(fieldPath))
                failed = true
                continue
            }
            guard let field = schema.fields.first(where: { $0.name == key }) else {
                let known = schema.fields.map(\.name)
                log.error(at: pair.key.location(in: path),
                          .dataUnknownKey(key: fieldPath, closest: Self.closest(to: key, in: known), allowed: known))
                failed = true
                continue
            }
            seen.insert(key)
            if pair.value.isNull && !field.required { continue }
            if let value = validate(pair.value, as: field.type, keyPath: fieldPath) {
                map[key] = value
            } else {
                failed = true
            }
        }
        for field in schema.fields where field.required && !seen.contains(field.name) {
            let at = keyPath.isEmpty ? field.name : "\(keyPath).\(field.name)"
            log.error(at: node.location(in: path), .dataRequiredKeyMissing(key: at, expected: field.type.described))
            failed = true
        }
        return failed ? nil : .map(map)
    }

    private mutating func mismatch(_ node: YAMLNode, _ type: FieldType, _ keyPath: String) -> DataValue? {
        var colonInText = false
        if case .mapping = node.kind, type.isText { colonInText = true }
        var expected = type.described
        if spreadsheet {
            switch type {
            case .flag: expected = .expectCellFlag
            case .date: expected = .expectCellDate
            case .dateOrMonth: expected = .expectCellDateOrMonth
            default: break
            }
        }
        log.error(at: node.location(in: path),
                  .dataWrongType(key: keyPath, expected: expected, found: node.described, colonInText: colonInText))
        return nil
    }

    func plainValue(_ node: YAMLNode) -> DataValue {
        switch node.kind {
        case .scalar(let s):
            switch s.resolved {
            case .null: return .null
            case .bool(let b): return .bool(b)
            case .int(let i): return .int(i)
            case .float(let d): return .number(d)
            case .string(let text):
                if !s.quoted, let date = SimpleDate(parsing: text), text.count <= 10 { return .date(date) }
                return .string(text)
            }
        case .sequence(let items): return .list(items.map(plainValue))
        case .mapping(let pairs):
            var map: [String: DataValue] = [:]
            for p in pairs { if let k = p.key.scalar?.text { map[k] = plainValue(p.value) } }
            return .map(map)
        }
    }

    static func isSafeRelativePath(_ text: String) -> Bool {
        if text.isEmpty || text.hasPrefix("/") || text.hasPrefix("\\") || text.contains("://") || text.contains("\0") { return false }
        return !text.split(separator: "/").contains("..")
    }

    /// The allowed key a typo most likely meant (edit distance ≤ 2).
    static func closest(to key: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(key.lowercased(), $0)) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
