import PortalTemplates
import Testing

@Suite struct DisplayNumberTests {
    @Test func countsDeepInListsAndMapsAreGroupedAndTheRestIsKept() throws {
        let value: TemplateValue = [
            "years": [
                ["year": 2024, "count": 999, "name": "малый"],
                ["year": 2025, "count": 1250, "inner": ["total": 30000, "title": "т"]],
            ],
            "plain": ["count": 5, "list": [1, 2000]],
            "total": 4000,
        ]
        let counted = DisplayNumber.counts(in: value, keys: ["count", "total"])
        let years = try #require(counted["years"]?.list)
        #expect(years.count == 2)
        #expect(years[0]["count"]?.int == 999, "below 1000 a count stays a number")
        #expect(years[0]["name"]?.text == "малый")
        #expect(years[1]["year"]?.int == 2025, "a year is never grouped")
        guard case .count = years[1]["count"] else { Issue.record("1250 under `count` is grouped"); return }
        #expect(years[1]["count"]?.renderText == "1\u{202F}250")
        #expect(years[1]["inner"]?["total"]?.renderText == "30\u{202F}000")
        #expect(years[1]["inner"]?["title"]?.text == "т")
        #expect(counted["plain"]?["count"]?.int == 5)
        #expect(counted["plain"]?["list"]?.list?.map(\.int) == [1, 2000], "numbers in a list have no key")
        #expect(counted["total"]?.renderText == "4\u{202F}000")
    }
}
