import CPortalVips
import Foundation

/// The raster formats portal reads and writes.
public enum ImageFormat: String, Sendable, CaseIterable {
    case jpeg, png, webp, avif

    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        case .webp: "webp"
        case .avif: "avif"
        }
    }

    public var mimeType: String { "image/" + rawValue }

    var code: Int32 {
        switch self {
        case .jpeg: Int32(PORTAL_VIPS_JPEG)
        case .png: Int32(PORTAL_VIPS_PNG)
        case .webp: Int32(PORTAL_VIPS_WEBP)
        case .avif: Int32(PORTAL_VIPS_AVIF)
        }
    }

    /// The format of libvips' loader ("jpegload" → jpeg), nil for one portal does not publish.
    init?(loader: String) {
        if loader.hasPrefix("jpegload") { self = .jpeg }
        else if loader.hasPrefix("pngload") { self = .png }
        else if loader.hasPrefix("webpload") { self = .webp }
        else { return nil }
    }
}

/// What an image's header says, with width and height as the image is seen (orientation applied).
public struct ImageInfo: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// libvips' loader ("jpegload", "heifload", …).
    public var loader: String
    /// Its format when it is one portal publishes (JPEG, PNG, WebP).
    public var format: ImageFormat?
    public var hasProfile: Bool
    public var pages: Int
}

/// Why libvips could not do something, in its own words.
public struct ImageError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// libvips itself could not be loaded (not installed, or another version): no image can be
    /// processed; `message` is the loader's reason.
    public var libraryUnavailable: Bool
    public var description: String { message }
    public init(message: String, libraryUnavailable: Bool = false) {
        self.message = message
        self.libraryUnavailable = libraryUnavailable
    }
}

/// The one place that talks to libvips. It is thread-safe: call from any thread; each image is
/// processed by the calling thread alone (libvips' own workers are limited to one per call), so
/// a build on every core does not start cores × cores threads.
public enum Vips {
    /// Loads and starts libvips (once; later calls do nothing). It is loaded on first use, not
    /// linked: a build without photos never loads it (see docs/performance.md).
    public static func start() throws(ImageError) {
        let result = portal_vips_start(1)
        if result == Int32(PORTAL_VIPS_UNAVAILABLE) {
            var error = lastError()
            error.libraryUnavailable = true
            throw error
        }
        if result != 0 { throw lastError() }
    }

    /// The libvips version ("8.14.1"; "" when it cannot be loaded). Loads libvips.
    public static var version: String { String(cString: portal_vips_version()) }

    /// Whether this libvips can write `format` (AVIF needs libheif with an AV1 encoder).
    public static func canSave(_ format: ImageFormat) -> Bool {
        (try? start()) != nil && portal_vips_can_save(format.code) != 0
    }

    /// Reads the header only.
    public static func probe(_ path: String) throws(ImageError) -> ImageInfo {
        try start()
        var info = portal_vips_info()
        guard portal_vips_probe(path, &info) == 0 else { throw lastError() }
        let loader = withUnsafeBytes(of: info.loader) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        // Orientations 5…8 turn the picture a quarter: width and height swap.
        let swapped = (5...8).contains(info.orientation)
        return ImageInfo(width: Int(swapped ? info.height : info.width), height: Int(swapped ? info.width : info.height),
                         loader: loader, format: ImageFormat(loader: loader), hasProfile: info.has_profile != 0,
                         pages: Int(info.pages))
    }

    /// The image upright, in sRGB, shrunk to fit `width` × `height` (never enlarged). A truncated
    /// or damaged file is an error.
    public static func thumbnail(_ path: String, width: Int, height: Int = 10_000_000, toSRGB: Bool) throws(ImageError) -> Raster {
        try start()
        guard let image = portal_vips_thumbnail(path, Int32(clamping: width), Int32(clamping: height), toSRGB ? 1 : 0) else {
            throw lastError()
        }
        return Raster(image)
    }

    static func lastError() -> ImageError {
        var buffer = [CChar](repeating: 0, count: 1024)
        portal_vips_error(&buffer, Int32(buffer.count))
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return ImageError(message: text.isEmpty ? "libvips failed" : text)
    }
}

/// Decoded pixels, saved in one format or several. Not `Sendable`: a raster is made, saved and
/// released by the one thread that processes its photo.
public final class Raster {
    private let image: OpaquePointer

    init(_ image: OpaquePointer) { self.image = image }
    deinit { portal_vips_release(image) }

    public var width: Int { Int(portal_vips_width(image)) }
    public var height: Int { Int(portal_vips_height(image)) }

    /// Writes the pixels to `path` with no metadata at all (EXIF, GPS, XMP, IPTC, profiles).
    public func save(to path: String, as format: ImageFormat, quality: Int) throws(ImageError) {
        guard portal_vips_save(image, path, format.code, Int32(clamping: quality)) == 0 else { throw Vips.lastError() }
        if format == .webp { try WebPMetadata.strip(file: path) }
    }
}
