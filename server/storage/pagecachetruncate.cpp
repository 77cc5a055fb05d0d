#include "storage/pagecachetruncate.h"

#ifdef NATTER_SQLITE_NATIVE
#include <atomic>
#include <mutex>
#include <sqlite3.h>
#endif

namespace natter::server {

#ifdef NATTER_SQLITE_NATIVE
namespace {

sqlite3_pcache_methods2 g_default; // SQLite's own cache, which does the work
std::atomic<qint64> g_asked{0};
std::atomic<qint64> g_passed{0};
std::atomic<qint64> g_parked{0};

/// SQLite's lock-byte offset (PENDING_BYTE): no database page covers it, and balance_nonroot()
/// in btree.c parks a page on its number while swapping two page numbers.
constexpr unsigned lockByteOffset = 0x40000000u;

struct Cache
{
    sqlite3_pcache *inner;
    unsigned scratchKey; ///< the lock-byte page's number at this page size
    unsigned maxKey;     ///< no page past this one may be held (the scratch number aside)
};

Cache *self(sqlite3_pcache *p)
{
    return reinterpret_cast<Cache *>(p);
}

int cacheInit(void *)
{
    return g_default.xInit ? g_default.xInit(g_default.pArg) : SQLITE_OK;
}

void cacheShutdown(void *)
{
    if (g_default.xShutdown)
        g_default.xShutdown(g_default.pArg);
}

sqlite3_pcache *cacheCreate(int szPage, int szExtra, int bPurgeable)
{
    auto *cache = static_cast<Cache *>(sqlite3_malloc(int(sizeof(Cache))));
    if (!cache)
        return nullptr;
    cache->inner = g_default.xCreate(szPage, szExtra, bPurgeable);
    if (!cache->inner) {
        sqlite3_free(cache);
        return nullptr;
    }
    cache->scratchKey = szPage > 0 ? lockByteOffset / unsigned(szPage) + 1 : 0;
    cache->maxKey = 0;
    return reinterpret_cast<sqlite3_pcache *>(cache);
}

void cacheCachesize(sqlite3_pcache *p, int nCachesize)
{
    g_default.xCachesize(self(p)->inner, nCachesize);
}

int cachePagecount(sqlite3_pcache *p)
{
    return g_default.xPagecount(self(p)->inner);
}

sqlite3_pcache_page *cacheFetch(sqlite3_pcache *p, unsigned key, int createFlag)
{
    Cache *c = self(p);
    // Only a fetch that may create a page can add one; a lookup (createFlag 0) cannot, and
    // SQLite looks the scratch number up before each swap.
    if (createFlag && key > c->maxKey)
        c->maxKey = key;
    return g_default.xFetch(c->inner, key, createFlag);
}

void cacheUnpin(sqlite3_pcache *p, sqlite3_pcache_page *page, int discard)
{
    g_default.xUnpin(self(p)->inner, page, discard);
}

void cacheRekey(sqlite3_pcache *p, sqlite3_pcache_page *page, unsigned oldKey, unsigned newKey)
{
    Cache *c = self(p);
    if (newKey == c->scratchKey)
        g_parked.fetch_add(1, std::memory_order_relaxed);
    else if (newKey > c->maxKey)
        c->maxKey = newKey;
    g_default.xRekey(c->inner, page, oldKey, newKey);
}

void cacheTruncate(sqlite3_pcache *p, unsigned iLimit)
{
    Cache *c = self(p);
    g_asked.fetch_add(1, std::memory_order_relaxed);
    if (iLimit > c->maxKey)
        return; // every page held is below the limit: nothing to drop, nothing to walk
    g_passed.fetch_add(1, std::memory_order_relaxed);
    g_default.xTruncate(c->inner, iLimit);
    c->maxKey = iLimit > 0 ? iLimit - 1 : 0;
}

void cacheDestroy(sqlite3_pcache *p)
{
    Cache *c = self(p);
    g_default.xDestroy(c->inner);
    sqlite3_free(c);
}

void cacheShrink(sqlite3_pcache *p)
{
    if (g_default.xShrink)
        g_default.xShrink(self(p)->inner);
}

} // namespace

bool installPageCacheTruncation()
{
    static std::once_flag once;
    static bool installed = false;
    std::call_once(once, [] {
        // Both calls fail (SQLITE_MISUSE) once SQLite is initialised: the default stays.
        if (sqlite3_config(SQLITE_CONFIG_GETPCACHE2, &g_default) != SQLITE_OK || !g_default.xCreate)
            return;
        static sqlite3_pcache_methods2 wrapper;
        wrapper.iVersion = 1;
        wrapper.pArg = nullptr;
        wrapper.xInit = cacheInit;
        wrapper.xShutdown = cacheShutdown;
        wrapper.xCreate = cacheCreate;
        wrapper.xCachesize = cacheCachesize;
        wrapper.xPagecount = cachePagecount;
        wrapper.xFetch = cacheFetch;
        wrapper.xUnpin = cacheUnpin;
        wrapper.xRekey = cacheRekey;
        wrapper.xTruncate = cacheTruncate;
        wrapper.xDestroy = cacheDestroy;
        wrapper.xShrink = cacheShrink; // SQLite calls it without checking; it checks the default's
        installed = sqlite3_config(SQLITE_CONFIG_PCACHE2, &wrapper) == SQLITE_OK;
    });
    return installed;
}

PageCacheTruncationStats pageCacheTruncationStats()
{
    return {g_asked.load(std::memory_order_relaxed), g_passed.load(std::memory_order_relaxed),
            g_parked.load(std::memory_order_relaxed)};
}

#else

bool installPageCacheTruncation()
{
    return false;
}
PageCacheTruncationStats pageCacheTruncationStats()
{
    return {};
}

#endif

} // namespace natter::server
