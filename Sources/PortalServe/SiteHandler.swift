import FlyingFox
import Foundation
import PortalCore

/// Answers requests from the preview folder the way a static host would: `/stages/` is
/// `stages/index.html`, `/stages` redirects to `/stages/`, a missing page gets the theme's 404.html
/// with status 404. HTML responses get the reload script; while the last build failed, every HTML
/// response is the error page instead.
struct SiteHandler: HTTPHandler {
    /// The folder the preview is built into (resolved: no symbolic links in its path).
    let output: URL
    let live: LiveReload

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return Self.text(.methodNotAllowed, "405 method not allowed\n")
        }
        let state = await live.settledState()
        var response = respond(to: request.target, state: state)
        // Always fetched anew, or a reload would show yesterday's CSS.
        response.headers[.cacheControl] = "no-store"
        if request.method == .HEAD {
            let length = try await response.bodyData.count
            response = HTTPResponse(statusCode: response.statusCode, headers: response.headers, body: Data())
            response.headers[.contentLength] = String(length)
        }
        return response
    }

    private func respond(to target: HTTPRequest.Target, state: BuildState) -> HTTPResponse {
        // The path as sent, percent-decoded, checked here rather than trusting `request.path`:
        // that one is normalised by Foundation, whose folding of `..` and `%2e%2e` we cannot see.
        var raw = target.path(percentEncoded: false)
        // A site published in a subfolder is previewed in the same subfolder.
        if state.basePath != "/" {
            if raw == "/" || raw + "/" == state.basePath {
                return HTTPResponse(statusCode: .found, headers: HTTPHeaders([.location: state.basePath]))
            }
            guard raw.hasPrefix(state.basePath) else { return notFound(state) }
            raw = "/" + raw.dropFirst(state.basePath.count)
        }
        guard let relative = Self.relativePath(raw) else {
            return Self.text(.forbidden, "403 forbidden: the path leaves the site\n")
        }
        let url = relative.isEmpty ? output : output.appendingPathComponent(relative)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            return notFound(state)
        }
        let file: URL
        if isDirectory.boolValue {
            guard raw.hasSuffix("/") else {
                // Built from the cleaned path: `//stages` must not become `//stages/`, another host.
                let path = state.basePath + relative + "/"
                let query = target.query()
                let location = (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path)
                    + (query.isEmpty ? "" : "?" + query)
                return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: location]))
            }
            file = url.appendingPathComponent("index.html")
        } else {
            guard !raw.hasSuffix("/") else { return notFound(state) }
            file = url
        }
        // Defence in depth: whatever the path said, the file must lie inside the output folder.
        guard file.resolvingSymlinksInPath().path.hasPrefix(output.path + "/"),
              let data = FileManager.default.contents(atPath: file.path) else {
            return notFound(state)
        }
        let type = MediaType.of(file.pathExtension)
        guard type.hasPrefix("text/html") else {
            // Read whole, not streamed: a rebuild swaps the folder, and a preview's files are small.
            return HTTPResponse(statusCode: .ok, headers: HTTPHeaders([.contentType: type]), body: data)
        }
        return html(String(decoding: data, as: UTF8.self), status: .ok, state: state)
    }

    private func notFound(_ state: BuildState) -> HTTPResponse {
        let page = FileManager.default.contents(atPath: output.appendingPathComponent("404.html").path)
            .map { String(decoding: $0, as: UTF8.self) } ?? ErrorPage.notFound(language: state.language)
        return html(page, status: .notFound, state: state)
    }

    /// Every HTML answer goes through here: the error page while the last build failed (a new page
    /// that did not build is missing from the folder, and must show why), else the page itself.
    private func html(_ page: String, status: HTTPStatusCode, state: BuildState) -> HTTPResponse {
        let script = LiveReload.script(token: state.token)
        let body: String
        var status = status
        if let errors = state.errors {
            body = ErrorPage.buildFailed(errors, language: state.language, script: script)
            status = .internalServerError
        } else {
            body = LiveReload.inject(script, into: page)
        }
        return HTTPResponse(statusCode: status, headers: HTTPHeaders([.contentType: MediaType.html]), body: Data(body.utf8))
    }

    /// The path below the output folder, without leading or doubled slashes; nil for a path that
    /// could leave the folder (`..`, also when sent as `%2e%2e`, since `raw` is already decoded).
    static func relativePath(_ raw: String) -> String? {
        guard raw.hasPrefix("/"), !raw.contains("\0"), !raw.contains("\\") else { return nil }
        let parts = raw.split(separator: "/")
        guard !parts.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        return parts.joined(separator: "/")
    }

    static func text(_ status: HTTPStatusCode, _ text: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: HTTPHeaders([.contentType: MediaType.of("txt")]), body: Data(text.utf8))
    }
}

/// Content types by file extension, `charset=utf-8` for text (portal writes only UTF-8).
enum MediaType {
    static let html = "text/html; charset=utf-8"

    static func of(_ fileExtension: String) -> String {
        switch fileExtension.lowercased() {
        case "html", "htm": html
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "txt": "text/plain; charset=utf-8"
        case "md": "text/markdown; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "xml": "application/xml; charset=utf-8"
        case "rss": "application/rss+xml; charset=utf-8"
        case "atom": "application/atom+xml; charset=utf-8"
        case "json", "map": "application/json"
        case "webmanifest": "application/manifest+json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "avif": "image/avif"
        case "ico": "image/x-icon"
        case "pdf": "application/pdf"
        case "woff2": "font/woff2"
        case "woff": "font/woff"
        case "ttf": "font/ttf"
        case "otf": "font/otf"
        case "mp4": "video/mp4"
        case "webm": "video/webm"
        case "mp3": "audio/mpeg"
        case "zip": "application/zip"
        case "doc": "application/msword"
        case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "xls": "application/vnd.ms-excel"
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "ppt": "application/vnd.ms-powerpoint"
        case "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        case "odt": "application/vnd.oasis.opendocument.text"
        case "ods": "application/vnd.oasis.opendocument.spreadsheet"
        default: "application/octet-stream"
        }
    }
}

/// The pages the preview makes itself: the build errors, and a 404 for a theme without one.
enum ErrorPage {
    static func buildFailed(_ lines: [String], language: Language, script: String) -> String {
        let russian = language == .russian
        let title = russian ? "Сайт не собран" : "The site did not build"
        let hint = russian ? "Исправьте ошибки — страница обновится сама." : "Fix these problems; this page reloads by itself."
        return """
        <!DOCTYPE html>
        <html lang="\(russian ? "ru" : "en")">
        <head><meta charset="utf-8"><title>\(title) — portal</title>
        <style>
        body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem; color: #222; background: #fff5f5; }
        h1 { color: #b00020; font-size: 1.5rem; }
        pre { white-space: pre-wrap; background: #fff; border-left: 4px solid #b00020; padding: 1rem; font-size: 0.95rem; }
        </style></head>
        <body>
        <h1>\(title)</h1>
        <p>\(hint)</p>
        <pre>\(lines.map(HTMLEscaping.escape).joined(separator: "\n"))</pre>
        \(script)</body>
        </html>

        """
    }

    static func notFound(language: Language) -> String {
        let russian = language == .russian
        let title = russian ? "Страница не найдена" : "Page not found"
        return """
        <!DOCTYPE html>
        <html lang="\(russian ? "ru" : "en")">
        <head><meta charset="utf-8"><title>404 — \(title)</title></head>
        <body><h1>404 — \(title)</h1></body>
        </html>

        """
    }
}
