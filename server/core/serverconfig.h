#pragma once

#include "messages/lifecycle.h"
#include "protocol/limits.h"
#include "storage/storageconfig.h"

#include <QHostAddress>

namespace natter::server {

/// Who may create an account. Whatever the mode, the first account of an empty database may
/// always be created, and becomes the administrator.
enum class SignupMode { Open, Invite, Closed };

inline QString signupModeName(SignupMode mode)
{
    return mode == SignupMode::Open ? QStringLiteral("open")
         : mode == SignupMode::Invite ? QStringLiteral("invite") : QStringLiteral("closed");
}

/// Everything natterd can be told; the command line fills it, tests set it directly.
struct ServerConfig
{
    QHostAddress address = QHostAddress::Any;
    quint16 port = 7447;
    StorageConfig storage;
    QString configFile;                  ///< the --config file, absolute, or empty

    // TLS (wss://). Off only when asked for; tests and benchmarks choose explicitly.
    bool tls = true;
    QString tlsCertFile;                 ///< the administrator's PEM certificate (chain)...
    QString tlsKeyFile;                  ///< ...and key; both empty: self-signed in <data dir>/tls

    // LAN discovery (UDP). Tests choose explicitly.
    bool discovery = true;
    quint16 discoveryPort = 7448;        ///< 0 picks a free one (tests)
    QString displayName;                 ///< announced to clients; empty: the host name
    QString serverName = QStringLiteral("natterd");

    // Connection hardening.
    int handshakeTimeoutMs = 10000;      ///< WebSocket upgrade must finish within this
    int helloTimeoutMs = 10000;          ///< the hello request must arrive within this
    int pingIntervalMs = 30000;          ///< a peer silent for two intervals is dropped
    qint64 maxWebSocketMessageBytes = 1024 * 1024; ///< beyond this the socket is closed (1009)
    qint64 maxOutgoingBytes = 8 * 1024 * 1024;     ///< unsent bytes a reader may have queued...
    int slowReaderGraceMs = 5000;                  ///< ...for this long before it is dropped
    qint64 hardOutgoingBytes = 64 * 1024 * 1024;   ///< a backlog this large is dropped at once
    double requestsPerSecond = 100;      ///< sustained request rate per connection
    double requestBurst = 400;           ///< bucket size of the rate limiter
    int maxRejectedRequests = 1000;      ///< rate-limited requests in a row before disconnecting

    // Accounts.
    SignupMode signupMode = SignupMode::Open; ///< open, invite (a code from an admin) or closed
    qint64 sessionLifetimeMs = qint64(30) * 24 * 3600 * 1000; ///< sliding expiry of a token
    bool fastPasswordHashing = false;    ///< tests only: libsodium's minimum argon2id cost
    int loginFailuresPerAccount = 5;     ///< failures within the window before a lockout
    int loginFailuresPerAddress = 20;
    int loginWindowMs = 15 * 60 * 1000;
    int loginLockoutMs = 30 * 1000;      ///< first lockout; doubles on each further failure
    int revocationPollMs = 1000;         ///< how often `natterd user disable`/`reset-password` are looked for

    // Messages.
    LifecycleRules lifecycle;            ///< edit history visibility, edit and delete windows
    // Attachments (files live in storage.dataDir).
    qint64 maxAttachmentBytes = limits::defaultMaxAttachmentBytes; ///< largest file accepted
    qint64 uploadExpiryMs = qint64(24) * 3600 * 1000; ///< idle uploads and unsent files go
    int maxUploadsPerUser = 16;          ///< unfinished uploads one user may have at once
    int maxTransfersInFlight = 8;        ///< chunks being written plus fetches, per connection
};

} // namespace natter::server
