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
                "theme \"\(name)\" not found: there is no folder \(displayDir)",
                ru: "тема «\(name)» не найдена: нет папки \(displayDir)")])
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
            let (english, russian) = describe(error.error)
            let line = error.context.lineNumber
            let column = error.context.columnNumber - (line == 1 ? FastHTMLEscaping.pragma.count : 0)
            throw .error(at: SourceLocation(path: path, line: line, column: max(1, column)),
                         "template syntax: \(english)", ru: "ошибка в шаблоне: \(russian)")
        } catch {
            throw .error(at: SourceLocation(path: path), "template syntax: \(error)", ru: "ошибка в шаблоне: \(error)")
        }
    }

    static func describe(_ error: any Error) -> (String, String) {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?:
            return ("this closing tag {{/…}} does not match the section it closes",
                    "закрывающий тег {{/…}} не совпадает с открытым разделом")
        case .unfinishedName?:
            return ("a tag is not finished; close it with }}", "тег не закрыт; закройте его символами }}")
        case .expectedSectionEnd?:
            return ("a section is never closed; add {{/name}}", "раздел не закрыт; добавьте {{/имя}}")
        case .invalidSetDelimiter?:
            return ("invalid delimiter change {{=… …=}}", "неверная смена разделителей {{=… …=}}")
        case .transformAppliedToInheritanceSection?:
            return ("a transform cannot be applied to an inheritance section", "к разделу наследования нельзя применять преобразование")
        case .illegalTokenInsideInheritSection?, .textInsideInheritSection?:
            return ("inside {{<parent}} … {{/parent}} only {{$block}} overrides may stand",
                    "внутри {{<родитель}} … {{/родитель}} допустимы только переопределения {{$блок}}")
        case .invalidConfigVariableSyntax?, .unrecognisedConfigVariable?:
            return ("unknown or malformed {{% pragma}}", "неизвестная или неверная директива {{% …}}")
        case nil:
            return ("\(error)", "\(error)")
        }
    }

    /// Relative paths of the regular files below `directory`, sorted, hidden files skipped.
    static func files(under directory: URL) -> [String] {
        FileTree.walk(directory.path).filter { $0.kind == .file }.map(\.path)
    }
}
