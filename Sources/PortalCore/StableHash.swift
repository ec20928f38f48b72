/// A 64-bit hash that is the same in every run and on every machine (Swift's `Hasher` is seeded
/// per process), for the build cache. FNV-1a over 8-byte words: fast, and collisions between a
/// file and its edited self are vanishingly unlikely, which is all the cache needs.
public struct StableHash: Sendable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        var i = 0
        let count = bytes.count
        if count >= 64 {
            // Four independent lanes, so the multiplications overlap (a page's HTML, a file):
            // then folded into the state in order.
            var lanes = (state, state ^ 0x9E37_79B9_7F4A_7C15, state ^ 0xC2B2_AE3D_27D4_EB4F, state ^ 0x1656_67B1_9E37_79F9)
            while i + 32 <= count {
                lanes.0 = (lanes.0 ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x0000_0100_0000_01B3
                lanes.1 = (lanes.1 ^ bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)) &* 0x0000_0100_0000_01B3
                lanes.2 = (lanes.2 ^ bytes.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)) &* 0x0000_0100_0000_01B3
                lanes.3 = (lanes.3 ^ bytes.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)) &* 0x0000_0100_0000_01B3
                lanes.0 ^= lanes.0 >> 29
                lanes.1 ^= lanes.1 >> 29
                lanes.2 ^= lanes.2 >> 29
                lanes.3 ^= lanes.3 >> 29
                i += 32
            }
            state = lanes.0
            fold(lanes.1)
            fold(lanes.2)
            fold(lanes.3)
        }
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

    private mutating func fold(_ word: UInt64) {
        state = (state ^ word) &* 0x0000_0100_0000_01B3
        state ^= state >> 29
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
