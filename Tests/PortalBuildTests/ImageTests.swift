import Foundation
import PortalBuild
import PortalCore
import PortalImages
import Testing

/// Photos: processed copies, no metadata, errors where a broken file is used, the image cache.
@Suite struct ImageTests {
    static let photo = testsDirectory.appendingPathComponent("Fixtures/images/gps-photo.jpg")

    /// A site with the phone photo (EXIF camera and serial, GPS, XMP, a comment; orientation 6)
    /// shown twice on a page.
    func siteWithPhoto(_ name: String = "basic") throws -> FixtureSite {
        let site = try FixtureSite(name)
        try FileManager.default.copyItem(at: Self.photo, to: site.root.appendingPathComponent("Content/vstrecha.jpg"))
        try site.write("Content/gallery.md", """
        ---
        title: Фотографии
        ---
        Встреча наставников.

        ![Наставники на встрече](vstrecha.jpg "Сентябрь")

        ![Ещё раз](vstrecha.jpg)

        """)
        return site
    }

    func outputFiles(_ site: FixtureSite) -> [String: Data] {
        var files: [String: Data] = [:]
        for entry in FileTree.walk(site.output.path) where entry.kind == .file {
            files[entry.path] = FileManager.default.contents(atPath: site.output.path + "/" + entry.path)
        }
        return files
    }

    @Test func noMetadataLeavesTheBuildAndTheOrientationIsApplied() throws {
        let site = try siteWithPhoto()
        let report = try site.build()
        #expect(report.imagesMade == 1)
        let files = outputFiles(site)
        #expect(Set(files.keys.filter { $0.hasPrefix("vstrecha") }) == ["vstrecha.jpg", "vstrecha-480w.jpg", "vstrecha-480w.webp"])
        let secrets = ["GPS", "PortalPhone", "SERIAL-PORTAL", "Model X", "Exif", "ns.adobe.com/xap", "41,58"]
        for (path, bytes) in files {
            for secret in secrets where path.hasSuffix(".jpg") || path.hasSuffix(".webp") || !["GPS", "Exif"].contains(secret) {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(path) holds \(secret)")
            }
        }
        // Stored 640 × 480 with orientation 6: published upright, 480 × 640.
        for name in ["vstrecha.jpg", "vstrecha-480w.jpg", "vstrecha-480w.webp"] {
            let info = try Vips.probe(site.output.appendingPathComponent(name).path)
            #expect(info.width == 480 && info.height == 640, "\(name)")
            #expect(!info.hasProfile)
        }
        let html = try site.html("gallery/index.html")
        #expect(html.contains(#"<picture><source type="image/webp" srcset="/vstrecha-480w.webp 480w" sizes="(min-width: 48rem) 44rem, 100vw"><img src="/vstrecha-480w.jpg" srcset="/vstrecha-480w.jpg 480w" sizes="(min-width: 48rem) 44rem, 100vw" width="480" height="640" alt="Наставники на встрече" title="Сентябрь" decoding="async"></picture>"#))
        // Only the first image of the page is fetched at once.
        #expect(html.components(separatedBy: #"loading="lazy""#).count == 2)
        #expect(html.contains(#"alt="Ещё раз" loading="lazy" decoding="async">"#))
    }

