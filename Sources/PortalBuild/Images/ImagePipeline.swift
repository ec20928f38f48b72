import Foundation
import PortalContent
import PortalCore
import PortalImages

#if canImport(Glibc)
import Glibc
#endif

/// The image stage, before pages are rendered (they need each photo's sizes). Every JPEG, PNG
/// and WebP under Content/ is published as copies made by libvips — turned upright, in sRGB,
/// with no metadata left (EXIF, GPS, XMP, IPTC, maker notes, profiles) — at a few widths, in
/// WebP and in its own format, and at its own address (at most `fullSize`), since a teacher may
/// link to the photo itself. GIF and SVG are published as they are (an SVG with a script is an
/// error). The copies are kept in `.portal-cache/images/<key>/`, the key made of the photo's
/// content hash and the settings: a rebuild with unchanged photos does no image work.
enum ImagePipeline {
    static let processedExtensions: Set<String> = ["jpg", "jpeg", "png", "webp"]
    static let passedExtensions: Set<String> = ["gif", "svg"]
    /// Formats phones and cameras write that browsers do not all show (and that carry metadata).
    static let unsupportedExtensions: Set<String> = ["heic", "heif", "avif", "tif", "tiff", "bmp", "jfif", "jp2", "dng", "cr2", "nef", "arw", "psd"]

    static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    static func isImagePath(_ path: String) -> Bool {
        let ext = fileExtension(path)
        return processedExtensions.contains(ext) || passedExtensions.contains(ext) || unsupportedExtensions.contains(ext)
    }

    static func cacheFolder(cache: URL) -> URL {
        cache.appendingPathComponent("images")
    }

    /// Processes (or takes from the cache) every image among `files` (copied from Content/,
    /// `destination` relative to Content/). Problems with a file are kept in the table, to be
    /// reported where a page or data entry uses the file; big originals are warned about here.
    static func run(files: [StaticFile], inputs: [String: BuildCache.Input], cache: URL, settings: ImageSettings,
                    log: inout DiagnosticLog) -> ImageTable {
        let images = files.filter { isImagePath($0.destination) }
        let cache = cacheFolder(cache: cache).path
        let results = images.concurrentMap { file -> Outcome in
            process(file, input: inputs["Content/" + file.destination], cache: cache, settings: settings)
        }
        var table: [String: ProcessedImage] = [:]
        var failures: [String: Message] = [:]
        var passed: Set<String> = []
        var made = 0, reused = 0
        for (file, outcome) in zip(images, results) {
            log.append(contentsOf: outcome.diagnostics)
            switch outcome.result {
            case .processed(let image, let fresh):
                table[file.destination] = image
                if fresh { made += 1 } else { reused += 1 }
            case .passed: passed.insert(file.destination)
            case .failed(let reason): failures[file.destination] = reason
            }
        }
        return ImageTable(images: table, failures: failures, passedThrough: passed, made: made, reused: reused,
                          settings: settings, keys: Set(results.compactMap(\.key)))
    }

    struct Outcome: Sendable {
        enum Result: Sendable {
            case processed(ProcessedImage, fresh: Bool)
            case passed
            case failed(Message)
        }
        var result: Result
        var diagnostics: [Diagnostic] = []
        var key: String? = nil
    }

