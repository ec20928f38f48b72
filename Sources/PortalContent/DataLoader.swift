import Foundation
import PortalCore
import PortalMarkdown
import PortalYAML

/// One entry of a data file, validated.
public struct DataEntry: Sendable {
    public var fields: [String: DataValue]
    public var location: SourceLocation
    public var id: String?
    /// Where each key of the entry was written (its value, or the key itself when the value
    /// is empty): for messages that point at one field, and for `portal audit`.
    public var keyLocations: [String: SourceLocation] = [:]
    /// The entry's Markdown fields, rendered to `<key>_html` once pages are known (DataMarkdown).
    public var markdown: [String: MarkdownFieldSource] = [:]
}

/// A data file from Content/data/, validated against its schema, with the entries that may be
/// published and the ids of those that may not (withheld by a rule of the data model, or by
/// their dates).
public struct DataFile: Sendable {
    public var name: String
    public var path: String
    public var entries: [DataEntry]
    public var withheldIDs: Set<String>
    /// Files under Content/ that only withheld entries name (their photos): never copied.
    public var withheldFiles: Set<String>
    /// Names that left the site with their entries (id → name, `EntryRule.Withholding.withdrawnName`),
    /// so that mentions of them can be found.
    public var withdrawnNames: [String: String] = [:]
}

enum DataLoader {
    static func load(contentDir: URL, rootPath: (URL) -> String, files: [URL], model: DataModel, markdown: Markdown.Options,
                     options: LoadOptions, leftOut: inout [LeftOut], log: inout DiagnosticLog) -> [String: DataFile] {
        var loaded: [String: (DataFile, [YAMLNode])] = [:]
        var unreadable: Set<String> = []
        for url in files.sorted(by: { $0.path < $1.path }) {
            let name = url.deletingPathExtension().lastPathComponent
            let path = rootPath(url)
            if let existing = loaded[name] {
                log.error(at: SourceLocation(path: path), .dataDuplicateName(name: name, first: existing.0.path))
                continue
            }
            guard let (file, nodes) = loadFile(url: url, name: name, path: path, contentDir: contentDir, model: model,
                                               markdown: markdown, options: options, leftOut: &leftOut, log: &log) else {
                unreadable.insert(name)
                continue
            }
            loaded[name] = (file, nodes)
        }
        checkReferences(loaded, unreadable: unreadable, schemas: model.schemas, log: &log)
        return loaded.mapValues(\.0)
    }

