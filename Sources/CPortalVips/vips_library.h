#ifndef PORTAL_VIPS_LIBRARY_H
#define PORTAL_VIPS_LIBRARY_H

// libvips is opened with dlopen on first use, not linked: linking it loads ~90 shared libraries
// (glib, gio, poppler, cairo, X11, HDF5, …) at every start of portal, ~20 ms, even for a site
// without a single photo. So portal is compiled without vips.h (whose pkg-config entry would put
// -lvips -lglib… on the executable's link line): below are the few types, constants and
// functions it uses, in libvips' stable C ABI (soname libvips.so.42). Tests/CPortalVipsCheck
// compiles this file against the real vips.h and fails the test build if any of them differs.

#include "portal_vips.h"

typedef int portal_gboolean;
typedef unsigned long portal_gtype;   // GType is a gsize
typedef void (*portal_glog_func)(const char *domain, int level, const char *message, void *data);

// glib's GLogLevelFlags.
enum { PORTAL_G_LOG_LEVEL_WARNING = 1 << 4, PORTAL_G_LOG_LEVEL_MESSAGE = 1 << 5, PORTAL_G_LOG_LEVEL_INFO = 1 << 6 };
// VipsAccess, VipsSize, VipsFailOn, VipsForeignHeifCompression, VipsForeignKeep values used.
enum {
    PORTAL_VIPS_ACCESS_SEQUENTIAL = 1,
    PORTAL_VIPS_SIZE_DOWN = 2,
    PORTAL_VIPS_FAIL_ON_TRUNCATED = 1,
    PORTAL_VIPS_HEIF_COMPRESSION_AV1 = 4,
    PORTAL_VIPS_KEEP_NONE = 0,
};
#define PORTAL_VIPS_META_ICC_NAME "icc-profile-data"
/// The ABI the declarations are for: VIPS_LIBRARY_CURRENT - VIPS_LIBRARY_AGE (the soname).
#define PORTAL_VIPS_ABI 42

#define PORTAL_VIPS_FUNCTIONS(X) \
    X(int, vips_init, (const char *argv0)) \
    X(int, vips_version, (int flag)) \
    X(const char *, vips_version_string, (void)) \
    X(void, vips_concurrency_set, (int concurrency)) \
    X(void, vips_cache_set_max, (int max)) \
    X(void, vips_block_untrusted_set, (portal_gboolean state)) \
    X(const char *, vips_foreign_find_load, (const char *filename)) \
    X(portal_vips_image *, vips_image_new_from_file, (const char *name, ...)) \
    X(int, vips_image_get_width, (const portal_vips_image *image)) \
    X(int, vips_image_get_height, (const portal_vips_image *image)) \
    X(int, vips_image_get_orientation, (portal_vips_image *image)) \
    X(portal_gtype, vips_image_get_typeof, (const portal_vips_image *image, const char *name)) \
    X(portal_gboolean, vips_image_hasalpha, (portal_vips_image *image)) \
    X(int, vips_image_get_n_pages, (portal_vips_image *image)) \
    X(const char *, vips_nickname_find, (portal_gtype type)) \
    X(char **, vips_image_get_fields, (portal_vips_image *image)) \
    X(portal_gboolean, vips_image_remove, (portal_vips_image *image, const char *name)) \
    X(int, vips_thumbnail, (const char *filename, portal_vips_image **out, int width, ...)) \
    X(portal_vips_image *, vips_image_copy_memory, (portal_vips_image *image)) \
    X(int, vips_jpegsave, (portal_vips_image *in, const char *filename, ...)) \
    X(int, vips_pngsave, (portal_vips_image *in, const char *filename, ...)) \
    X(int, vips_webpsave, (portal_vips_image *in, const char *filename, ...)) \
    X(int, vips_heifsave, (portal_vips_image *in, const char *filename, ...)) \
    X(portal_gtype, vips_type_find, (const char *basename, const char *nickname)) \
    X(void, vips_error, (const char *domain, const char *fmt, ...)) \
    X(const char *, vips_error_buffer, (void)) \
    X(void, vips_error_clear, (void)) \
    X(unsigned int, g_log_set_handler, (const char *domain, int levels, portal_glog_func func, void *data)) \
    X(portal_gtype, g_type_from_name, (const char *name)) \
    X(void, g_object_unref, (void *object)) \
    X(void, g_strfreev, (char **strings))

/// The functions, found in libvips (glib's and gobject's through its handle: they are its
/// dependencies, loaded with it). Set by a successful `portal_vips_load`, never changed after.
typedef struct {
#define PORTAL_VIPS_POINTER(result, name, parameters) result (*name) parameters;
    PORTAL_VIPS_FUNCTIONS(PORTAL_VIPS_POINTER)
#undef PORTAL_VIPS_POINTER
} portal_vips_library;

extern portal_vips_library portal_vips_lib;

/// Calls libvips or glib through the loaded pointer: `VIPS(vips_thumbnail)(path, &out, …)`.
#define VIPS(name) (portal_vips_lib.name)

/// Opens libvips and looks up every function, once (thread-safe; later calls return the first
/// result). 0 on success; -1 when it cannot be loaded, the reason in `portal_vips_load_error`.
/// The library is `libvips.so.42`, or the file named by the environment variable PORTAL_LIBVIPS.
int portal_vips_load(void);

/// Why libvips could not be loaded ("" when it was).
const char *portal_vips_load_error(void);

#endif