    static func process(_ file: StaticFile, input: BuildCache.Input?, cache: String, settings: ImageSettings) -> Outcome {
        let ext = fileExtension(file.destination)
        let location = SourceLocation(path: "Content/" + file.destination)
        var info = stat()
        let size = stat(file.source, &info) == 0 ? Int(info.st_size) : 0
        if unsupportedExtensions.contains(ext) {
            return Outcome(result: .failed(.imageFormatUnsupported(ext: ext)))
        }
        if size == 0 {
            return Outcome(result: .failed(.imageEmpty))
        }
        if ext == "svg" {
            let bytes = [UInt8](FileManager.default.contents(atPath: file.source) ?? Data())
            if let found = SVGCheck.scripts(in: bytes) {
                return Outcome(result: .passed, diagnostics: [.error(
                    at: SourceLocation(path: location.path, line: found.line, column: found.column),
                    .imageSVGScript(what: found.what))])
            }
            return Outcome(result: .passed)
        }
        if ext == "gif" {
            do { _ = try Vips.probe(file.source) } catch { return Outcome(result: .failed(damaged(error))) }
            return Outcome(result: .passed)
        }
        let format: ImageFormat = ext == "png" ? .png : ext == "webp" ? .webp : .jpeg
        var key = StableHash()
        key.combine(input?.hash ?? BuildCache.hashFile(file.source) ?? "")
        key.combine(settings.key)
        key.combine(format.rawValue)
        let folder = cache + "/" + key.hex
        var outcome: Outcome
        if let cached = Manifest.read(folder: folder, source: file.destination, format: format) {
            // Marks the folder as in use, so that another build's pruning leaves it alone.
            _ = utimes(folder, nil)
            outcome = Outcome(result: .processed(cached, fresh: false))
        } else {
            do {
                let image = try make(file, format: format, folder: folder, cache: cache, settings: settings)
                outcome = Outcome(result: .processed(image, fresh: true))
            } catch {
                return Outcome(result: .failed(damaged(error)))
            }
        }
        outcome.key = key.hex
        if case .processed(let image, _) = outcome.result,
           size > settings.warnBytes || max(image.originalWidth, image.originalHeight) > settings.warnPixels {
            let megabytes = String(format: "%.1f", Double(size) / 1_048_576)
            outcome.diagnostics.append(.warning(
                at: location,
                .imageTooLarge(megabytes: megabytes, width: image.originalWidth, height: image.originalHeight)))
        }
        return outcome
    }

    static func damaged(_ error: ImageError) -> Message {
        if error.libraryUnavailable { return .imageLibraryUnavailable(detail: error.message) }
        let detail = error.message.split(separator: "\n").first.map(String.init) ?? error.message
        return .imageDamaged(detail: detail)
    }

