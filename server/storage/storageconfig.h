#pragma once

#include <QString>

namespace natter::server {

/// Where the data lives. SQLite is the zero-setup default; the dialect picks the migration set.
struct StorageConfig
{
    enum class Backend { Sqlite, Postgres };
    Backend backend = Backend::Sqlite;
    QString sqlitePath;          ///< for Sqlite: the database file
    QString host;                ///< for Postgres
    int port = 5432;
    QString databaseName;
    QString user;
    QString password;
    /// Most write jobs that share one transaction and commit (1 = a commit per job).
    int maxWriteBatch = 1024;
    /// Group commit: when jobs are already waiting as a commit finishes (the writer is busy),
    /// the next batch gathers until this long after the previous one began, or until
    /// groupCommitJobs are queued. Each commit costs an fsync and writes every page it touched,
    /// so fewer, larger commits cost less per job. A writer that was idle commits at once.
    int groupCommitMs = 2;
    int groupCommitJobs = 256;
    /// The server's data directory; attachment contents live in its files/ folder.
    QString dataDir;
    /// New messages (and edits) reach the search index at most this long after their commit, or
    /// sooner once searchIndexBatch write jobs have committed since the last pass (SearchIndexer,
    /// on a thread of its own). Indexing many messages at once costs far less per message than
    /// a few at a time. 0: a pass after every commit, and a search waits for the pass that
    /// covers the commits before it (Storage::search).
    int searchIndexDelayMs = 1000;
    int searchIndexBatch = 5000;
    /// SQLite: once the WAL holds this many pages after a commit, a checkpoint copies them back
    /// into the database file on a thread of its own (WalCheckpointer), not in the writer.
    int walCheckpointPages = 4000;

    /// Parses "sqlite:<path>", a bare path, or "postgresql://user:pass@host:port/db".
    static bool fromUrl(const QString &url, StorageConfig *config, QString *error);
    QString dialect() const { return backend == Backend::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgres"); }
    QString describe() const;
};

} // namespace natter::server
