#pragma once
// Keeps the search index (its own file, migration 16) up to date, on a thread of its own.
//
// The writer reports each commit (committed()); passes of SearchRepository::indexPending then
// run on this object's connection, each a transaction of at most `passLimit` new messages that
// writes only the `search` schema and reads a snapshot of the main database. So the indexing,
// and the segment merges FTS5 runs while it writes, never hold the writer's transaction, in
// which every message sent meanwhile would wait. The writer deletes the change log a pass
// applied, in a job of its own (setOnChangesApplied()). Passes follow StorageConfig::searchIndexDelayMs and
// searchIndexBatch; with no delay, a search waits for the pass that covers every commit made
// before it (whenCurrent()).
#include "storage/storageconfig.h"

#include <QAtomicInteger>
#include <QMutex>
#include <QObject>
#include <QString>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

class QTimer;

namespace natter::server {

class SearchRepository;
class StatementCache;

class SearchIndexer : public QObject
{
    Q_OBJECT
public:
    SearchIndexer(StorageConfig config, QString connectionName);
    ~SearchIndexer() override;

    /// Opens the connection; call on this object's thread. Returns an error text.
    QString openConnection();
    /// Any thread, once the writer is open: a pass for whatever is not indexed yet (after an
    /// upgrade or a rebuild, everything, pass after pass).
    void start();
    /// Releases every waiting search (see whenCurrent()) and closes the connection; call on
    /// this object's thread.
    void shutdown();

    /// Writer's thread, after each commit of `jobs` write jobs.
    void committed(int jobs);
    /// Any thread: runs `then` once the index covers every commit reported so far: at once on
    /// the calling thread if it does, else on this object's thread after the pass that does.
    void whenCurrent(std::function<void()> then);
    /// Passes finished so far (for tests and statistics).
    qint64 passes() const { return m_passes.loadRelaxed(); }
    /// Called on this object's thread after a pass committed changes it applied from the log,
    /// with the last one's seq: the log holds old texts of deleted and edited messages, which
    /// the writer then deletes (Storage sets this). Set on this object's thread, or before
    /// it runs.
    void setOnChangesApplied(std::function<void(qint64 through)> f) { m_onChangesApplied = std::move(f); }

    static constexpr int passLimit = 5000;

private:
    void wake();
    void runPass();
    void release(qint64 covered);

    StorageConfig m_config;
    QString m_connectionName;
    std::unique_ptr<StatementCache> m_cache;
    std::unique_ptr<SearchRepository> m_search;
    QTimer *m_delay = nullptr;
    QAtomicInteger<qint64> m_commits = 0;     ///< reported by the writer
    QAtomicInteger<int> m_pendingJobs = 0;    ///< write jobs committed since the last pass
    QAtomicInteger<int> m_wakeQueued = 0;
    QAtomicInteger<qint64> m_passes = 0;
    qint64 m_appliedChanges = 0;
    std::function<void(qint64)> m_onChangesApplied;
    QMutex m_mutex;                           ///< guards the two below
    qint64 m_covered = 0;                     ///< commits the index covers
    std::vector<std::pair<qint64, std::function<void()>>> m_waiting;
};

} // namespace natter::server
