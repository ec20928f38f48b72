import PortalContent
import PortalTemplates
import PortalCore
import PortalImages

/// How a processed photo appears in HTML: `<picture>` with a WebP `<source>` and an `<img>` in
/// the photo's own format, both with `srcset` and `sizes`, the `<img>` with `width` and
/// `height` (no layout shift), `decoding="async"` and `loading="lazy"` (but for the first image
/// of a page, which the browser should fetch at once). Addresses come from `LinkResolver.fileURL`,
/// the one place that makes a file's address on the site.
enum PictureMarkup {
    static func srcset(_ variants: [ImageVariant], config: SiteConfig) -> String {
        variants.map { "\(LinkResolver.fileURL($0.path, config: config)) \($0.width)w" }.joined(separator: ", ")
    }

    /// The `<img src>`: the copy nearest 960 px wide in the photo's own format.
    static func fallback(_ image: ProcessedImage) -> ImageVariant {
        let own = image.variants(image.full.format)
        return own.last(where: { $0.width <= 960 }) ?? own.first ?? image.full
    }

    /// For Open Graph and feeds: the largest copy in the photo's own format (a JPEG or PNG for
    /// a phone photo, which every reader shows).
    static func shareCopy(_ image: ProcessedImage) -> ImageVariant {
        image.variants(image.full.format).last ?? image.full
    }

    static func html(_ image: ProcessedImage, alt: String, title: String? = nil, sizes: String, lazy: Bool,
                     modern: [ImageFormat], config: SiteConfig) -> String {
        let img = fallback(image)
        var html = "<picture>"
        for format in modern where format != image.full.format {
            let variants = image.variants(format)
            if variants.isEmpty { continue }
            html += "<source type=\"\(format.mimeType)\" srcset=\"\(HTMLEscaping.escape(srcset(variants, config: config)))\" sizes=\"\(HTMLEscaping.escape(sizes))\">"
        }
        let own = image.variants(image.full.format)
        html += "<img src=\"\(HTMLEscaping.escape(LinkResolver.fileURL(img.path, config: config)))\""
        if !own.isEmpty {
            html += " srcset=\"\(HTMLEscaping.escape(srcset(own, config: config)))\" sizes=\"\(HTMLEscaping.escape(sizes))\""
        }
        html += " width=\"\(img.width)\" height=\"\(img.height)\" alt=\"\(HTMLEscaping.escape(alt))\""
        if let title, !title.isEmpty { html += " title=\"\(HTMLEscaping.escape(title))\"" }
        html += (lazy ? " loading=\"lazy\"" : "") + " decoding=\"async\"></picture>"
        return html
    }

    /// What a template sees for a photo (`{{#photo_image}}…{{/photo_image}}`, `{{#page.cover}}`):
    /// `src`, `srcset`, `webp_srcset` (and `avif_srcset`), `sizes`, `width`, `height`, `alt`,
    /// `url` (the full copy), `permalink` (the share copy, absolute), `eager` (the first image of
    /// its page) and `html` (the whole `<picture>`, lazy unless eager).
    static func templateValue(_ image: ProcessedImage, alt: String, sizes: String, eager: Bool, config: SiteConfig,
                              modern: [ImageFormat]) -> TemplateValue {
        let img = fallback(image)
        let share = shareCopy(image)
        var value: TemplateValue = [
            "src": .text(LinkResolver.fileURL(img.path, config: config)),
            "srcset": .text(srcset(image.variants(image.full.format), config: config)),
            "sizes": .text(sizes),
            "width": .int(img.width),
            "height": .int(img.height),
            "alt": .text(alt),
            "type": .text(image.full.format.mimeType),
            "url": .text(LinkResolver.fileURL(image.full.path, config: config)),
            "permalink": .text(config.permalink(LinkResolver.sitePath(ofFile: share.path))),
            "share_width": .int(share.width),
            "share_height": .int(share.height),
            "share_type": .text(share.format.mimeType),
            "eager": .bool(eager),
            "html": .text(html(image, alt: alt, sizes: sizes, lazy: !eager, modern: modern, config: config)),
        ]
        for format in modern where format != image.full.format {
            let variants = image.variants(format)
            if !variants.isEmpty { value["\(format.rawValue)_srcset"] = .text(srcset(variants, config: config)) }
        }
        return value
    }

    /// A GIF or SVG (published as it is) for templates: the same keys, without copies.
    static func plainValue(path: String, alt: String, eager: Bool, config: SiteConfig) -> TemplateValue {
        let url = LinkResolver.fileURL(path, config: config)
        let lazy = eager ? "" : " loading=\"lazy\""
        return ["src": .text(url), "url": .text(url), "alt": .text(alt), "eager": .bool(eager),
                "permalink": .text(config.permalink(LinkResolver.sitePath(ofFile: path))),
                "html": .text("<img src=\"\(HTMLEscaping.escape(url))\" alt=\"\(HTMLEscaping.escape(alt))\"\(lazy) decoding=\"async\">")]
    }
}
