/// HTML escaping for text and attribute values alike (`& < > " '`). A string with nothing to
/// escape — nearly every one — is returned as it is, without copying.
public enum HTMLEscaping {
    public static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        // Every template value passes here: scan contiguous bytes when the string has them.
        let needsEscaping = utf8.withContiguousStorageIfAvailable { bytes in bytes.contains(where: isSpecial) }
            ?? utf8.contains(where: isSpecial)
        guard needsEscaping else { return text }
        return replacingBytes(of: utf8) { byte in
            switch byte {
            case 0x26: "&amp;"
            case 0x3C: "&lt;"
            case 0x3E: "&gt;"
            case 0x22: "&quot;"
            case 0x27: "&#39;"
            default: nil
            }
        }
    }

    /// `bytes` (UTF-8) as a String, each byte for which `replacement` gives text replaced by it.
    public static func replacingBytes(of bytes: some Sequence<UInt8>, _ replacement: (UInt8) -> StaticString?) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.underestimatedCount + 16)
        for byte in bytes {
            if let text = replacement(byte) {
                out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always)
    static func isSpecial(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }
}
