#include "portal_cmark_arena.h"

#include <cmark.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Chunks of CHUNK_BYTES are carved front to back; each block is [size_t size][bytes], rounded
// to 8 (cmark's structures need no more). A request above LARGE_BYTES gets a malloc block of
// its own (flag LARGE in its size word), on a list, so that it can grow with realloc and
// be freed when cmark frees it. After a reset the arena keeps at most KEEP_CHUNKS chunks.
enum {
    CHUNK_BYTES = 128 * 1024,
    LARGE_BYTES = 32 * 1024,
    KEEP_CHUNKS = 8,
};
#define LARGE ((size_t)1)

typedef struct chunk {
    struct chunk *next;
    size_t used;
    size_t padding;  // keeps `data` 8-aligned on every ABI (and 16 on LP64)
    unsigned char data[];
} chunk;

typedef struct large {
    struct large *prev, *next;
    size_t size;  // the block's size | LARGE, just before the block like a chunk block's header
} large;

typedef struct arena {
    chunk *first;    // every chunk, in the order they are used
    chunk *current;  // the chunk being carved
    void *last;      // the block allocated last in `current` (it may grow or shrink in place)
    large *larges;
    size_t chunks;
    size_t depth;
} arena;

static pthread_key_t arena_key;
static pthread_once_t arena_once = PTHREAD_ONCE_INIT;
static _Thread_local arena *current_arena;

static void fail(const char *what) {
    fprintf(stderr, "[portal] cmark arena: %s failed, aborting\n", what);
    abort();
}

static void release_larges(arena *a) {
    large *l = a->larges;
    while (l) {
        large *next = l->next;
        free(l);
        l = next;
    }
    a->larges = NULL;
}

static void destroy(void *pointer) {
    arena *a = pointer;
    release_larges(a);
    chunk *c = a->first;
    while (c) {
        chunk *next = c->next;
        free(c);
        c = next;
    }
    free(a);
}

static void make_key(void) {
    if (pthread_key_create(&arena_key, destroy) != 0) fail("pthread_key_create");
}

static arena *this_arena(void) {
    arena *a = current_arena;
    if (a) return a;
    pthread_once(&arena_once, make_key);
    a = calloc(1, sizeof(arena));
    if (!a) fail("calloc");
    pthread_setspecific(arena_key, a);  // freed with the thread
    current_arena = a;
    return a;
}

static inline size_t *header(void *block) { return (size_t *)block - 1; }

static inline size_t round8(size_t n) { return n == 0 ? 8 : (n + 7) & ~(size_t)7; }

static void *allocate_large(arena *a, size_t size) {
    large *l = malloc(sizeof(large) + size);
    if (!l) fail("malloc");
    l->size = size | LARGE;
    l->prev = NULL;
    l->next = a->larges;
    if (a->larges) a->larges->prev = l;
    a->larges = l;
    return l + 1;
}

static void *allocate(arena *a, size_t size) {
    if (size > LARGE_BYTES) return allocate_large(a, size);
    size_t need = sizeof(size_t) + round8(size);
    chunk *c = a->current;
    while (!c || c->used + need > CHUNK_BYTES) {
        chunk *next = c ? c->next : a->first;
        if (!next) {
            next = malloc(sizeof(chunk) + CHUNK_BYTES);
            if (!next) fail("malloc");
            next->next = NULL;
            if (c) c->next = next; else a->first = next;
            a->chunks += 1;
        }
        next->used = 0;
        c = a->current = next;
    }
    size_t *h = (size_t *)(c->data + c->used);
    *h = round8(size);
    c->used += need;
    a->last = h + 1;
    return h + 1;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size && count > SIZE_MAX / size) fail("calloc (size overflow)");
    void *block = allocate(this_arena(), count * size);
    memset(block, 0, count * size);
    return block;
}

static void *arena_realloc(void *block, size_t size) {
    arena *a = this_arena();
    if (!block) return allocate(a, size);
    size_t old = *header(block);
    if (old & LARGE) {
        large *l = (large *)block - 1;
        large *moved = realloc(l, sizeof(large) + size);
        if (!moved) fail("realloc");
        moved->size = size | LARGE;
        if (moved->prev) moved->prev->next = moved; else a->larges = moved;
        if (moved->next) moved->next->prev = moved;
        return moved + 1;
    }
    if (block == a->last && size <= LARGE_BYTES) {
        // The newest block grows (or shrinks) where it is when the chunk has room.
        chunk *c = a->current;
        size_t start = (size_t)((unsigned char *)block - c->data);
        if (start + round8(size) <= CHUNK_BYTES) {
            *header(block) = round8(size);
            c->used = start + round8(size);
            return block;
        }
    }
    if (size <= old) return block;
    void *moved = allocate(a, size);
    memcpy(moved, block, old);
    return moved;
}

static void arena_free(void *block) {
    arena *a = current_arena;
    if (!block || !a) return;  // (no arena on this thread: nothing of it to free)
    size_t size = *header(block);
    if (size & LARGE) {
        large *l = (large *)block - 1;
        if (l->prev) l->prev->next = l->next; else a->larges = l->next;
        if (l->next) l->next->prev = l->prev;
        free(l);
    } else if (block == a->last) {
        // The newest block (an iterator, a delimiter) gives its room back.
        a->current->used = (size_t)((unsigned char *)header(block) - a->current->data);
        a->last = NULL;
    }
}

static cmark_mem arena_mem = {arena_calloc, arena_realloc, arena_free};

void *portal_cmark_arena_enter(void) {
    this_arena()->depth += 1;
    return &arena_mem;
}

void portal_cmark_arena_leave(void) {
    arena *a = current_arena;
    if (!a || a->depth == 0) fail("leave without enter");
    if (--a->depth > 0) return;
    release_larges(a);
    // Chunks are kept for the next document, up to KEEP_CHUNKS: a giant one gives the rest back.
    size_t kept = 0;
    for (chunk *c = a->first; c; c = c->next) {
        c->used = 0;
        if (++kept == KEEP_CHUNKS) {
            chunk *extra = c->next;
            c->next = NULL;
            while (extra) {
                chunk *next = extra->next;
                free(extra);
                extra = next;
                a->chunks -= 1;
            }
            break;
        }
    }
    a->current = a->first;
    a->last = NULL;
}

size_t portal_cmark_arena_held_bytes(void) {
    arena *a = current_arena;
    if (!a) return 0;
    size_t bytes = a->chunks * (sizeof(chunk) + CHUNK_BYTES);
    for (large *l = a->larges; l; l = l->next) bytes += sizeof(large) + (l->size & ~LARGE);
    return bytes;
}
