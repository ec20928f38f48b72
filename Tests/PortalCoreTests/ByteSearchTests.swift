import PortalCore
import Testing

@Suite struct ByteSearchTests {
    @Test func findsTwoBytesInARow() {
        #expect("См. [сайт](https://example.ru)".containsBytes(0x5D, 0x28))
        #expect("[id]: /about/".containsBytes(0x5D, 0x3A))
        #expect(!"Только ] и ( порознь".containsBytes(0x5D, 0x28))
        #expect(!"в конце ]".containsBytes(0x5D, 0x28), "a first byte at the very end has no second")
        #expect("]] (]( ".containsBytes(0x5D, 0x28), "a later occurrence after near misses")
        #expect(!"".containsBytes(0x5D, 0x28))
    }
}
