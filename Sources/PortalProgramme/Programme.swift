import PortalContent

/// The mentoring programme as a site's data model: what `SiteLoader.load` is given wherever
/// a site of the programme is loaded (a build, `portal check`, `audit`, `render`, the preview).
public enum Programme {
    public static let dataModel = DataModel(
        schemas: DataSchemas.all,
        resolutionOrder: DataSchemas.resolutionOrder,
        columnLabels: DataLabels.columns,
        rules: ["mentors": Consent.rule],
        derivedPages: { pages, data, today in ReportPages.make(pages: pages, data: data, today: today) })
}
