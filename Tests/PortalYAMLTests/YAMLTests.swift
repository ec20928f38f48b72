import PortalCore
import PortalYAML
import Testing

@Suite struct FrontMatterTests {
    @Test func splitsFrontMatterAndBody() throws {
        let split = try FrontMatterSplit.split("---\ntitle: A\n---\nBody\n", path: "a.md")
        #expect(split.yaml == "title: A\n")
        #expect(split.body == "Body\n")
        #expect(split.bodyLine == 4)
    }

    @Test func fileWithoutFrontMatter() throws {
        let split = try FrontMatterSplit.split("# Hello\n", path: "a.md")
        #expect(split.yaml == nil)
        #expect(split.bodyLine == 1)
    }

    @Test func fileOfOnlyFrontMatter() throws {
        let split = try FrontMatterSplit.split("---\ntitle: A\n---", path: "a.md")
        #expect(split.yaml == "title: A\n")
        #expect(split.body == "")
    }

    @Test func unclosedFrontMatter() {
        #expect(throws: Diagnostic.self) { try FrontMatterSplit.split("---\ntitle: A\n", path: "a.md") }
    }
}

@Suite struct YAMLDocumentTests {
    @Test func keepsLineAndColumnOfEveryNode() throws {
        let node = try #require(try YAMLDocument.parse("a: 1\nlist:\n  - x\n  - \"2\"\n", path: "f.yml"))
        let list = try #require(node["list"])
        guard case .sequence(let items) = list.kind else { Issue.record("not a list"); return }
        #expect(items[1].line == 4 && items[1].column == 5)
        #expect(items[1].scalar?.resolved == .string("2"), "a quoted number stays text")
        #expect(node["a"]?.scalar?.resolved == .int(1))
    }

    @Test func lineOffsetForFrontMatter() {
        do {
            _ = try YAMLDocument.parse("title: [x\n", path: "p.md", lineOffset: 1)
            Issue.record("parsed")
        } catch {
            #expect(error.location?.line == 3)
        }
    }

    @Test func tabIndentationIsNamed() {
        do {
            _ = try YAMLDocument.parse("a:\n\t- b\n", path: "f.yml")
            Issue.record("parsed")
        } catch {
            #expect(error.location == SourceLocation(path: "f.yml", line: 2, column: 1))
            #expect(error.message.id == "yaml.tab-indentation")
        }
    }

    @Test func duplicateKeysAreAnError() {
        #expect(throws: Diagnostic.error(at: SourceLocation(path: "f.yml", line: 1, column: 1), .yamlDuplicateKey(keys: "a"))) {
            try YAMLDocument.parse("a: 1\na: 2\n", path: "f.yml")
        }
    }

    @Test func emptyDocumentIsNil() throws {
        #expect(try YAMLDocument.parse("", path: "f.yml") == nil)
        #expect(try YAMLDocument.parse("# only a comment\n", path: "f.yml") == nil)
    }
}

@Suite struct CoreSchemaTests {
    @Test(arguments: [
        ("42", YAMLNode.Resolved.int(42)), ("-7", .int(-7)), ("0x1F", .int(31)), ("0o17", .int(15)),
        ("4.5", .float(4.5)), ("1e3", .float(1000)), (".5", .float(0.5)),
        ("true", .bool(true)), ("False", .bool(false)), ("~", .null), ("null", .null),
        ("no", .string("no")), ("yes", .string("yes")), ("on", .string("on")),
        ("2025-09-01", .string("2025-09-01")), ("45-ОД", .string("45-ОД")), ("1.2.3", .string("1.2.3")),
        ("десять", .string("десять")),
    ])
    func plainScalarsFollowYAML12(text: String, expected: YAMLNode.Resolved) throws {
        let node = try #require(try YAMLDocument.parse("v: \(text)\n", path: "f.yml"))
        #expect(node["v"]?.scalar?.resolved == expected)
    }
}
