#include "storage/walcheckpointer.h"

#include "storage/sqlconnection.h"
#include "storage/storageerror.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcStorage)

namespace natter::server {

WalCheckpointer::WalCheckpointer(StorageConfig config, QString connectionName)
    : m_config(std::move(config)), m_connectionName(std::move(connectionName)),
      m_nextRequestAt(m_config.walCheckpointPages)
{
}

WalCheckpointer::~WalCheckpointer() = default;

QString WalCheckpointer::openConnection()
{
    try {
        natter::server::openConnection(m_config, m_connectionName, SearchIndex::Left);
    } catch (const StorageError &e) {
        return e.message();
    }
    m_open = true;
    return {};
}

void WalCheckpointer::shutdown()
{
    if (!m_open)
        return;
    m_open = false;
    closeConnection(m_connectionName);
}

bool WalCheckpointer::walGrew(int pages)
{
    const int threshold = m_config.walCheckpointPages;
    if (pages < m_lastPages)
        m_nextRequestAt = threshold; // the WAL started over from its beginning
    m_lastPages = pages;
    // Asked again only after another half threshold: checkpoints back to back would each copy a
    // few pages and pay a full fsync of the database file.
    if (pages >= m_nextRequestAt && m_requested.testAndSetOrdered(0, 1)) {
        m_nextRequestAt = pages + std::max(1, threshold / 2);
        QMetaObject::invokeMethod(this, &WalCheckpointer::checkpoint, Qt::QueuedConnection);
    }
    return pages >= 2 * threshold;
}

void WalCheckpointer::checkpoint()
{
    if (m_open) {
        QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
        // PASSIVE: copies what no reader still needs, without waiting for the writer or readers.
        if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
            qCWarning(lcStorage) << "checkpoint failed:" << q.lastError().text();
        m_done.fetchAndAddRelaxed(1);
    }
    m_requested.storeRelease(0);
}

} // namespace natter::server
