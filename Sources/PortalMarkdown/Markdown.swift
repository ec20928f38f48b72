import CCmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place that talks to cmark (C). Everything else sees Swift values.
public enum Markdown {
    public struct Options: Sendable, Hashable {
        /// Keep raw HTML and `javascript:` links as written. Off by default: escaped.
        public var unsafeHTML: Bool
        /// Curly quotes, dashes and ellipses from cmark.
        public var smartPunctuation: Bool

        public init(unsafeHTML: Bool = false, smartPunctuation: Bool = true) {
            self.unsafeHTML = unsafeHTML
            self.smartPunctuation = smartPunctuation
        }

        var cmarkFlags: Int32 {
            // No CMARK_OPT_VALIDATE_UTF8: cmark is only given Swift Strings, which are valid UTF-8,
            // and its feed already turns NUL into U+FFFD, so the check copied every line unchanged.
            var flags = CMARK_OPT_DEFAULT
            if smartPunctuation { flags |= CMARK_OPT_SMART }
            if unsafeHTML { flags |= CMARK_OPT_UNSAFE }
            return flags
        }
    }

    /// A link or image destination as written, with where it stands in the Markdown.
    public struct Link: Sendable, Hashable {
        public var destination: String
        /// The destination as the author wrote it (before any rewriting).
        public var written: String = ""
        public var isImage: Bool
        /// Line and column within the Markdown text given to `render` (1-based).
        public var line: Int
        public var column: Int
        /// Alt text for images (their inline content as plain text).
        public var text: String
        /// The title (`![alt](photo.jpg "title")`), empty when none.
        public var title: String = ""
    }

    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var id: String
        public var text: String
    }

    public struct Rendered: Sendable {
        public var html: String
        /// Every heading of the top level of the document, in order, with its id.
        public var headings: [Heading]
        /// Plain text of the whole document (for search and summaries).
        public var plainText: String
        /// Plain text of the first paragraph (a default description).
        public var firstParagraph: String
        /// Every link and image, after rewriting.
        public var links: [Link]

        public static let empty = Rendered(html: "", headings: [], plainText: "", firstParagraph: "", links: [])
    }

    /// Renders `text` to HTML. `rewrite` sees every link and image destination and may return
    /// a replacement (for `.md` links and page-relative files); nil keeps it. `image` sees every
    /// image (after `rewrite`) and may return the HTML that stands for it (a `<picture>` with
    /// its copies); nil keeps cmark's `<img>`.
    public static func render(
        _ text: String,
        options: Options = Options(),
        rewrite: (Link) -> String? = { _ in nil },
        image: (Link) -> String? = { _ in nil }
    ) -> Rendered {
        // Every node, string and buffer of this document comes from this thread's arena and
        // goes at once when the document is done (nothing of cmark's is freed one by one).
        CmarkArena.with { mem in render(text, flags: options.cmarkFlags, mem: mem, rewrite: rewrite, image: image) }
    }

    private static func render(
        _ text: String, flags: Int32, mem: UnsafeMutablePointer<cmark_mem>,
        rewrite: (Link) -> String?, image: (Link) -> String?
    ) -> Rendered {
        let document = CmarkArena.parse(text, flags: flags, mem: mem)
        let tables = Tables.transform(document, source: text, flags: flags, mem: mem)

        var links: [Link] = []
        var columns = ScalarColumns(text)
        // Text gathered as bytes and made a String once: a String per text node was most of
        // this walk's cost.
        var plain: [UInt8] = []
        plain.reserveCapacity(text.utf8.count)
        var firstParagraph: String?
        var paragraphText: [UInt8] = []
        var paragraphDepth = 0
        var hasRawHTML = false
        var nestedHeading = false
        // Images replaced once the walk is over (the iterator must not see the tree change).
        var replacedImages: [(OpaquePointer, String)] = []

        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            let node = cmark_iter_get_node(iterator)!
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER {
                switch type {
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    let destination = string(cmark_node_get_url(node))
                    var link = Link(destination: destination, isImage: type == CMARK_NODE_IMAGE,
                                    line: Int(cmark_node_get_start_line(node)),
                                    column: Int(cmark_node_get_start_column(node)),
                                    text: type == CMARK_NODE_IMAGE ? plainText(of: node) : "")
                    if link.line == 0 { link.line = enclosingLine(of: node) }
                    if let cell = tables.cellPosition(of: node) { (link.line, link.column) = (cell.line, cell.column + link.column - 1) }
                    link.column = columns.column(line: link.line, byteColumn: link.column)
                    if link.column == 0 { link.column = 1 }
                    link.written = destination
                    if type == CMARK_NODE_IMAGE { link.title = string(cmark_node_get_title(node)) }
                    if let replacement = rewrite(link) {
                        cmark_node_set_url(node, replacement)
                        link.destination = replacement
                    }
                    if type == CMARK_NODE_IMAGE, let html = image(link) { replacedImages.append((node, html)) }
                    links.append(link)
                case CMARK_NODE_PARAGRAPH:
                    // Only a paragraph of the document itself describes the page, not a list item.
                    if cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_DOCUMENT { paragraphDepth += 1 }
                case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                    let literal = bytes(cmark_node_get_literal(node))
                    plain.append(contentsOf: literal)
                    if paragraphDepth > 0 && firstParagraph == nil { paragraphText.append(contentsOf: literal) }
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    plain.append(0x20)
                    if paragraphDepth > 0 && firstParagraph == nil { paragraphText.append(0x20) }
                case CMARK_NODE_CODE_BLOCK:
                    plain.append(contentsOf: bytes(cmark_node_get_literal(node)))
                    plain.append(0x0A)
                case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                    hasRawHTML = true
                case CMARK_NODE_HEADING:
                    // A heading in a quote or a list item gets no id (it is not in the contents).
                    if cmark_node_get_type(cmark_node_parent(node)) != CMARK_NODE_DOCUMENT { nestedHeading = true }
                default:
                    break
                }
            } else if event == CMARK_EVENT_EXIT {
                switch type {
                case CMARK_NODE_PARAGRAPH:
                    if cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_DOCUMENT {
                        paragraphDepth -= 1
                        if firstParagraph == nil && !paragraphText.isEmpty { firstParagraph = String(decoding: paragraphText, as: UTF8.self) }
                    }
                    plain.append(0x0A)
                case CMARK_NODE_HEADING, CMARK_NODE_ITEM:
                    plain.append(0x0A)
                default:
                    break
                }
            }
            event = cmark_iter_next(iterator)
        }

        // Custom inline nodes: cmark writes their text as it is, whatever the safe mode (it is
        // portal's own markup, every value in it escaped).
        for (node, html) in replacedImages {
            guard let custom = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, mem) else { continue }
            cmark_node_set_on_enter(custom, html)
            cmark_node_set_on_exit(custom, "")
            if cmark_node_replace(node, custom) != 0 { cmark_node_free(node) } else { cmark_node_free(custom) }
        }

        // Headings get ids.
        var headings: [Heading] = []
        var ids = SlugSet(reserved: ["content", "main", "top", "toc"])
        var block = cmark_node_first_child(document)
        while let node = block {
            if cmark_node_get_type(node) == CMARK_NODE_HEADING {
                let title = plainText(of: node)
                headings.append(Heading(level: Int(cmark_node_get_heading_level(node)), id: ids.unique(for: title), text: title))
            }
            block = cmark_node_next(node)
        }
        let html = hasRawHTML || nestedHeading ? renderByBlock(document, headings: headings, flags: flags)
                              : renderWhole(document, headings: headings, flags: flags)
        return Rendered(html: html, headings: headings, plainText: String(decoding: plain, as: UTF8.self),
                        firstParagraph: firstParagraph ?? "", links: links)
    }

    /// The document in one piece, each heading's `<hN>` given its id. Without raw HTML and
    /// without headings inside quotes or lists, every `<h1>`…`<h6>` cmark writes opens one of
    /// `headings`, in order (text, code and attributes are escaped).
    private static func renderWhole(_ document: OpaquePointer, headings: [Heading], flags: Int32) -> String {
        // The HTML is in the arena (cmark allocates it with the document's memory): not freed here.
        guard let pointer = cmark_render_html(document, flags) else { return "" }
        let source = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
        guard !headings.isEmpty else { return String(decoding: source, as: UTF8.self) }
        // Written straight into the String's storage (no array in between): the HTML with
        // ` id="…"` after each of the first headings.count `<hN`.
        let ids = headings.map { " id=\"\($0.id)\"" }
        let capacity = source.count + ids.reduce(0) { $0 + $1.utf8.count }
        return String(unsafeUninitializedCapacity: capacity) { out in
            var written = 0
            func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
                guard let from = bytes.baseAddress, !bytes.isEmpty else { return }
                (out.baseAddress! + written).update(from: from, count: bytes.count)
                written += bytes.count
            }
            var next = ids.makeIterator()
            var i = 0
            var copied = 0
            let base = source.baseAddress!
            while i + 4 <= source.count {
                // From one "<" to the next (memchr), looking for "<h1>"…"<h6>".
                guard let found = memchr(base + i, 0x3C, source.count - i) else { break }
                i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                guard i + 4 <= source.count else { break }
                if source[i + 1] == 0x68, (0x31...0x36).contains(source[i + 2]), source[i + 3] == 0x3E, var id = next.next() {
                    copy(UnsafeBufferPointer(rebasing: source[copied..<(i + 3)]))
                    id.withUTF8 { copy($0) }
                    copied = i + 3
                    i += 4
                } else {
                    i += 1
                }
            }
            copy(UnsafeBufferPointer(rebasing: source[copied...]))
            return written
        }
    }

    /// Block by block, heading tags written here: a raw `<h2>` in the Markdown must not take a
    /// heading's id.
    private static func renderByBlock(_ document: OpaquePointer, headings: [Heading], flags: Int32) -> String {
        var html = ""
        var next = headings.makeIterator()
        var block = cmark_node_first_child(document)
        while let node = block {
            if cmark_node_get_type(node) == CMARK_NODE_HEADING, let heading = next.next() {
                let rendered = renderHTML(node, flags: flags)
                // cmark writes exactly "<hN>" + inner + "</hN>\n" for a heading.
                let inner = rendered.dropFirst(4).dropLast(6)
                html += "<h\(heading.level) id=\"\(heading.id)\">\(inner)</h\(heading.level)>\n"
            } else {
                html += renderHTML(node, flags: flags)
            }
            block = cmark_node_next(node)
        }
        return html
    }

    private static func renderHTML(_ node: OpaquePointer, flags: Int32) -> String {
        guard let pointer = cmark_render_html(node, flags) else { return "" }  // in the arena
        return String(cString: pointer)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// The bytes of a C string cmark owns (valid until the node changes).
    private static func bytes(_ pointer: UnsafePointer<CChar>?) -> UnsafeBufferPointer<UInt8> {
        guard let pointer else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
    }

    /// The text of a node and its children, breaks as spaces (alt text, heading titles, captions).
    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) {
                switch cmark_node_get_type(child) {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                    text += string(cmark_node_get_literal(child))
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    text += " "
                default:
                    break
                }
            }
            event = cmark_iter_next(iterator)
        }
        return text
    }

    /// Inline nodes may lack positions; the nearest block that has one is close enough.
    private static func enclosingLine(of node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let n = current {
            let line = Int(cmark_node_get_start_line(n))
            if line > 0 { return line }
            current = cmark_node_parent(n)
        }
        return 1
    }
}
