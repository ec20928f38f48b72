import Mustache
import PortalCore

/// A value a template sees: text, a number, a yes/no, a list, a map of named values, a typed
/// view that answers for its own names (`TemplateObject`), or HTML rendered when first shown.
/// `Sendable` all the way down, so a site's views are made once and shared by every page
/// rendered on every core.
///
/// swift-mustache reads it through `MustacheParent` (names) and `MustacheCustomRenderable`
/// (`{{.}}`), below: this file is the one place where portal's values become the engine's.
public enum TemplateValue: Sendable {
    case text(String)
    case bool(Bool)
    case int(Int)
    /// A count written the Russian way (`1 250`).
    case count(DisplayNumber)
    case list([TemplateValue])
    case map([String: TemplateValue])
    case object(any TemplateObject)
    /// HTML rendered when a template first shows it (a page's view in a list).
    case rendered(RenderedOnDemand)

    public var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    public var int: Int? {
        if case .int(let int) = self { return int }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let bool) = self { return bool }
        return nil
    }

    public var list: [TemplateValue]? {
        if case .list(let list) = self { return list }
        return nil
    }

    public var map: [String: TemplateValue]? {
        if case .map(let map) = self { return map }
        return nil
    }

    /// The value under `key` of a map or a typed view; setting it on a map adds or replaces it.
    public subscript(key: String) -> TemplateValue? {
        get {
            switch self {
            case .map(let map): return map[key]
            case .object(let object): return object.value(named: key)
            default: return nil
            }
        }
        set {
            guard case .map(var map) = self else { return }
            map[key] = newValue
            self = .map(map)
        }
    }

    /// What swift-mustache is given for this value. Yes/no and lists are the engine's own
    /// `Bool` and `Array`, so sections and inverted sections treat them as Swift values; text
    /// and numbers stay this value, which renders itself (`MustacheCustomRenderable`): the
    /// engine otherwise tries three casts and `String(describing:)` on every `{{value}}`.
    var engineValue: Any {
        switch self {
        case .bool(let bool): return bool
        case .list(let list): return list
        case .count(let count): return count
        case .rendered(let rendered): return rendered
        case .text, .int, .map, .object: return self
        }
    }
}

/// A typed view (a page, the site, a page in a list): answers for its names itself, with a
/// `switch`, instead of a dictionary built for every page.
///
/// A final class: a reference keeps `TemplateValue` within the 24 bytes an `Any` holds inline
/// (a struct's existential made it 41 bytes), so the value handed to swift-mustache at every
/// step of a name is not copied into a heap box first.
public protocol TemplateObject: AnyObject, Sendable {
    func value(named name: String) -> TemplateValue?
}

extension TemplateValue: MustacheParent {
    public func child(named name: String) -> Any? {
        self[name]?.engineValue
    }
}

/// An item of a list (`{{#list}}{{.}}{{/list}}`) is the value itself; it renders as the text it
/// holds, and a `false` or empty text in a list behaves as it would as a plain Swift value.
extension TemplateValue: MustacheCustomRenderable {
    public var renderText: String {
        switch self {
        case .text(let text): return text
        case .bool(let bool): return bool ? "true" : "false"
        case .int(let int): return String(int)
        case .count(let count): return count.renderText
        case .rendered(let rendered): return rendered.renderText
        case .list(let list): return String(describing: list.map(\.engineValue))
        case .map, .object: return ""
        }
    }

    public var isNull: Bool {
        if case .bool(false) = self { return true }
        return false
    }
}

/// `{{uppercased(name)}}`, `{{count(list)}}`: swift-mustache's transforms of the value held.
extension TemplateValue: MustacheTransformable {
    public func transform(_ name: String) -> Any? {
        switch self {
        case .text(let text): text.transform(name)
        case .int(let int): int.transform(name)
        case .list(let list): list.transform(name)
        case .map(let map): map.transform(name)
        default: nil
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .map(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension TemplateValue {
    /// A list of texts.
    public static func texts(_ texts: [String]) -> TemplateValue {
        .list(texts.map(TemplateValue.text))
    }

    /// `value` or, when nil, nothing under its name (`nil` for a map's subscript).
    public static func text(_ text: String?) -> TemplateValue? {
        text.map(TemplateValue.text)
    }
}

extension SimpleDate {
    /// `{iso, ru, year, month, day}`: a template writes `{{date.ru}}`.
    public var templateValue: TemplateValue {
        ["iso": .text(iso), "ru": .text(russian), "year": .int(year), "month": .int(month), "day": .int(day)]
    }
}
