import Foundation

// MARK: - JSON

/// A minimal JSON writer: strings with only the escapes JSON needs (non-ASCII as is).
struct JSONWriter {
    private(set) var bytes: [UInt8] = []

    mutating func append(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    var result: String { String(decoding: bytes, as: UTF8.self) }

    mutating func raw(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    mutating func int(_ n: Int) {
        guard n >= 0 else { bytes.append(contentsOf: String(n).utf8); return }
        // Digits straight into the buffer: the index is mostly numbers.
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var value = n
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(truncatingIfNeeded: 0x30 + value % 10)
                value /= 10
            } while value > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start...]))
        }
    }

    mutating func string(_ s: String) {
        var s = s
        s.makeContiguousUTF8()
        s.utf8.withContiguousStorageIfAvailable { string($0) }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func string(_ u: UnsafeBufferPointer<UInt8>) {
        bytes.append(0x22)
        var run = 0 // start of the bytes not yet copied
        var i = 0
        while i < u.count {
            let b = u[i]
            // Most bytes need no escape: copy them in runs.
            if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0xE2 { i += 1; continue }
            if b == 0xE2 && !(i + 2 < u.count && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9)) {
                i += 1
                continue
            }
            if run < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<i])) }
            switch b {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
            case 0x0D: bytes.append(0x5C); bytes.append(0x72)
            case 0x09: bytes.append(0x5C); bytes.append(0x74)
            case 0xE2:
                // U+2028, U+2029: valid in JSON but not in older JavaScript string literals
                bytes.append(contentsOf: [0x5C, 0x75, 0x32, 0x30, 0x32, u[i + 2] == 0xA8 ? 0x38 : 0x39])
                i += 2
            default: // other control characters
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30]) // \u00
                bytes.append(JSONWriter.hex[Int(b >> 4)]); bytes.append(JSONWriter.hex[Int(b & 0xF)])
            }
            i += 1
            run = i
        }
        if run < u.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<u.count])) }
        bytes.append(0x22)
    }
}
