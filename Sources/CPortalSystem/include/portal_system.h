#ifndef PORTAL_SYSTEM_H
#define PORTAL_SYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE): the published
/// folder is never missing, not even for an instant. Returns 0, or -1 with errno set
/// (ENOSYS/EINVAL where the kernel or file system cannot exchange).
int portal_exchange_paths(const char *a, const char *b);

#endif
