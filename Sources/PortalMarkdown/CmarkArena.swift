import CCmark
import CPortalCmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// cmark's memory for one document: a per-thread bump allocator (CPortalCmark) instead of a
/// malloc and a free for every node and buffer. Everything cmark gives while `body` runs, the
/// parsed tree, its strings, iterators and `cmark_render_html`'s results, lives until `body`
/// returns and goes at once then: copy what is kept into Swift values inside `body`, and never
/// hand cmark's strings to `free`.
enum CmarkArena {
    static func with<T>(_ body: (UnsafeMutablePointer<cmark_mem>) throws -> T) rethrows -> T {
        let mem = portal_cmark_arena_enter().assumingMemoryBound(to: cmark_mem.self)
        defer { portal_cmark_arena_leave() }
        return try body(mem)
    }

    /// `cmark_parse_document` with `mem`: the same tree (a text not ending in a newline has its
    /// last line read at `finish`, as `cmark_parse_document` reads it at the end of its feed).
    static func parse(_ text: String, flags: Int32, mem: UnsafeMutablePointer<cmark_mem>) -> OpaquePointer {
        let parser = cmark_parser_new_with_mem(flags, mem)!
        text.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        let document = cmark_parser_finish(parser)!
        cmark_parser_free(parser)
        return document
    }

    /// Bytes the calling thread's arena holds from the system (tests: it stays bounded).
    static var heldBytes: Int { portal_cmark_arena_held_bytes() }
}