    @Test func widthsAreNeverEnlargedAndSettingsRedoTheCopies() throws {
        let site = try siteWithPhoto()
        try site.write("Content/site.yml", try site.read("Content/site.yml") + "images:\n  widths: [200, 400, 3000]\n  quality: 70\n")
        try site.build()
        let names = Set(outputFiles(site).keys.filter { $0.hasPrefix("vstrecha") })
        #expect(names == ["vstrecha.jpg", "vstrecha-200w.jpg", "vstrecha-200w.webp", "vstrecha-400w.jpg", "vstrecha-400w.webp",
                          "vstrecha-480w.jpg", "vstrecha-480w.webp"])
        #expect(try site.html("gallery/index.html").contains(#"srcset="/vstrecha-200w.webp 200w, /vstrecha-400w.webp 400w, /vstrecha-480w.webp 480w""#))
    }

    @Test func aRebuildWithUnchangedPhotosDoesNoImageWorkAndStaysByteIdentical() throws {
        let site = try siteWithPhoto()
        #expect(try site.build().imagesMade == 1)
        let first = outputFiles(site).filter { $0.key.hasPrefix("vstrecha") }
        // Another page changes: the build runs, the photo comes from the cache.
        try site.write("Content/about.md", try site.read("Content/about.md") + "\nЕщё абзац.\n")
        let second = try site.build()
        #expect(second.imagesMade == 0 && second.imagesReused == 1)
        // Other settings: made again.
        try site.write("Content/site.yml", try site.read("Content/site.yml") + "images:\n  quality: 50\n")
        #expect(try site.build().imagesMade == 1)
        let changed = outputFiles(site).filter { $0.key.hasPrefix("vstrecha") }
        #expect(changed["vstrecha-480w.jpg"] != first["vstrecha-480w.jpg"])
        // Back to the first settings, with no cache at all: the same bytes as the first build.
        try site.write("Content/site.yml", try site.read("Content/site.yml").replacingOccurrences(of: "images:\n  quality: 50\n", with: ""))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".portal-cache"))
        #expect(try site.build().imagesMade == 1)
        #expect(outputFiles(site).filter { $0.key.hasPrefix("vstrecha") } == first)
    }

    /// Another build of the same site (a preview beside a build) may be about to copy from a
    /// cached photo this build does not use: only photos no build has used for an hour go.
    @Test func theImageCacheKeepsWhatAnotherBuildMayStillUse() throws {
        let site = try siteWithPhoto()
        let cache = site.root.appendingPathComponent(".portal-cache/images").path
        func folders() throws -> Set<String> {
            Set(try FileManager.default.contentsOfDirectory(atPath: cache).filter { !$0.hasPrefix(".") })
        }
        try site.build()
        let first = try folders()
        #expect(first.count == 1)
        try site.write("Content/site.yml", try site.read("Content/site.yml") + "images:\n  quality: 50\n")
        try site.build()
        let both = try folders()
        #expect(both.count == 2 && both.isSuperset(of: first), "the folder used a moment ago stays")
        // Two hours later: the photo this build uses is kept (and marked as used), the other goes.
        var old = [timeval(tv_sec: time(nil) - 7200, tv_usec: 0), timeval(tv_sec: time(nil) - 7200, tv_usec: 0)]
        for name in both { #expect(utimes(cache + "/" + name, &old) == 0) }
        try site.write("Content/about.md", try site.read("Content/about.md") + "\nЕщё абзац.\n")
        #expect(try site.build().imagesReused == 1)
        #expect(try folders() == both.subtracting(first))
    }

    @Test func brokenImagesAreErrorsWhereTheyAreUsedAndNothingIsPublished() throws {
        let site = try siteWithPhoto()
        try site.build()
        let before = try site.snapshot()
        let bytes = [UInt8](try Data(contentsOf: Self.photo))
        try site.writeBytes("Content/cut.jpg", Array(bytes.prefix(bytes.count / 2)))
        try site.writeBytes("Content/noise.png", Array("this is not a picture at all".utf8))
        try site.writeBytes("Content/empty.webp", [])
        try site.writeBytes("Content/iphone.heic", [0, 0, 0, 24])
        try site.write("Content/about.md", try site.read("Content/about.md") + "\n![Обрезанное фото](cut.jpg) и ![шум](noise.png)\n")
        let errors = site.errorDiagnostics()
        // The images are on the last line of the file.
        let line = try site.read("Content/about.md").split(separator: "\n", omittingEmptySubsequences: false).count - 1
        func said(_ said: String) -> Message? { errors.first { $0.said == said }?.message }
        let cut = said("Content/about.md:\(line):1 image.use-unpublishable")
        #expect(cut?.arguments["image"] == "cut.jpg" && cut?.arguments["reason"] == "image.damaged", "\(errors.map(\.said))")
        #expect(errors.contains { $0.said.hasPrefix("Content/about.md:\(line):") && $0.message.arguments["image"] == "noise.png" })
        #expect(said("Content/empty.webp image.unpublishable")?.arguments == ["reason": "image.empty"])
        #expect(said("Content/iphone.heic image.unpublishable")?.arguments == ["reason": "image.format-unsupported", "ext": "heic"])
        #expect(try site.snapshot() == before)
    }

    @Test func aBrokenPhotoInDataIsAnErrorAtItsEntry() throws {
        let site = try FixtureSite()
        try site.writeBytes("Content/anna.jpg", Array("not a photo".utf8))
        try site.write("Content/data/mentors.yml", try site.read("Content/data/mentors.yml").replacingOccurrences(
            of: "  consent: true\n", with: "  consent: true\n  photo: anna.jpg\n  photo_alt: Анна Петровна\n"))
        #expect(site.errorDiagnostics().contains {
            $0.said == "Content/data/mentors.yml:1:3 image.use-unpublishable" && $0.message.arguments["image"] == "photo: anna.jpg"
                && $0.message.arguments["reason"] == "image.damaged"
        })
    }

    @Test func avifIsOfferedFirstWhenAskedFor() throws {
        let site = try siteWithPhoto()
        try site.write("Content/site.yml", try site.read("Content/site.yml") + "images:\n  avif: true\n")
        try site.build()
        let avif = try Data(contentsOf: site.output.appendingPathComponent("vstrecha-480w.avif"))
        #expect(avif.range(of: Data("Exif".utf8)) == nil && avif.range(of: Data("GPS".utf8)) == nil)
        #expect(try site.html("gallery/index.html").contains(#"<picture><source type="image/avif" srcset="/vstrecha-480w.avif 480w" sizes="(min-width: 48rem) 44rem, 100vw"><source type="image/webp""#))
    }

    @Test func anSVGWithAScriptIsAnError() throws {
        let site = try FixtureSite()
        try site.write("Content/files/plan.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <circle r=\"4\" onclick=\"steal()\"/>\n</svg>\n")
        #expect(site.errorDiagnostics().contains { $0.said == "Content/files/plan.svg:2:17 image.svg-script" && $0.message.arguments["what"]?.hasPrefix("onclick=") == true })
        try site.write("Content/files/plan.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")
        #expect(site.errorDiagnostics().contains { $0.said == "Content/files/plan.svg:1:41 image.svg-script" && $0.message.arguments["what"] == "<script>" })
    }

    @Test func svgAndGifPassUnchanged() throws {
        let site = try FixtureSite()
        // The smallest GIF there is: one transparent pixel.
        let gif: [UInt8] = Array("GIF89a".utf8) + [1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x21, 0xF9, 4, 1, 0, 0, 0, 0,
                                                    0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3B]
        try site.writeBytes("Content/files/dot.gif", gif)
        try site.write("Content/about.md", try site.read("Content/about.md") + "\n![Точка](files/dot.gif) ![План](files/plan.svg)\n")
        try site.build()
        #expect(try Data(contentsOf: site.output.appendingPathComponent("files/plan.svg"))
                == Data(contentsOf: site.root.appendingPathComponent("Content/files/plan.svg")))
        #expect(try [UInt8](Data(contentsOf: site.output.appendingPathComponent("files/dot.gif"))) == gif)
        let html = try site.html("about/index.html")
        #expect(html.contains(#"<img src="/files/dot.gif" alt="Точка" />"#) && !html.contains("dot-"))
    }

    @Test func aHugeOriginalIsAWarning() throws {
        let site = try FixtureSite()
        try FileManager.default.copyItem(at: testsDirectory.appendingPathComponent("Fixtures/images/wide.png"),
                                         to: site.root.appendingPathComponent("Content/wide.png"))
        let report = try site.build()
        #expect(report.warnings.contains {
            $0.said == "Content/wide.png image.too-large" && $0.message.arguments == ["megabytes": "0.0", "width": "8100", "height": "4"]
        })
        #expect(throws: BuildFailure.self) { try site.build(strict: true) }
    }
}
