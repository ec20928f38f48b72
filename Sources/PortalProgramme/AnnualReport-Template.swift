import PortalContent
import PortalTemplates

extension AnnualReport {
    /// The reports a site publishes: those with a page, in a site with a `/report/` section.
    public static func published(site: Site) -> [AnnualReport] {
        guard site.page(at: "/report/") != nil else { return [] }
        return all(site: site).filter { site.page(at: $0.url) != nil }
    }

    /// The annual reports as templates see them (`data.reports`, newest first, and each report
    /// page's `entry`; docs/template-context.md).
    public static func templateValues(site: Site) -> TemplateValue {
        let reports = published(site: site)
        if reports.isEmpty { return [] }
        let config = site.config
        var caseURLs: [String: String] = [:]
        for page in site.pages where page.url.hasPrefix("/cases/") {
            if let id = page.entry?["id"]?.string { caseURLs[id] = config.href(page.url) }
        }
        return .list(reports.reversed().map { report in
            [
                "url": .text(config.href(report.url)),
                "permalink": .text(config.permalink(report.url)),
                "year": .text(report.year.name),
                "tables": .list(report.tables.map { table in
                    [
                        "caption": .text(table.caption),
                        "csv_url": .text(config.href(report.url + table.file)),
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
                    ["title": .text($0.title), "url": .text(config.href($0.url)), "date": $0.date?.templateValue ?? [:]]
                }),
                "documents": .list(report.documents.map { .map($0.fields.templateValues) }),
            ]
        })
    }
}
