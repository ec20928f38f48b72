#if canImport(Glibc)
import Glibc
#endif

/// Work on a String's UTF-8 bytes where Character-level operations cost too much at 10,000 pages.
extension String {
    /// Byte offset of the first `needle` at or after `start`, or nil: memchr to the next
    /// candidate byte, memcmp to confirm.
    public mutating func byteOffset(of needle: StaticString, from start: Int = 0) -> Int? {
        withUTF8 { buffer -> Int? in
            let count = needle.utf8CodeUnitCount
            guard count > 0, let base = buffer.baseAddress else { return nil }
            let first = Int32(needle.utf8Start.pointee)
            var offset = start
            while offset + count <= buffer.count {
                guard let hit = memchr(base + offset, first, buffer.count - offset - count + 1) else { return nil }
                let position = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                if memcmp(base + position, needle.utf8Start, count) == 0 { return position }
                offset = position + 1
            }
            return nil
        }
    }

    /// Negative, zero or positive as `a`'s UTF-8 bytes sort before, with or after `b`'s: code
    /// point order, the same as `<` for NFC text, without Unicode-aware comparison (which
    /// sorting thousands of Cyrillic titles paid for).
    public static func utf8Order(_ a: String, _ b: String) -> Int {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = Swift.min(x.count, y.count)
                let order = common == 0 ? 0 : Int(memcmp(x.baseAddress!, y.baseAddress!, common))
                return order != 0 ? order : x.count - y.count
            }
        }
    }
}