    private static func loadFile(url: URL, name: String, path: String, contentDir: URL, model: DataModel, markdown: Markdown.Options,
                                 options: LoadOptions, leftOut: inout [LeftOut],
                                 log: inout DiagnosticLog) -> (DataFile, [YAMLNode])? {
        let root: YAMLNode?
        let schema = model.schemas[name]
        let rule = model.rules[name]
        var sheet: Spreadsheet?
        var fileText = ""
        do {
            if Spreadsheet.extensions.contains(url.pathExtension.lowercased()) {
                let table = try Spreadsheet.read(url, path: path)
                var sheetLog = DiagnosticLog()
                root = SpreadsheetRecords.entries(of: table, schema: schema?.record.withPublishingDates, labels: model.columnLabels,
                                                  path: path, log: &sheetLog)
                log.append(contentsOf: sheetLog.diagnostics)
                if sheetLog.hasErrors { return nil }
                sheet = table
            } else {
                fileText = try SourceText.read(url, path: path)
                root = try YAMLDocument.parse(fileText, path: path)
            }
        } catch {
            log.append(error)
            return nil
        }
        guard let root else {
            return (DataFile(name: name, path: path, entries: [], withheldIDs: [], withheldFiles: []), [])
        }
        guard case .sequence(let items) = root.kind else {
            log.error(at: root.location(in: path), .dataNotAList(found: root.described))
            return nil
        }
        var validator = SchemaValidator(path: path)
        validator.spreadsheet = sheet != nil
        var entries: [DataEntry] = []
        var nodes: [YAMLNode] = []
        var seenUnique: [String: [String: SourceLocation]] = [:]
        var withheld: Set<String> = []
        var withheldFiles: Set<String> = []
        var withdrawn: [String: String] = [:]
        var publishedFiles: Set<String> = []
        /// Files an entry names: its path fields (a photo, a document's PDF), as Content/ lists
        /// them: `./images/a.jpg` and `images//a.jpg` are `images/a.jpg`, so a withheld photo
        /// is withheld however its path is written.
        func files(of fields: [String: DataValue]) -> [String] {
            let pathFields = schema?.record.fields.filter { if case .path = $0.type { true } else { false } }.map(\.name) ?? ["photo"]
            return pathFields.compactMap { fields[$0]?.string }.map { path in
                path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
            }
        }
        /// An entry left out takes its files with it: a draft's PDF is as unpublished as the draft.
        func withhold(_ id: String?, _ fields: [String: DataValue]) {
            if let id { withheld.insert(id) }
            withheldFiles.formUnion(files(of: fields))
        }
        var fileLines: [Substring]?
        let type: FieldType = schema.map { .record($0.record.withPublishingDates) } ?? .any
        for (index, item) in items.enumerated() {
            let keyPath = "\(name)[\(index)]"
            nodes.append(item)
            guard case .map(var fields)? = validator.validate(item, as: type, keyPath: keyPath) else {
                if schema == nil {
                    validator.log.error(at: item.location(in: path), .dataEntryNotKeys(key: keyPath))
                }
                continue
            }
            // Unique keys: both places named.
            for field in schema?.record.fields ?? [] where field.unique {
                guard let value = fields[field.name]?.scalarText else { continue }
                let here = (item[field.name] ?? item).location(in: path)
                if let first = seenUnique[field.name]?[value] {
                    validator.log.error(at: here, .dataValueNotUnique(key: "\(keyPath).\(field.name)", value: value, first: first))
                } else {
                    seenUnique[field.name, default: [:]][value] = here
                }
            }
            checkFiles(item: item, fields: fields, schema: schema, keyPath: keyPath, contentDir: contentDir,
                       path: path, log: &validator.log)
            let id = schema?.idKey.flatMap { fields[$0]?.scalarText } ?? fields["id"]?.scalarText
            if let rule, let refusal = rule.withhold(.init(fields: fields, who: id ?? keyPath, today: options.today,
                                                           inSpreadsheet: sheet != nil)) {
                validator.log.warning(at: (refusal.key.flatMap { item[$0] } ?? item).location(in: path), refusal.message)
                withhold(id, fields)
                if let fullName = refusal.withdrawnName { withdrawn[id ?? keyPath] = fullName }
                continue
            }
            let publish = fields.removeValue(forKey: "publish_date")?.dateValue
            let expiry = fields.removeValue(forKey: "expiry_date")?.dateValue
            if let reason = options.unpublishedReason(draft: fields.removeValue(forKey: "draft")?.bool ?? false,
                                                      publish: publish, expiry: expiry) {
                leftOut.append(LeftOut(location: item.location(in: path), reason: reason))
                withhold(id, fields)
                continue
            }
            // Said at the field: what cmark leaves out without unsafe_html. The HTML itself is
            // made again with the links resolved once pages are known (DataMarkdown).
            renderMarkdownFields(&fields, schema: schema, markdown: markdown, item: item, path: path, keyPath: keyPath,
                                 log: &validator.log)
            var entry = DataEntry(fields: fields, location: item.location(in: path), id: id,
                                  keyLocations: keyLocations(of: item, path: path))
            entry.markdown = markdownFields(fields, item: item, schema: schema, path: path, fileLines: &fileLines,
                                            fileText: fileText, inSpreadsheet: sheet != nil)
            entries.append(entry)
            publishedFiles.formUnion(files(of: fields))
        }
        // A file a published entry shows too stays published.
        withheldFiles.subtract(publishedFiles)
        if let sheet, sheet.kind == .xlsx {
            // A workbook's cells are named as Excel names them (`D7`), not by line and column.
            func cell(_ location: SourceLocation) -> SourceLocation {
                guard location.path == path, let row = location.line, let column = location.column else { return location }
                return sheet.location(row: row, column: column, path: path)
            }
            // Messages that name another place of the file (`already used at …`) name its cell too.
            func cells(in text: String) -> String {
                var result = text
                while let range = result.range(of: "\(path):[0-9]+:[0-9]+", options: .regularExpression) {
                    let parts = result[range].dropFirst(path.count + 1).split(separator: ":").compactMap { Int($0) }
                    result.replaceSubrange(range, with: cell(SourceLocation(path: path, line: parts[0], column: parts[1])).description)
                }
                return result
            }
            log.append(contentsOf: validator.log.diagnostics.map { diagnostic in
                var d = diagnostic
                d.location = d.location.map(cell)
                d.message = d.message.rewritten(cells)
                return d
            })
            for i in entries.indices {
                entries[i].location = cell(entries[i].location)
                entries[i].keyLocations = entries[i].keyLocations.mapValues(cell)
                for (key, source) in entries[i].markdown {
                    if case .cell(let location) = source.placement { entries[i].markdown[key]?.placement = .cell(cell(location)) }
                }
            }
        } else {
            log.append(contentsOf: validator.log.diagnostics)
        }
        return (DataFile(name: name, path: path, entries: entries, withheldIDs: withheld, withheldFiles: withheldFiles,
                         withdrawnNames: withdrawn), nodes)
    }

