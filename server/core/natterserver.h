#pragma once

#include "core/serverconfig.h"
#include "tls/tlsidentity.h"
#include "net/connectionregistry.h"

#include <QObject>
#include <QSet>
#include <QTimer>
#include <optional>
#include <memory>

class QTcpServer;
class QTcpSocket;
class QWebSocketServer;

namespace natter::server {

class AttachmentsHandler;
class DiscoveryResponder;
class RevocationWatcher;

class AuthHandler;
class ClientConnection;
class FriendsHandler;
class GroupsHandler;
class MessagesHandler;
class Notifier;
class PresenceHandler;
class RequestRouter;
class RoomsHandler;
class SearchHandler;
class Storage;

/// The whole server: listens, upgrades connections to WebSockets (with TCP_NODELAY), owns the
/// storage and the feature handlers, and enforces hello and liveness deadlines.
class NatterServer : public QObject
{
    Q_OBJECT
public:
    explicit NatterServer(ServerConfig config, QObject *parent = nullptr);
    ~NatterServer() override;

    /// Opens storage (migrating it) and starts listening. Port 0 picks a free port.
    bool start(QString *error);
    /// Closes every connection, finishes queued database work and stops listening.
    void stop();

    /// Hourly housekeeping, also run at start: expired sessions, idle uploads, unsent
    /// attachments and contents nothing refers to any more.
    void runMaintenance();

    quint16 port() const;
    /// SHA-256 fingerprint of the TLS certificate served ("AB:CD:…"); empty with --no-tls.
    QString tlsFingerprint() const { return m_tls ? m_tls->fingerprint : QString(); }
    /// The UDP port answering discovery probes; 0 when discovery is off.
    quint16 discoveryPort() const;
    int connectionCount() const { return int(m_connections.size()); }
    Storage &storage() { return *m_storage; }
    const ServerConfig &config() const { return m_config; }

private:
    void startDiscovery();
    void acceptTcp();
    /// Without TLS: a connection that starts a TLS handshake gets a plain HTTP 400 and is closed.
    void refuseTlsOnPlainPort(QTcpSocket *socket);
    void acceptWebSocket();
    void dropExpiredHandshakes();
    void checkLiveness();

    ServerConfig m_config;
    std::unique_ptr<Storage> m_storage;
    ConnectionRegistry m_registry;
    std::unique_ptr<Notifier> m_notifier;
    std::unique_ptr<PresenceHandler> m_presence;
    std::unique_ptr<AuthHandler> m_auth;
    std::unique_ptr<FriendsHandler> m_friends;
    std::unique_ptr<RoomsHandler> m_rooms;
    std::unique_ptr<GroupsHandler> m_groups;
    std::unique_ptr<MessagesHandler> m_messages;
    std::unique_ptr<SearchHandler> m_search;
    std::unique_ptr<AttachmentsHandler> m_attachments;
    std::unique_ptr<RequestRouter> m_router;
    std::unique_ptr<RevocationWatcher> m_revocations; ///< admin commands reaching live connections
    QTcpServer *m_tcp = nullptr;
    std::optional<TlsIdentity> m_tls;
    std::unique_ptr<DiscoveryResponder> m_discovery;
    QWebSocketServer *m_ws = nullptr;
    QSet<ClientConnection *> m_connections;
    QTimer m_helloTimer;
    QTimer m_pingTimer;
    QTimer m_maintenanceTimer;
};

} // namespace natter::server
