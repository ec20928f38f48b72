import Foundation
import PortalCore
import XMLCoder
import ZIPFoundation

/// The first sheet of an Excel workbook (`.xlsx`: a ZIP of XML parts, ECMA-376), as LibreOffice,
/// Excel and Google Sheets write it: the workbook names its sheets, the relationships say which
/// part holds the first, and text cells refer to the shared strings.
enum XLSXReader {
    static func read(_ url: URL, path: String) throws(Diagnostic) -> Spreadsheet {
        func failure(_ reason: Message) -> Diagnostic {
            Diagnostic(.error, at: SourceLocation(path: path), .workbookUnreadable(reason))
        }
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw failure(.workbookNotZip)
        }
        func part(_ name: String) throws(Diagnostic) -> Data? {
            guard let entry = archive[name] else { return nil }
            var data = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            } catch {
                throw failure(.workbookPartDamaged(part: name))
            }
            return data
        }
        func decode<T: Decodable>(_ type: T.Type, _ data: Data, _ name: String) throws(Diagnostic) -> T {
            let decoder = XMLDecoder(trimValueWhitespaces: false)
            decoder.shouldProcessNamespaces = true
            do {
                return try decoder.decode(T.self, from: data)
            } catch {
                throw failure(.workbookPartNotXML(part: name, error: "\(error)"))
            }
        }

        // The first sheet: the workbook's first <sheet>, its relationship's target.
        var sheetPath = "xl/worksheets/sheet1.xml"
        var date1904 = false
        if let workbookData = try part("xl/workbook.xml"), let relsData = try part("xl/_rels/workbook.xml.rels") {
            let workbook = try decode(Workbook.self, workbookData, "xl/workbook.xml")
            date1904 = ["1", "true"].contains(workbook.workbookPr?.date1904 ?? "")
            let rels = try decode(Relationships.self, relsData, "xl/_rels/workbook.xml.rels")
            if let first = workbook.sheets.sheet.first, let target = rels.relationship.first(where: { $0.id == first.relationshipID })?.target {
                sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }
        var shared: [String] = []
        if let stringsData = try part("xl/sharedStrings.xml") {
            shared = try decode(SharedStrings.self, stringsData, "xl/sharedStrings.xml").si.map(\.text)
        }
        guard let sheetData = try part(sheetPath) else {
            throw failure(.workbookNoSheet)
        }
        let sheet = try decode(Worksheet.self, sheetData, sheetPath)

        var rows: [[Spreadsheet.Cell]] = []
        for (rowIndex, row) in (sheet.sheetData.row ?? []).enumerated() {
            var cells: [Spreadsheet.Cell] = []
            for (cellIndex, cell) in (row.c ?? []).enumerated() {
                let position = cell.r.flatMap(Spreadsheet.cellPosition) ?? (row.r ?? rowIndex + 1, cellIndex + 1)
                var text: String
                var isNumber = false
                switch cell.t ?? "n" {
                case "s":
                    guard let index = Int(cell.v?.value ?? ""), shared.indices.contains(index) else {
                        throw failure(.workbookMissingSharedString(cell: cell.r ?? "?"))
                    }
                    text = shared[index]
                case "inlineStr": text = cell.is?.text ?? ""
                case "b": text = cell.v?.value == "1" ? "да" : "нет"
                case "str", "e": text = cell.v?.value ?? ""
                default:
                    text = cell.v?.value ?? ""
                    isNumber = !text.isEmpty
                }
                cells.append(Spreadsheet.Cell(text: text, row: position.row, column: position.column, isNumber: isNumber))
            }
            if !cells.isEmpty { rows.append(cells) }
        }
        guard let header = rows.first else { return Spreadsheet(header: [], rows: [], kind: .xlsx, date1904: date1904) }
        return Spreadsheet(header: header, rows: Array(rows.dropFirst()), kind: .xlsx, date1904: date1904)
    }

    // The parts of the XML this reader needs; everything else is ignored.

    struct Workbook: Decodable {
        struct Sheets: Decodable { var sheet: [Sheet] }
        struct Sheet: Decodable {
            var relationshipID: String
            /// `r:id` as Excel and LibreOffice write it (XMLCoder keeps an attribute's prefix).
            struct Key: CodingKey {
                var stringValue: String
                init(stringValue: String) { self.stringValue = stringValue }
                var intValue: Int? { nil }
                init?(intValue: Int) { nil }
            }
            init(from decoder: Decoder) throws {
                let container = try decoder.container(keyedBy: Key.self)
                let key = container.allKeys.first { $0.stringValue == "r:id" || $0.stringValue.hasSuffix(":id") || $0.stringValue == "id" }
                relationshipID = try key.map { try container.decode(String.self, forKey: $0) } ?? ""
            }
        }
        struct Properties: Decodable { var date1904: String? }
        var sheets: Sheets
        var workbookPr: Properties?
    }

    struct Relationships: Decodable {
        struct Relationship: Decodable {
            var id: String
            var target: String
            enum CodingKeys: String, CodingKey { case id = "Id", target = "Target" }
        }
        var relationship: [Relationship]
        enum CodingKeys: String, CodingKey { case relationship = "Relationship" }
    }

    /// `<t>` with or without `xml:space`: its text.
    struct Text: Decodable {
        var value: String
        enum CodingKeys: String, CodingKey { case value = "" }
        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            value = (try? container.decode(String.self, forKey: .value)) ?? ""
        }
    }

    /// A string item: plain (`<t>`) or rich text (runs `<r><t>`), read as plain text.
    struct StringItem: Decodable {
        struct Run: Decodable { var t: Text? }
        var t: Text?
        var r: [Run]?
        var text: String { t?.value ?? (r ?? []).map { $0.t?.value ?? "" }.joined() }
    }

    struct SharedStrings: Decodable {
        var si: [StringItem]
        enum CodingKeys: String, CodingKey { case si }
        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            si = (try? container.decode([StringItem].self, forKey: .si)) ?? []
        }
    }

    struct Worksheet: Decodable {
        struct SheetData: Decodable { var row: [Row]? }
        struct Row: Decodable {
            var r: Int?
            var c: [Cell]?
        }
        struct Cell: Decodable {
            var r: String?
            var t: String?
            var v: Text?
            var `is`: StringItem?
        }
        var sheetData: SheetData
    }
}
