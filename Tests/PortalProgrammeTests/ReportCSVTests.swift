@testable import PortalProgramme
import Testing

@Suite struct ReportCSVTests {
    /// A title typed in a data file must not run as a formula when the region's officer opens
    /// the CSV in Excel; the report's own signed figures stay numbers.
    @Test func textThatASpreadsheetWouldRunIsNeutralised() {
        let table = AnnualReport.Table(file: "cases.csv", caption: "Кейсы", header: ["Название", "Изменение"], rows: [
            ["=HYPERLINK(\"http://x\";\"y\")", "+1,5"],
            ["@SUM(A1)", "-2"],
            ["-минус в начале", "+12 300"],
            ["Обычный; с точкой с запятой", "0"],
        ])
        #expect(AnnualReport.csv(table) == "\u{FEFF}Название;Изменение\r\n"
            + "\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\";+1,5\r\n"
            + "'@SUM(A1);-2\r\n"
            + "'-минус в начале;+12 300\r\n"
            + "\"Обычный; с точкой с запятой\";0\r\n")
    }
}
