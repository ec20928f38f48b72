import Mustache

/// Numbers as a Russian reader expects them: a decimal comma (8,7) and thousands grouped with a
/// narrow no-break space (1 250, 12 500). Years and other identifiers never come here.
public enum RussianNumber {
    /// U+202F NARROW NO-BREAK SPACE, as typograf groups digits.
    public static let groupSeparator = "\u{202F}"

    public static func format(_ value: Int) -> String {
        let digits = String(value.magnitude)
        guard digits.count > 3 else { return String(value) }
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += groupSeparator }
            grouped.append(digit)
        }
        return (value < 0 ? "−" : "") + grouped
    }

    /// `8,7`, `4`, `1 250,5`: at most `fractionDigits` decimals, trailing zeros dropped.
    public static func format(_ value: Double, fractionDigits: Int = 2) -> String {
        guard value.isFinite else { return String(value) }
        var scale = 1.0
        for _ in 0..<fractionDigits { scale *= 10 }
        let scaled = (value.magnitude * scale).rounded()
        let whole = Int(scaled / scale)
        var fraction = String(Int(scaled) - whole * Int(scale))
        while fraction.count < fractionDigits { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = value < 0 && scaled > 0 ? "−" : ""
        return sign + format(whole) + (fraction.isEmpty ? "" : "," + fraction)
    }

    /// A file size as «1,2 МБ», «340 КБ».
    public static func fileSize(_ bytes: Int) -> String {
        if bytes < 1024 * 1024 { return format(max(1, (bytes + 512) / 1024)) + "\u{A0}КБ" }
        if bytes < 1024 * 1024 * 1024 { return format(Double(bytes) / 1_048_576, fractionDigits: 1) + "\u{A0}МБ" }
        return format(Double(bytes) / 1_073_741_824, fractionDigits: 1) + "\u{A0}ГБ"
    }
}

/// A count a template shows: written the Russian way, still a number to the code that made it.
public struct DisplayNumber: MustacheCustomRenderable, Sendable, CustomStringConvertible {
    public let value: Int
    public init(_ value: Int) { self.value = value }
    public var renderText: String { RussianNumber.format(value) }
    public var isNull: Bool { false }
    public var description: String { renderText }

    /// `value` with the counts under `keys` (at any depth) made DisplayNumbers where grouping
    /// shows; a year or a number of order is never under these keys.
    public static func counts(in value: TemplateValue, keys: Set<String>) -> TemplateValue {
        changedCounts(in: value, keys: keys) ?? value
    }

    /// The new value, or nil when nothing under it changes: the data's thousands of entries
    /// without such a count are left as they are instead of being copied.
    private static func changedCounts(in value: TemplateValue, keys: Set<String>) -> TemplateValue? {
        switch value {
        case .map(let map):
            var result: [String: TemplateValue]?
            for (key, value) in map {
                var changed: TemplateValue?
                if case .int(let number) = value {
                    if number.magnitude >= 1000, keys.contains(key) { changed = .count(DisplayNumber(number)) }
                } else if case .map = value {
                    changed = changedCounts(in: value, keys: keys)
                } else if case .list = value {
                    changed = changedCounts(in: value, keys: keys)
                }
                if let changed {
                    if result == nil { result = map }
                    result![key] = changed
                }
            }
            return result.map(TemplateValue.map)
        case .list(let list):
            var result: [TemplateValue]?
            for (index, item) in list.enumerated() {
                guard let changed = changedCounts(in: item, keys: keys) else { continue }
                if result == nil { result = list }
                result![index] = changed
            }
            return result.map(TemplateValue.list)
        default:
            return nil
        }
    }
}