    /// Where each key and nested key was written: `name`, `counts.by-form`, `scores[1].value`.
    private static func keyLocations(of item: YAMLNode, path: String) -> [String: SourceLocation] {
        var locations: [String: SourceLocation] = [:]
        func walk(_ node: YAMLNode, _ prefix: String) {
            switch node.kind {
            case .mapping(let pairs):
                for pair in pairs {
                    guard let key = pair.key.scalar?.text else { continue }
                    let keyPath = prefix.isEmpty ? key : "\(prefix).\(key)"
                    locations[keyPath] = (pair.value.isNull ? pair.key : pair.value).location(in: path)
                    walk(pair.value, keyPath)
                }
            case .sequence(let items) where !prefix.isEmpty:
                for (index, element) in items.enumerated() {
                    locations["\(prefix)[\(index)]"] = element.location(in: path)
                    walk(element, "\(prefix)[\(index)]")
                }
            default:
                break
            }
        }
        walk(item, "")
        return locations
    }

    /// Files named in data must exist under Content/; photos need alt text.
    private static func checkFiles(item: YAMLNode, fields: [String: DataValue], schema: FileSchema?, keyPath: String,
                                   contentDir: URL, path: String, log: inout DiagnosticLog) {
        for field in schema?.record.fields ?? [] {
            guard case .path = field.type, let relative = fields[field.name]?.string else { continue }
            let at = (item[field.name] ?? item).location(in: path)
            if !FileManager.default.fileExists(atPath: contentDir.appendingPathComponent(relative).path) {
                log.error(at: at, .dataFileMissing(key: "\(keyPath).\(field.name)", file: relative))
            }
        }
        if fields["photo"] != nil, (fields["photo_alt"]?.string ?? "").isEmpty {
            log.error(at: (item["photo"] ?? item).location(in: path),
                      .dataPhotoAltMissing(key: keyPath))
        }
        if fields["cover"] != nil, (fields["cover_alt"]?.string ?? "").isEmpty {
            log.error(at: (item["cover"] ?? item).location(in: path),
                      .dataCoverAltMissing(key: keyPath))
        }
    }

