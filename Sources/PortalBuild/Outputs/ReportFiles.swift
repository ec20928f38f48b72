import PortalContent
import PortalProgramme

/// The annual reports' tables as CSV files beside each report page, for the region's reporting
/// (what templates see of the reports: `AnnualReport.templateValues`, PortalProgramme).
enum ReportFiles {
    static func outputs(site: Site) -> [ExtraOutputs.Output] {
        AnnualReport.published(site: site).flatMap { report in
            report.tables.map { table in
                ExtraOutputs.Output(path: String(report.url.dropFirst()) + table.file, content: AnnualReport.csv(table),
                                    reason: "a table of the annual report")
            }
        }
    }
}
