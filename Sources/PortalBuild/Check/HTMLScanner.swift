import Foundation
import PortalCore

/// Reads the start tags of HTML that portal itself produced (cmark and the theme), for the link
/// checker: tag names and attribute values (the first of two with one name), through PortalCore's
/// `HTMLTokenizer`, so comments and the raw text of scripts, styles and text areas hold no tags.
struct HTMLScanner {
    struct Tag {
        var name: String
        var attributes: [String: String]
        /// 1-based line in the HTML, to point into templates.
        var line: Int
    }

    static func tags(in html: String) -> [Tag] {
        HTMLTokenizer.reading(html) { tokens in
            var tags: [Tag] = []
            var line = 1
            var counted = 0   // newlines are counted up to here
            while let token = tokens.next() {
                guard case .startTag(let tag) = token else { continue }
                for i in counted..<tag.range.lowerBound where tokens.bytes[i] == 0x0A { line += 1 }
                counted = tag.range.lowerBound
                var attributes: [String: String] = [:]
                for attribute in tokens.attributes(of: tag) {
                    let name = tokens.lowercased(attribute.name)
                    guard attributes[name] == nil else { continue }
                    attributes[name] = decodeEntities(attribute.value.map(tokens.string) ?? "")
                }
                tags.append(Tag(name: tokens.lowercased(tag.name), attributes: attributes, line: line))
            }
            return tags
        }
    }

    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
