import Foundation

/// Reads the start tags of HTML that portal itself produced (cmark and the theme), for the link
/// checker: tag names and attribute values, with comments, scripts and styles skipped. It is not
/// a general HTML parser and needs not be one: it only ever reads portal's own output.
struct HTMLScanner {
    struct Tag {
        var name: String
        var attributes: [String: String]
        /// 1-based line in the HTML, to point into templates.
        var line: Int
    }

    static func tags(in html: String) -> [Tag] {
        var tags: [Tag] = []
        let bytes = Array(html.utf8)
        var i = 0
        var line = 1
        func at(_ s: String) -> Bool {
            let u = Array(s.utf8)
            return i + u.count <= bytes.count && Array(bytes[i..<i + u.count]) == u
        }
        func skip(until end: String) {
            let u = Array(end.utf8)
            while i < bytes.count {
                if bytes[i] == 0x0A { line += 1 }
                if i + u.count <= bytes.count && Array(bytes[i..<i + u.count]).elementsEqual(u, by: { lower($0) == $1 }) {
                    i += u.count
                    return
                }
                i += 1
            }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A { line += 1; i += 1; continue }
            guard b == UInt8(ascii: "<") else { i += 1; continue }
            if at("<!--") { skip(until: "-->"); continue }
            guard i + 1 < bytes.count, isLetter(bytes[i + 1]) else { i += 1; continue }
            i += 1
            let tagLine = line
            var name = [UInt8]()
            while i < bytes.count, isNameByte(bytes[i]) { name.append(lower(bytes[i])); i += 1 }
            var attributes: [String: String] = [:]
            while i < bytes.count, bytes[i] != UInt8(ascii: ">") {
                if bytes[i] == 0x0A { line += 1 }
                guard isNameByte(bytes[i]) else { i += 1; continue }
                var key = [UInt8]()
                while i < bytes.count, isNameByte(bytes[i]) { key.append(lower(bytes[i])); i += 1 }
                var value = [UInt8]()
                if i < bytes.count, bytes[i] == UInt8(ascii: "=") {
                    i += 1
                    if i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                        let quote = bytes[i]
                        i += 1
                        while i < bytes.count, bytes[i] != quote { if bytes[i] == 0x0A { line += 1 }; value.append(bytes[i]); i += 1 }
                        i += 1
                    } else {
                        while i < bytes.count, bytes[i] != UInt8(ascii: " "), bytes[i] != UInt8(ascii: ">") { value.append(bytes[i]); i += 1 }
                    }
                }
                attributes[String(decoding: key, as: UTF8.self)] = decodeEntities(String(decoding: value, as: UTF8.self))
            }
            i += 1
            let tagName = String(decoding: name, as: UTF8.self)
            tags.append(Tag(name: tagName, attributes: attributes, line: tagLine))
            if tagName == "script" { skip(until: "</script") } else if tagName == "style" { skip(until: "</style") }
        }
        return tags
    }

    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
    private static func isNameByte(_ b: UInt8) -> Bool {
        isLetter(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ":")
    }
    private static func lower(_ b: UInt8) -> UInt8 { b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b }
}
