#pragma once
// Copies the writer's WAL back into the database file on a thread of its own (SQLite only).
//
// SQLite's automatic checkpoint runs inside the commit that crosses its threshold: the writer
// copies thousands of pages and waits for the database file's fsync while every queued message
// waits behind it. Instead the writer's commits only report how large the WAL has grown
// (sqlite3_wal_hook, see StorageWorker); past `pages` this object runs a PASSIVE checkpoint on
// its own connection, which never blocks the writer (and readers keep their snapshots), and
// again after each further half of `pages`. The WAL starts over only once a checkpoint has copied
// every frame, which a checkpoint running beside steady commits rarely manages; so at twice
// `pages` the writer checkpoints in its commit, as SQLite would: by then most is copied
// already, and the WAL file stays bounded.
#include "storage/storageconfig.h"

#include <QAtomicInteger>
#include <QObject>
#include <QString>

namespace natter::server {

class WalCheckpointer : public QObject
{
    Q_OBJECT
public:
    WalCheckpointer(StorageConfig config, QString connectionName);
    ~WalCheckpointer() override;

    /// Opens the connection; call on this object's thread. Returns an error text or empty.
    QString openConnection();
    /// Closes the connection; call on this object's thread.
    void shutdown();

    /// Called on the writer's thread after a commit left `pages` pages in the WAL: asks for a
    /// checkpoint once `pages` reaches the threshold and none is queued already. Returns true
    /// at twice the threshold: the writer should then checkpoint itself.
    bool walGrew(int pages);
    /// Checkpoints run so far (for statistics and tests).
    qint64 checkpoints() const { return m_done.loadRelaxed(); }
    int threshold() const { return m_config.walCheckpointPages; }

private:
    void checkpoint();

    StorageConfig m_config;
    QString m_connectionName;
    bool m_open = false;
    int m_lastPages = 0;     ///< writer's thread only (walGrew)
    int m_nextRequestAt = 0; ///< writer's thread only (walGrew)
    QAtomicInteger<int> m_requested = 0;
    QAtomicInteger<qint64> m_done = 0;
};

} // namespace natter::server
