import Testing
import PortalMarkdown

/// U+00A0 NO-BREAK SPACE, spelled out so the expectations are readable.
private let nb = "\u{00A0}"

struct TypographyCase: Sendable, CustomTestStringConvertible {
    let name: String
    let input: String
    let expected: String

    init(_ name: String, _ input: String, _ expected: String) {
        self.name = name
        self.input = input
        self.expected = expected
    }

    /// A case whose input must come out unchanged.
    init(unchanged name: String, _ input: String) {
        self.init(name, input, input)
    }

    var testDescription: String { name }
}

private let typographyCases: [TypographyCase] = [
    // MARK: Quotes
    TypographyCase("straight quotes become guillemets",
                   #"<p>"Привет"</p>"#,
                   "<p>«Привет»</p>"),
    TypographyCase("nested straight quotes become lapki",
                   #"<p>"Книга "Мастер" автора"</p>"#,
                   "<p>«Книга „Мастер“ автора»</p>"),
    TypographyCase("two closing quotes in a row",
                   #"<p>"Книга "Мастер""</p>"#,
                   "<p>«Книга „Мастер“»</p>"),
    TypographyCase("quote state carries across inline tags",
                   #"<p>"<em>текст</em>"</p>"#,
                   "<p>«<em>текст</em>»</p>"),
    TypographyCase("quotes around a link, attribute quotes untouched",
                   #"<p>Сайт "<a href="/x">Школа</a>".</p>"#,
                   #"<p>Сайт «<a href="/x">Школа</a>».</p>"#),
    TypographyCase("cmark smart quotes are normalised",
                   "<p>“Книга “Мастер” автора”</p>",
                   "<p>«Книга „Мастер“ автора»</p>"),
    TypographyCase("apostrophes and single quotes are left alone",
                   "<p>д'Артаньян, д’Артаньян и ‘Три мушкетёра’</p>",
                   "<p>д'Артаньян, д’Артаньян и\(nb)‘Три мушкетёра’</p>"),
    TypographyCase("&quot; in text is a quote, in attributes it is kept",
                   #"<p title="&quot;Да&quot; - нет">&quot;Да&quot; - нет</p>"#,
                   #"<p title="&quot;Да&quot; - нет">«Да»\#(nb)— нет</p>"#),
    TypographyCase("numeric quote entities",
                   "<p>&#34;Да&#34; и &#x22;нет&#x22;</p>",
                   "<p>«Да» и\(nb)«нет»</p>"),
    TypographyCase("quote after a colon opens, before a period closes",
                   #"<p>Ответ:"Да".</p>"#,
                   "<p>Ответ:«Да».</p>"),
    TypographyCase("quotes inside parentheses",
                   "<p>(“Война и мир”)</p>",
                   "<p>(«Война и\(nb)мир»)</p>"),
    TypographyCase("closing quote after a question mark",
                   #"<p>"Кто там?" - спросил он.</p>"#,
                   "<p>«Кто там?»\(nb)— спросил\(nb)он.</p>"),
    TypographyCase("quote state resets at block boundaries",
                   #"<p>"Открыто</p><p>Текст"</p>"#,
                   "<p>«Открыто</p><p>Текст»</p>"),
    TypographyCase(unchanged: "correct quotes stay as they are",
                   "<p>«Книга „Мастер“ автора»</p>"),
    TypographyCase("nested guillemets are normalised to lapki",
                   "<p>«Книга «Мастер» автора»</p>",
                   "<p>«Книга „Мастер“ автора»</p>"),
    TypographyCase(unchanged: "closing guillemet in a degenerate nested spot is kept stable",
                   "<p>«„»слово»</p>"),
    TypographyCase("quote right after a URL",
                   #"<p>См. "https://school.ru/a-b".</p>"#,
                   "<p>См.\(nb)«https://school.ru/a-b».</p>"),
    TypographyCase("guillemet entities are kept but counted for nesting",
                   #"<p>&laquo;Книга "Мастер"&raquo;</p>"#,
                   "<p>&laquo;Книга „Мастер“&raquo;</p>"),

    // MARK: Dashes
    TypographyCase("spaced hyphen becomes an em dash",
                   "<p>Москва - столица</p>",
                   "<p>Москва\(nb)— столица</p>"),
    TypographyCase("spaced en dash becomes an em dash",
                   "<p>Москва – столица</p>",
                   "<p>Москва\(nb)— столица</p>"),
    TypographyCase("spaced em dash gets a no-break space before it",
                   "<p>Москва — столица</p>",
                   "<p>Москва\(nb)— столица</p>"),
    TypographyCase(unchanged: "correct dash stays as it is",
                   "<p>Москва\(nb)— столица</p>"),
    TypographyCase(unchanged: "hyphens inside words",
                   "<p>учитель-наставник, кто-нибудь</p>"),
    TypographyCase("a range of years takes an en dash",
                   "<p>2024-2025 учебный год</p>",
                   "<p>2024–2025\(nb)учебный\(nb)год</p>"),
    TypographyCase("spaced ranges of years lose their spaces",
                   "<p>Годы 2024 - 2025 и 2024 – 2025</p>",
                   "<p>Годы 2024–2025\(nb)и\(nb)2024–2025</p>"),
    TypographyCase("months and weekdays joined by a hyphen are ranges, in any case (by their first three letters)",
                   "<p>МАРТ-Май, понедельник-пятница, Янв-Фев, маршрут-июнь, XX-XXI</p>",
                   "<p>МАРТ–Май, понедельник–пятница, Янв–Фев, маршрут–июнь, XX–XXI</p>"),
    TypographyCase(unchanged: "words that only start like months are no ranges",
                   "<p>мая-мая, март-ма, пн-пт, нормативно-правовой, X1-XX, ма\u{0438}\u{0306}\u{0306}-ма</p>"),
    TypographyCase(unchanged: "an ISO date and a phone number are no ranges",
                   "<p>2025-09-01, 8-800-555-35-35, 2052-2015</p>"),
    TypographyCase("a hyphen opening a paragraph is direct speech",
                   "<p>- Привет!</p>",
                   "<p>—\(nb)Привет!</p>"),
    TypographyCase("dialogue em dash at the start, spaced dash later",
                   "<p>— Привет, — сказал он.</p>",
                   "<p>—\(nb)Привет,\(nb)— сказал\(nb)он.</p>"),
    TypographyCase("dashes at the start of list items",
                   "<ul>\n<li>– пункт первый</li>\n<li>- пункт второй</li>\n</ul>",
                   "<ul>\n<li>—\(nb)пункт первый</li>\n<li>—\(nb)пункт второй</li>\n</ul>"),
    TypographyCase("dialogue dash after a line break",
                   "<p>Строка<br>\n- Реплика</p>",
                   "<p>Строка<br>\n—\(nb)Реплика</p>"),
    TypographyCase("dash after an inline tag",
                   "<p><em>Слово</em> - слово</p>",
                   "<p><em>Слово</em>\(nb)— слово</p>"),
    TypographyCase("space before a tag that starts with a dash",
                   "<p>Слово <em>- слово</em></p>",
                   "<p>Слово\(nb)<em>— слово</em></p>"),
    TypographyCase("short word before a dash",
                   "<p>Он - учитель</p>",
                   "<p>Он\(nb)— учитель</p>"),
    TypographyCase("double space before a dash: only the last space is bound",
                   "<p>Он  - учитель</p>",
                   "<p>Он \(nb)— учитель</p>"),
    TypographyCase("hyphens not spaced on both sides are kept",
                   "<p>минус -5 и слово- слово</p>",
                   "<p>минус -5 и\(nb)слово- слово</p>"),

    // MARK: Short words
    TypographyCase("one-letter preposition",
                   "<p>в школе</p>",
                   "<p>в\(nb)школе</p>"),
    TypographyCase("consecutive short words",
                   "<p>и на уроке</p>",
                   "<p>и\(nb)на\(nb)уроке</p>"),
    TypographyCase("upper case and Latin short words",
                   "<p>В классе I am ready</p>",
                   "<p>В\(nb)классе I\(nb)am\(nb)ready</p>"),
    TypographyCase("only whole words",
                   "<p>кто-то из нас</p>",
                   "<p>кто-то из\(nb)нас</p>"),
    TypographyCase("short words after a bracket and opening quotes",
                   "<p>(в том числе) «в школе „на уроке“»</p>",
                   "<p>(в\(nb)том числе) «в\(nb)школе „на\(nb)уроке“»</p>"),
    TypographyCase("short words at tag boundaries",
                   #"<p><strong>В</strong> школе и <a href="/">на</a> сайте</p>"#,
                   #"<p><strong>В</strong>\#(nb)школе и\#(nb)<a href="/">на</a>\#(nb)сайте</p>"#),
    TypographyCase("a number binds the word after it, longer words are not bound",
                   "<p>для всех 9 классов</p>",
                   "<p>для всех 9\(nb)классов</p>"),
    TypographyCase("only a plain space is replaced",
                   "<p>в\nшколе и&nbsp;на сайте</p>",
                   "<p>в\nшколе и&nbsp;на\(nb)сайте</p>"),
    TypographyCase(unchanged: "short word at the end of a paragraph",
                   "<p>Вот и </p>"),
    TypographyCase("text without any markup",
                   #"в школе - "да""#,
                   "в\(nb)школе\(nb)— «да»"),

    // MARK: Numero sign
    TypographyCase("numero sign followed by a digit",
                   "<p>№9</p>",
                   "<p>№\u{202F}9</p>"),
    TypographyCase("numero sign, space and a digit",
                   "<p>гимназия № 9 г. Ставрополя</p>",
                   "<p>гимназия №\u{202F}9\(nb)г.\(nb)Ставрополя</p>"),
    TypographyCase("numero sign before letters",
                   "<p>№ п/п</p>",
                   "<p>№\u{202F}п/п</p>"),
    TypographyCase(unchanged: "numero sign already bound",
                   "<p>№\(nb)9\(nb)и&nbsp;№&nbsp;10</p>"),

    // MARK: Exclusions
    TypographyCase("attributes are never changed",
                   #"<p><a title="a - b в c" href="/x-y">в школе</a></p>"#,
                   #"<p><a title="a - b в c" href="/x-y">в\#(nb)школе</a></p>"#),
    TypographyCase("single-quoted attribute with quotes and a dash",
                   #"<p><img alt='"Школа" - в центре' src="/a b.png"> в школе</p>"#,
                   #"<p><img alt='"Школа" - в центре' src="/a b.png"> в\#(nb)школе</p>"#),
    TypographyCase("comments are never changed",
                   #"<!-- "в школе" - да --><p>"в школе"</p>"#,
                   "<!-- \"в школе\" - да --><p>«в\(nb)школе»</p>"),
    TypographyCase("inline code is never changed",
                   #"<p>Код <code>"a" - b в c</code> - это</p>"#,
                   #"<p>Код <code>"a" - b в c</code>\#(nb)— это</p>"#),
    TypographyCase("pre with nested code is never changed",
                   "<pre><code class=\"language-swift\">let s = \"в школе\" - x\n</code></pre>\n<p>в школе</p>",
                   "<pre><code class=\"language-swift\">let s = \"в школе\" - x\n</code></pre>\n<p>в\(nb)школе</p>"),
    TypographyCase("kbd and samp are never changed",
                   #"<p><kbd>a - b</kbd> и <samp>"в" №9</samp></p>"#,
                   #"<p><kbd>a - b</kbd> и\#(nb)<samp>"в" №9</samp></p>"#),
    TypographyCase("script is raw text",
                   #"<script>if (a < b && c) { s = "</div> в - да"; }</script><p>"да"</p>"#,
                   #"<script>if (a < b && c) { s = "</div> в - да"; }</script><p>«да»</p>"#),
    TypographyCase(unchanged: "style is raw text",
                   #"<style>p::before { content: "в - "; }</style>"#),
    TypographyCase(unchanged: "textarea is raw text",
                   #"<textarea>"в школе" - да</textarea>"#),
    TypographyCase("nested svg is tracked",
                   #"<svg><svg><text>"в" - б</text></svg><text>"в" - б</text></svg><p>"в"</p>"#,
                   #"<svg><svg><text>"в" - б</text></svg><text>"в" - б</text></svg><p>«в»</p>"#),
    TypographyCase("nested elements of the same name are tracked",
                   #"<code>a<code>b</code> "c" - d</code> и "e""#,
                   #"<code>a<code>b</code> "c" - d</code> и\#(nb)«e»"#),
    TypographyCase("tag names are case-insensitive",
                   #"<PRE>"в школе"</PRE><P>"в школе"</P>"#,
                   "<PRE>\"в школе\"</PRE><P>«в\(nb)школе»</P>"),
    TypographyCase("self-closing svg does not protect what follows",
                   #"<p><svg/> "в" и</p>"#,
                   "<p><svg/> «в»\(nb)и</p>"),
    TypographyCase("URL-like tokens are left alone",
                   #"<p>"https://school.ru/docs/№9" и www.school.ru/?q="a"&amp;b=1 - сайт</p>"#,
                   #"<p>«https://school.ru/docs/№9» и\#(nb)www.school.ru/?q="a"&amp;b=1\#(nb)— сайт</p>"#),
    TypographyCase(unchanged: "entities stay intact",
                   "<p>Tom &amp; Jerry &lt;b&gt; &copy; 2025 &#8470;9 &nbsp;</p>"),
    TypographyCase("head: title is text, meta content is an attribute",
                   #"<head><title>"Школа" - главная</title><meta name="description" content="в школе - да"></head>"#,
                   #"<head><title>«Школа»\#(nb)— главная</title><meta name="description" content="в школе - да"></head>"#),
    TypographyCase(unchanged: "doctype and CDATA are never changed",
                   #"<!DOCTYPE html><html lang="ru"><![CDATA[ "в" - б ]]></html>"#),
    TypographyCase(unchanged: "empty input", ""),
]

@Test("Russian typography", arguments: typographyCases)
func russianTypography(_ testCase: TypographyCase) {
    let once = RussianTypography.apply(toHTML: testCase.input)
    #expect(once == testCase.expected)
    // Idempotence: correct typography comes out unchanged.
    #expect(RussianTypography.apply(toHTML: once) == once)
    #expect(RussianTypography.apply(toHTML: testCase.expected) == testCase.expected)
}

/// Ranges of a page are done as fragments of their own; the bytes between them are kept.
@Test func typographyOfRangesOnly() {
    let head = "<title>Итоги - \"года\"</title><meta content=\"а - б\">"
    let main = "<main><p>Он сказал: \"Мы в 2024 г. - молодцы\".</p></main>"
    let tail = "<footer>\"как есть\" - </footer>"
    let page = head + main + tail
    let title = 7..<(head.utf8.count - "</title><meta content=\"а - б\">".utf8.count)
    let mainRange = head.utf8.count..<(head.utf8.count + main.utf8.count)
    let titleText = String(decoding: Array(page.utf8)[title], as: UTF8.self)
    let expected = "<title>" + RussianTypography.apply(toHTML: titleText) + "</title><meta content=\"а - б\">"
        + RussianTypography.apply(toHTML: main) + tail
    #expect(RussianTypography.apply(toHTML: page, onlyIn: [title, mainRange]) == expected)
    #expect(expected != page, "the ranges did change")
    #expect(RussianTypography.apply(toHTML: page, onlyIn: []) == page)
}

/// Every spelling of the double quote entity ends a URL the same way (`&#34;` used to run into it).
@Test func quoteEntitiesAfterAURL() {
    let quot = RussianTypography.apply(toHTML: "<p>&quot;см. https://example.ru/a&quot; - и всё</p>")
    for spelling in ["&#34;", "&#x22;", "&#X22;"] {
        #expect(RussianTypography.apply(toHTML: "<p>\(spelling)см. https://example.ru/a\(spelling) - и всё</p>") == quot)
    }
    #expect(quot.contains("«см.\u{A0}https://example.ru/a»"))
}
