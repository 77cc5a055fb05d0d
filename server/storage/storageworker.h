#pragma once

#include "storage/storage.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QObject>
#include <QTimer>
#include <QVector>
#include <QWaitCondition>
#include <memory>

struct sqlite3;

namespace natter::server {

class Repositories;
class SearchIndexer;
class WalCheckpointer;

/// Owns one database connection on its own thread and runs queued jobs on it: as batches in
/// one transaction (writer) or each in its own read transaction (reader).
class StorageWorker : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Writer, Reader };
    StorageWorker(StorageConfig config, QString connectionName, Mode mode);
    ~StorageWorker() override;

    /// A writer on SQLite reports the WAL's growth to `checkpointer` instead of checkpointing in
    /// its commits (when natterd drives SQLite's API itself; else SQLite's own automatic
    /// checkpoint stays). Call before openConnection(); `checkpointer` must outlive the worker.
    void setCheckpointer(WalCheckpointer *checkpointer) { m_checkpointer = checkpointer; }
    /// A writer reports each commit to `indexer` (SQLite); it must outlive the worker.
    void setSearchIndexer(SearchIndexer *indexer) { m_searchIndexer = indexer; }
    /// Opens the connection; call on the worker's thread. Returns an error text or empty.
    QString openConnection();
    /// Runs what is queued and closes the connection; call on the worker's thread.
    void shutdown();

    void enqueue(Storage::Job job);
    WriteStats stats() const;


private:
    void drain();
    /// Writer, with m_mutex held, after a commit: waits for more jobs (group commit, see
    /// StorageConfig::groupCommitMs).
    void gatherNextBatch();
    int groupTarget() const { return qMin(m_config.groupCommitJobs, m_config.maxWriteBatch); }
    void runBatch(QVector<Storage::Job> &jobs);
    /// Runs a batch of repeatable jobs in one transaction without savepoints and commits it;
    /// false (and everything rolled back) if a job failed.
    bool runUnguarded(QVector<Storage::Job> &jobs);
    /// Commits and reports it to the search indexer; on failure every job fails. True if committed.
    bool commitBatch(QVector<Storage::Job> &jobs);
    void runReads(QVector<Storage::Job> &jobs);
    /// SQLite's WAL hook on the writer's connection, in place of its automatic checkpoint:
    /// reports the WAL's size to the checkpointer, and notes when the writer must checkpoint
    /// itself (see WalCheckpointer::walGrew), which checkpointIfDue() does after the batch.
    static int reportWalSize(void *worker, sqlite3 *db, const char *schema, int pages);
    void checkpointIfDue();
    /// Writer, when no batch is running (on opening, after a quiet second): moves the messages
    /// stored since the last move into message_order in a transaction of its own
    /// (MessageRepository::flushOrder). A batch moves them itself when they are due.
    void flushOrder();
    /// Rolls the writer's transaction back to savepoint `name` and releases it.
    void undoSavepoint(const QString &name);
    void finishAll(QVector<Storage::Job> &jobs, const QVector<QString> &errors);

    StorageConfig m_config;
    QString m_connectionName;
    Mode m_mode;
    std::unique_ptr<Repositories> m_repos;

    mutable QMutex m_mutex;
    QVector<Storage::Job> m_queue;
    bool m_scheduled = false;
    QWaitCondition m_queueGrew; ///< signalled once groupCommitJobs are queued
    QElapsedTimer m_sinceBatchBegan;
    WriteStats m_stats;
    WalCheckpointer *m_checkpointer = nullptr;
    SearchIndexer *m_searchIndexer = nullptr;
    bool m_checkpointDue = false;
    QTimer *m_orderTimer = nullptr; ///< writer: moves the order's tail after a quiet second
};

} // namespace natter::server
