import Foundation
import PortalCore
internal import Yams

/// A YAML document as a plain value tree that remembers where every node stood, so that a
/// wrong value can be reported as `file:line:col`. Yams' own `Node` holds class references and
/// is not `Sendable`; this is.
public struct YAMLNode: Sendable {
    public enum Kind: Sendable {
        case scalar(Scalar)
        case sequence([YAMLNode])
        case mapping([Pair])
    }

    public struct Pair: Sendable {
        public var key: YAMLNode
        public var value: YAMLNode

        public init(key: YAMLNode, value: YAMLNode) {
            self.key = key
            self.value = value
        }
    }

    /// A scalar as written, and what YAML's rules make of it when unquoted.
    public struct Scalar: Sendable {
        public var text: String
        public var quoted: Bool
        public var resolved: Resolved

        public init(text: String, quoted: Bool, resolved: Resolved) {
            self.text = text
            self.quoted = quoted
            self.resolved = resolved
        }
    }

    public enum Resolved: Sendable, Equatable {
        case null, bool(Bool), int(Int), float(Double), string(String)
    }

    public var kind: Kind
    public var line: Int
    public var column: Int

    /// A node made from something other than YAML text (a spreadsheet's cell), placed where
    /// that came from.
    public init(kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    public func location(in path: String) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    public var scalar: Scalar? {
        if case .scalar(let s) = kind { return s }
        return nil
    }

    public var isNull: Bool { scalar?.resolved == .null }

    /// For messages: how a teacher would recognise the value (`found "abc"`, `found a list`).
    public var described: Message {
        switch kind {
        case .scalar(let s): return s.resolved == .null ? .valueNothing : .valueText(s.text)
        case .sequence: return .valueList
        case .mapping: return .valueKeys
        }
    }

    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = kind else { return nil }
        return pairs.first { $0.key.scalar?.text == key }?.value
    }
}

public enum YAMLDocument {
    /// Parses one YAML document. `lineOffset` shifts reported lines, for front matter that
    /// starts below the file's first line. An empty document gives nil.
    public static func parse(_ text: String, path: String, lineOffset: Int = 0) throws(Diagnostic) -> YAMLNode? {
        let node: Node?
        // Aliases are charged before anything is built: a billion laughs stops at its alias.
        try AliasBudget.check(text, path: path, lineOffset: lineOffset)
        do {
            // Scalars are typed below by the YAML 1.2 core schema; Yams' default resolver would run
            // a regular expression per scalar (costly on large sites: docs/performance.md) and apply YAML
            // 1.1's rules, where `no`, `on` and `yes` are booleans.
            node = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            // libyaml's words for a tab ("found character that cannot start any token") do not
            // tell a teacher what to do; name the tab instead.
            if let tab = firstIndentationTab(in: text) {
                throw .error(
                    at: SourceLocation(path: path, line: tab.line + lineOffset, column: tab.column),
                    .yamlTabIndentation)
            }
            throw diagnostic(for: error, path: path, lineOffset: lineOffset)
        } catch {
            throw .error(at: SourceLocation(path: path), .yamlInvalid(error: "\(error)"))
        }
        guard let node else { return nil }
        return try convert(node, path: path, lineOffset: lineOffset)
    }

    static func convert(_ node: Node, path: String, lineOffset: Int) throws(Diagnostic) -> YAMLNode {
        let line = (node.mark?.line ?? 1) + lineOffset
        let column = node.mark?.column ?? 1
        switch node {
        case .scalar(let scalar):
            return YAMLNode(kind: .scalar(makeScalar(scalar, node: node)), line: line, column: column)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence { items.append(try convert(item, path: path, lineOffset: lineOffset)) }
            return YAMLNode(kind: .sequence(items), line: line, column: column)
        case .mapping(let mapping):
            var pairs: [YAMLNode.Pair] = []
            pairs.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                // Yams composes `<<` as an ordinary key; portal does not merge, so it says so.
                if case .scalar(let scalar) = key, scalar.string == "<<", scalar.style == .plain || scalar.style == .any {
                    throw .error(
                        at: SourceLocation(path: path, line: (key.mark?.line ?? 1) + lineOffset, column: key.mark?.column ?? 1),
                        .yamlMergeKey)
                }
                pairs.append(YAMLNode.Pair(key: try convert(key, path: path, lineOffset: lineOffset),
                                           value: try convert(value, path: path, lineOffset: lineOffset)))
            }
            return YAMLNode(kind: .mapping(pairs), line: line, column: column)
        case .alias:
            // Yams resolves aliases while composing; an unresolved one is kept as text.
            return YAMLNode(kind: .scalar(.init(text: "", quoted: false, resolved: .null)), line: line, column: column)
        }
    }

    static func makeScalar(_ scalar: Node.Scalar, node: Node) -> YAMLNode.Scalar {
        let quoted = scalar.style != .plain && scalar.style != .any
        let text = scalar.string
        return .init(text: text, quoted: quoted, resolved: quoted ? .string(text) : CoreSchema.resolve(text))
    }

    static func diagnostic(for error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let while_ = context.map { " (\($0.text) at line \($0.mark.line + lineOffset))" } ?? ""
            return .error(at: at(mark), .yamlSyntax(problem: problem, context: while_))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.joined(separator: ", ")
            return .error(at: at(context.mark), .yamlDuplicateKey(keys: keys))
        case let .reader(problem, _, _, _):
            return .error(at: SourceLocation(path: path), .yamlUnreadable(problem: problem))
        default:
            return .error(at: SourceLocation(path: path), .yamlInvalid(error: "\(error)"))
        }
    }

    /// The first tab among a line's leading white space.
    static func firstIndentationTab(in text: String) -> (line: Int, column: Int)? {
        var line = 1
        var atLineStart = true
        var column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                line += 1; column = 1; atLineStart = true
                continue
            }
            if atLineStart {
                if scalar == "\t" { return (line, column) }
                if scalar != " " { atLineStart = false }
            }
            column += 1
        }
        return nil
    }
}
