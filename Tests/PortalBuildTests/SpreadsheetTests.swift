import Foundation
import PortalBuild
import PortalContent
import PortalCore
import PortalProgramme
import Testing
import ZIPFoundation

/// The curator's bases as spreadsheets: Content/data/NAME.csv and NAME.xlsx, same schema as
/// NAME.yml, errors named by cell.
@Suite struct SpreadsheetTests {
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures/spreadsheets")

    /// The programme fixture with mentors.yml replaced by a spreadsheet.
    static func site(with file: String, named name: String? = nil) throws -> FixtureSite {
        let site = try FixtureSite("programme")
        try site.remove("Content/data/mentors.yml")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent(file),
                                         to: site.root.appendingPathComponent("Content/data/\(name ?? file)"))
        return site
    }

    func checkPublished(_ site: FixtureSite) throws {
        let report = try site.build()
        // Said in the table's words, at the consent cell.
        let warning = report.warnings.first { $0.formatted(in: .russian).contains("«hidden-mentor»") }?.formatted(in: .russian) ?? ""
        #expect(warning.contains("в столбце «Согласие» не стоит «да»"), "\(warning)")
        #expect(warning.range(of: #"mentors\.(csv:\d+:\d+|xlsx:[A-Z]+\d+): warning"#, options: .regularExpression) != nil, "\(warning)")
        let page = try site.text("mentors/ivanova-anna/index.html")
        #expect(page.contains("Иванова Анна Петровна"))
        #expect(!site.exists("mentors/hidden-mentor/index.html"))
        for (path, data) in try site.snapshot() {
            #expect(!String(decoding: data, as: UTF8.self).contains("Скрытов"), "leaked in \(path)")
        }
        // Nothing under Content/data/ is copied into the site.
        #expect(!site.exists("data/mentors.csv") && !site.exists("data/mentors.xlsx"))
    }

    @Test func aCSVFileWithRussianHeadersIsAcceptedWhereTheYAMLWas() throws {
        let site = try Self.site(with: "mentors.csv")
        try checkPublished(site)
        // Lists split at «;», a Russian date read, the text's paragraphs kept.
        let all = try site.text("all/index.html")
        #expect(all.contains("<p class=\"mentor-data\">ivanova-anna: [математика][алгебра] 18 2025-09-02</p><div><p>Ведёт кружок.</p>\n<p>Готовит к олимпиадам.</p>"))
    }

    @Test func aCSVErrorNamesItsLineAndColumn() throws {
        let site = try Self.site(with: "mentors.csv")
        let csv = try site.read("Content/data/mentors.csv")
        try site.write("Content/data/mentors.csv", csv.replacingOccurrences(of: ",5,,Не публикуется.", with: ",пять,,Не публикуется."))
        // Row 2 spans lines 2–4 (a quoted cell with line breaks): hidden-mentor is on line 5.
        #expect(site.errorIDs() == ["Content/data/mentors.csv:5:7 data.wrong-type"])
        #expect(site.errorDiagnostics().first?.message.arguments["key"] == "mentors[1].experience_years")
    }

    @Test func anUnknownColumnIsNamedByItsHeaderCell() throws {
        let site = try Self.site(with: "mentors.csv")
        let csv = try site.read("Content/data/mentors.csv")
        try site.write("Content/data/mentors.csv", csv.replacingOccurrences(of: "Стаж,", with: "Стажж,"))
        let errors = site.errorDiagnostics()
        #expect(errors.map(\.said) == ["Content/data/mentors.csv:1:7 data.unknown-column"])
        #expect(errors.first?.message.arguments["column"] == "Стажж")
        #expect(errors.first?.message.arguments["allowed"]?.hasPrefix("id (Идентификатор), name (Фио)") == true)
    }

    @Test func aPersonalColumnInTheMenteeBankIsRefusedWithTheReason() throws {
        let site = try FixtureSite("programme")
        try site.remove("Content/data/mentees.yml")
        try site.write("Content/data/mentees.csv", "Категория;Запрос;Форма наставничества;Количество;ФИО\nмолодой специалист;адаптация;teacher-teacher;3;Петрова Мария\n")
        #expect(site.errorIDs() == ["Content/data/mentees.csv:1:5 data.mentee-personal-data"])
        #expect(site.errorDiagnostics().first?.message.arguments == ["key": "ФИО"])
        // Without it the semicolon-separated table is read.
        try site.write("Content/data/mentees.csv", "Категория;Запрос;Форма наставничества;Количество\nмолодой специалист;адаптация;teacher-teacher;3\n")
        #expect(site.errors() == [])
        #expect(try site.text("all/index.html").contains("<p>учитель — учитель: 3</p>"))
    }

    @Test func twoSourcesForOneCollectionIsAnError() throws {
        let site = try Self.site(with: "mentors.csv")
        try FileManager.default.copyItem(at: testsDirectory.appendingPathComponent("Fixtures/sites/programme/Content/data/mentors.yml"),
                                         to: site.root.appendingPathComponent("Content/data/mentors.yml"))
        #expect(site.errorIDs() == ["Content/data/mentors.yml data.duplicate-name"])
        #expect(site.errorDiagnostics().first?.message.arguments == ["name": "mentors", "first": "Content/data/mentors.csv"])
    }

    /// Written by LibreOffice Calc (`soffice --headless --convert-to xlsx` from mentors.csv with
    /// Russian locale, so the consent date is stored as an Excel day number).
    @Test func anXLSXWrittenByLibreOfficeIsAccepted() throws {
        let site = try Self.site(with: "mentors-libreoffice.xlsx", named: "mentors.xlsx")
        try checkPublished(site)
        #expect(try site.text("all/index.html").contains("<p class=\"mentor-data\">ivanova-anna: [математика][алгебра] 18 2025-09-02</p>"))
    }

    /// An XLSX assembled by a library (ZIPFoundation) from hand-written XML: inline strings,
    /// a number cell, a boolean cell; errors named by cell.
    @Test func anXLSXAssembledByALibraryNamesTheCell() throws {
        let site = try FixtureSite("programme")
        try site.remove("Content/data/mentors.yml")
        func cell(_ ref: String, _ text: String) -> String { "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>" }
        let header = ["id", "ФИО", "Должность", "Категория", "Формы наставничества", "Предметы", "Стаж", "Компетенции", "О наставнике", "Согласие", "Дата согласия"]
        let columns = "ABCDEFGHIJK".map(String.init)
        var rows = "<row r=\"1\">" + zip(columns, header).map { cell("\($0)1", $1) }.joined() + "</row>"
        rows += "<row r=\"2\">" + cell("A2", "ivanova-anna") + cell("B2", "Иванова Анна Петровна") + cell("C2", "учитель")
            + cell("D2", "педагог") + cell("E2", "teacher-teacher") + cell("F2", "математика") + "<c r=\"G2\"><v>18</v></c>"
            + cell("H2", "мотивация") + cell("I2", "Ведёт кружок.") + "<c r=\"J2\" t=\"b\"><v>1</v></c><c r=\"K2\"><v>45902</v></c></row>"
        rows += "<row r=\"3\">" + cell("A3", "hidden-mentor") + cell("B3", "Скрытов Секрет Тайнович") + cell("C3", "учитель")
            + cell("D3", "педагог") + cell("E3", "teacher-teacher") + "<c r=\"G3\"><v>5</v></c>" + cell("I3", "—")
            + "<c r=\"J3\" t=\"b\"><v>0</v></c></row>"
        let parts = [
            "[Content_Types].xml": """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/data.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
            """,
            "xl/workbook.xml": """
            <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Наставники" sheetId="1" r:id="rId7"/></sheets></workbook>
            """,
            "xl/_rels/workbook.xml.rels": """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/></Relationships>
            """,
            "xl/worksheets/data.xml": """
            <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(rows)</sheetData></worksheet>
            """,
        ]
        let url = site.root.appendingPathComponent("Content/data/mentors.xlsx")
        func write(_ parts: [String: String]) throws {
            try? FileManager.default.removeItem(at: url)
            let archive = try Archive(url: url, accessMode: .create)
            for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
                let data = Data(text.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
        }
        try write(parts)
        try checkPublished(site)
        #expect(try site.text("all/index.html").contains("<p class=\"mentor-data\">ivanova-anna: [математика] 18 2025-09-02</p>"))

        // A workbook of old Excel for Mac counts days from 1904: the same day is 1462 fewer.
        var mac = parts
        mac["xl/workbook.xml"] = parts["xl/workbook.xml"]!.replacingOccurrences(of: "<sheets>", with: "<workbookPr date1904=\"1\"/><sheets>")
        mac["xl/worksheets/data.xml"] = parts["xl/worksheets/data.xml"]!.replacingOccurrences(of: "<v>45902</v>", with: "<v>44440</v>")
        try write(mac)
        try site.build()
        #expect(try site.text("all/index.html").contains("<p class=\"mentor-data\">ivanova-anna: [математика] 18 2025-09-02</p>"))

        var broken = parts
        broken["xl/worksheets/data.xml"] = parts["xl/worksheets/data.xml"]!.replacingOccurrences(of: "<c r=\"G3\"><v>5</v></c>", with: cell("G3", "пять"))
        try write(broken)
        #expect(site.errorIDs() == ["Content/data/mentors.xlsx:G3 data.wrong-type"])
        var twice = parts
        twice["xl/worksheets/data.xml"] = parts["xl/worksheets/data.xml"]!.replacingOccurrences(of: cell("A3", "hidden-mentor"), with: cell("A3", "ivanova-anna"))
        try write(twice)
        #expect(site.errorIDs() == [
            "Content/data/cases.yml:5:27 data.unknown-reference",
            "Content/data/mentors.xlsx:A3 data.value-not-unique",
            "Content/data/pairs.yml:3:27 data.unknown-reference",
        ])
        // The other place is named by its cell too, in the text the curator reads.
        #expect(site.errors()[1] == "Content/data/mentors.xlsx:A3: error: mentors[1].id: \"ivanova-anna\" is already used at Content/data/mentors.xlsx:A2")
    }

    @Test func aFileThatIsNotAWorkbookIsAnErrorNotACrash() throws {
        let site = try FixtureSite("programme")
        try site.remove("Content/data/mentors.yml")
        try site.write("Content/data/mentors.xlsx", "ФИО;Должность\n")
        #expect(site.errorIDs() == ["Content/data/mentors.xlsx data.workbook-unreadable"])
        #expect(site.errorDiagnostics().first?.message.arguments == ["reason": "data.workbook-not-zip"])
    }
}

extension SpreadsheetTests {
    @Test func portalNewMentorDoesNotMakeASecondSourceBesideASpreadsheet() throws {
        let site = try Self.site(with: "mentors.csv")
        #expect(throws: Diagnostic.self) { try ProgrammeScaffold.create(.mentor, title: "Смирнова Ольга Игоревна", root: site.root) }
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Content/data/mentors.yml").path))
    }
}
