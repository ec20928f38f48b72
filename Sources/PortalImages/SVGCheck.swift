/// An SVG is published as it is, on the school's domain: a script in it would run there with
/// the site's rights. This finds `<script` elements and `on…=` event attributes (case-insensitive)
/// and `javascript:` addresses, with their line and column.
public enum SVGCheck {
    public struct Finding: Sendable, Equatable {
        public var line: Int
        public var column: Int
        /// What was found: `<script>`, `onload=`, `javascript:`.
        public var what: String

        public init(line: Int, column: Int, what: String) {
            self.line = line
            self.column = column
            self.what = what
        }
    }

    public static func scripts(in bytes: [UInt8]) -> Finding? {
        var line = 1
        var lineStart = 0
        var inTag = false
        var quote: UInt8 = 0
        var i = 0
        func lower(_ b: UInt8) -> UInt8 { (0x41...0x5A).contains(b) ? b | 0x20 : b }
        func matches(_ word: String, at index: Int) -> Bool {
            let w = Array(word.utf8)
            guard index + w.count <= bytes.count else { return false }
            for k in 0..<w.count where lower(bytes[index + k]) != w[k] { return false }
            return true
        }
        func isNameByte(_ b: UInt8) -> Bool {
            // Event handlers are "on" and letters (onload, onclick, onbegin).
            (0x61...0x7A).contains(lower(b))
        }
        while i < bytes.count {
            let b = bytes[i]
            let column = i - lineStart + 1
            if b == 0x0A { line += 1; lineStart = i + 1 }
            if matches("javascript:", at: i) { return Finding(line: line, column: column, what: "javascript:") }
            if !inTag {
                if b == 0x3C {
                    if matches("<script", at: i) { return Finding(line: line, column: column, what: "<script>") }
                    inTag = true
                }
            } else if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == 0x22 || b == 0x27 {
                quote = b
            } else if b == 0x3E {
                inTag = false
            } else if (b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x2F), i + 2 < bytes.count,
                      lower(bytes[i + 1]) == 0x6F, lower(bytes[i + 2]) == 0x6E {
                // An attribute starting with "on": an event handler when "=" follows its name.
                var j = i + 3
                while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
                var k = j
                while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x09 || bytes[k] == 0x0A || bytes[k] == 0x0D { k += 1 }
                if j > i + 3, k < bytes.count, bytes[k] == 0x3D {
                    let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self).lowercased()
                    return Finding(line: line, column: i + 1 - lineStart + 1, what: name + "=")
                }
            }
            i += 1
        }
        return nil
    }
}
