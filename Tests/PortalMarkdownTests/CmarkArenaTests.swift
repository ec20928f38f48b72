import CCmark
import Dispatch
import Foundation
@testable import PortalMarkdown
import Synchronization
import Testing

/// The per-thread arena cmark allocates from (CmarkArena, CPortalCmark): what it gives back is
/// what cmark's own malloc-based path gives, on any number of threads, and it stays bounded.
@Suite struct CmarkArenaTests {
    static let flags = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART

    /// cmark's own path: parsed and rendered with malloc, freed with free.
    static func plainHTML(_ text: String) -> String {
        let document = text.withCString { cmark_parse_document($0, strlen($0), flags) }!
        defer { cmark_node_free(document) }
        let html = cmark_render_html(document, flags)!
        defer { free(html) }
        return String(cString: html)
    }

    static func arenaHTML(_ text: String) -> String {
        CmarkArena.with { mem in
            String(cString: cmark_render_html(CmarkArena.parse(text, flags: flags, mem: mem), flags))
        }
    }

    /// The CommonMark spec's examples (every construct cmark knows) and a few pages of portal's own.
    static let documents: [String] = {
        struct Example: Decodable { var markdown: String }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/conformance/commonmark-0.31.2.json")
        let examples = (try? JSONDecoder().decode([Example].self, from: Data(contentsOf: url))) ?? []
        return examples.map(\.markdown) + [
            "# Наставничество\n\nЦели «программы» — *поддержка* [молодых](about.md) специалистов…\n\n| a | b |\n|---|:-:|\n| `x` | **y** |\n",
            "Без перевода строки в конце: [ссылка][id]\n\n[id]: https://example.org \"Заголовок\"",
        ]
    }()

    @Test func theSpecsExamplesGiveTheSameHTMLAsCmarksOwnMemory() {
        #expect(Self.documents.count > 600)
        for text in Self.documents {
            #expect(Self.arenaHTML(text) == Self.plainHTML(text), "\(text)")
        }
    }

    @Test func manyDocumentsOnSeveralThreadsGiveTheSameHTML() {
        let expected = Self.documents.map(Self.plainHTML)
        let rendered = Self.documents.map { Markdown.render($0) }
        let threads = 4
        let mismatches = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            // Each thread goes through every document several times, from a different start.
            for round in 0..<3 {
                for offset in 0..<Self.documents.count {
                    let index = (offset + thread * 97 + round * 31) % Self.documents.count
                    let text = Self.documents[index]
                    if Self.arenaHTML(text) != expected[index] { mismatches.withLock { $0.append(text) } }
                    let again = Markdown.render(text)
                    if again.html != rendered[index].html || again.plainText != rendered[index].plainText
                        || again.headings != rendered[index].headings || again.links != rendered[index].links {
                        mismatches.withLock { $0.append(text) }
                    }
                }
            }
        }
        #expect(mismatches.withLock { $0 } == [])
    }

    @Test func reallocKeepsTheContentsWhereverTheBlockGoes() {
        CmarkArena.with { mem in
            // Grown in place (the newest block), then moved (another block after it), then past
            // the size served from a block of its own, then shrunk.
            var block = mem.pointee.calloc(1, 24)!.assumingMemoryBound(to: UInt8.self)
            #expect((0..<24).allSatisfy { block[$0] == 0 })
            var size = 24
            func fill(from: Int, to: Int) { for i in from..<to { block[i] = UInt8(truncatingIfNeeded: i &* 7 &+ 3) } }
            func intact(_ count: Int) -> Bool { (0..<count).allSatisfy { block[$0] == UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) } }
            fill(from: 0, to: size)
            for next in [100, 1_000, 5_000, 40_000, 200_000, 1_500_000] {
                _ = mem.pointee.calloc(3, 16)!  // the block is not the newest any more
                block = mem.pointee.realloc(block, next)!.assumingMemoryBound(to: UInt8.self)
                #expect(intact(size), "after growing to \(next)")
                fill(from: size, to: next)
                size = next
                let grown = mem.pointee.realloc(block, next + 8)!.assumingMemoryBound(to: UInt8.self)
                block = grown
                #expect(intact(size), "after growing in place to \(next + 8)")
            }
            block = mem.pointee.realloc(block, 10)!.assumingMemoryBound(to: UInt8.self)
            #expect(intact(10))
            mem.pointee.free(block)
        }
    }

    @Test func callocGivesZerosAfterAReset() {
        for _ in 0..<3 {
            CmarkArena.with { mem in
                let blocks = (0..<2_000).map { _ in mem.pointee.calloc(8, 9)!.assumingMemoryBound(to: UInt8.self) }
                #expect(blocks.allSatisfy { block in (0..<72).allSatisfy { block[$0] == 0 } })
                for block in blocks { block.update(repeating: 0xAB, count: 72) }
            }
        }
    }

    @Test func aLargeDocumentRendersAndItsMemoryIsGivenBack() {
        // About 3 MB: thousands of paragraphs, and a code block longer than a chunk.
        var text = ""
        for i in 0..<20_000 { text += "Абзац \(i) с *выделением* и [ссылкой](page-\(i).md).\n\n" }
        text += "```\n" + String(repeating: "код <строка> & ещё\n", count: 20_000) + "```\n"
        var heldDuring = 0
        let html = CmarkArena.with { mem in
            let document = CmarkArena.parse(text, flags: Self.flags, mem: mem)
            heldDuring = CmarkArena.heldBytes
            return String(cString: cmark_render_html(document, Self.flags))
        }
        #expect(html == Self.plainHTML(text))
        #expect(heldDuring > 4_000_000)
        // After the reset the thread keeps a few chunks for the next document, not the giant's.
        #expect(CmarkArena.heldBytes <= 8 * 132 * 1024)
        #expect(Markdown.render(text).plainText.hasPrefix("Абзац 0 с выделением и ссылкой."))
        #expect(CmarkArena.heldBytes <= 8 * 132 * 1024)
    }

    @Test func aDocumentRenderedInsideAnotherLeavesTheOuterOneIntact() {
        let outer = "## Внешний\n\nТекст *внешнего* документа.\n"
        let html = CmarkArena.with { mem in
            let document = CmarkArena.parse(outer, flags: Self.flags, mem: mem)
            // Nested use (a callback rendering Markdown): the inner end must not reset the arena.
            for i in 0..<200 { _ = Markdown.render("Вложенный \(i) [документ](x.md)\n") }
            return String(cString: cmark_render_html(document, Self.flags))
        }
        #expect(html == Self.plainHTML(outer))
    }
}
