/// A 64-bit hash that is the same in every run and on every machine (Swift's `Hasher` is seeded
/// per process), for the build cache. FNV-1a over 8-byte words: fast, and collisions between a
/// file and its edited self are vanishingly unlikely, which is all the cache needs.
public struct StableHash: Sendable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        var i = 0
        let count = bytes.count
        while i + 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            state = (state ^ word) &* 0x0000_0100_0000_01B3
            state ^= state >> 29
            i += 8
        }
        while i < count {
            state = (state ^ UInt64(bytes[i])) &* 0x0000_0100_0000_01B3
            i += 1
        }
        // The length, so that "ab" + "c" and "a" + "bc" differ.
        state = (state ^ UInt64(count)) &* 0x0000_0100_0000_01B3
    }

    public mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    public var hex: String {
        let s = String(state, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
