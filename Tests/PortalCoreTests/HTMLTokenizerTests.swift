import PortalCore
import Testing

/// The one HTML tokenizer (typography, search text and `portal check` read HTML through it).
@Suite struct HTMLTokenizerTests {
    /// Each token as readable text: `text(…)`, `<name attr=value …>`, `</name>`, `raw(…)`,
    /// `comment(…)`, `decl(…)`; a self-closing tag ends in `/>`.
    static func tokens(_ html: String) -> [String] {
        HTMLTokenizer.reading(html) { tokens in
            var out: [String] = []
            var covered = 0
            while let token = tokens.next() {
                // Tokens cover the input without gaps or overlaps.
                #expect(token.range.lowerBound == covered, "gap before \(token) in \(html)")
                covered = token.range.upperBound
                switch token {
                case .text(let r): out.append("text(\(tokens.string(r)))")
                case .rawText(let r): out.append("raw(\(tokens.string(r)))")
                case .comment(let r): out.append("comment(\(tokens.string(r)))")
                case .declaration(let r): out.append("decl(\(tokens.string(r)))")
                case .endTag(let tag): out.append("</\(tokens.lowercased(tag.name))>")
                case .startTag(let tag):
                    var s = "<" + tokens.lowercased(tag.name)
                    for attribute in tokens.attributes(of: tag) {
                        s += " " + tokens.string(attribute.name)
                        if let value = attribute.value { s += "=" + tokens.string(value) }
                    }
                    out.append(s + (tag.isSelfClosing ? "/>" : ">"))
                }
            }
            #expect(covered == html.utf8.count)
            return out
        }
    }

