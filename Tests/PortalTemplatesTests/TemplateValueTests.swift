import PortalTemplates
import Synchronization
import Testing

/// A typed view answering for two names, as a page's view does.
private final class Person: TemplateObject {
    let name: String
    let active: Bool
    init(name: String, active: Bool) {
        self.name = name
        self.active = active
    }
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "name": .text(self.name)
        case "active": .bool(active)
        default: nil
        }
    }
}

/// Template values behave in swift-mustache as the plain Swift values they stand for.
@Suite struct TemplateValueTests {
    private func render(_ template: String, _ context: TemplateValue) throws -> String {
        try #require(try theme(["t": template]).get().render("t", context: context))
    }

    @Test func textNumbersAndYesNoRenderAsTheirText() throws {
        let context: TemplateValue = ["a": "x < y", "n": 12, "b": true, "c": .count(DisplayNumber(1250))]
        #expect(try render("{{a}}|{{{a}}}|{{n}}|{{b}}|{{c}}", context) == "x &lt; y|x < y|12|true|1\u{202F}250")
    }

    @Test func sectionsFollowYesNoEmptyListsAndMissingNames() throws {
        let context: TemplateValue = ["yes": true, "no": false, "empty": [], "text": ""]
        #expect(try render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}n{{/no}}{{#empty}}E{{/empty}}{{^empty}}e{{/empty}}", context) == "Yne")
        #expect(try render("{{#missing}}M{{/missing}}{{^missing}}m{{/missing}}{{#text}}T{{/text}}", context) == "mT",
                "empty text is a value (as a Swift String is), a missing name is not")
    }

    @Test func listsOfTextsMapsAndYesNo() throws {
        let context: TemplateValue = [
            "tags": .texts(["а", "б"]),
            "people": [["name": "Анна"], ["name": "Борис"]],
            "flags": [true, false, true],
        ]
        #expect(try render("{{#tags}}[{{.}}]{{/tags}}", context) == "[а][б]")
        #expect(try render("{{#people}}{{name}}{{^last()}}, {{/last()}}{{/people}}", context) == "Анна, Борис")
        #expect(try render("{{#flags}}{{#.}}+{{/.}}{{^.}}-{{/.}}{{/flags}}", context) == "+-+")
    }

    @Test func typedViewsAnswerForTheirNamesAndTheStackIsClimbed() throws {
        let context: TemplateValue = ["site": ["title": "Гимназия"], "page": .object(Person(name: "Анна", active: false))]
        #expect(try render("{{page.name}}{{#page}} — {{name}}, {{site.title}}{{^active}} (нет){{/active}}{{/page}}", context)
                == "Анна — Анна, Гимназия (нет)")
        #expect(try render("{{page.unknown}}|{{page.name.more}}", context) == "|")
    }

    @Test func renderedOnDemandIsRenderedOnceAndOnlyWhenShown() throws {
        final class Counter: Sendable { let calls = Mutex(0) }
        let counter = Counter()
        let view = RenderedOnDemand { counter.calls.withLock { $0 += 1 }; return "<li>x</li>" }
        let context: TemplateValue = ["view": .rendered(view), "other": .rendered(RenderedOnDemand { Issue.record("not shown"); return "" })]
        #expect(try render("{{{view}}}{{{view}}}", context) == "<li>x</li><li>x</li>")
        #expect(counter.calls.withLock { $0 } == 1)
    }

    @Test func transformsWorkOnTheValuesHeld() throws {
        let context: TemplateValue = ["name": "Анна", "n": 3, "list": .texts(["а", "б"]), "empty": []]
        #expect(try render("{{uppercased(name)}} {{plusone(n)}} {{count(list)}}{{#empty(empty)}} пусто{{/empty(empty)}}", context)
                == "АННА 4 2 пусто")
        #expect(try render("{{#name}}[{{.}}]{{/name}}{{#n}}({{.}}){{/n}}", context) == "[Анна](3)")
    }

    @Test func aValueFitsInAnAnyWithoutAHeapBox() {
        // swift-mustache is handed every value as an `Any`, whose inline buffer is three words:
        // a larger value (a struct's existential in `.object` made it 41 bytes) is boxed on the
        // heap at every step of every name a template looks up.
        #expect(MemoryLayout<TemplateValue>.size <= 3 * MemoryLayout<Int>.size)
    }

    @Test func subscriptsReadAndWriteMaps() {
        var value: TemplateValue = ["a": ["b": 1]]
        value["c"] = "d"
        #expect(value["a"]?["b"]?.int == 1)
        #expect(value["c"]?.text == "d")
        #expect(TemplateValue.object(Person(name: "x", active: true))["active"]?.bool == true)
    }
}
