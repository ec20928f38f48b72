import PortalContent
import PortalCore
import PortalImages
import Synchronization

/// One published copy of a photo.
struct ImageVariant: Sendable {
    var width: Int
    var height: Int
    var format: ImageFormat
    /// Path in the output folder (`photos/event-480w.webp`; the photo's own path for the full copy).
    var path: String
    var size: Int
    var hash: String
    /// The file in the image cache it is copied from.
    var cacheFile: String
}

/// A photo as published: the copy at its own address and the smaller copies for `srcset`.
struct ProcessedImage: Sendable {
    /// `photos/event.jpg`, relative to Content/ (and to the output).
    var source: String
    var full: ImageVariant
    /// Copies for `srcset`, by width then format.
    var variants: [ImageVariant]
    /// The original's size as seen (upright).
    var originalWidth: Int
    var originalHeight: Int

    func variants(_ format: ImageFormat) -> [ImageVariant] { variants.filter { $0.format == format } }

    /// Every file this photo puts in the output.
    var outputs: [ImageVariant] { [full] + variants }
}

/// What the image stage made, by path relative to Content/, for the pages and data that show
/// the photos; and which broken files a page or entry has reported, so that a broken file no
/// one uses is still reported (at the file itself) once.
final class ImageTable: Sendable {
    let images: [String: ProcessedImage]
    /// Files that cannot be published, with the reason.
    let failures: [String: Message]
    /// GIF and SVG files, published as they are.
    let passedThrough: Set<String>
    /// Photos processed in this build, and those taken from the cache.
    let made: Int
    let reused: Int
    let settings: ImageSettings
    /// Cache folders this build used (the rest are pruned after a successful build).
    let keys: Set<String>
    private let reported = Mutex<Set<String>>([])

    init(images: [String: ProcessedImage], failures: [String: Message], passedThrough: Set<String>, made: Int, reused: Int,
         settings: ImageSettings, keys: Set<String>) {
        self.images = images
        self.failures = failures
        self.passedThrough = passedThrough
        self.made = made
        self.reused = reused
        self.settings = settings
        self.keys = keys
    }

    /// No processing (`portal check`, tests of other stages): images stay plain `<img>`.
    static let none = ImageTable(images: [:], failures: [:], passedThrough: [], made: 0, reused: 0, settings: ImageSettings(), keys: [])

    /// Every copy to publish, with the photo it is made from, in a fixed order.
    var outputFiles: [(source: String, variant: ImageVariant)] {
        images.keys.sorted().flatMap { key in images[key]!.outputs.map { (key, $0) } }
    }

    /// Paths (relative to Content/) of the files the image stage replaces in the output.
    var replacedSources: Set<String> { Set(images.keys).union(failures.keys) }

    /// The problem with `path`, if it cannot be published; remembered as reported.
    func failure(for path: String) -> Message? {
        guard let reason = failures[path] else { return nil }
        _ = reported.withLock { $0.insert(path) }
        return reason
    }

    /// Broken files that no page or entry reported.
    func unreportedFailures() -> [Diagnostic] {
        let done = reported.withLock { $0 }
        return failures.keys.sorted().filter { !done.contains($0) }.map { path in
            let reason = failures[path]!
            return .error(at: SourceLocation(path: "Content/" + path), .imageUnpublishable(reason))
        }
    }

    /// The error for a use of a broken file (`what`: how the teacher wrote it).
    func useError(_ path: String, written: String, at location: SourceLocation) -> Diagnostic? {
        guard let reason = failure(for: path) else { return nil }
        return .error(at: location, .imageUseUnpublishable(reason, image: written, path: path))
    }
}
