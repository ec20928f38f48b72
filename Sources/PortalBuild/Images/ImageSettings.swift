import PortalContent
import PortalImages

/// How photos are published: the widths of the smaller copies, the size of the copy at the
/// photo's own address, the quality of lossy formats. Part of the image cache's key: changing
/// any of them makes every photo again.
struct ImageSettings: Sendable, Hashable {
    /// Widths of the copies offered to browsers (`srcset`); a photo is never enlarged.
    var widths: [Int] = [480, 960, 1600]
    /// The copy at the photo's own address (a teacher may link to it) fits this square.
    var fullSize = 2560
    /// JPEG, WebP (and AVIF) quality, 1…100.
    var quality = 80
    /// Modern formats offered before the original's (WebP; AVIF when asked for and possible).
    var modern: [ImageFormat] = [.webp]
    /// Originals above either limit get a warning suggesting a smaller photo.
    var warnBytes = 20 * 1024 * 1024
    var warnPixels = 8_000
    /// `sizes` for images in a page's text: the text column is 44rem wide at most.
    var proseSizes = "(min-width: 48rem) 44rem, 100vw"

    /// The image cache's key for these settings (with the libvips that writes the bytes).
    var key: String {
        "images-1 widths=\(widths.map(String.init).joined(separator: ",")) full=\(fullSize) q=\(quality) "
            + "modern=\(modern.map(\.rawValue).joined(separator: ",")) vips=\(Vips.version)"
    }

    /// `images:` in site.yml (`widths: [480, 960]`, `quality: 75`, `avif: true`), else the defaults.
    static func from(_ config: SiteConfig) -> ImageSettings {
        var settings = ImageSettings()
        guard let value = config.images else { return settings }
        if let widths = value["widths"]?.list?.compactMap(\.int), !widths.isEmpty {
            settings.widths = Array(Set(widths.filter { $0 > 0 })).sorted()
        }
        if let quality = value["quality"]?.int { settings.quality = min(100, max(1, quality)) }
        if value["avif"]?.bool == true, Vips.canSave(.avif) { settings.modern = [.avif, .webp] }
        return settings
    }
}
