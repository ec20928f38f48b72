// A tag's attributes and names, read on demand from the bytes `HTMLTokenizer` gave ranges of.

/// One attribute of a tag: byte ranges of its name and of its value (without quotes; entities
/// as written); `value` is nil for an attribute without `=`.
@frozen
public struct HTMLAttribute: Equatable, Sendable {
    public let name: Range<Int>
    public let value: Range<Int>?

    @inlinable
    public init(name: Range<Int>, value: Range<Int>?) {
        self.name = name
        self.value = value
    }
}

/// The attributes of one tag, in order (duplicates included).
@frozen
public struct HTMLAttributes: Sequence, IteratorProtocol {
    public let bytes: UnsafeBufferPointer<UInt8>
    @usableFromInline var i: Int
    @usableFromInline let end: Int

    @inlinable
    init(bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        self.bytes = bytes
        i = range.lowerBound
        end = range.upperBound
    }

    /// The standard's attribute states, within the bytes `HTMLTokenizer` found for the tag.
    @inlinable
    public mutating func next() -> HTMLAttribute? {
        while i < end && (HTMLTokenizer.isWhitespace(bytes[i]) || bytes[i] == 0x2F) { i += 1 }
        guard i < end else { return nil }
        let nameStart = i
        i += 1   // the first byte is the name's, even `=` or a quote
        while i < end {
            let b = bytes[i]
            if HTMLTokenizer.isWhitespace(b) || b == 0x2F || b == 0x3D { break }
            i += 1
        }
        let name = nameStart..<i
        var j = i
        while j < end && HTMLTokenizer.isWhitespace(bytes[j]) { j += 1 }
        guard j < end, bytes[j] == 0x3D else {
            i = j
            return HTMLAttribute(name: name, value: nil)
        }
        j += 1
        while j < end && HTMLTokenizer.isWhitespace(bytes[j]) { j += 1 }
        guard j < end else {
            i = j
            return HTMLAttribute(name: name, value: j..<j)
        }
        let quote = bytes[j]
        if quote == 0x22 || quote == 0x27 {
            var q = j + 1
            while q < end && bytes[q] != quote { q += 1 }
            i = Swift.min(q + 1, end)
            return HTMLAttribute(name: name, value: (j + 1)..<q)
        }
        var q = j
        while q < end && !HTMLTokenizer.isWhitespace(bytes[q]) { q += 1 }
        i = q
        return HTMLAttribute(name: name, value: j..<q)
    }
}

extension HTMLTokenizer {
    /// The attributes of `tag`, in order.
    @inlinable
    public func attributes(of tag: HTMLTag) -> HTMLAttributes {
        HTMLAttributes(bytes: bytes, range: tag.attributeBytes)
    }

    /// The first attribute of `tag` named `name` (lower-case ASCII; matched ignoring case).
    @inlinable
    public func attribute(_ name: StaticString, of tag: HTMLTag) -> HTMLAttribute? {
        for attribute in attributes(of: tag) where equalsIgnoringCase(attribute.name, name) { return attribute }
        return nil
    }

    /// Whether the bytes in `range` are `literal` (lower-case ASCII), ignoring ASCII case.
    @inlinable
    public func equalsIgnoringCase(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        for k in 0..<range.count where Self.lower(bytes[range.lowerBound + k]) != literal.utf8Start[k] { return false }
        return true
    }

    /// Whether two tags have the same name, ignoring ASCII case.
    @inlinable
    public func sameName(_ a: HTMLTag, _ b: HTMLTag) -> Bool {
        guard a.prefixKey == b.prefixKey, a.name.count == b.name.count else { return false }
        for k in 8..<max(8, a.name.count)
        where Self.lower(bytes[a.name.lowerBound + k]) != Self.lower(bytes[b.name.lowerBound + k]) { return false }
        return true
    }

    /// The bytes in `range` as a String.
    @inlinable
    public func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The bytes in `range` as a String, ASCII letters lower-cased (a tag's or attribute's name).
    @inlinable
    public func lowercased(_ range: Range<Int>) -> String {
        String(decoding: bytes[range].lazy.map(Self.lower), as: UTF8.self)
    }
}
