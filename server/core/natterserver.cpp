#include "core/natterserver.h"

#include "admin/revocationwatcher.h"
#include "attachments/attachmentshandler.h"
#include "auth/authhandler.h"
#include "core/requestrouter.h"
#include "discovery/discoveryresponder.h"
#include "friends/friendshandler.h"
#include "groups/groupshandler.h"
#include "messages/messageshandler.h"
#include "notifications/notifier.h"
#include "presence/presencehandler.h"
#include "net/clientconnection.h"
#include "rooms/roomshandler.h"
#include "search/searchhandler.h"
#include "storage/repositories.h"
#include "storage/storage.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QHostInfo>
#include <QStandardPaths>
#include <QLoggingCategory>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocketServer>

Q_LOGGING_CATEGORY(lcServer, "natter.server")

namespace natter::server {

NatterServer::NatterServer(ServerConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config))
{
}

NatterServer::~NatterServer() { stop(); }

bool NatterServer::start(QString *error)
{
    if (m_config.storage.dataDir.isEmpty())
        m_config.storage.dataDir = m_config.storage.backend == StorageConfig::Backend::Sqlite
            ? QFileInfo(m_config.storage.sqlitePath).absolutePath()
            : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (m_config.tls) {
        TlsIdentity identity;
        if (!loadOrCreateTlsIdentity(m_config.tlsCertFile, m_config.tlsKeyFile, m_config.storage.dataDir, &identity, error))
            return false;
        m_tls = identity;
    }
    m_storage = std::make_unique<Storage>(m_config.storage);
    if (!m_storage->open(error))
        return false;
    m_attachments = std::make_unique<AttachmentsHandler>(m_config, *m_storage);
    if (!m_attachments->start(error))
        return false;
    m_notifier = std::make_unique<Notifier>(m_registry);
    m_auth = std::make_unique<AuthHandler>(m_config, *m_storage, m_registry);
    m_presence = std::make_unique<PresenceHandler>(*m_storage, m_registry);
    connect(m_auth.get(), &AuthHandler::sessionsChanged, m_presence.get(), &PresenceHandler::sessionsChanged);
    m_friends = std::make_unique<FriendsHandler>(*m_storage, m_registry, *m_notifier);
    m_rooms = std::make_unique<RoomsHandler>(*m_storage, m_registry);
    m_groups = std::make_unique<GroupsHandler>(*m_storage, m_registry, *m_notifier);
    m_messages = std::make_unique<MessagesHandler>(*m_storage, m_registry, *m_notifier, m_config.lifecycle);
    m_search = std::make_unique<SearchHandler>(*m_storage);
    m_router = std::make_unique<RequestRouter>(m_config, RequestRouter::Handlers{
        *m_auth, *m_friends, *m_rooms, *m_groups, *m_messages, *m_presence, *m_search,
        *m_attachments});
    m_revocations = std::make_unique<RevocationWatcher>(*m_storage, m_registry, m_config.revocationPollMs);

    m_ws = new QWebSocketServer(m_config.serverName, QWebSocketServer::NonSecureMode, this);
    m_ws->setHandshakeTimeout(m_config.handshakeTimeoutMs);
    connect(m_ws, &QWebSocketServer::newConnection, this, &NatterServer::acceptWebSocket);

    // Our own listener so accepted sockets get TCP_NODELAY before the upgrade. With TLS it is a
    // QSslServer, which hands a socket over only once its TLS handshake is done.
    if (m_tls) {
        auto *ssl = new QSslServer(this);
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(m_tls->certificate);
        tls.setLocalCertificateChain(QList<QSslCertificate>{m_tls->certificate} + m_tls->chain);
        tls.setPrivateKey(m_tls->key);
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        ssl->setSslConfiguration(tls);
        ssl->setHandshakeTimeout(m_config.handshakeTimeoutMs); // a stalled TLS handshake is dropped
        connect(ssl, &QSslServer::errorOccurred, this, [](QSslSocket *, QAbstractSocket::SocketError error) {
            qCDebug(lcServer) << "TLS handshake failed:" << error;
        });
        m_tcp = ssl;
    } else {
        m_tcp = new QTcpServer(this);
    }
    connect(m_tcp, &QTcpServer::pendingConnectionAvailable, this, &NatterServer::acceptTcp);
    if (!m_tcp->listen(m_config.address, m_config.port)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(m_config.address.toString())
                     .arg(m_config.port)
                     .arg(m_tcp->errorString());
        return false;
    }
    startDiscovery();
    m_helloTimer.setInterval(qMax(100, m_config.helloTimeoutMs / 4));
    connect(&m_helloTimer, &QTimer::timeout, this, &NatterServer::dropExpiredHandshakes);
    m_helloTimer.start();
    m_pingTimer.setInterval(m_config.pingIntervalMs);
    connect(&m_pingTimer, &QTimer::timeout, this, &NatterServer::checkLiveness);
    m_pingTimer.start();
    m_maintenanceTimer.setInterval(3600 * 1000);
    connect(&m_maintenanceTimer, &QTimer::timeout, this, &NatterServer::runMaintenance);
    m_maintenanceTimer.start();
    runMaintenance();
    m_revocations->start();
    qCInfo(lcServer) << "listening on" << m_config.address.toString() << port() << (m_tls ? "(wss)" : "(ws)")
                     << "with" << m_config.storage.describe();
    return true;
}

