#pragma once
// A real natterd server in-process for integration tests: loopback, port 0, a temporary
// SQLite database, libsodium's minimum argon2 cost.

#include "core/natterserver.h"

#include <QTemporaryDir>
#include <QUrl>
#include <QVariant>
#include <memory>

namespace natter::test {

class TestServer
{
public:
    /// `tweak` may adjust the config (timeouts, limits) before the server starts.
    explicit TestServer(const std::function<void(server::ServerConfig &)> &tweak = {});
    ~TestServer();

    bool start();
    /// Stops and starts again on the same database and port (a restart).
    bool restart();
    void stop();

    QUrl url() const;
    quint16 port() const { return m_port; }
    server::NatterServer &server() { return *m_server; }
    QString databasePath() const;
    /// The first column of the first row `sql` gives, read straight from the database file on
    /// a connection of its own (what is committed); invalid if there is none.
    QVariant dbValue(const QString &sql, const QVariantList &binds = {}) const;
    /// The server's data directory (attachments live in its files/ and staging/ folders).
    QString dataDir() const { return m_dir.path(); }
    const QString &error() const { return m_error; }

private:
    QTemporaryDir m_dir;
    server::ServerConfig m_config;
    std::unique_ptr<server::NatterServer> m_server;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace natter::test
