#pragma once
// A SQLite VFS that gathers the writes of a WAL file into one system call per commit.
//
// SQLite writes a WAL frame as two pwrite() calls (its 24-byte header, then the page), so a
// commit of 30 pages costs 60 system calls before its fsync. This VFS wraps the platform's
// default one; for WAL files only, it keeps consecutive writes in a memory buffer (120 KiB) and
// hands them to the real file in one write before anything could observe the file: before the
// file is synced, read, sized, truncated or closed, and before a write that does not extend the
// buffer. Other files (the database, journals) are the default VFS's own objects, untouched.
//
// Safe only where every commit syncs the WAL (PRAGMA synchronous=FULL, which openConnection()
// enforces): other connections learn of new frames from the WAL index, which SQLite updates
// after the commit's sync, so by then the frames are in the file. With synchronous=NORMAL a
// commit would publish frames still held here.

#include <QtGlobal>

namespace natter::server {

/// Registers the VFS with the SQLite library natterd links (once; thread-safe) and returns its
/// name for a `file:` URI's `vfs=` parameter; nullptr without the native SQLite API.
const char *walWriteBufferVfs();

/// Counters of the WAL writes (all connections of the process), for tests and benchmarks.
struct WalWriteStats
{
    qint64 writesAsked = 0; ///< writes SQLite made to WAL files
    qint64 writesMade = 0;  ///< writes passed on to the files
};
WalWriteStats walWriteStats();

} // namespace natter::server
