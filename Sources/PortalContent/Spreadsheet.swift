import Foundation
import PortalCore
import SwiftCSV

/// A spreadsheet read as rows of cells, each knowing where it stands, so that a wrong value in
/// the curator's table is reported by its cell: `people.csv:7:4`, `people.xlsx:D7`.
struct Spreadsheet {
    struct Cell {
        var text: String
        /// 1-based row (the CSV's line) and column.
        var row: Int
        var column: Int
        /// An XLSX cell stored as a number (an Excel date is one).
        var isNumber = false
    }

    /// The first row: the headers.
    var header: [Cell]
    var rows: [[Cell]]
    var kind: Kind
    /// The workbook counts days from 1904 (old Excel for Mac), not from 1900.
    var date1904 = false

    enum Kind { case csv, xlsx }

    static let extensions: Set<String> = ["csv", "xlsx"]

    /// Where a cell is, as a message names it: `path:7:4` for CSV, `path:D7` for XLSX.
    func location(row: Int, column: Int, path: String) -> SourceLocation {
        switch kind {
        case .csv: return SourceLocation(path: path, line: row, column: column)
        case .xlsx: return SourceLocation(path: "\(path):\(Self.columnName(column))\(row)")
        }
    }

    /// `1` → `A`, `27` → `AA`.
    static func columnName(_ column: Int) -> String {
        var n = column, name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// `D7` → (row 7, column 4).
    static func cellPosition(_ reference: String) -> (row: Int, column: Int)? {
        var column = 0
        var digits = ""
        for ch in reference.uppercased() {
            if let a = ch.asciiValue, (65...90).contains(a), digits.isEmpty {
                column = column * 26 + Int(a) - 64
            } else if ch.isNumber {
                digits.append(ch)
            } else {
                return nil
            }
        }
        guard column > 0, let row = Int(digits) else { return nil }
        return (row, column)
    }

    static func read(_ url: URL, path: String) throws(Diagnostic) -> Spreadsheet {
        switch url.pathExtension.lowercased() {
        case "xlsx": return try XLSXReader.read(url, path: path)
        default: return try readCSV(url, path: path)
        }
    }

    /// A CSV file in UTF-8 (with or without the BOM Excel writes), separated by commas,
    /// semicolons (Russian Excel's choice) or tabs, as its first line shows.
    static func readCSV(_ url: URL, path: String) throws(Diagnostic) -> Spreadsheet {
        let text: String
        do {
            let data = try Data(contentsOf: url)
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw Diagnostic(.error, at: SourceLocation(path: path),
                                 .spreadsheetNotUTF8)
            }
            text = decoded
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw Diagnostic(.error, at: SourceLocation(path: path),
                             .spreadsheetUnreadable(reason: error.localizedDescription))
        }
        let csv: EnumeratedCSV
        do {
            csv = try EnumeratedCSV(string: text, loadColumns: false)
        } catch {
            throw Diagnostic(.error, at: SourceLocation(path: path),
                             .spreadsheetInvalidCSV(error: "\(error)"))
        }
        // SwiftCSV gives rows, not lines: a row starts one line below the previous one plus the
        // line breaks inside its quoted cells.
        func lines(_ fields: [String]) -> Int { fields.reduce(1) { $0 + $1.filter(\.isNewline).count } }
        func cells(_ fields: [String], line: Int) -> [Cell] {
            fields.enumerated().map { Cell(text: $1, row: line, column: $0 + 1) }
        }
        var line = 1
        let header = cells(csv.header, line: line)
        line += lines(csv.header)
        var rows: [[Cell]] = []
        for fields in csv.rows {
            rows.append(cells(fields, line: line))
            line += lines(fields)
        }
        return Spreadsheet(header: header, rows: rows, kind: .csv)
    }
}
