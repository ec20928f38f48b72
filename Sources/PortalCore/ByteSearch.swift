#if canImport(Glibc)
import Glibc
#endif

extension String {
    /// Whether the text's UTF-8 holds the two bytes `first`, `second` in a row (`](`, `]:`):
    /// memchr over the bytes. Foundation's `contains(_:)` searches with Unicode folding, which
    /// cost more than rendering the data's Markdown itself.
    public func containsBytes(_ first: UInt8, _ second: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return false }
            var i = 0
            while i < buffer.count, let hit = memchr(base + i, Int32(first), buffer.count - i) {
                i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                if i < buffer.count && buffer[i] == second { return true }
            }
            return false
        }
    }
}
