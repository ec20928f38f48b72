/// HTML escaping for text and attribute values alike (`& < > " '`). A string with nothing to
/// escape — nearly every one — is returned as it is, without copying.
public enum HTMLEscaping {
    public static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        // Every template value passes here: scan contiguous bytes when the string has them.
        let needsEscaping = utf8.withContiguousStorageIfAvailable { bytes in bytes.contains(where: isSpecial) }
            ?? utf8.contains(where: isSpecial)
        guard needsEscaping else { return text }
        var out = [UInt8]()
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always)
    static func isSpecial(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }
}
