/// Feeds an `Encodable` value into a `StableHash`, so that a fingerprint follows a type's stored
/// properties as its synthesized `Encodable` conformance lists them, rather than a list kept by
/// hand beside them (`PageSummary` and the build cache's fingerprint).
///
/// Every key and every scalar is hashed after a one-byte marker of its kind, and `StableHash`
/// hashes each piece with its length, so no two different values of one type give the same
/// sequence. `nil` in a keyed container is skipped (its key is absent); in an unkeyed one it is
/// marked.
extension StableHash {
    public mutating func combine<Value: Encodable>(encoding value: Value) {
        let encoder = HashingEncoder(hash: self)
        // Hashing never fails: the encoder's methods do not throw.
        try? value.encode(to: encoder)
        self = encoder.hash
    }
}

private final class HashingEncoder: Encoder {
    var hash: StableHash
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(hash: StableHash) { self.hash = hash }

    enum Marker: UInt8 {
        case key = 1, element, null, bool, integer, unsigned, float, string, keyed, unkeyed
    }

    func mark(_ marker: Marker) {
        var byte = marker.rawValue
        withUnsafeBytes(of: &byte) { hash.combine($0) }
    }

    func add(_ marker: Marker, _ text: String) {
        mark(marker)
        hash.combine(text)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        mark(.keyed)
        return KeyedEncodingContainer(Keyed<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        mark(.unkeyed)
        return Unkeyed(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        Single(encoder: self)
    }

    /// A scalar, or a value that encodes itself into this encoder.
    func value<T: Encodable>(_ value: T) {
        switch value {
        case let v as String: add(.string, v)
        case let v as Bool: add(.bool, v ? "1" : "0")
        case let v as Int: add(.integer, String(v))
        case let v as Double: add(.float, String(v))
        default: try? value.encode(to: self)
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: HashingEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }

        func key(_ key: Key) { encoder.add(.key, key.stringValue) }

        mutating func encodeNil(forKey key: Key) { self.key(key); encoder.mark(.null) }
        mutating func encode(_ value: Bool, forKey key: Key) { self.key(key); encoder.value(value) }
        mutating func encode(_ value: String, forKey key: Key) { self.key(key); encoder.value(value) }
        mutating func encode(_ value: Double, forKey key: Key) { self.key(key); encoder.value(value) }
        mutating func encode(_ value: Float, forKey key: Key) { self.key(key); encoder.add(.float, String(value)) }
        mutating func encode(_ value: Int, forKey key: Key) { self.key(key); encoder.value(value) }
        mutating func encode(_ value: Int8, forKey key: Key) { self.key(key); encoder.add(.integer, String(value)) }
        mutating func encode(_ value: Int16, forKey key: Key) { self.key(key); encoder.add(.integer, String(value)) }
        mutating func encode(_ value: Int32, forKey key: Key) { self.key(key); encoder.add(.integer, String(value)) }
        mutating func encode(_ value: Int64, forKey key: Key) { self.key(key); encoder.add(.integer, String(value)) }
        mutating func encode(_ value: UInt, forKey key: Key) { self.key(key); encoder.add(.unsigned, String(value)) }
        mutating func encode(_ value: UInt8, forKey key: Key) { self.key(key); encoder.add(.unsigned, String(value)) }
        mutating func encode(_ value: UInt16, forKey key: Key) { self.key(key); encoder.add(.unsigned, String(value)) }
        mutating func encode(_ value: UInt32, forKey key: Key) { self.key(key); encoder.add(.unsigned, String(value)) }
        mutating func encode(_ value: UInt64, forKey key: Key) { self.key(key); encoder.add(.unsigned, String(value)) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { self.key(key); encoder.value(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                            forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            self.key(key)
            return encoder.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            self.key(key)
            return encoder.unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { encoder.add(.key, "super"); return encoder }
        mutating func superEncoder(forKey key: Key) -> any Encoder { self.key(key); return encoder }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let encoder: HashingEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }
        private(set) var count = 0

        init(encoder: HashingEncoder) { self.encoder = encoder }

        private mutating func element() { count += 1; encoder.mark(.element) }

        mutating func encodeNil() { element(); encoder.mark(.null) }
        mutating func encode(_ value: Bool) { element(); encoder.value(value) }
        mutating func encode(_ value: String) { element(); encoder.value(value) }
        mutating func encode(_ value: Double) { element(); encoder.value(value) }
        mutating func encode(_ value: Float) { element(); encoder.add(.float, String(value)) }
        mutating func encode(_ value: Int) { element(); encoder.value(value) }
        mutating func encode(_ value: Int8) { element(); encoder.add(.integer, String(value)) }
        mutating func encode(_ value: Int16) { element(); encoder.add(.integer, String(value)) }
        mutating func encode(_ value: Int32) { element(); encoder.add(.integer, String(value)) }
        mutating func encode(_ value: Int64) { element(); encoder.add(.integer, String(value)) }
        mutating func encode(_ value: UInt) { element(); encoder.add(.unsigned, String(value)) }
        mutating func encode(_ value: UInt8) { element(); encoder.add(.unsigned, String(value)) }
        mutating func encode(_ value: UInt16) { element(); encoder.add(.unsigned, String(value)) }
        mutating func encode(_ value: UInt32) { element(); encoder.add(.unsigned, String(value)) }
        mutating func encode(_ value: UInt64) { element(); encoder.add(.unsigned, String(value)) }
        mutating func encode<T: Encodable>(_ value: T) { element(); encoder.value(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            element()
            return encoder.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            element()
            return encoder.unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { element(); return encoder }
    }

    struct Single: SingleValueEncodingContainer {
        let encoder: HashingEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }

        mutating func encodeNil() { encoder.mark(.null) }
        mutating func encode(_ value: Bool) { encoder.value(value) }
        mutating func encode(_ value: String) { encoder.value(value) }
        mutating func encode(_ value: Double) { encoder.value(value) }
        mutating func encode(_ value: Float) { encoder.add(.float, String(value)) }
        mutating func encode(_ value: Int) { encoder.value(value) }
        mutating func encode(_ value: Int8) { encoder.add(.integer, String(value)) }
        mutating func encode(_ value: Int16) { encoder.add(.integer, String(value)) }
        mutating func encode(_ value: Int32) { encoder.add(.integer, String(value)) }
        mutating func encode(_ value: Int64) { encoder.add(.integer, String(value)) }
        mutating func encode(_ value: UInt) { encoder.add(.unsigned, String(value)) }
        mutating func encode(_ value: UInt8) { encoder.add(.unsigned, String(value)) }
        mutating func encode(_ value: UInt16) { encoder.add(.unsigned, String(value)) }
        mutating func encode(_ value: UInt32) { encoder.add(.unsigned, String(value)) }
        mutating func encode(_ value: UInt64) { encoder.add(.unsigned, String(value)) }
        mutating func encode<T: Encodable>(_ value: T) { encoder.value(value) }
    }
}
