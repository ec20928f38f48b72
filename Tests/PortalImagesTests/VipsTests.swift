import Foundation
import PortalImages
import Testing

@Suite struct VipsTests {
    static let photo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/images/gps-photo.jpg").path

    @Test func theHeaderIsReadUpright() throws {
        let info = try Vips.probe(Self.photo)
        #expect(info.width == 480 && info.height == 640 && info.format == .jpeg && info.loader == "jpegload")
    }

    @Test func aCopyIsShrunkNeverEnlargedAndSavedWithoutMetadata() throws {
        let small = try Vips.thumbnail(Self.photo, width: 120, toSRGB: false)
        #expect(small.width == 120 && small.height == 160)
        let same = try Vips.thumbnail(Self.photo, width: 5000, toSRGB: false)
        #expect(same.width == 480 && same.height == 640)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-vips-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in [ImageFormat.jpeg, .png, .webp] {
            let path = folder.appendingPathComponent("a." + format.fileExtension).path
            try small.save(to: path, as: format, quality: 80)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(bytes.range(of: Data("Exif".utf8)) == nil && bytes.range(of: Data("GPS".utf8)) == nil)
            #expect(try Vips.probe(path).format == format)
        }
    }

    @Test func notAnImageIsAnErrorInLibvipsWords() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("portal-vips-\(UUID().uuidString).jpg").path
        try Data("hello".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: ImageError.self) { try Vips.probe(path) }
    }
}
