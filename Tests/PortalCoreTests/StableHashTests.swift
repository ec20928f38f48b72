import PortalCore
import Testing

/// The build cache trusts `StableHash` to tell an edited file or page from its old self.
@Suite struct StableHashTests {
    static func hex(_ bytes: [UInt8]) -> String {
        var hash = StableHash()
        bytes.withUnsafeBytes { hash.combine($0) }
        return hash.hex
    }

    @Test func everyByteOfALongTextCounts() {
        // Long enough for the four-lane loop, with a tail of whole words and of single bytes.
        let text = (0..<203).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let original = Self.hex(text)
        var seen: Set<String> = [original]
        for position in text.indices {
            var edited = text
            edited[position] ^= 0x01
            seen.insert(Self.hex(edited))
        }
        #expect(seen.count == text.count + 1, "each one-bit edit gives a hash of its own")
        #expect(Self.hex(text) == original, "the same bytes, the same hash")
    }

    @Test func swappedWordsDiffer() {
        // Two 8-byte words trading places (one lane's word moved to another lane).
        let a = Array("первое слово и второе слово, и ещё слова".utf8)
        var b = a
        b.replaceSubrange(0..<8, with: a[8..<16])
        b.replaceSubrange(8..<16, with: a[0..<8])
        #expect(a != b)
        #expect(Self.hex(a) != Self.hex(b))
    }
}
