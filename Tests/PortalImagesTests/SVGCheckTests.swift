import PortalImages
import Testing

@Suite struct SVGCheckTests {
    func find(_ text: String) -> SVGCheck.Finding? { SVGCheck.scripts(in: Array(text.utf8)) }

    @Test func aCleanDrawingPasses() {
        #expect(find("<svg xmlns=\"http://www.w3.org/2000/svg\"><circle cx=\"5\" opacity=\"1\" onion-ring=\"1\"/></svg>") == nil)
        // Text that merely mentions script or onload is not markup.
        #expect(find("<svg><text x=\"1\">a \"onload=\" and script</text></svg>") == nil)
    }

    @Test func scriptElementsAndEventAttributesAreFound() {
        #expect(find("<svg>\n  <SCRIPT>alert(1)</SCRIPT></svg>") == .init(line: 2, column: 3, what: "<script>"))
        #expect(find("<svg\n onLoad = \"alert(1)\">") == .init(line: 2, column: 2, what: "onload="))
        #expect(find("<svg><a href=\"javascript:alert(1)\">x</a></svg>")?.what == "javascript:")
    }
}
