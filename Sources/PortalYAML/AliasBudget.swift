import PortalCore
internal import CYaml

/// A budget for YAML aliases. `&a` names a value and `*a` repeats it; nine levels of nine
/// repeats are 387 million values from 1 KB of text (a "billion laughs"), which would take all
/// memory. Before the document is built, its events are read once (libyaml, under Yams) and
/// every alias is charged the size and depth of what it repeats: the alias that breaks the
/// budget is reported with its own line and column, at once.
enum AliasBudget {
    /// Values that aliases may add to one document (written values are not counted).
    static let maxAddedValues = 100_000
    /// How deep values may nest once aliases are expanded.
    static let maxDepth = 200

    private struct Frame {
        var anchor: String?
        var size = 1
        var depth = 0
    }

    static func check(_ text: String, path: String, lineOffset: Int) throws(Diagnostic) {
        // Without a `*` there is no alias, and nothing can grow.
        guard text.utf8.contains(UInt8(ascii: "*")) else { return }
        let bytes = Array(text.utf8)
        let failure: Diagnostic? = bytes.withUnsafeBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return walk(&parser, path: path, lineOffset: lineOffset)
        }
        if let failure { throw failure }
    }

    private static func walk(_ parser: inout yaml_parser_t, path: String, lineOffset: Int) -> Diagnostic? {
        var anchors: [String: (size: Int, depth: Int)] = [:]
        var stack: [Frame] = []
        var added = 0
        func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }
        func finish(anchor: String?, size: Int, depth: Int) {
            if let anchor { anchors[anchor] = (size, depth) }
            if !stack.isEmpty {
                stack[stack.count - 1].size += size
                stack[stack.count - 1].depth = max(stack[stack.count - 1].depth, depth)
            }
        }
        while true {
            var event = yaml_event_t()
            // A syntax error is reported, with its place, when the document is built.
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_DOCUMENT_START_EVENT:
                anchors = [:]
                added = 0
            case YAML_SCALAR_EVENT:
                finish(anchor: name(event.data.scalar.anchor), size: 1, depth: 1)
            case YAML_SEQUENCE_START_EVENT:
                stack.append(Frame(anchor: name(event.data.sequence_start.anchor)))
            case YAML_MAPPING_START_EVENT:
                stack.append(Frame(anchor: name(event.data.mapping_start.anchor)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { return nil }
                finish(anchor: frame.anchor, size: frame.size, depth: frame.depth + 1)
            case YAML_ALIAS_EVENT:
                guard let alias = name(event.data.alias.anchor), let target = anchors[alias] else { return nil }
                added += target.size
                let location = SourceLocation(path: path, line: Int(event.start_mark.line) + 1 + lineOffset,
                                              column: Int(event.start_mark.column) + 1)
                if added > maxAddedValues {
                    return .error(
                        at: location,
                        .yamlAliasTooLarge(alias: alias, limit: maxAddedValues))
                }
                if stack.count + target.depth > maxDepth {
                    return .error(
                        at: location,
                        .yamlAliasTooDeep(alias: alias, limit: maxDepth))
                }
                finish(anchor: nil, size: target.size, depth: target.depth)
            default:
                break
            }
        }
    }
}
