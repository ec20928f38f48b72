#include "vips_library.h"
#include <pthread.h>
#include <string.h>

static pthread_once_t start_once = PTHREAD_ONCE_INIT;
static int start_result = -1;
static int start_threads = 1;

// libvips' warnings (a damaged tile, …) go to stderr; portal reports the file itself, in a
// teacher's words, so they are dropped.
static void drop_message(const char *domain, int level, const char *message, void *data) {
    (void)domain; (void)level; (void)message; (void)data;
}

static void start(void) {
    if (portal_vips_load() != 0) {
        start_result = PORTAL_VIPS_UNAVAILABLE;
        return;
    }
    VIPS(g_log_set_handler)("VIPS", PORTAL_G_LOG_LEVEL_WARNING | PORTAL_G_LOG_LEVEL_MESSAGE | PORTAL_G_LOG_LEVEL_INFO, drop_message, NULL);
    start_result = VIPS(vips_init)("portal");
    if (start_result == 0) {
        VIPS(vips_concurrency_set)(start_threads);
        // Each image is read once per width; libvips' operation cache would only hold memory.
        VIPS(vips_cache_set_max)(0);
        // Loaders marked untrusted (ImageMagick, PDF, …) are never used on a teacher's file.
        VIPS(vips_block_untrusted_set)(1);
    }
}

int portal_vips_start(int threads) {
    start_threads = threads > 0 ? threads : 1;
    pthread_once(&start_once, start);
    return start_result;
}

int portal_vips_probe(const char *path, portal_vips_info *info) {
    memset(info, 0, sizeof(*info));
    const char *loader = VIPS(vips_foreign_find_load)(path);
    if (!loader) return -1;
    portal_vips_image *image = VIPS(vips_image_new_from_file)(path, "access", PORTAL_VIPS_ACCESS_SEQUENTIAL, NULL);
    if (!image) return -1;
    info->width = VIPS(vips_image_get_width)(image);
    info->height = VIPS(vips_image_get_height)(image);
    info->orientation = VIPS(vips_image_get_orientation)(image);
    info->has_profile = VIPS(vips_image_get_typeof)(image, PORTAL_VIPS_META_ICC_NAME) != 0;
    info->has_alpha = VIPS(vips_image_hasalpha)(image);
    info->pages = VIPS(vips_image_get_n_pages)(image);
    // "VipsForeignLoadJpegFile" → the nickname is shorter and stable: "jpegload".
    const char *name = VIPS(vips_nickname_find)(VIPS(g_type_from_name)(loader));
    strncpy(info->loader, name ? name : loader, sizeof(info->loader) - 1);
    VIPS(g_object_unref)(image);
    return 0;
}

// Every metadata item of the image (EXIF, XMP, IPTC, ICC, comments, orientation…) is removed
// from the pixels themselves, not only left out by the savers: libvips 8.14.1's webpsave writes
// the EXIF block even with strip=TRUE (the test photo's GPS position reached the WebP copies).
static void remove_metadata(portal_vips_image *image) {
    char **fields = VIPS(vips_image_get_fields)(image);
    for (int i = 0; fields && fields[i]; i++) {
        // The header's own fields (width, bands, …) are not metadata and cannot be removed.
        VIPS(vips_image_remove)(image, fields[i]);
    }
    VIPS(g_strfreev)(fields);
}

portal_vips_image *portal_vips_thumbnail(const char *path, int width, int height, int to_srgb) {
    portal_vips_image *thumb = NULL;
    int failed = to_srgb
        ? VIPS(vips_thumbnail)(path, &thumb, width, "height", height, "size", PORTAL_VIPS_SIZE_DOWN,
                         "fail_on", PORTAL_VIPS_FAIL_ON_TRUNCATED, "export_profile", "srgb", NULL)
        : VIPS(vips_thumbnail)(path, &thumb, width, "height", height, "size", PORTAL_VIPS_SIZE_DOWN,
                         "fail_on", PORTAL_VIPS_FAIL_ON_TRUNCATED, NULL);
    if (failed) return NULL;
    // Decoded once into memory: every format is then saved from the same pixels.
    portal_vips_image *memory = VIPS(vips_image_copy_memory)(thumb);
    VIPS(g_object_unref)(thumb);
    if (memory) remove_metadata(memory);
    return memory;
}

int portal_vips_width(portal_vips_image *image) { return VIPS(vips_image_get_width)(image); }
int portal_vips_height(portal_vips_image *image) { return VIPS(vips_image_get_height)(image); }

// Metadata is left out with `keep=none` from libvips 8.15 on, with `strip=TRUE` before: decided
// by the version of the library loaded.
#define PORTAL_STRIP (keep ? "keep" : "strip"), (keep ? PORTAL_VIPS_KEEP_NONE : 1)

int portal_vips_save(portal_vips_image *image, const char *path, int format, int quality) {
    int major = VIPS(vips_version)(0), minor = VIPS(vips_version)(1);
    int keep = major > 8 || (major == 8 && minor >= 15);
    switch (format) {
    case PORTAL_VIPS_JPEG:
        return VIPS(vips_jpegsave)(image, path, "Q", quality, "optimize_coding", 1, "interlace", 1, PORTAL_STRIP, NULL);
    case PORTAL_VIPS_PNG:
        return VIPS(vips_pngsave)(image, path, "compression", 6, PORTAL_STRIP, NULL);
    case PORTAL_VIPS_WEBP:
        return VIPS(vips_webpsave)(image, path, "Q", quality, "effort", 4, PORTAL_STRIP, NULL);
    case PORTAL_VIPS_AVIF:
        return VIPS(vips_heifsave)(image, path, "Q", quality, "compression", PORTAL_VIPS_HEIF_COMPRESSION_AV1,
                             "effort", 2, PORTAL_STRIP, NULL);
    default:
        VIPS(vips_error)("portal", "unknown format %d", format);
        return -1;
    }
}

int portal_vips_can_save(int format) {
    if (portal_vips_start(1) != 0) return 0;
    switch (format) {
    case PORTAL_VIPS_JPEG: return VIPS(vips_type_find)("VipsOperation", "jpegsave") != 0;
    case PORTAL_VIPS_PNG: return VIPS(vips_type_find)("VipsOperation", "pngsave") != 0;
    case PORTAL_VIPS_WEBP: return VIPS(vips_type_find)("VipsOperation", "webpsave") != 0;
    case PORTAL_VIPS_AVIF: return VIPS(vips_type_find)("VipsOperation", "heifsave") != 0;
    default: return 0;
    }
}

void portal_vips_release(portal_vips_image *image) {
    if (image) VIPS(g_object_unref)(image);
}

void portal_vips_error(char *buffer, int size) {
    int loaded = portal_vips_load() == 0;
    const char *text = loaded ? VIPS(vips_error_buffer)() : portal_vips_load_error();
    if (size > 0) {
        strncpy(buffer, text ? text : "", (size_t)size - 1);
        buffer[size - 1] = 0;
    }
    if (loaded) VIPS(vips_error_clear)();
}

const char *portal_vips_version(void) {
    return portal_vips_load() == 0 ? VIPS(vips_version_string)() : "";
}
