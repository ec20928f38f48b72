import Foundation
@testable import PortalBuild
import PortalContent
import PortalProgramme
import Testing

/// Pages render longest lists first (so that no core is left with a tag page at the end), and
/// what the build keeps of them is back in page order.
@Suite struct RenderOrderTests {
    @Test func pagesWithLongerListsComeFirstTheOthersInPageOrder() throws {
        let fixture = try FixtureSite()
        let site = try SiteLoader.load(root: fixture.root, model: Programme.dataModel).0
        let order = Builder.renderOrder(site)
        #expect(order.sorted() == Array(site.pages.indices), "every page once")
        let listed = order.map { site.childrenByURL[site.pages[$0].url]?.count ?? 0 }
        #expect(listed == listed.sorted(by: >), "\(listed)")
        #expect(listed.first ?? 0 > 1, "the fixture has a section with several pages")
        let unlisted = order.filter { (site.childrenByURL[site.pages[$0].url]?.count ?? 0) == 0 }
        #expect(unlisted == unlisted.sorted(), "pages without lists keep their order")
        #expect(order != Array(site.pages.indices), "the order differs from page order")
    }
}
