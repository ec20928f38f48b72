import PortalContent
import PortalCore

/// Where a page's text names a person: the full name as the data writes it («Иванова Анна
/// Сергеевна»), given name first («Анна Сергеевна Иванова») or with initials («Иванова А. С.»,
/// «А. С. Иванова»). Declined forms («Анне Сергеевне Ивановой») are not recognised.
public enum NameMentions {
    public static func variants(of fullName: String) -> [String] {
        let parts = fullName.split(separator: " ").map(String.init)
        guard parts.count >= 2 else { return parts }
        let surname = parts[0], given = parts.dropFirst()
        let initials = given.compactMap(\.first).map { "\($0)." }.joined(separator: " ")
        return [fullName, (given + [surname]).joined(separator: " "), "\(surname) \(initials)", "\(initials) \(surname)"]
    }

    /// Each page (published or not) whose Markdown names the person, with the line.
    public static func find(_ fullName: String, in site: Site) -> [SourceLocation] {
        let names = variants(of: fullName)
        var found: [SourceLocation] = []
        for page in site.pages where !page.body.isEmpty {
            for (offset, line) in page.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let text = line.replacingOccurrences(of: "\u{00A0}", with: " ")
                if names.contains(where: { text.contains($0) }) {
                    found.append(SourceLocation(path: page.source, line: page.bodyLine + offset))
                }
            }
        }
        return found
    }
}
