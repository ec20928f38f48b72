import Mustache
import PortalCore

/// The same escaping as swift-mustache's own HTML content type (`& < > " '`), but a value with
/// nothing to escape — nearly all of them — is returned as it is (`HTMLEscaping`), without
/// copying it character by character (docs/performance.md has what the library's escaper cost).
struct FastHTMLEscaping: MustacheContentType {
    static let name = "PORTAL_HTML"
    /// Put before every template so that its values are escaped by this type. No newline: line
    /// numbers in template errors stay right (columns on line 1 are corrected).
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"

    /// Registers the content type with swift-mustache, once per process.
    static let registered: Bool = {
        MustacheContentTypes.register(FastHTMLEscaping(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }
}