    @Test func textAndTags() {
        #expect(Self.tokens("<p>Привет, <b>мир</b>!</p>") ==
                ["<p>", "text(Привет, )", "<b>", "text(мир)", "</b>", "text(!)", "</p>"])
        #expect(Self.tokens("") == [])
        #expect(Self.tokens("просто текст") == ["text(просто текст)"])
    }

    @Test func namesKeepTheirCaseInTheBytesAndCompareWithout() {
        HTMLTokenizer.reading("<DIV Class=x></Div><blockquote>") { tokens in
            guard case .startTag(let div) = tokens.next(), case .endTag(let end) = tokens.next(),
                  case .startTag(let quote) = tokens.next() else {
                Issue.record("expected two tags")
                return
            }
            #expect(tokens.string(div.name) == "DIV")
            #expect(div.key == HTMLTag.key("div"))
            #expect(tokens.sameName(div, end))
            #expect(!tokens.sameName(div, quote))
            #expect(quote.key == 0, "a name longer than eight bytes has no key")
            #expect(quote.prefixKey == HTMLTag.key("blockquo"))
            #expect(tokens.attribute("class", of: div).map { tokens.string($0.value!) } == "x")
        }
    }

    @Test func attributesQuotedUnquotedAndBare() {
        #expect(Self.tokens(#"<a href="/a b/" title='он сказал "да"' data-x=1 hidden>"#) ==
                [#"<a href=/a b/ title=он сказал "да" data-x=1 hidden>"#])
        #expect(Self.tokens("<img\nsrc = \"a.png\"\talt=''>") == ["<img src=a.png alt=>"])
        // A quote opens a value only after "=": elsewhere it is part of a name.
        #expect(Self.tokens(#"<p a"b="c">x"#) == [#"<p a"b=c>"#, "text(x)"])
        // Entities stay as written.
        #expect(Self.tokens(#"<a title="&laquo;1&raquo; &amp; 2">"#) == [#"<a title=&laquo;1&raquo; &amp; 2>"#])
    }

    @Test func aGreaterThanSignInAQuotedValueDoesNotEndTheTag() {
        #expect(Self.tokens(#"<h1 a='>'>Заголовок</h1>"#) == ["<h1 a=>>", "text(Заголовок)", "</h1>"])
        #expect(Self.tokens(#"<a b=">" c>d"#) == [#"<a b=> c>"#, "text(d)"])
    }

    @Test func firstOfTwoAttributesWithOneName() {
        HTMLTokenizer.reading(#"<a ID="first" id="second">"#) { tokens in
            guard case .startTag(let tag) = tokens.next() else { Issue.record("no tag"); return }
            #expect(tokens.attribute("id", of: tag).map { tokens.string($0.value!) } == "first")
            #expect(tokens.attribute("href", of: tag) == nil)
            #expect(Array(tokens.attributes(of: tag)).count == 2)
        }
    }

    @Test func selfClosing() {
        #expect(Self.tokens("<br/><br /><path d=\"M0\"/><p>") == ["<br/>", "<br/>", "<path d=M0/>", "<p>"])
    }

    @Test func commentsAndDeclarations() {
        #expect(Self.tokens("<!DOCTYPE html><!-- <p>не тег</p> --><?xml x?>а<![CDATA[ <b> ]]>") ==
                ["decl(<!DOCTYPE html>)", "comment(<!-- <p>не тег</p> -->)", "decl(<?xml x?>)", "text(а)",
                 "decl(<![CDATA[ <b> ]]>)"])
        #expect(Self.tokens("a<!-- не закрыт <b>") == ["text(a)", "comment(<!-- не закрыт <b>)"])
        #expect(Self.tokens("<!---->b") == ["comment(<!---->)", "text(b)"])
    }

    @Test func rawTextHoldsNoTags() {
        #expect(Self.tokens(#"<script>if (a < b) x = "</p><main>";</script><p>"#) ==
                ["<script>", #"raw(if (a < b) x = "</p><main>";)"#, "</script>", "<p>"])
        #expect(Self.tokens("<STYLE>a>b{}</style >x") == ["<style>", "raw(a>b{})", "</style>", "text(x)"])
        #expect(Self.tokens("<textarea><b>жирный</b></textarea>") ==
                ["<textarea>", "raw(<b>жирный</b>)", "</textarea>"])
        // Only its own end tag ends it; an unclosed one runs to the end.
        #expect(Self.tokens("<script></scripts></script>") == ["<script>", "raw(</scripts>)", "</script>"])
        #expect(Self.tokens("<script>a<b") == ["<script>", "raw(a<b)"])
        #expect(Self.tokens("<script></script>") == ["<script>", "</script>"])
    }

    @Test func aLessThanSignThatStartsNothingIsText() {
        #expect(Self.tokens("1 < 2 <3 </ p> </> a<") == ["text(1 < 2 <3 </ p> </> a<)"])
        #expect(Self.tokens("x<<b>") == ["text(x<)", "<b>"])
    }

    @Test func malformedInputEndsWithTheInput() {
        #expect(Self.tokens("<p class=\"не закрыт>текст") == ["<p class=не закрыт>текст>"])
        #expect(Self.tokens("<a href=x") == ["<a href=x>"])
        #expect(Self.tokens("</p") == ["</p>"])
        #expect(Self.tokens("<!DOCTYPE") == ["decl(<!DOCTYPE)"])
        #expect(Self.tokens("<") == ["text(<)"])
        // "=" opening an attribute is its name's; white space may surround the "=" of a value.
        #expect(Self.tokens("<p =x ==y>") == ["<p =x==y>"])
        // A quote after any "=" opens a value, so this tag ends at its last ">".
        #expect(Self.tokens(#"<p a=b=">" c>d"#) == [#"<p a=b=">" c>"#, "text(d)"])
    }

    @Test func markupAtAPosition() {
        HTMLTokenizer.reading("а <em>б</em> < в") { tokens in
            // "а" is two bytes.
            #expect(tokens.markup(at: 3) == .startTag(HTMLTag(range: 3..<7, name: 4..<6, attributeBytes: 6..<6,
                                                              prefixKey: HTMLTag.key("em"), isSelfClosing: false)))
            #expect(tokens.markup(at: 9).map(\.range) == 9..<14)
            #expect(tokens.markup(at: 15) == nil)
        }
    }

    @Test func survivesHostileInput() {
        let pieces = ["<", ">", "/", "=", "\"", "'", "<!--", "-->", "<!", "<?", "<![CDATA[", "]]>", "<script>", "</script",
                      "<style", "a", "B", " ", "\n", "&amp;", "я", "😀", "<p", "</p>", "<br/>", "\u{0}"]
        var seed: UInt64 = 13
        for _ in 0..<2_000 {
            var html = ""
            for _ in 0..<(Int(seed % 20) + 1) {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                html += pieces[Int(seed >> 33) % pieces.count]
            }
            _ = Self.tokens(html)   // asserts that the tokens cover the input exactly
        }
    }
}