void NatterServer::stop()
{
    m_helloTimer.stop();
    m_pingTimer.stop();
    m_maintenanceTimer.stop();
    if (m_revocations)
        m_revocations->stop();
    if (m_tcp)
        m_tcp->close();
    m_discovery.reset();
    const QSet<ClientConnection *> connections = m_connections;
    for (ClientConnection *c : connections) {
        c->disconnect(this);
        c->close(closecode::shuttingDown, QStringLiteral("server shutting down"));
        m_auth->connectionClosed(c);
        delete c;
    }
    m_connections.clear();
    if (m_attachments)
        m_attachments->waitForIdle();
    if (m_storage)
        m_storage->close();
}

void NatterServer::startDiscovery()
{
    if (!m_config.discovery)
        return;
    DiscoveryAnnouncement a;
    a.name = (m_config.displayName.isEmpty() ? QHostInfo::localHostName() : m_config.displayName)
                 .left(discovery::maxNameLength);
    if (a.name.isEmpty())
        a.name = QStringLiteral("natterd");
    a.port = port();
    a.tls = m_tls.has_value();
    a.fingerprint = tlsFingerprint();
    a.server = QStringLiteral("%1/%2").arg(m_config.serverName, QCoreApplication::applicationVersion());
    m_discovery = std::make_unique<DiscoveryResponder>(a);
    QString why;
    if (!m_discovery->start(m_config.address, m_config.discoveryPort, &why)) {
        qCWarning(lcServer) << why << "- LAN discovery is off";
        m_discovery.reset();
    }
}

quint16 NatterServer::discoveryPort() const { return m_discovery ? m_discovery->port() : 0; }

quint16 NatterServer::port() const { return m_tcp ? m_tcp->serverPort() : 0; }

void NatterServer::acceptTcp()
{
    while (QTcpSocket *socket = m_tcp->nextPendingConnection()) {
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        socket->setSocketOption(QAbstractSocket::KeepAliveOption, 1);
        if (!m_tls)
            refuseTlsOnPlainPort(socket);
        m_ws->handleConnection(socket);
    }
}

void NatterServer::refuseTlsOnPlainPort(QTcpSocket *socket)
{
    // A wss:// client opens with a TLS handshake record (first byte 0x16), which no HTTP request
    // starts with. Answered in plain HTTP and closed, its TLS library fails at once ("this
    // server does not use TLS") instead of waiting for the upgrade timeout.
    auto firstRead = std::make_shared<QMetaObject::Connection>();
    *firstRead = connect(socket, &QIODevice::readyRead, this, [socket, firstRead] {
        disconnect(*firstRead); // only the first bytes tell
        char first = 0;
        if (socket->peek(&first, 1) == 1 && first == 0x16) {
            qCDebug(lcServer) << "TLS handshake on the plain port; refused";
            socket->write("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
            socket->disconnectFromHost();
        }
    });
}

void NatterServer::acceptWebSocket()
{
    while (QWebSocket *socket = m_ws->nextPendingConnection()) {
        auto *connection = new ClientConnection(socket, m_config, this);
        m_connections.insert(connection);
        connect(connection, &ClientConnection::frameReceived, this,
                [this, connection](const QByteArray &frame) { m_router->route(connection, frame); });
        connect(connection, &ClientConnection::binaryReceived, this,
                [this, connection](const QByteArray &frame) { m_router->routeBinary(connection, frame); });
        connect(connection, &ClientConnection::closed, this, [this, connection] {
            m_auth->connectionClosed(connection);
            m_connections.remove(connection);
            connection->deleteLater();
        });
    }
}

void NatterServer::dropExpiredHandshakes()
{
    const qint64 deadline = QDateTime::currentMSecsSinceEpoch() - m_config.helloTimeoutMs;
    const QSet<ClientConnection *> connections = m_connections;
    for (ClientConnection *c : connections) {
        if (c->phase() == ClientConnection::Phase::AwaitingHello && c->connectedAtMs() < deadline)
            c->close(closecode::helloTimeout, QStringLiteral("no hello received in time"));
    }
}

void NatterServer::checkLiveness()
{
    const QSet<ClientConnection *> connections = m_connections;
    for (ClientConnection *c : connections)
        c->checkAlive();
}

void NatterServer::runMaintenance()
{
    m_attachments->expire();
    m_storage->write<int>(
        this, [](Repositories &r) { return r.sessions.purgeExpired(QDateTime::currentMSecsSinceEpoch()); },
        [](const StorageResult<int> &result) {
            if (result.ok() && *result.value > 0)
                qCInfo(lcServer) << "purged" << *result.value << "expired sessions";
        });
}

} // namespace natter::server
