import Foundation
import PortalCore
import PortalYAML

/// A spreadsheet read as the entries of a data file: each row a set of keys, each cell placed
/// where it is, so the file's schema checks it exactly as it checks YAML. What only a table
/// writes differently is read here: `;` between list items, `да`/`нет`, dates as
/// `ДД.ММ.ГГГГ` or as Excel's day numbers, decimal commas.
enum SpreadsheetRecords {
    static func entries(of sheet: Spreadsheet, schema: RecordSchema?, labels: ColumnLabels, path: String,
                        log: inout DiagnosticLog) -> YAMLNode {
        let fields = schema?.fields ?? []
        let keys = fields.map(\.name)
        // Each column: the key it holds (nil: reported and left out).
        var columns: [Int: Field] = [:]
        var seen: [String: SourceLocation] = [:]
        for cell in sheet.header where !cell.text.trimmingCharacters(in: .whitespaces).isEmpty {
            let at = sheet.location(row: cell.row, column: cell.column, path: path)
            if let reason = schema?.forbidden?(cell.text) {
                log.error(at: at, reason)
                continue
            }
            guard let key = labels.key(forHeader: cell.text, among: keys), let field = fields.first(where: { $0.name == key }) else {
                let known = keys.map { "\($0) (\(labels.label($0)))" }.joined(separator: ", ")
                log.error(at: at, .spreadsheetUnknownColumn(column: cell.text, allowed: known))
                continue
            }
            if let first = seen[key] {
                log.error(at: at, .spreadsheetRepeatedColumn(column: cell.text, key: key, first: first))
                continue
            }
            switch field.type {
            case .record, .table, .list(.record), .any:
                log.error(at: at, .spreadsheetNestedColumn(key: key))
                continue
            default:
                break
            }
            seen[key] = at
            columns[cell.column] = field
        }
        var items: [YAMLNode] = []
        for row in sheet.rows {
            guard row.contains(where: { !$0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) else { continue }
            var pairs: [YAMLNode.Pair] = []
            for cell in row {
                guard let field = columns[cell.column] else { continue }
                let key = YAMLNode(kind: .scalar(.init(text: field.name, quoted: false, resolved: .string(field.name))),
                                   line: cell.row, column: cell.column)
                pairs.append(.init(key: key, value: value(cell, as: field.type, date1904: sheet.date1904)))
            }
            // A column missing from this row (a short CSV line) is an empty cell.
            for (column, field) in columns where !row.contains(where: { $0.column == column }) && field.required {
                let key = YAMLNode(kind: .scalar(.init(text: field.name, quoted: false, resolved: .string(field.name))),
                                   line: row.first?.row ?? 0, column: column)
                pairs.append(.init(key: key, value: null(line: key.line, column: column)))
            }
            items.append(YAMLNode(kind: .mapping(pairs), line: row.first?.row ?? 0, column: 1))
        }
        return YAMLNode(kind: .sequence(items), line: 1, column: 1)
    }

    static func null(line: Int, column: Int) -> YAMLNode {
        YAMLNode(kind: .scalar(.init(text: "", quoted: false, resolved: .null)), line: line, column: column)
    }

    static func value(_ cell: Spreadsheet.Cell, as type: FieldType, date1904: Bool = false) -> YAMLNode {
        let text = cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
        func scalar(_ text: String, _ resolved: YAMLNode.Resolved) -> YAMLNode {
            YAMLNode(kind: .scalar(.init(text: text, quoted: true, resolved: resolved)), line: cell.row, column: cell.column)
        }
        if text.isEmpty {
            if case .list = type { return YAMLNode(kind: .sequence([]), line: cell.row, column: cell.column) }
            return null(line: cell.row, column: cell.column)
        }
        switch type {
        case .list(let element):
            let items = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            return YAMLNode(kind: .sequence(items.map { value(Spreadsheet.Cell(text: $0, row: cell.row, column: cell.column), as: element, date1904: date1904) }),
                            line: cell.row, column: cell.column)
        case .wholeNumber:
            if let number = Double(text.replacingOccurrences(of: ",", with: ".")), number == number.rounded(), abs(number) < 1e15 {
                return scalar(text, .int(Int(number)))
            }
        case .number:
            if let number = Double(text.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: " ", with: "")) {
                return scalar(text, .float(number))
            }
        case .flag:
            switch ColumnLabels.normalized(text) {
            case "да", "true", "1", "yes", "истина": return scalar(text, .bool(true))
            case "нет", "false", "0", "no", "ложь": return scalar(text, .bool(false))
            default: break
            }
        case .date, .dateOrMonth:
            if let iso = date(text, isNumber: cell.isNumber, monthAllowed: { if case .dateOrMonth = type { true } else { false } }(),
                              date1904: date1904) {
                return scalar(iso, .string(iso))
            }
        default:
            break
        }
        return scalar(text, .string(text))
    }

    /// `2025-09-01`, `01.09.2025`, Excel's day number (days since 1899-12-30), or a month
    /// (`2025-11`, `11.2025`) where a month will do; as ISO text.
    static func date(_ text: String, isNumber: Bool, monthAllowed: Bool, date1904: Bool = false) -> String? {
        if let date = SimpleDate(parsing: text) { return date.iso }
        if monthAllowed, SimpleDate(month: text) != nil { return text }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 3, parts[2].count == 4, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]),
           let date = SimpleDate(year: y, month: m, day: d) {
            return date.iso
        }
        if monthAllowed, parts.count == 2, parts[1].count == 4, let m = Int(parts[0]), let y = Int(parts[1]),
           let month = SimpleDate(year: y, month: m, day: 1) {
            return String(month.iso.prefix(7))
        }
        if isNumber || text.allSatisfy(\.isNumber), let serial = Double(text), serial >= 1, serial < 2_958_466 {
            // The 1904 system counts 1462 days fewer for the same day.
            return excelDate(Int(serial) + (date1904 ? 1462 : 0)).iso
        }
        return nil
    }

    /// Excel's day number (1900 date system, as LibreOffice and Google Sheets write it too).
    static func excelDate(_ serial: Int) -> SimpleDate {
        // Days from 1899-12-30 (which absorbs Excel's phantom 1900-02-29), by civil-from-days.
        let z = serial - 25569 + 719468  // days since 0000-03-01, through 1970-01-01
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return SimpleDate(year: year, month: month, day: day)!
    }
}
