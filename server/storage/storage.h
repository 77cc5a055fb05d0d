#pragma once
// Storage runs every database job off the event-loop thread.
//
// Writes go to one writer thread that drains its queue in batches: all jobs waiting when a
// batch starts share one transaction and one commit (each job inside its own savepoint, so a
// failing job rolls back alone). A job's completion is delivered only after the commit that
// made it durable. Reads go to a separate reader thread with its own connection, so they never
// wait for a commit in progress (SQLite WAL). On SQLite a third thread copies the WAL back into
// the database file (WalCheckpointer), so the writer never waits for that.

#include "storage/storageconfig.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace natter::server {

class Repositories;
class SearchIndexer;
class StorageWorker;
class WalCheckpointer;

template <class T>
struct StorageResult
{
    std::optional<T> value;
    QString error; ///< set when the job or its commit failed; nothing of the job was stored
    bool ok() const { return value.has_value(); }
};

/// Statistics of the write batches, for logs and benchmarks.
struct WriteStats
{
    qint64 batches = 0;
    qint64 jobs = 0;
    qint64 failedCommits = 0;
    qint64 checkpoints = 0; ///< WAL checkpoints run by WalCheckpointer
    qint64 searchPasses = 0; ///< passes of the SearchIndexer
    /// Batches of repeatable jobs run without a savepoint per job, and those of them that a
    /// failing job sent back to run again job by job (see Storage::writeRepeatable).
    qint64 unguardedBatches = 0;
    qint64 retriedBatches = 0;
};

class Storage : public QObject
{
    Q_OBJECT
public:
    explicit Storage(StorageConfig config, QObject *parent = nullptr);
    ~Storage() override;

    /// Opens the database, applies migrations and starts the worker threads.
    bool open(QString *error);
    /// Finishes queued jobs and stops the threads. Called by the destructor too.
    void close();

    /// Runs `job` on the writer thread in the next batch; `done` runs on `context`'s thread
    /// after the commit. `context` must outlive this Storage (pass a long-lived handler).
    template <class R>
    void write(QObject *context, std::function<R(Repositories &)> job,
               std::function<void(const StorageResult<R> &)> done)
    {
        submit(Queue::Writer, context, std::move(job), std::move(done), false);
    }

    /// As write(), for a job that changes nothing outside the database: it may share its
    /// batch's transaction without a savepoint of its own (SQLite copies every page a savepoint
    /// changes), and may run twice: if a job of such a batch fails, the batch is rolled back and
    /// run again job by job, each in its savepoint.
    template <class R>
    void writeRepeatable(QObject *context, std::function<R(Repositories &)> job,
                         std::function<void(const StorageResult<R> &)> done)
    {
        submit(Queue::Writer, context, std::move(job), std::move(done), true);
    }

    /// Runs `job` on the reader thread inside a read transaction.
    template <class R>
    void read(QObject *context, std::function<R(Repositories &)> job,
              std::function<void(const StorageResult<R> &)> done)
    {
        submit(Queue::Reader, context, std::move(job), std::move(done), false);
    }

    /// As read(), for a search: with StorageConfig::searchIndexDelayMs 0 the job first waits
    /// until the search index covers every commit made before this call.
    template <class R>
    void search(QObject *context, std::function<R(Repositories &)> job,
                std::function<void(const StorageResult<R> &)> done)
    {
        submit(Queue::ReaderAfterIndex, context, std::move(job), std::move(done), false);
    }

    WriteStats writeStats() const;
    const StorageConfig &config() const { return m_config; }

    /// One queued unit of work. `run` executes on a database thread; `complete` must then run
    /// on `context`'s thread: the worker delivers the completions of a whole batch together,
    /// one posted event per receiving thread, in job order.
    struct Job
    {
        QObject *context = nullptr;
        std::function<void(Repositories &)> run;
        std::function<void(const QString &error)> complete;
        bool repeatable = false; ///< see writeRepeatable()
    };

private:
    enum class Queue { Writer, Reader, ReaderAfterIndex };
    template <class R>
    void submit(Queue queue, QObject *context, std::function<R(Repositories &)> job,
                std::function<void(const StorageResult<R> &)> done, bool repeatable)
    {
        auto result = std::make_shared<StorageResult<R>>();
        Job j;
        j.context = context;
        j.repeatable = repeatable;
        j.run = [job = std::move(job), result](Repositories &repos) { result->value = job(repos); };
        j.complete = [result, done = std::move(done)](const QString &error) {
            if (!error.isEmpty()) {
                result->value.reset();
                result->error = error;
            }
            done(*result);
        };
        enqueue(queue, std::move(j));
    }
    void enqueue(Queue queue, Job job);

    StorageConfig m_config;
    std::unique_ptr<QThread> m_writerThread;
    std::unique_ptr<QThread> m_readerThread;
    StorageWorker *m_writer = nullptr;
    StorageWorker *m_reader = nullptr;
    std::unique_ptr<QThread> m_checkpointThread;
    WalCheckpointer *m_checkpointer = nullptr;
    std::unique_ptr<QThread> m_searchThread;
    SearchIndexer *m_searchIndexer = nullptr;
};

} // namespace natter::server
