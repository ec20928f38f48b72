import PortalContent
import PortalProgramme
import PortalTemplates

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

    static func templateValues(site: Site) -> TemplateValue {
        let reports = reports(site: site)
        if reports.isEmpty { return [] }
        var caseURLs: [String: String] = [:]
        for page in site.pages where page.url.hasPrefix("/cases/") {
            if let id = page.entry?["id"]?.string { caseURLs[id] = site.config.href(page.url) }
        }
        return .list(reports.reversed().map { report in
            [
                "url": .text(site.config.href(report.url)),
                "permalink": .text(PageSummary.permalink(report.url, config: site.config)),
                "year": .text(report.year.name),
                "tables": .list(report.tables.map { table in
                    [
                        "caption": .text(table.caption),
                        "csv_url": .text(site.config.href(report.url + table.file)),
                        "file": .text(table.file),
                        "header": .texts(table.header),
                        "rows": .list(table.rows.map { ["head": .text($0.first ?? ""), "cells": .texts(Array($0.dropFirst()))] }),
                        "has_rows": .bool(!table.rows.isEmpty),
                    ]
                }),
                "cases": .list(report.cases.map { entry in
                    var c = entry.fields.templateValues
                    if let id = entry.id, let url = caseURLs[id] { c["url"] = .text(url) }
                    return .map(c)
                }),
                "events": .list(report.events.map {
                    ["title": .text($0.title), "url": .text(site.config.href($0.url)), "date": $0.date?.templateValue ?? [:]]
                }),
                "documents": .list(report.documents.map { .map($0.fields.templateValues) }),
            ]
        })
    }
}
