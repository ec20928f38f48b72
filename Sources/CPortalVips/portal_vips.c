#include "portal_vips.h"
#include <pthread.h>
#include <string.h>
#include <vips/vips.h>

static pthread_once_t start_once = PTHREAD_ONCE_INIT;
static int start_result = -1;
static int start_threads = 1;

// libvips' warnings (a damaged tile, …) go to stderr; portal reports the file itself, in a
// teacher's words, so they are dropped.
static void drop_message(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
}

static void start(void) {
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO, drop_message, NULL);
    start_result = VIPS_INIT("portal");
    if (start_result == 0) {
        vips_concurrency_set(start_threads);
        // Each image is read once per width; libvips' operation cache would only hold memory.
        vips_cache_set_max(0);
        // Loaders marked untrusted (ImageMagick, PDF, …) are never used on a teacher's file.
        vips_block_untrusted_set(TRUE);
    }
}

int portal_vips_start(int threads) {
    start_threads = threads > 0 ? threads : 1;
    pthread_once(&start_once, start);
    return start_result;
}

int portal_vips_probe(const char *path, portal_vips_info *info) {
    memset(info, 0, sizeof(*info));
    const char *loader = vips_foreign_find_load(path);
    if (!loader) return -1;
    VipsImage *image = vips_image_new_from_file(path, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (!image) return -1;
    info->width = vips_image_get_width(image);
    info->height = vips_image_get_height(image);
    info->orientation = vips_image_get_orientation(image);
    info->has_profile = vips_image_get_typeof(image, VIPS_META_ICC_NAME) != 0;
    info->has_alpha = vips_image_hasalpha(image);
    info->pages = vips_image_get_n_pages(image);
    // "VipsForeignLoadJpegFile" → the nickname is shorter and stable: "jpegload".
    const char *name = vips_nickname_find(g_type_from_name(loader));
    strncpy(info->loader, name ? name : loader, sizeof(info->loader) - 1);
    g_object_unref(image);
    return 0;
}

// Every metadata item of the image (EXIF, XMP, IPTC, ICC, comments, orientation…) is removed
// from the pixels themselves, not only left out by the savers: libvips 8.14.1's webpsave writes
// the EXIF block even with strip=TRUE (the test photo's GPS position reached the WebP copies).
static void remove_metadata(VipsImage *image) {
    gchar **fields = vips_image_get_fields(image);
    for (int i = 0; fields && fields[i]; i++) {
        // The header's own fields (width, bands, …) are not metadata and cannot be removed.
        vips_image_remove(image, fields[i]);
    }
    g_strfreev(fields);
}

portal_vips_image *portal_vips_thumbnail(const char *path, int width, int height, int to_srgb) {
    VipsImage *thumb = NULL;
    int failed = to_srgb
        ? vips_thumbnail(path, &thumb, width, "height", height, "size", VIPS_SIZE_DOWN,
                         "fail_on", VIPS_FAIL_ON_TRUNCATED, "export_profile", "srgb", NULL)
        : vips_thumbnail(path, &thumb, width, "height", height, "size", VIPS_SIZE_DOWN,
                         "fail_on", VIPS_FAIL_ON_TRUNCATED, NULL);
    if (failed) return NULL;
    // Decoded once into memory: every format is then saved from the same pixels.
    VipsImage *memory = vips_image_copy_memory(thumb);
    g_object_unref(thumb);
    if (memory) remove_metadata(memory);
    return memory;
}

int portal_vips_width(portal_vips_image *image) { return vips_image_get_width(image); }
int portal_vips_height(portal_vips_image *image) { return vips_image_get_height(image); }

int portal_vips_save(portal_vips_image *image, const char *path, int format, int quality) {
#if VIPS_MAJOR_VERSION > 8 || (VIPS_MAJOR_VERSION == 8 && VIPS_MINOR_VERSION >= 15)
#define PORTAL_STRIP "keep", VIPS_FOREIGN_KEEP_NONE
#else
#define PORTAL_STRIP "strip", TRUE
#endif
    switch (format) {
    case PORTAL_VIPS_JPEG:
        return vips_jpegsave(image, path, "Q", quality, "optimize_coding", TRUE, "interlace", TRUE, PORTAL_STRIP, NULL);
    case PORTAL_VIPS_PNG:
        return vips_pngsave(image, path, "compression", 6, PORTAL_STRIP, NULL);
    case PORTAL_VIPS_WEBP:
        return vips_webpsave(image, path, "Q", quality, "effort", 4, PORTAL_STRIP, NULL);
    case PORTAL_VIPS_AVIF:
        return vips_heifsave(image, path, "Q", quality, "compression", VIPS_FOREIGN_HEIF_COMPRESSION_AV1,
                             "effort", 2, PORTAL_STRIP, NULL);
    default:
        vips_error("portal", "unknown format %d", format);
        return -1;
    }
}

int portal_vips_can_save(int format) {
    switch (format) {
    case PORTAL_VIPS_JPEG: return vips_type_find("VipsOperation", "jpegsave") != 0;
    case PORTAL_VIPS_PNG: return vips_type_find("VipsOperation", "pngsave") != 0;
    case PORTAL_VIPS_WEBP: return vips_type_find("VipsOperation", "webpsave") != 0;
    case PORTAL_VIPS_AVIF: return vips_type_find("VipsOperation", "heifsave") != 0;
    default: return 0;
    }
}

void portal_vips_release(portal_vips_image *image) {
    if (image) g_object_unref(image);
}

void portal_vips_error(char *buffer, int size) {
    const char *text = vips_error_buffer();
    if (size > 0) {
        strncpy(buffer, text ? text : "", (size_t)size - 1);
        buffer[size - 1] = 0;
    }
    vips_error_clear();
}

const char *portal_vips_version(void) {
    return vips_version_string();
}
