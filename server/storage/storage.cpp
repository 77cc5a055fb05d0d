#include "storage/storage.h"

#include "storage/migrator.h"
#include "storage/repositories.h"
#include "storage/searchindexer.h"
#include "storage/sqlconnection.h"
#include "storage/storageerror.h"
#include "storage/storageworker.h"
#include "storage/walcheckpointer.h"

#include <QAtomicInt>
#include <QLoggingCategory>
#include <QThread>

Q_DECLARE_LOGGING_CATEGORY(lcStorage)

namespace natter::server {

namespace {
QString uniqueConnectionName(const char *role)
{
    static QAtomicInt counter;
    return QStringLiteral("natter-%1-%2").arg(QLatin1String(role)).arg(counter.fetchAndAddRelaxed(1));
}
/// Shuts `object` down and deletes it on its thread, then stops the thread.
template <class T> void stopThread(std::unique_ptr<QThread> &thread, T *&object)
{
    if (!thread)
        return;
    if (object) {
        T *o = object;
        QMetaObject::invokeMethod(o, [o] { o->shutdown(); delete o; }, Qt::BlockingQueuedConnection);
        object = nullptr;
    }
    thread->quit();
    thread->wait();
    thread.reset();
}
} // namespace

Storage::Storage(StorageConfig config, QObject *parent) : QObject(parent), m_config(std::move(config)) {}

Storage::~Storage() { close(); }

bool Storage::open(QString *error)
{
    const QString setupName = uniqueConnectionName("migrate");
    try {
        QSqlDatabase db = openConnection(m_config, setupName);
        Migrator(db, m_config.dialect()).migrate();
    } catch (const StorageError &e) {
        *error = e.message();
        closeConnection(setupName);
        return false;
    }
    closeConnection(setupName);

    QString e;
    if (m_config.backend == StorageConfig::Backend::Sqlite) {
        m_checkpointThread = std::make_unique<QThread>();
        m_checkpointThread->setObjectName(QStringLiteral("db-checkpoint"));
        m_checkpointer = new WalCheckpointer(m_config, uniqueConnectionName("db-checkpoint"));
        m_checkpointer->moveToThread(m_checkpointThread.get());
        m_checkpointThread->start();
        QMetaObject::invokeMethod(m_checkpointer, [&] { e = m_checkpointer->openConnection(); },
                                  Qt::BlockingQueuedConnection);
    }
    auto start = [this](StorageWorker::Mode mode, const char *role, std::unique_ptr<QThread> &thread,
                        StorageWorker *&worker) -> QString {
        thread = std::make_unique<QThread>();
        thread->setObjectName(QString::fromLatin1(role));
        worker = new StorageWorker(m_config, uniqueConnectionName(role), mode);
        if (mode == StorageWorker::Mode::Writer) {
            worker->setCheckpointer(m_checkpointer);
            worker->setSearchIndexer(m_searchIndexer);
        }
        worker->moveToThread(thread.get());
        thread->start();
        QString openError;
        QMetaObject::invokeMethod(worker, [&] { openError = worker->openConnection(); },
                                  Qt::BlockingQueuedConnection);
        return openError;
    };
    if (e.isEmpty() && m_config.backend == StorageConfig::Backend::Sqlite) {
        m_searchThread = std::make_unique<QThread>();
        m_searchThread->setObjectName(QStringLiteral("db-search"));
        m_searchIndexer = new SearchIndexer(m_config, uniqueConnectionName("db-search"));
        m_searchIndexer->setOnChangesApplied([this](qint64 through) {
            Job forget;
            forget.context = m_searchIndexer;
            forget.repeatable = true;
            forget.run = [through](Repositories &r) { r.search.forgetChanges(through); };
            forget.complete = [](const QString &error) {
                if (!error.isEmpty())
                    qCWarning(lcStorage) << "deleting the search index's applied change log failed:" << error;
            };
            enqueue(Queue::Writer, std::move(forget));
        });
        m_searchIndexer->moveToThread(m_searchThread.get());
        m_searchThread->start();
        QMetaObject::invokeMethod(m_searchIndexer, [&] { e = m_searchIndexer->openConnection(); },
                                  Qt::BlockingQueuedConnection);
    }
    if (e.isEmpty())
        e = start(StorageWorker::Mode::Writer, "db-writer", m_writerThread, m_writer);
    if (e.isEmpty())
        e = start(StorageWorker::Mode::Reader, "db-reader", m_readerThread, m_reader);
    if (!e.isEmpty()) {
        *error = e;
        close();
        return false;
    }
    if (m_searchIndexer)
        m_searchIndexer->start(); // its passes may ask the writer to delete the applied log
    return true;
}

void Storage::close()
{
    // The writer reports commits to the indexer, whose waiting searches go to the reader; the
    // indexer stops asking the writer for jobs first. The checkpointer goes last: the writer
    // may still have asked for a checkpoint.
    if (m_searchIndexer) {
        SearchIndexer *s = m_searchIndexer;
        QMetaObject::invokeMethod(s, [s] { s->setOnChangesApplied({}); }, Qt::BlockingQueuedConnection);
    }
    stopThread(m_writerThread, m_writer);
    stopThread(m_searchThread, m_searchIndexer);
    stopThread(m_readerThread, m_reader);
    stopThread(m_checkpointThread, m_checkpointer);
}

void Storage::enqueue(Queue queue, Job job)
{
    if (queue == Queue::ReaderAfterIndex && m_searchIndexer && m_config.searchIndexDelayMs <= 0) {
        // Whatever a search job captures, the reader outlives the indexer (close()).
        auto shared = std::make_shared<Job>(std::move(job));
        m_searchIndexer->whenCurrent([this, shared] { enqueue(Queue::Reader, std::move(*shared)); });
        return;
    }
    StorageWorker *worker = queue == Queue::Writer ? m_writer : m_reader;
    if (!worker) {
        QObject *context = job.context;
        QMetaObject::invokeMethod(
            context, [job = std::move(job)] { job.complete(QStringLiteral("storage is not open")); },
            Qt::QueuedConnection);
        return;
    }
    worker->enqueue(std::move(job));
}

WriteStats Storage::writeStats() const
{
    WriteStats stats = m_writer ? m_writer->stats() : WriteStats{};
    stats.checkpoints = m_checkpointer ? m_checkpointer->checkpoints() : 0;
    stats.searchPasses = m_searchIndexer ? m_searchIndexer->passes() : 0;
    return stats;
}

} // namespace natter::server
