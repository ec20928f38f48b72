import Foundation
import Mustache
import PortalCore


/// A theme: its templates (`Themes/<name>/templates/**/*.mustache`, compiled once) and its
/// assets (`Themes/<name>/assets/**`, copied to `assets/`).
public struct Theme: Sendable {
    public let name: String
    public let templateNames: Set<String>
    /// Asset files: absolute source path → path under the output folder.
    public let assets: [(source: String, destination: String)]
    private let library: MustacheLibrary

    public func has(_ template: String) -> Bool {
        templateNames.contains(template)
    }

    /// Renders `template` with `context` (the names a template starts from: `site`, `page`…).
    public func render(_ template: String, context: TemplateValue) -> String? {
        library.render(context, withTemplate: template)
    }

    public static func load(root: URL, name: String) throws(BuildFailure) -> Theme {
        let directory = root.appendingPathComponent("Themes").appendingPathComponent(name)
        let templatesDir = directory.appendingPathComponent("templates")
        let displayDir = "Themes/\(name)/templates"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: templatesDir.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BuildFailure([.error(
                at: SourceLocation(path: "Content/site.yml"),
                .themeNotFound(name: name, folder: displayDir))])
        }
        var log = DiagnosticLog()
        var library = MustacheLibrary()
        var sources: [String: (path: String, text: String)] = [:]
        for file in files(under: templatesDir) where file.hasSuffix(".mustache") {
            let templateName = String(file.dropLast(".mustache".count))
            let path = "\(displayDir)/\(file)"
            do throws(Diagnostic) {
                let text = try SourceText.read(templatesDir.appendingPathComponent(file), path: path)
                sources[templateName] = (path, text)
                library.register(try compile(text, path: path), named: templateName)
            } catch {
                log.append(error)
            }
        }
        TemplateCheck.checkReferences(sources, log: &log)
        TemplateCheck.checkRenderedOnce(sources, log: &log)
        if log.hasErrors { throw BuildFailure(log.sorted) }

        let assetsDir = directory.appendingPathComponent("assets")
        let assets = files(under: assetsDir).map { (assetsDir.appendingPathComponent($0).path, "assets/" + $0) }
        return Theme(name: name, templateNames: Set(sources.keys), assets: assets, library: library)
    }

    static func compile(_ text: String, path: String) throws(Diagnostic) -> MustacheTemplate {
        _ = FastHTMLEscaping.registered
        do {
            return try MustacheTemplate(string: FastHTMLEscaping.pragma + text)
        } catch let error as MustacheTemplate.ParserError {
            let reason = describe(error.error)
            let line = error.context.lineNumber
            let column = error.context.columnNumber - (line == 1 ? FastHTMLEscaping.pragma.count : 0)
            throw .error(at: SourceLocation(path: path, line: line, column: max(1, column)),
                         .templateSyntax(reason))
        } catch {
            throw .error(at: SourceLocation(path: path), .templateSyntax(.unexpected(error)))
        }
    }

    static func describe(_ error: any Error) -> Message {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return .templateCloseTagMismatch
        case .unfinishedName?: return .templateTagUnfinished
        case .expectedSectionEnd?: return .templateSectionUnclosed
        case .invalidSetDelimiter?: return .templateDelimiterInvalid
        case .transformAppliedToInheritanceSection?: return .templateTransformOnInheritance
        case .illegalTokenInsideInheritSection?, .textInsideInheritSection?: return .templateTextInInheritance
        case .invalidConfigVariableSyntax?, .unrecognisedConfigVariable?: return .templatePragmaUnknown
        case nil: return .unexpected(error)
        }
    }

    /// Relative paths of the regular files below `directory`, sorted, hidden files skipped.
    static func files(under directory: URL) -> [String] {
        FileTree.walk(directory.path).filter { $0.kind == .file }.map(\.path)
    }
}
