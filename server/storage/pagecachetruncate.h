#pragma once
// SQLite's default page cache, wrapped so that ending a transaction does not scan the cache.
//
// At the end of every transaction SQLite asks its page cache to drop the pages past the end of
// the database (xTruncate). The default cache answers from the highest page number it has
// held: if that is past the end, it walks its hash table. When a b-tree split gives new pages
// out of order, SQLite swaps their numbers through a scratch number, the lock-byte page's
// (1 GiB / page size + 1: 262,145 with 4 KiB pages), which no database page ever has. From
// then on the default cache believes a page that far out may be held, and every commit of a
// database under 1 GiB walks the whole hash table and its chains: a cache miss per cached
// page, about a seventh of the writer's time in the direct benchmark (docs/performance.md).
//
// This wrapper keeps its own highest number, leaving the scratch number out (SQLite renumbers
// the page again at once, before anything else can touch the cache), and passes a truncation
// on only when a page at or past the limit may be held. Every other call goes straight to the
// default cache.

#include <QtGlobal>

namespace natter::server {

/// Installs the wrapper in the SQLite library natterd links, if SQLite is not initialised yet
/// (once; call before the first connection). Returns whether the wrapper is in use.
bool installPageCacheTruncation();

/// Counters over all connections of the process, for tests and benchmarks.
struct PageCacheTruncationStats
{
    qint64 asked = 0;  ///< truncations SQLite asked for (one per transaction and more)
    qint64 passed = 0; ///< those passed to the default cache, which may walk its hash table
    qint64 parked = 0; ///< pages renumbered to the scratch number during a b-tree split
};
PageCacheTruncationStats pageCacheTruncationStats();

} // namespace natter::server
