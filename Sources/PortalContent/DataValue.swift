import PortalCore

/// A value from a data file or front matter, after validation: what templates see.
public indirect enum DataValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case date(SimpleDate)
    case list([DataValue])
    case map([String: DataValue])

    public subscript(key: String) -> DataValue? {
        if case .map(let m) = self { return m[key] }
        return nil
    }

    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var int: Int? {
        if case .int(let i) = self { return i }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var dateValue: SimpleDate? {
        if case .date(let d) = self { return d }
        return nil
    }

    public var list: [DataValue]? {
        if case .list(let l) = self { return l }
        return nil
    }

    public var map: [String: DataValue]? {
        if case .map(let m) = self { return m }
        return nil
    }

    /// Text for URL patterns and titles: scalars only.
    public var scalarText: String? {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .number(let d): return String(d)
        case .bool(let b): return b ? "true" : "false"
        case .date(let d): return d.iso
        default: return nil
        }
    }
}

extension Double {
    /// `4.5`, `4` rather than `4.0`, with a decimal comma as Russian writes it? No: keep the dot,
    /// which is what SVG and CSS read; templates show it as text too.
    public var formattedForHumans: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int(self)) }
        return String((self * 100).rounded() / 100)
    }
}