    /// Makes every copy of one photo in a private folder, then moves the folder into the cache.
    static func make(_ file: StaticFile, format: ImageFormat, folder: String, cache: String,
                     settings: ImageSettings) throws(ImageError) -> ProcessedImage {
        let info = try Vips.probe(file.source)
        // Private to this call: two files with the same bytes are made at once on two threads.
        let work = cache + "/.making-\(getpid())-" + UUID().uuidString
        try? FileManager.default.removeItem(atPath: work)
        do {
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        } catch {
            throw ImageError(message: "cannot create \(work): \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(atPath: work) }
        var entries: [Manifest.Entry] = []
        func save(_ raster: Raster, name: String, as format: ImageFormat) throws(ImageError) {
            let fileName = "\(name).\(format.fileExtension)"
            try raster.save(to: work + "/" + fileName, as: format, quality: settings.quality)
            var info = stat()
            _ = stat(work + "/" + fileName, &info)
            entries.append(Manifest.Entry(name: name, format: format, width: raster.width, height: raster.height,
                                          size: Int(info.st_size), hash: BuildCache.hashFile(work + "/" + fileName) ?? ""))
        }
        let full = try Vips.thumbnail(file.source, width: settings.fullSize, height: settings.fullSize, toSRGB: info.hasProfile)
        try save(full, name: "full", as: format)
        let largest = settings.widths.max() ?? full.width
        let widths = settings.widths.filter { $0 < full.width } + (full.width <= largest ? [full.width] : [])
        let formats = settings.modern + (settings.modern.contains(format) ? [] : [format])
        for width in widths {
            let raster = width == full.width ? full : try Vips.thumbnail(file.source, width: width, toSRGB: info.hasProfile)
            for variantFormat in formats { try save(raster, name: String(width), as: variantFormat) }
        }
        Manifest.write(folder: work, original: (info.width, info.height), entries: entries)
        // Another build may have made the same folder meanwhile: its copies are the same bytes.
        if rename(work, folder) != 0 && access(folder + "/" + Manifest.name, F_OK) != 0 {
            throw ImageError(message: "cannot move \(work) to \(folder): \(String(cString: strerror(errno)))")
        }
        guard let image = Manifest.read(folder: folder, source: file.destination, format: format) else {
            throw ImageError(message: "cannot read back \(folder)/\(Manifest.name)")
        }
        return image
    }

    /// How long a cached photo nobody used stays: another build of the same site (`portal serve`
    /// beside `portal build`, into another output) may be about to copy from it.
    static let pruneAfterSeconds = 3600

    /// Removes cached photos this build did not use and no build has used for an hour (older
    /// versions of edited photos): the cache is portal's own folder.
    static func prune(cache: URL, keep: Set<String>, now: Int = Int(time(nil))) {
        let folder = cacheFolder(cache: cache).path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where !keep.contains(name) {
            var info = stat()
            guard stat(folder + "/" + name, &info) == 0, now - info.st_mtim.tv_sec >= pruneAfterSeconds else { continue }
            if name.hasPrefix(".making-") {
                // Left by a build that was killed (its process is gone).
                let pid = name.split(separator: "-").dropFirst().first.flatMap { Int32($0) } ?? 0
                if pid != getpid() && kill(pid, 0) != 0 { try? FileManager.default.removeItem(atPath: folder + "/" + name) }
            } else if name.count == 16 {
                try? FileManager.default.removeItem(atPath: folder + "/" + name)
            }
        }
    }
}

/// `manifest.txt` in a photo's cache folder: the original's size, then one line per copy.
///   original<TAB>width<TAB>height
///   <name><TAB>format<TAB>width<TAB>height<TAB>size<TAB>hash     (name: full, or the width)
enum Manifest {
    static let name = "manifest.txt"

    struct Entry {
        var name: String
        var format: ImageFormat
        var width: Int
        var height: Int
        var size: Int
        var hash: String
    }

    static func write(folder: String, original: (Int, Int), entries: [Entry]) {
        var text = "original\t\(original.0)\t\(original.1)\n"
        for e in entries {
            text += "\(e.name)\t\(e.format.rawValue)\t\(e.width)\t\(e.height)\t\(e.size)\t\(e.hash)\n"
        }
        try? Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
    }

    static func read(folder: String, source: String, format: ImageFormat) -> ProcessedImage? {
        guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { return nil }
        var original = (0, 0)
        var full: ImageVariant?
        var variants: [ImageVariant] = []
        let base = source.lastIndex(of: ".").map { String(source[..<$0]) } ?? source
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let f = line.split(separator: "\t").map(String.init)
            if f.first == "original", f.count == 3, let w = Int(f[1]), let h = Int(f[2]) { original = (w, h); continue }
            guard f.count == 6, let variantFormat = ImageFormat(rawValue: f[1]), let w = Int(f[2]), let h = Int(f[3]),
                  let size = Int(f[4]) else { return nil }
            let cacheFile = folder + "/" + f[0] + "." + variantFormat.fileExtension
            guard access(cacheFile, R_OK) == 0 else { return nil }
            if f[0] == "full" {
                full = ImageVariant(width: w, height: h, format: variantFormat, path: source, size: size, hash: f[5], cacheFile: cacheFile)
            } else {
                variants.append(ImageVariant(width: w, height: h, format: variantFormat,
                                             path: "\(base)-\(f[0])w.\(variantFormat.fileExtension)",
                                             size: size, hash: f[5], cacheFile: cacheFile))
            }
        }
        guard let full, full.format == format, original.0 > 0 else { return nil }
        variants.sort { ($0.width, $0.format.rawValue) < ($1.width, $1.format.rawValue) }
        return ProcessedImage(source: source, full: full, variants: variants, originalWidth: original.0, originalHeight: original.1)
    }
}
