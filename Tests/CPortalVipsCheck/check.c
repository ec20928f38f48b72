// portal opens libvips with dlopen and declares the few functions and constants it uses itself
// (Sources/CPortalVips/vips_library.h), so that the executable links no libvips. Here those
// declarations meet the real vips.h (CVips, from libvips-dev through pkg-config): a function
// pointer of another type, or a constant of another value, is a compile error of the tests.

#include "portal_vips_check.h"
#include <vips/vips.h>
#include "../../Sources/CPortalVips/vips_library.h"

#define SAME_TYPE(result, name, parameters) \
    _Static_assert(__builtin_types_compatible_p(__typeof__(((portal_vips_library *)0)->name), __typeof__(&name)), \
                   #name " is declared with another type than in vips.h");
PORTAL_VIPS_FUNCTIONS(SAME_TYPE)

_Static_assert(__builtin_types_compatible_p(portal_gtype, GType), "GType");
_Static_assert(__builtin_types_compatible_p(portal_gboolean, gboolean), "gboolean");
_Static_assert(__builtin_types_compatible_p(portal_glog_func, GLogFunc), "GLogFunc");
_Static_assert(PORTAL_G_LOG_LEVEL_WARNING == G_LOG_LEVEL_WARNING, "G_LOG_LEVEL_WARNING");
_Static_assert(PORTAL_G_LOG_LEVEL_MESSAGE == G_LOG_LEVEL_MESSAGE, "G_LOG_LEVEL_MESSAGE");
_Static_assert(PORTAL_G_LOG_LEVEL_INFO == G_LOG_LEVEL_INFO, "G_LOG_LEVEL_INFO");
_Static_assert(PORTAL_VIPS_ACCESS_SEQUENTIAL == VIPS_ACCESS_SEQUENTIAL, "VIPS_ACCESS_SEQUENTIAL");
_Static_assert(PORTAL_VIPS_SIZE_DOWN == VIPS_SIZE_DOWN, "VIPS_SIZE_DOWN");
_Static_assert(PORTAL_VIPS_FAIL_ON_TRUNCATED == VIPS_FAIL_ON_TRUNCATED, "VIPS_FAIL_ON_TRUNCATED");
_Static_assert(PORTAL_VIPS_HEIF_COMPRESSION_AV1 == VIPS_FOREIGN_HEIF_COMPRESSION_AV1, "VIPS_FOREIGN_HEIF_COMPRESSION_AV1");
#if VIPS_MAJOR_VERSION > 8 || (VIPS_MAJOR_VERSION == 8 && VIPS_MINOR_VERSION >= 15)
_Static_assert(PORTAL_VIPS_KEEP_NONE == VIPS_FOREIGN_KEEP_NONE, "VIPS_FOREIGN_KEEP_NONE");
#endif
_Static_assert(PORTAL_VIPS_ABI == VIPS_LIBRARY_CURRENT - VIPS_LIBRARY_AGE, "libvips ABI (soname)");

int portal_vips_check_abi(void) {
    return PORTAL_VIPS_ABI;
}
