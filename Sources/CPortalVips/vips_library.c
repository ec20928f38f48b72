#include "vips_library.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#ifdef __APPLE__
#define PORTAL_VIPS_SONAME "libvips.42.dylib"
#else
#define PORTAL_VIPS_SONAME "libvips.so.42"
#endif

portal_vips_library portal_vips_lib;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int load_result = -1;
static char load_error[512];

static void load(void) {
    const char *name = getenv("PORTAL_LIBVIPS");
    if (!name || !*name) name = PORTAL_VIPS_SONAME;
    // RTLD_LOCAL: libvips' symbols stay out of the global scope (its own modules link it).
    void *handle = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char *reason = dlerror();
        snprintf(load_error, sizeof(load_error), "%s", reason ? reason : name);
        return;
    }
    portal_vips_library lib;
#define PORTAL_VIPS_LOOKUP(result, fn, parameters) \
    lib.fn = (result (*) parameters)dlsym(handle, #fn); \
    if (!lib.fn) { \
        snprintf(load_error, sizeof(load_error), "%s: no function %s (libvips 8.13 or later is needed)", name, #fn); \
        return; \
    }
    PORTAL_VIPS_FUNCTIONS(PORTAL_VIPS_LOOKUP)
#undef PORTAL_VIPS_LOOKUP
    // What VIPS_INIT checks: the library's ABI is the one the declarations are for.
    int abi = lib.vips_version(3) - lib.vips_version(5);
    if (abi != PORTAL_VIPS_ABI) {
        snprintf(load_error, sizeof(load_error), "%s: ABI version %d, portal needs %d", name, abi, PORTAL_VIPS_ABI);
        return;
    }
    portal_vips_lib = lib;
    load_result = 0;
}

int portal_vips_load(void) {
    pthread_once(&load_once, load);
    return load_result;
}

const char *portal_vips_load_error(void) {
    return load_error;
}
