import PortalCore
import PortalYAML
import PropertyBased
import Testing

/// Alias-heavy YAML: anchors repeated by aliases level on level (billion laughs and its kin),
/// in flow and block lists, mappings and merge keys. Each document either parses within the
/// alias budget or is refused with the place of an alias, a merge key or a syntax error.
@Suite struct AliasFuzzTests {
    static func document(widths: [Int], styles: [Int]) -> String {
        var lines = ["a0: &a0 [x, \"y\", 1]"]
        for (level, width) in widths.enumerated() {
            let name = "a\(level + 1)", previous = "*a\(level)"
            switch styles[level % max(styles.count, 1)] % 4 {
            case 0:
                lines.append("\(name): &\(name) [" + Array(repeating: previous, count: max(width, 1)).joined(separator: ", ") + "]")
            case 1:
                lines.append("\(name): &\(name)")
                for _ in 0..<max(width, 1) { lines.append("  - \(previous)") }
            case 2:
                lines.append("\(name): &\(name)")
                for i in 0..<max(width, 1) { lines.append("  k\(i): \(previous)") }
            default:
                lines.append("\(name): &\(name)")
                lines.append("  <<: {m: \(previous)}")
            }
        }
        lines.append("all: [" + (0...widths.count).map { "*a\($0)" }.joined(separator: ", ") + "]")
        return lines.joined(separator: "\n") + "\n"
    }

    static func count(_ node: YAMLNode) -> Int {
        switch node.kind {
        case .scalar: return 1
        case .sequence(let items): return 1 + items.reduce(0) { $0 + count($1) }
        case .mapping(let pairs): return 1 + pairs.reduce(0) { $0 + count($1.key) + count($1.value) }
        }
    }

    @Test func aliasHeavyDocumentsStayWithinTheBudget() async {
        let widths = Gen.int(in: 0...12).array(of: 1...14)
        let styles = Gen.int(in: 0...3).array(of: 1...14)
        await propertyCheck(count: fuzzCount, input: widths, styles) { widths, styles in
            let text = Self.document(widths: widths, styles: styles)
            do {
                if let node = try YAMLDocument.parse(text, path: "d.yml") {
                    #expect(Self.count(node) <= 100_000 + text.utf8.count)
                }
            } catch {
                let diagnostic = error as? Diagnostic
                #expect(diagnostic?.location?.path == "d.yml")
                #expect(diagnostic?.location?.line != nil && diagnostic?.location?.column != nil)
                let message = diagnostic?.message.english ?? ""
                #expect(message.contains("alias") || message.contains("merge keys"), "\(message)")
            }
        }
    }
}
