#ifndef PORTAL_CMARK_ARENA_H
#define PORTAL_CMARK_ARENA_H

#include <stddef.h>

/// A bump allocator for cmark, one per thread: every node, buffer and string of a document
/// comes from it, `free` costs nothing, and everything goes at once when the document is done.
///
/// `portal_cmark_arena_enter` returns the `cmark_mem *` to give to `cmark_parser_new_with_mem`
/// and `cmark_node_new_with_mem`; `portal_cmark_arena_leave` ends the use. Calls nest on one
/// thread (a document rendered while another is): the arena is reset when the outermost use
/// ends, and nothing it gave may be touched after that (not even freed). Its `cmark_mem` may
/// only be used on the thread that entered.
void *portal_cmark_arena_enter(void);
void portal_cmark_arena_leave(void);

/// Bytes this thread's arena holds from the system (its chunks and large blocks), for tests.
size_t portal_cmark_arena_held_bytes(void);

#endif
