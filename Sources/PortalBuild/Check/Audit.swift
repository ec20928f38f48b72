import Foundation
import PortalContent
import PortalCore
import PortalProgramme

/// `portal audit`: the personal data a build with these options publishes, read from the
/// sources by the build's own rules (the data model's, drafts and dates).
public enum Audit {
    public static func run(_ options: BuildOptions) throws(BuildFailure) -> (items: [PersonalDatum], language: String) {
        let (site, _) = try SiteLoader.load(root: options.root.standardizedFileURL, model: options.dataModel, options: LoadOptions(
            includeDrafts: options.includeDrafts, includeFuture: options.includeFuture, today: options.today))
        return (PersonalDataAudit.items(site: site), site.config.language)
    }
}
