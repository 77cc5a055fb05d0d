#include "storage/storageworker.h"

#include "storage/repositories.h"
#include "storage/searchindexer.h"
#include "storage/sqlconnection.h"
#include "storage/statement.h"
#include "storage/storageerror.h"
#include "storage/walcheckpointer.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QThread>

#include <algorithm>
#include <utility>
#include <vector>

#ifdef NATTER_SQLITE_NATIVE
#include <sqlite3.h>
#endif

Q_LOGGING_CATEGORY(lcStorage, "natter.server.db")

namespace natter::server {

namespace {

} // namespace

#ifdef NATTER_SQLITE_NATIVE
int StorageWorker::reportWalSize(void *worker, sqlite3 *, const char *, int pages)
{
    auto *w = static_cast<StorageWorker *>(worker);
    if (w->m_checkpointer->walGrew(pages))
        w->m_checkpointDue = true;
    return SQLITE_OK;
}
#endif

void StorageWorker::checkpointIfDue()
{
#ifdef NATTER_SQLITE_NATIVE
    if (!std::exchange(m_checkpointDue, false) || !m_repos)
        return;
    // After the batch's results went out: the copy and its fsync delay only what comes next.
    sqlite3_wal_checkpoint_v2(m_repos->statements().sqlite(), "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
#endif
}

StorageWorker::StorageWorker(StorageConfig config, QString connectionName, Mode mode)
    : m_config(std::move(config)), m_connectionName(std::move(connectionName)), m_mode(mode)
{
}

StorageWorker::~StorageWorker() = default;

QString StorageWorker::openConnection()
{
    try {
        const SearchIndex index = m_mode == Mode::Writer ? SearchIndex::Left : SearchIndex::Attached;
        m_repos = std::make_unique<Repositories>(natter::server::openConnection(m_config, m_connectionName, index),
                                                m_config.dataDir);
        if (m_mode == Mode::Reader && m_config.backend == StorageConfig::Backend::Sqlite)
            execDirect(m_repos->database(), QStringLiteral("PRAGMA query_only=1"));
#ifdef NATTER_SQLITE_NATIVE
        if (m_mode == Mode::Writer && m_checkpointer && m_repos->statements().sqlite())
            sqlite3_wal_hook(m_repos->statements().sqlite(), &StorageWorker::reportWalSize, this);
#endif
        if (m_mode == Mode::Writer) {
            flushOrder(); // what the last run stored after its last move
            m_orderTimer = new QTimer(this);
            m_orderTimer->setSingleShot(true);
            connect(m_orderTimer, &QTimer::timeout, this, &StorageWorker::flushOrder);
        }
    } catch (const StorageError &e) {
        return e.message();
    }
    return {};
}

void StorageWorker::shutdown()
{
    drain();
    m_repos.reset();
    closeConnection(m_connectionName);
}

void StorageWorker::enqueue(Storage::Job job)
{
    QMutexLocker lock(&m_mutex);
    m_queue.append(std::move(job));
    if (m_queue.size() == groupTarget())
        m_queueGrew.wakeOne();
    if (!m_scheduled) {
        m_scheduled = true;
        QMetaObject::invokeMethod(this, &StorageWorker::drain, Qt::QueuedConnection);
    }
}

WriteStats StorageWorker::stats() const
{
    QMutexLocker lock(&m_mutex);
    return m_stats;
}

void StorageWorker::gatherNextBatch()
{
    if (m_mode != Mode::Writer || m_config.groupCommitMs <= 0 || !m_sinceBatchBegan.isValid())
        return;
    const qint64 left = m_config.groupCommitMs - m_sinceBatchBegan.elapsed();
    if (left <= 0) // and QDeadlineTimer(-1) would never expire
        return;
    const QDeadlineTimer until(left, Qt::PreciseTimer);
    while (m_queue.size() < groupTarget() && !until.hasExpired())
        m_queueGrew.wait(&m_mutex, until);
}

void StorageWorker::drain()
{
    bool committed = false;
    for (;;) {
        QVector<Storage::Job> jobs;
        {
            QMutexLocker lock(&m_mutex);
            if (committed && !m_queue.isEmpty())
                gatherNextBatch();
            if (m_queue.isEmpty()) {
                m_scheduled = false;
                if (m_orderTimer && m_repos && m_repos->messages.orderTail() > 0)
                    m_orderTimer->start(int(MessageRepository::orderTailAgeMs));
                return;
            }
            const int maxBatch = m_mode == Mode::Writer ? qMax(1, m_config.maxWriteBatch) : 1024;
            if (m_queue.size() <= maxBatch) {
                jobs.swap(m_queue);
            } else {
                jobs = m_queue.mid(0, maxBatch);
                m_queue.remove(0, maxBatch);
            }
        }
        if (!m_repos) {
            finishAll(jobs, QVector<QString>(jobs.size(), QStringLiteral("storage is closed")));
            continue;
        }
        if (m_mode == Mode::Writer) {
            m_sinceBatchBegan.start();
            runBatch(jobs);
            committed = true;
            checkpointIfDue();
        } else {
            runReads(jobs);
        }
    }
}

void StorageWorker::runBatch(QVector<Storage::Job> &jobs)
{
    const bool sqlite = m_config.backend == StorageConfig::Backend::Sqlite;
    const bool repeatable =
        sqlite && std::all_of(jobs.cbegin(), jobs.cend(), [](const Storage::Job &j) { return j.repeatable; });
    if (repeatable && runUnguarded(jobs))
        return;
    QVector<QString> errors(jobs.size());
    try {
        // Cached statements: preparing BEGIN and COMMIT anew cost as much as a message insert.
        Statement(m_repos->statements(), sqlite ? "BEGIN IMMEDIATE" : "BEGIN").exec();
    } catch (const StorageError &e) {
        qCWarning(lcStorage) << "cannot begin write batch:" << e.message();
        finishAll(jobs, QVector<QString>(jobs.size(), e.message()));
        return;
    }
    for (int i = 0; i < jobs.size(); ++i) {
        try {
            Statement(m_repos->statements(), "SAVEPOINT job").exec();
            jobs[i].run(*m_repos);
            Statement(m_repos->statements(), "RELEASE SAVEPOINT job").exec();
        } catch (const std::exception &e) {
            errors[i] = QString::fromStdString(e.what());
            qCWarning(lcStorage) << "write job failed:" << errors[i];
            m_repos->roomStates().clear(); // it may hold what the rollback undoes
            undoSavepoint(QStringLiteral("job"));
        }
    }
    if (commitBatch(jobs))
        finishAll(jobs, errors);
}

void StorageWorker::flushOrder()
{
    if (!m_repos || m_config.backend != StorageConfig::Backend::Sqlite)
        return;
    if (m_orderTimer)
        m_orderTimer->stop();
    try {
        Statement(m_repos->statements(), "BEGIN IMMEDIATE").exec();
        m_repos->messages.flushOrder();
        Statement(m_repos->statements(), "COMMIT").exec();
    } catch (const StorageError &e) {
        // The tail stays where it is, still read by every query; the next move tries again.
        qCWarning(lcStorage) << "cannot move new messages into the rooms' order:" << e.message();
        m_repos->database().rollback();
        m_repos->messages.orderMoveRolledBack();
        if (m_orderTimer)
            m_orderTimer->start(int(MessageRepository::orderTailAgeMs)); // and again a second later
    }
}

void StorageWorker::undoSavepoint(const QString &name)
{
    try {
        execDirect(m_repos->database(), QStringLiteral("ROLLBACK TO SAVEPOINT ") + name);
        execDirect(m_repos->database(), QStringLiteral("RELEASE SAVEPOINT ") + name);
    } catch (const StorageError &) {
        // The transaction is unusable; the batch's commit fails and reports it.
    }
}

bool StorageWorker::runUnguarded(QVector<Storage::Job> &jobs)
{
    try {
        Statement(m_repos->statements(), "BEGIN IMMEDIATE").exec();
    } catch (const StorageError &e) {
        qCWarning(lcStorage) << "cannot begin write batch:" << e.message();
        return false; // the guarded path tries again and reports
    }
    for (int i = 0; i < jobs.size(); ++i) {
        try {
            jobs[i].run(*m_repos);
        } catch (const std::exception &e) {
            qCInfo(lcStorage) << "a repeatable write job failed; its batch runs again job by job:" << e.what();
            m_repos->roomStates().clear(); // it may hold what the rollback undoes
            m_repos->database().rollback();
            QMutexLocker lock(&m_mutex);
            ++m_stats.retriedBatches;
            return false;
        }
    }
    {
        QMutexLocker lock(&m_mutex);
        ++m_stats.unguardedBatches;
    }
    if (commitBatch(jobs))
        finishAll(jobs, QVector<QString>(jobs.size()));
    return true;
}

bool StorageWorker::commitBatch(QVector<Storage::Job> &jobs)
{
    if (m_config.backend == StorageConfig::Backend::Sqlite && m_repos->messages.orderDue()) {
        // In the batch's transaction: a commit (and its fsync) of its own would hold up the
        // messages queued meanwhile once more.
        try {
            Statement(m_repos->statements(), "SAVEPOINT move_order").exec();
            m_repos->messages.flushOrder();
            Statement(m_repos->statements(), "RELEASE SAVEPOINT move_order").exec();
        } catch (const StorageError &e) {
            qCWarning(lcStorage) << "cannot move new messages into the rooms' order:" << e.message();
            undoSavepoint(QStringLiteral("move_order"));
        }
    }
    QString commitError;
    try {
        Statement(m_repos->statements(), "COMMIT").exec();
    } catch (const StorageError &e) {
        commitError = e.message();
    }
    if (!commitError.isEmpty()) {
        const QString error = QStringLiteral("commit failed: %1").arg(commitError);
        qCWarning(lcStorage) << error;
        m_repos->database().rollback();
        m_repos->roomStates().clear();
        m_repos->messages.orderMoveRolledBack(); // a move in this batch was undone with it
        {
            QMutexLocker lock(&m_mutex);
            ++m_stats.failedCommits;
        }
        finishAll(jobs, QVector<QString>(jobs.size(), error));
        return false;
    }
    if (m_searchIndexer)
        m_searchIndexer->committed(int(jobs.size()));
    QMutexLocker lock(&m_mutex);
    ++m_stats.batches;
    m_stats.jobs += jobs.size();
    return true;
}

void StorageWorker::runReads(QVector<Storage::Job> &jobs)
{
    QSqlDatabase &db = m_repos->database();
    QVector<QString> errors(jobs.size());
    for (int i = 0; i < jobs.size(); ++i) {
        try {
            Statement(m_repos->statements(), "BEGIN").exec();
            jobs[i].run(*m_repos);
            Statement(m_repos->statements(), "COMMIT").exec();
        } catch (const std::exception &e) {
            errors[i] = QString::fromStdString(e.what());
            qCWarning(lcStorage) << "read job failed:" << errors[i];
            db.rollback();
        }
    }
    finishAll(jobs, errors);
}

void StorageWorker::finishAll(QVector<Storage::Job> &jobs, const QVector<QString> &errors)
{
    // One posted event per receiving thread for the whole batch: posting (and waking the event
    // loop) per job cost more than many of the jobs themselves.
    struct Delivery
    {
        QThread *thread = nullptr;
        QObject *context = nullptr;
        std::vector<std::function<void()>> calls;
    };
    std::vector<Delivery> deliveries;
    for (int i = 0; i < jobs.size(); ++i) {
        QObject *context = jobs[i].context;
        QThread *thread = context->thread();
        auto it = std::find_if(deliveries.begin(), deliveries.end(),
                               [thread](const Delivery &d) { return d.thread == thread; });
        if (it == deliveries.end())
            it = deliveries.insert(deliveries.end(), Delivery{thread, context, {}});
        it->calls.push_back([complete = std::move(jobs[i].complete), error = errors[i]] { complete(error); });
    }
    for (Delivery &d : deliveries) {
        QMetaObject::invokeMethod(
            d.context,
            [calls = std::move(d.calls)] {
                for (const auto &call : calls)
                    call();
            },
            Qt::QueuedConnection);
    }
}

} // namespace natter::server
