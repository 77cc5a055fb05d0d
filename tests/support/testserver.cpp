#include "testserver.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace natter::test {

TestServer::TestServer(const std::function<void(server::ServerConfig &)> &tweak)
{
    m_config.address = QHostAddress::LocalHost;
    m_config.port = 0;
    m_config.storage.sqlitePath = databasePath();
    m_config.fastPasswordHashing = true;
    m_config.tls = false;       // plain ws:// unless a test asks for TLS (tst_tls)
    m_config.discovery = false; // no UDP port unless a test asks (tst_discovery)
    m_config.storage.searchIndexDelayMs = 0; // searchable at once (tst_storage covers the delay)
    if (tweak)
        tweak(m_config);
}

TestServer::~TestServer() { stop(); }

QString TestServer::databasePath() const { return m_dir.filePath(QStringLiteral("natter.db")); }

QVariant TestServer::dbValue(const QString &sql, const QVariantList &binds) const
{
    static int counter = 0;
    const QString name = QStringLiteral("testserver-probe-%1").arg(++counter);
    QVariant out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(databasePath());
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(sql);
            for (const QVariant &v : binds)
                q.addBindValue(v);
            if (q.exec() && q.next())
                out = q.value(0);
        }
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

bool TestServer::start()
{
    m_config.port = m_port;
    m_server = std::make_unique<server::NatterServer>(m_config);
    if (!m_server->start(&m_error))
        return false;
    m_port = m_server->port();
    return true;
}

bool TestServer::restart()
{
    stop();
    return start();
}

void TestServer::stop()
{
    if (m_server)
        m_server->stop();
    m_server.reset();
}

QUrl TestServer::url() const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(m_config.tls ? QStringLiteral("wss") : QStringLiteral("ws")).arg(m_port));
}

} // namespace natter::test
