import Foundation
import Testing

/// libvips is opened when the first photo is processed, not linked: a build without photos never
/// loads it (nor the ~90 libraries it brings), and where it cannot be loaded each photo is an
/// error where it is used, in the site's language, and nothing is published.
@Suite struct ImageLibraryTests {
    let cli = CommandLineTests()

    /// glibc's loader names every library it opens with LD_DEBUG=files, in LD_DEBUG_OUTPUT.<pid>.
    func loadedLibraries(_ site: FixtureSite) throws -> (status: Int32, log: String) {
        let folder = site.root.deletingLastPathComponent().appendingPathComponent("ld-debug")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let result = try cli.run(["build", "--root", site.root.path, "--output", site.output.path, "--quiet"],
                                 environment: ["LD_DEBUG": "files", "LD_DEBUG_OUTPUT": folder.appendingPathComponent("log").path])
        let log = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined()
        #expect(log.contains("file=libc.so.6"), "LD_DEBUG shows the libraries loaded")
        return (result.status, log)
    }

    @Test func aBuildWithoutPhotosNeverLoadsLibvips() throws {
        let site = try FixtureSite()
        let run = try loadedLibraries(site)
        #expect(run.status == 0)
        for library in ["libvips", "libglib-2.0", "libgobject-2.0", "libgio-2.0"] {
            #expect(!run.log.contains(library), "\(library) loaded")
        }
    }

    @Test func theFirstPhotoLoadsLibvips() throws {
        let site = try ImageTests().siteWithPhoto()
        let run = try loadedLibraries(site)
        #expect(run.status == 0)
        #expect(run.log.contains("file=libvips.so.42"))
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("vstrecha-480w.webp").path))
    }

    @Test func withoutLibvipsEachPhotoIsALocatedErrorAndNothingIsPublished() throws {
        let site = try ImageTests().siteWithPhoto()
        let missing = site.root.appendingPathComponent("no-such-folder/libvips.so.42").path
        let result = try cli.run(["build", "--root", site.root.path, "--output", site.output.path, "--quiet"],
                                 environment: ["PORTAL_LIBVIPS": missing])
        #expect(result.status == 1)
        let reason = "нельзя опубликовать: portal не может загрузить libvips — библиотеку, которая делает копии фотографий "
            + "(\(missing): cannot open shared object file: No such file or directory); на компьютере, где собирается сайт, "
            + "установите её: apt-get install libvips-dev (или выполните make deps)"
        // The photo is shown twice on the page: an error at each place.
        #expect(result.stderr == """
        Content/gallery.md:6:1: error: изображение vstrecha.jpg (Content/vstrecha.jpg) \(reason)
        Content/gallery.md:8:1: error: изображение vstrecha.jpg (Content/vstrecha.jpg) \(reason)
        ошибок: 2: сайт не записан

        """)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }
}
