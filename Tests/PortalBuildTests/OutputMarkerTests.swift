import Foundation
@testable import PortalBuild
import PortalCore
import Testing

/// The marker `.portal-output` vouches for a folder only when it says what portal wrote: an
/// empty or cut-short marker (a crash while it was written, a file someone made) or one of
/// another program vouches for nothing, and the files beside it are kept.
@Suite struct OutputMarkerTests {
    let fm = FileManager.default

    func marker(_ site: FixtureSite) -> URL { site.output.appendingPathComponent(".portal-output") }

    @Test func aMarkerThatListsNothingReadableDoesNotMakeTheFolderPortals() throws {
        let site = try FixtureSite()
        try site.build()
        let notes = site.output.appendingPathComponent("notes.txt")
        try Data("мои заметки".utf8).write(to: notes)
        try site.write("Content/about.md", "---\ntitle: Снова\n---\n")
        for broken in ["", "{\"files\": [\"index.h", "#!/bin/sh\n"] {
            try Data(broken.utf8).write(to: marker(site))
            let errors = site.errors()
            #expect(errors.count == 1 && errors[0].contains("holds .portal-output, which portal did not write"), "\(broken): \(errors)")
            #expect(try String(contentsOf: notes, encoding: .utf8) == "мои заметки")
        }
    }

    @Test func anOlderPortalsMarkerStillVouchesForItsFolder() throws {
        let site = try FixtureSite()
        try site.build()
        try Data(OutputFolder.legacyMarker.utf8).write(to: marker(site))
        try site.write("Content/about.md", "---\ntitle: Снова\n---\n")
        try site.build()
        #expect(try site.html("about/index.html").contains("Снова"))
        // The new marker lists the files.
        #expect(try String(contentsOf: marker(site), encoding: .utf8).contains("\"about/index.html\""))
    }
}
