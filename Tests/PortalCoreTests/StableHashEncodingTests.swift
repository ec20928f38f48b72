import PortalCore
import Testing

/// `StableHash.combine(encoding:)` follows a type's `Encodable` conformance: every stored
/// property counts, and no two different values collide by running together.
@Suite struct StableHashEncodingTests {
    struct Item: Encodable {
        var name: String
        var tags: [String]
        var note: String?
        var count: Int?
        var flag: Bool
        var date: SimpleDate?
    }

    func hash(_ item: Item) -> String {
        var hash = StableHash()
        hash.combine(encoding: item)
        return hash.hex
    }

    let base = Item(name: "a", tags: ["b", "c"], note: nil, count: 1, flag: false, date: SimpleDate(year: 2025, month: 9, day: 1)!)

    @Test func theSameValueHashesTheSameAndEveryPropertyCounts() {
        #expect(hash(base) == hash(base))
        var changed: [Item] = []
        let changes: [(inout Item) -> Void] = [
            { $0.name = "b" }, { $0.tags = ["b"] }, { $0.note = "" }, { $0.count = nil }, { $0.count = 2 }, { $0.flag = true },
            { $0.date = nil }, { $0.date = SimpleDate(year: 2025, month: 9, day: 2)! },
        ]
        for change in changes {
            var item = base
            change(&item)
            changed.append(item)
        }
        let hashes = changed.map(hash)
        #expect(!hashes.contains(hash(base)))
        #expect(Set(hashes).count == hashes.count)
    }

    @Test func valuesDoNotRunTogether() {
        // A list's end and the next key, or an absent value and an empty one, stay apart.
        var a = base
        a.tags = ["b", "c"]
        a.note = "x"
        var b = base
        b.tags = ["b", "c", "note", "x"]
        b.note = nil
        #expect(hash(a) != hash(b))
        var c = base
        c.name = "ab"
        c.tags = []
        var d = base
        d.name = "a"
        d.tags = ["b"]
        #expect(hash(c) != hash(d))
    }
}
