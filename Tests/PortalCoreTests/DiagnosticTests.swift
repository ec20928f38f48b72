import PortalCore
import Testing

@Suite struct DiagnosticEscapingTests {
    @Test func controlCharactersInAMessageAreShownEscaped() {
        let diagnostic = Diagnostic.error(
            at: SourceLocation(path: "Content/a\u{1B}]0;x\u{07}.md", line: 2, column: 3),
            .yamlDuplicateKey(keys: "\"\u{1B}[31mred\u{07}\r\nnext\tline\u{7F}\u{9B}\u{2028}\u{202E}txt\""))
        #expect(diagnostic.formatted() == #"Content/a\u{1B}]0;x\u{7}.md:2:3: error: the key "\u{1B}[31mred\u{7}\r\nnext\tline\u{7F}\u{9B}\u{2028}\u{202E}txt" is given twice in the same block"#)
        #expect(diagnostic.formatted(in: .russian) == #"Content/a\u{1B}]0;x\u{7}.md:2:3: error: ключ "\u{1B}[31mred\u{7}\r\nnext\tline\u{7F}\u{9B}\u{2028}\u{202E}txt" указан дважды в одном блоке"#)
        #expect(!diagnostic.formatted().contains("\n"))
    }

    @Test func ordinaryTextIsUnchanged() {
        let diagnostic = Diagnostic.warning(at: nil, .yamlDuplicateKey(keys: "plain — «текст» ё"))
        #expect(diagnostic.formatted() == "portal: warning: the key plain — «текст» ё is given twice in the same block")
    }
}