    private static func renderMarkdownFields(_ fields: inout [String: DataValue], schema: FileSchema?, markdown: Markdown.Options,
                                             item: YAMLNode, path: String, keyPath: String, log: inout DiagnosticLog) {
        for field in schema?.record.fields ?? [] {
            if case .markdown = field.type, let text = fields[field.name]?.string {
                // What cmark leaves out without unsafe_html is said, at the field.
                let at = (item[field.name] ?? item).location(in: path)
                fields[field.name + "_html"] = .string(Markdown.render(text, options: markdown) { link in
                    if !markdown.unsafeHTML, Markdown.isDangerousDestination(link.destination) {
                        log.error(at: at, .dataDangerousLink(key: "\(keyPath).\(field.name)", link: String(link.destination.prefix(60)), scheme: link.destination.prefix { $0 != ":" }.lowercased()))
                    }
                    return nil
                }.html)
                if !markdown.unsafeHTML {
                    for html in Markdown.rawHTML(in: text) {
                        log.warning(at: at, .dataRawHTML(key: "\(keyPath).\(field.name)", html: html.text))
                    }
                }
            }
        }
    }

    /// The Markdown fields of an entry with where they stand, rendered later (DataMarkdown).
    private static func markdownFields(_ fields: [String: DataValue], item: YAMLNode, schema: FileSchema?, path: String,
                                       fileLines: inout [Substring]?, fileText: String,
                                       inSpreadsheet: Bool) -> [String: MarkdownFieldSource] {
        var sources: [String: MarkdownFieldSource] = [:]
        for field in schema?.record.fields ?? [] {
            guard case .markdown = field.type, let text = fields[field.name]?.string, let node = item[field.name] else { continue }
            if inSpreadsheet {
                // A cell: its problems are reported at the cell.
                sources[field.name] = MarkdownFieldSource(text: text, path: path, placement: .cell(node.location(in: path)))
                continue
            }
            if fileLines == nil { fileLines = fileText.split(separator: "\n", omittingEmptySubsequences: false) }
            sources[field.name] = MarkdownFieldSource.make(text: text, path: path, line: node.line, column: node.column,
                                                           quoted: node.scalar?.quoted ?? false, fileLines: fileLines ?? [])
        }
        return sources
    }

    /// Every id a file names must exist in the file it points to.
    /// Files that exist but could not be read are already reported; references into them are
    /// not checked, so one mistake does not make a cascade of messages.
    private static func checkReferences(_ files: [String: (DataFile, [YAMLNode])], unreadable: Set<String>,
                                        schemas: [String: FileSchema], log: inout DiagnosticLog) {
        // Ids of every entry written, valid or not, published or not: an entry with a typo in
        // another key is still there, and references to it are fine.
        var known: [String: Set<String>] = [:]
        for (name, (_, nodes)) in files {
            let idKey = schemas[name]?.idKey ?? "id"
            known[name] = Set(nodes.compactMap { $0[idKey]?.scalar?.text })
        }
        for (name, (file, nodes)) in files.sorted(by: { $0.key < $1.key }) {
            guard let schema = schemas[name] else { continue }
            for (index, node) in nodes.enumerated() {
                for field in schema.record.fields {
                    guard let target = field.referenceTarget, let valueNode = node[field.name] else { continue }
                    var values = [valueNode]
                    if case .sequence(let items) = valueNode.kind { values = items }
                    if unreadable.contains(target) { continue }
                    for v in values {
                        guard let id = v.scalar?.text, !v.isNull else { continue }
                        guard let ids = known[target] else {
                            log.error(at: v.location(in: file.path),
                                      .dataReferenceFileMissing(key: "\(name)[\(index)].\(field.name)", id: id, target: target))
                            continue
                        }
                        // The file as the curator keeps it: people.yml, or people.xlsx.
                        let targetFile = files[target].map { ($0.0.path as NSString).lastPathComponent } ?? "\(target).yml"
                        if !ids.contains(id) {
                            log.error(at: v.location(in: file.path),
                                      .dataUnknownReference(key: "\(name)[\(index)].\(field.name)", id: id, file: targetFile,
                                                            closest: SchemaValidator.closest(to: id, in: Array(ids))))
                        }
                    }
                }
            }
        }
    }
}
