#ifndef PORTAL_VIPS_CHECK_H
#define PORTAL_VIPS_CHECK_H

/// Nothing to call: this target only compiles CPortalVips' own declarations of libvips against
/// the real vips.h (see check.c); the test build fails if they differ.
int portal_vips_check_abi(void);

#endif
