import Foundation
@testable import PortalBuild
import PortalCore
import Testing

/// A failed write says what failed in the site's language, wholly: a Russian message names
/// the action in Russian, not `(move into place)`.
@Suite struct OutputMessagesTests {
    @Test func aFailedWriteIsReportedInRussianThroughout() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-write-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = OutputWriter(output: folder.appendingPathComponent("Public"))
        // The staging folder was never made: the file cannot be opened.
        guard case .failure(let failure) = writer.write("<p>текст</p>", to: "news/index.html") else {
            Issue.record("a write into a missing folder succeeded")
            return
        }
        #expect(failure.message.id == "output.io-failed")
        #expect(failure.message.arguments["path"] == "\(writer.stagingPath)/news/index.html")
        #expect(failure.message.russian == "не удаётся записать \(writer.stagingPath)/news/index.html: No such file or directory")
        #expect(failure.message.english == "cannot write \(writer.stagingPath)/news/index.html: No such file or directory")
    }
}
