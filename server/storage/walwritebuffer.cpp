#include "storage/walwritebuffer.h"

#ifdef NATTER_SQLITE_NATIVE
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <new>
#include <sqlite3.h>
#endif

namespace natter::server {

#ifdef NATTER_SQLITE_NATIVE
namespace {

// SQLite's unix VFS writes at most 128 KiB - 1 per call (longer writes come back short).
constexpr int bufferCapacity = 120 * 1024;

std::atomic<qint64> g_asked{0};
std::atomic<qint64> g_made{0};
sqlite3_vfs *g_base = nullptr; // the default VFS this one wraps
sqlite3_vfs g_vfs;

/// A WAL file: our methods in front, the default VFS's file object right behind.
struct BufferedFile
{
    sqlite3_file base; // first: SQLite sees this
    sqlite3_file *real;
    char *buffer;
    sqlite3_int64 start; // file offset of buffer[0]
    int used;
};

constexpr int realOffset = int((sizeof(BufferedFile) + 7) & ~size_t(7));

BufferedFile *self(sqlite3_file *f)
{
    return reinterpret_cast<BufferedFile *>(f);
}

int flush(BufferedFile *f)
{
    if (f->used == 0)
        return SQLITE_OK;
    const int rc = f->real->pMethods->xWrite(f->real, f->buffer, f->used, f->start);
    g_made.fetch_add(1, std::memory_order_relaxed);
    f->used = 0;
    return rc;
}

int bufClose(sqlite3_file *file)
{
    BufferedFile *f = self(file);
    const int flushed = flush(f);
    std::free(f->buffer);
    f->buffer = nullptr;
    const int closed = f->real->pMethods ? f->real->pMethods->xClose(f->real) : SQLITE_OK;
    return flushed != SQLITE_OK ? flushed : closed;
}

int bufRead(sqlite3_file *file, void *out, int amount, sqlite3_int64 offset)
{
    BufferedFile *f = self(file);
    if (f->used > 0 && offset < f->start + f->used && offset + amount > f->start) {
        if (const int rc = flush(f); rc != SQLITE_OK)
            return rc;
    }
    return f->real->pMethods->xRead(f->real, out, amount, offset);
}

int bufWrite(sqlite3_file *file, const void *data, int amount, sqlite3_int64 offset)
{
    BufferedFile *f = self(file);
    g_asked.fetch_add(1, std::memory_order_relaxed);
    const bool appends = f->used > 0 && offset == f->start + f->used;
    if (appends && f->used + amount <= bufferCapacity) {
        std::memcpy(f->buffer + f->used, data, size_t(amount));
        f->used += amount;
        return SQLITE_OK;
    }
    if (const int rc = flush(f); rc != SQLITE_OK)
        return rc;
    if (amount >= bufferCapacity) {
        g_made.fetch_add(1, std::memory_order_relaxed);
        return f->real->pMethods->xWrite(f->real, data, amount, offset);
    }
    if (!f->buffer && !(f->buffer = static_cast<char *>(std::malloc(bufferCapacity)))) {
        g_made.fetch_add(1, std::memory_order_relaxed);
        return f->real->pMethods->xWrite(f->real, data, amount, offset);
    }
    std::memcpy(f->buffer, data, size_t(amount));
    f->start = offset;
    f->used = amount;
    return SQLITE_OK;
}

int bufTruncate(sqlite3_file *file, sqlite3_int64 size)
{
    BufferedFile *f = self(file);
    if (const int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->real->pMethods->xTruncate(f->real, size);
}

int bufSync(sqlite3_file *file, int flags)
{
    BufferedFile *f = self(file);
    if (const int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->real->pMethods->xSync(f->real, flags);
}

int bufFileSize(sqlite3_file *file, sqlite3_int64 *size)
{
    BufferedFile *f = self(file);
    if (const int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->real->pMethods->xFileSize(f->real, size);
}

int bufLock(sqlite3_file *file, int level)
{
    return self(file)->real->pMethods->xLock(self(file)->real, level);
}

int bufUnlock(sqlite3_file *file, int level)
{
    return self(file)->real->pMethods->xUnlock(self(file)->real, level);
}

int bufCheckReservedLock(sqlite3_file *file, int *out)
{
    return self(file)->real->pMethods->xCheckReservedLock(self(file)->real, out);
}

int bufFileControl(sqlite3_file *file, int op, void *arg)
{
    BufferedFile *f = self(file);
    if (const int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->real->pMethods->xFileControl(f->real, op, arg);
}

int bufSectorSize(sqlite3_file *file)
{
    return self(file)->real->pMethods->xSectorSize(self(file)->real);
}

int bufDeviceCharacteristics(sqlite3_file *file)
{
    return self(file)->real->pMethods->xDeviceCharacteristics(self(file)->real);
}

// Version 1: a WAL file is never memory-mapped and has no shared-memory index of its own.
const sqlite3_io_methods bufferedMethods = {
    1,
    bufClose,
    bufRead,
    bufWrite,
    bufTruncate,
    bufSync,
    bufFileSize,
    bufLock,
    bufUnlock,
    bufCheckReservedLock,
    bufFileControl,
    bufSectorSize,
    bufDeviceCharacteristics,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
};

int vfsOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    if (!(flags & SQLITE_OPEN_WAL)) // the default VFS's object, at the start of our space
        return g_base->xOpen(g_base, name, file, flags, outFlags);
    BufferedFile *f = new (file) BufferedFile{};
    f->real = reinterpret_cast<sqlite3_file *>(reinterpret_cast<char *>(file) + realOffset);
    const int rc = g_base->xOpen(g_base, name, f->real, flags, outFlags);
    if (rc != SQLITE_OK) {
        f->base.pMethods = nullptr; // SQLite calls no xClose then
        return rc;
    }
    f->base.pMethods = &bufferedMethods;
    return SQLITE_OK;
}

} // namespace

const char *walWriteBufferVfs()
{
    static std::once_flag once;
    static const char *name = nullptr;
    std::call_once(once, [] {
        g_base = sqlite3_vfs_find(nullptr);
        if (!g_base || g_base->iVersion < 1)
            return;
        g_vfs = *g_base; // every other entry point is the default VFS's own
        g_vfs.pNext = nullptr;
        g_vfs.zName = "natter-walbuffer";
        g_vfs.szOsFile = realOffset + g_base->szOsFile;
        g_vfs.xOpen = vfsOpen;
        if (sqlite3_vfs_register(&g_vfs, 0) == SQLITE_OK)
            name = g_vfs.zName;
    });
    return name;
}

WalWriteStats walWriteStats()
{
    return {g_asked.load(std::memory_order_relaxed), g_made.load(std::memory_order_relaxed)};
}

#else

const char *walWriteBufferVfs()
{
    return nullptr;
}
WalWriteStats walWriteStats()
{
    return {};
}

#endif

} // namespace natter::server
