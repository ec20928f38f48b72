import PortalCore

/// What swift-mustache does not check: a partial or parent that does not exist renders as
/// nothing, and a template that includes itself recurses until the stack overflows. Both are
/// found here, at load time, with the line and column of the tag.
enum TemplateCheck {
    struct Reference {
        var name: String
        var line: Int
        var column: Int
        /// Inside a `{{#section}}`: recursion there may end when the data does (a tree).
        var conditional: Bool
    }

    static func checkReferences(_ sources: [String: (path: String, text: String)], log: inout DiagnosticLog) {
        var graph: [String: [Reference]] = [:]
        for (name, source) in sources {
            let references = scan(source.text)
            graph[name] = references
            for ref in references where sources[ref.name] == nil {
                log.error(at: SourceLocation(path: source.path, line: ref.line, column: ref.column),
                          .templateUnknown(name: ref.name))
            }
        }
        // Unconditional include cycles never end.
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        func visit(_ name: String, _ stack: [String]) {
            if state[name] == 2 { return }
            state[name] = 1
            for ref in graph[name] ?? [] where !ref.conditional && sources[ref.name] != nil {
                if state[ref.name] == 1 {
                    let cycle = (stack + [name, ref.name]).drop { $0 != ref.name }.joined(separator: " → ")
                    log.error(at: SourceLocation(path: sources[name]!.path, line: ref.line, column: ref.column),
                              .templateCycle(cycle: cycle))
                } else {
                    visit(ref.name, stack + [name])
                }
            }
            state[name] = 2
        }
        for name in sources.keys.sorted() { visit(name, []) }
    }

    /// Fragments are rendered once per menu state, without a page: a `page.…` in one would be
    /// empty on every page, silently. Views are rendered once per page, outside any list or
    /// menu: `menu`, `fragments` and `views` are not there. Say so where it stands.
    static func checkRenderedOnce(_ sources: [String: (path: String, text: String)], log: inout DiagnosticLog) {
        for (name, source) in sources {
            let forbidden: Set<String>
            let problem: (String) -> Message
            if name.hasPrefix("fragments/") {
                forbidden = ["page"]
                problem = { .templatePageValueInFragment(value: $0) }
            } else if name.hasPrefix("views/") {
                forbidden = ["menu", "fragments", "views"]
                problem = { .templateValueMissingInView(value: $0) }
            } else {
                continue
            }
            // A closing tag repeats its opening one; a comment says nothing.
            for tag in tags(in: source.text) where !tag.content.hasPrefix("/") && !tag.content.hasPrefix("!") {
                let inner = tag.content.trimmingCharacters(in: CharacterSet(charactersIn: "#^{&> "))
                guard let root = inner.split(separator: ".").first.map(String.init), forbidden.contains(root) else { continue }
                log.error(at: SourceLocation(path: source.path, line: tag.line, column: tag.column), problem(inner))
            }
        }
    }

    /// Partial (`{{> name}}`) and parent (`{{< name}}`) tags, with their positions.
    static func scan(_ text: String) -> [Reference] {
        var references: [Reference] = []
        var depth = 0
        for tag in tags(in: text) {
            guard let sigil = tag.content.first else { continue }
            let name = String(tag.content.dropFirst()).trimmingCharacters(in: .whitespaces)
            switch sigil {
            case "#", "^": depth += 1
            case "/": depth = max(0, depth - 1)
            case ">", "<":
                if !name.hasPrefix("*") {
                    references.append(Reference(name: name, line: tag.line, column: tag.column, conditional: depth > 0))
                }
            default: break
            }
        }
        return references
    }

    struct Tag {
        /// What stands between `{{` and `}}`, spaces trimmed.
        var content: String
        var line: Int
        /// Of the `{{`, counted in Unicode scalars like every column portal reports.
        var column: Int
    }

    /// Every `{{…}}` tag of a template, in order.
    static func tags(in text: String) -> [Tag] {
        var tags: [Tag] = []
        var line = 1, column = 1
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "{", i + 1 < scalars.count, scalars[i + 1] == "{" {
                let tagLine = line, tagColumn = column
                var j = i + 2
                var inner = ""
                while j + 1 < scalars.count, !(scalars[j] == "}" && scalars[j + 1] == "}") {
                    inner.unicodeScalars.append(scalars[j])
                    j += 1
                }
                tags.append(Tag(content: inner.trimmingCharacters(in: .whitespaces), line: tagLine, column: tagColumn))
                // advance position counters over the tag
                while i < min(j + 2, scalars.count) {
                    if scalars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
                    i += 1
                }
                continue
            }
            if scalars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        return tags
    }
}

import Foundation
