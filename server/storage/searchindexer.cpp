#include "storage/searchindexer.h"

#include "storage/searchrepository.h"
#include "storage/sqlconnection.h"
#include "storage/statement.h"
#include "storage/storageerror.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QTimer>

#include <algorithm>
#include <limits>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace natter::server {

namespace {
Q_LOGGING_CATEGORY(lcSearchIndex, "natter.server.db.search")

/// Indexing is background work: when the CPU is short it yields to the event loop and the
/// writer (a nice value is per thread on Linux). Measured at 34,000 copies/s asked: p99 118 and
/// 142 ms against 172 and 198 ms at the writer's priority.
void lowerThisThreadsPriority()
{
#ifdef Q_OS_LINUX
    setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), 10);
#endif
}
} // namespace

SearchIndexer::SearchIndexer(StorageConfig config, QString connectionName)
    : m_config(std::move(config)), m_connectionName(std::move(connectionName))
{
}

SearchIndexer::~SearchIndexer() = default;

QString SearchIndexer::openConnection()
{
    lowerThisThreadsPriority();
    try {
        m_cache = std::make_unique<StatementCache>(natter::server::openConnection(m_config, m_connectionName));
    } catch (const StorageError &e) {
        return e.message();
    }
    m_search = std::make_unique<SearchRepository>(*m_cache);
    m_delay = new QTimer(this);
    m_delay->setSingleShot(true);
    connect(m_delay, &QTimer::timeout, this, &SearchIndexer::runPass);
    return {};
}

void SearchIndexer::start()
{
    QMetaObject::invokeMethod(this, &SearchIndexer::runPass, Qt::QueuedConnection);
}

void SearchIndexer::shutdown()
{
    release(std::numeric_limits<qint64>::max());
    if (!m_cache)
        return;
    m_search.reset();
    m_cache.reset();
    closeConnection(m_connectionName);
}

void SearchIndexer::committed(int jobs)
{
    m_commits.fetchAndAddRelease(1);
    m_pendingJobs.fetchAndAddRelaxed(jobs);
    if (m_wakeQueued.testAndSetAcquire(0, 1))
        QMetaObject::invokeMethod(this, &SearchIndexer::wake, Qt::QueuedConnection);
}

void SearchIndexer::whenCurrent(std::function<void()> then)
{
    const qint64 target = m_commits.loadAcquire();
    {
        QMutexLocker lock(&m_mutex);
        if (m_covered < target) {
            m_waiting.emplace_back(target, std::move(then));
            return; // the commit's wake() is queued: it runs the pass
        }
    }
    then();
}

void SearchIndexer::wake()
{
    m_wakeQueued.fetchAndStoreOrdered(0); // commits reported after this queue another wake
    bool waited = false;
    {
        QMutexLocker lock(&m_mutex);
        waited = !m_waiting.empty();
    }
    if (m_config.searchIndexDelayMs <= 0 || waited || m_pendingJobs.loadRelaxed() >= m_config.searchIndexBatch)
        runPass();
    else if (!m_delay->isActive())
        m_delay->start(m_config.searchIndexDelayMs);
}

void SearchIndexer::runPass()
{
    if (!m_search)
        return;
    m_delay->stop();
    m_pendingJobs.storeRelaxed(0);
    // Read before the pass's snapshot begins, so the snapshot holds at least these commits.
    const qint64 target = m_commits.loadAcquire();
    int taken = 0;
    try {
        // Deferred: the snapshot of the main database is only read; the `search` schema's
        // write lock is taken at the first write, and no other connection asks for it.
        Statement(*m_cache, "BEGIN").exec();
        taken = m_search->indexPending(passLimit);
        Statement(*m_cache, "COMMIT").exec();
        const qint64 applied = m_search->appliedChanges();
        if (applied > m_appliedChanges && m_onChangesApplied)
            m_onChangesApplied(applied);
        m_appliedChanges = applied;
    } catch (const StorageError &e) {
        qCWarning(lcSearchIndex) << "indexing new messages for search failed:" << e.message();
        m_cache->database().rollback();
        taken = 0; // the next commit's wake tries again
    }
    m_passes.fetchAndAddRelaxed(1);
    if (taken == passLimit) {
        // More wait (after an upgrade, a rebuild): one pass at a time, so that a shutdown or
        // a commit's wake is never held up by the whole backlog.
        QMetaObject::invokeMethod(this, &SearchIndexer::runPass, Qt::QueuedConnection);
        return;
    }
    release(target); // after a failure too: a search then finds what the index holds
}

void SearchIndexer::release(qint64 covered)
{
    std::vector<std::function<void()>> ready;
    {
        QMutexLocker lock(&m_mutex);
        m_covered = std::max(m_covered, covered);
        for (auto it = m_waiting.begin(); it != m_waiting.end();) {
            if (it->first <= m_covered) {
                ready.push_back(std::move(it->second));
                it = m_waiting.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (const auto &then : ready)
        then();
}

} // namespace natter::server
