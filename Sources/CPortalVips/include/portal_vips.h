#ifndef PORTAL_VIPS_H
#define PORTAL_VIPS_H

// Fixed-argument wrappers around libvips, whose C API takes NULL-terminated option lists
// (variadic functions Swift cannot call). The header names no libvips type, so Swift sees
// only these functions and an opaque image pointer.

struct _VipsImage;
typedef struct _VipsImage portal_vips_image;

/// Loads and starts libvips once (later calls return the first result) with `threads` worker
/// threads per image, so that the build's own parallelism is not multiplied by libvips' own.
/// libvips is opened on first use (dlopen), not linked: a build without photos never loads it.
/// 0 on success; PORTAL_VIPS_UNAVAILABLE when the library cannot be loaded (the reason in
/// portal_vips_error); -1 when it would not start.
int portal_vips_start(int threads);

enum { PORTAL_VIPS_UNAVAILABLE = -2 };

/// What the header of an image says (nothing is decoded). `loader` is libvips' loader name
/// ("jpegload", "pngload", "webpload", …). Width and height are as stored, before orientation.
typedef struct {
    int width;
    int height;
    int orientation;   // EXIF orientation 1…8 (1 when absent)
    int has_profile;   // an embedded ICC colour profile
    int has_alpha;
    int pages;
    char loader[48];
} portal_vips_info;

/// 0 on success; -1 when the file is not an image libvips can read (see portal_vips_error).
int portal_vips_probe(const char *path, portal_vips_info *info);

/// The image at `path`, read sequentially, turned upright (orientation applied), converted to
/// sRGB when it carries a colour profile, and shrunk to fit `width` × `height` (never enlarged),
/// decoded into memory so it can be saved in several formats. A truncated or corrupt file is
/// an error. NULL on error.
portal_vips_image *portal_vips_thumbnail(const char *path, int width, int height, int to_srgb);

int portal_vips_width(portal_vips_image *image);
int portal_vips_height(portal_vips_image *image);

enum { PORTAL_VIPS_JPEG = 0, PORTAL_VIPS_PNG = 1, PORTAL_VIPS_WEBP = 2, PORTAL_VIPS_AVIF = 3 };

/// Saves `image` to `path` with every piece of metadata removed (EXIF, GPS, XMP, IPTC, ICC,
/// comments). `quality` is used by JPEG, WebP and AVIF. 0 on success.
int portal_vips_save(portal_vips_image *image, const char *path, int format, int quality);

/// 1 when this libvips can save `format` (AVIF needs libheif with an AV1 encoder).
int portal_vips_can_save(int format);

void portal_vips_release(portal_vips_image *image);

/// The last error of libvips (on any thread), copied into `buffer`, and the error log cleared;
/// why libvips could not be loaded, when it could not.
void portal_vips_error(char *buffer, int size);

/// "8.14.1": part of the cache key (another libvips may write other bytes); "" when libvips
/// cannot be loaded. Loads it.
const char *portal_vips_version(void);

#endif
