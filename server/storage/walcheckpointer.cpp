#include "storage/walcheckpointer.h"

#include "storage/sqlconnection.h"
#include "storage/storageerror.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

Q_DECLARE_LOGGING_CATEGORY(lcStorage)

namespace natter::server {

WalCheckpointer::WalCheckpointer(StorageConfig config, QString connectionName)
    : m_config(std::move(config)), m_connectionName(std::move(connectionName))
{
}

WalCheckpointer::~WalCheckpointer() = default;

QString WalCheckpointer::openConnection()
{
    try {
        natter::server::openConnection(m_config, m_connectionName);
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
    if (pages < m_config.walCheckpointPages)
        return false;
    if (m_requested.testAndSetOrdered(0, 1))
        QMetaObject::invokeMethod(this, &WalCheckpointer::checkpoint, Qt::QueuedConnection);
    return pages >= 2 * m_config.walCheckpointPages;
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
