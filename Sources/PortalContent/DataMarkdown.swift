import Foundation
import PortalCore
import PortalMarkdown

/// A Markdown field of a data file (a person's `about`, an event's `result`), with where its text
/// stands in the file, so that a broken link in it is reported at the data file's line:col.
public struct MarkdownFieldSource: Sendable {
    public var text: String
    /// `Content/data/people.yml`
    public var path: String
    var placement: Placement

    enum Placement: Sendable {
        /// A literal block (`about: |`): Markdown line k is file line `firstLine + k - 1`, its
        /// columns shifted by the block's indentation.
        case literal(firstLine: Int, indent: Int)
        /// A one-line value starting at this line and column (after an opening quote).
        case inline(line: Int, column: Int)
        /// Any other style (folded, multi-line plain or quoted): the link is found in the file's
        /// lines from `fromLine` on.
        case search(fromLine: Int, lines: [Substring])
        /// A cell of a spreadsheet: every link is reported at the cell.
        case cell(SourceLocation)
    }

    /// Where a link at `line:column` of the Markdown stands in the file.
    func location(of link: Markdown.Link) -> SourceLocation {
        switch placement {
        case .cell(let location):
            return location
        case .literal(let firstLine, let indent):
            return SourceLocation(path: path, line: firstLine + link.line - 1, column: indent + link.column)
        case .inline(let line, let column):
            return SourceLocation(path: path, line: line, column: column + link.column - 1)
        case .search(let fromLine, let lines):
            for number in max(fromLine, 1)...max(lines.count, 1) where number <= lines.count {
                if let range = lines[number - 1].range(of: "(" + link.written) {
                    let column = lines[number - 1].unicodeScalars.distance(from: lines[number - 1].startIndex, to: range.lowerBound) + 2
                    return SourceLocation(path: path, line: number, column: column)
                }
            }
            return SourceLocation(path: path, line: fromLine, column: 1)
        }
    }

    /// The source of a Markdown value whose node starts at `line:column` of `fileText`.
    static func make(text: String, path: String, line: Int, column: Int, quoted: Bool, fileLines: [Substring]) -> MarkdownFieldSource {
        let here = line >= 1 && line <= fileLines.count ? fileLines[line - 1] : ""
        let scalars = Array(here.unicodeScalars)
        let indicator = column >= 1 && column <= scalars.count ? scalars[column - 1] : " "
        if indicator == "|" {
            let body = fileLines.dropFirst(line).first { !$0.allSatisfy(\.isWhitespace) } ?? ""
            let indent = body.prefix(while: { $0 == " " }).count
            return MarkdownFieldSource(text: text, path: path, placement: .literal(firstLine: line + 1, indent: indent))
        }
        if indicator != ">" && !text.contains("\n") && !text.contains("\\") {
            return MarkdownFieldSource(text: text, path: path, placement: .inline(line: line, column: column + (quoted ? 1 : 0)))
        }
        return MarkdownFieldSource(text: text, path: path, placement: .search(fromLine: line, lines: fileLines))
    }
}

/// Renders the Markdown fields of the data files once every page's URL is known: links resolve
/// relative to the data file (or from Content/ when written `/…`), exactly as in pages. The
/// entries of a file are rendered on every core (a large base has thousands of `about` texts);
/// their messages keep the order of a serial pass.
enum DataMarkdown {
    static func render(_ data: inout [String: DataFile], links: MarkdownLinks, options: Markdown.Options, log: inout DiagnosticLog) {
        for name in data.keys.sorted() {
            guard var file = data[name] else { continue }
            let folder = file.path.lastIndex(of: "/").map { String(file.path[..<$0]) } ?? "Content"
            let sources = file.entries.map { $0.markdown.sorted(by: { $0.key < $1.key }) }
            let rendered = sources.concurrentMap { fields -> (html: [(field: String, html: String)], log: DiagnosticLog) in
                var entryLog = DiagnosticLog()
                let html = fields.map { field, source in
                    (field, Markdown.render(source.text, options: options) { link in
                        links.rewrite(link, folder: folder, location: source.location(of: link), log: &entryLog)
                    }.html)
                }
                return (html, entryLog)
            }
            for (index, entry) in rendered.enumerated() {
                for (field, html) in entry.html { file.entries[index].fields[field + "_html"] = .string(html) }
                log.append(contentsOf: entry.log.diagnostics)
            }
            data[name] = file
        }
    }
}
