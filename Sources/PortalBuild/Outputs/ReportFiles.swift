import PortalContent
import PortalProgramme

/// The annual reports as templates see them (`data.reports`, and each report page's `entry`),
/// and their tables as CSV files beside each report page for the region's reporting.
enum ReportFiles {
    static func reports(site: Site) -> [AnnualReport] {
        guard site.page(at: "/report/") != nil else { return [] }
        return AnnualReport.all(site: site).filter { site.page(at: $0.url) != nil }
    }

    static func outputs(site: Site) -> [ExtraOutputs.Output] {
        reports(site: site).flatMap { report in
            report.tables.map { table in
                ExtraOutputs.Output(path: String(report.url.dropFirst()) + table.file, content: AnnualReport.csv(table),
                                    reason: "a table of the annual report")
            }
        }
    }

    static func templateValues(site: Site) -> [[String: Any]] {
        let reports = reports(site: site)
        if reports.isEmpty { return [] }
        var caseURLs: [String: String] = [:]
        for page in site.pages where page.url.hasPrefix("/cases/") {
            if let id = page.entry?["id"]?.string { caseURLs[id] = site.config.href(page.url) }
        }
        return reports.reversed().map { report in
            [
                "url": site.config.href(report.url),
                "permalink": PageSummary.permalink(report.url, config: site.config),
                "year": report.year.name,
                "tables": report.tables.map { table -> [String: Any] in
                    [
                        "caption": table.caption,
                        "csv_url": site.config.href(report.url + table.file),
                        "file": table.file,
                        "header": table.header,
                        "rows": table.rows.map { ["head": $0.first ?? "", "cells": Array($0.dropFirst())] },
                        "has_rows": !table.rows.isEmpty,
                    ]
                },
                "cases": report.cases.map { entry -> [String: Any] in
                    var c = entry.fields.mapValues(\.templateValue)
                    if let id = entry.id, let url = caseURLs[id] { c["url"] = url }
                    return c
                },
                "events": report.events.map { ["title": $0.title, "url": site.config.href($0.url), "date": $0.date?.templateValue ?? [:]] as [String: Any] },
                "documents": report.documents.map { $0.fields.mapValues(\.templateValue) },
            ] as [String: Any]
        }
    }
}
