#pragma once

#include "net/ratelimiter.h"
#include "protocol/codec.h"
#include "protocol/liverequests.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QWebSocket>

namespace natter::server {

struct ServerConfig;

/// WebSocket close codes natterd uses besides the standard ones.
namespace closecode {
constexpr int helloTimeout = 4001;
constexpr int slowReader = 4002;
constexpr int flooding = 4003;
constexpr int loggedOut = 4004;
constexpr int pingTimeout = 4005;
constexpr int accountDisabled = 4006;
constexpr int sessionRevoked = 4007;
constexpr int shuttingDown = 1001;
} // namespace closecode

/// One client's WebSocket and what the server knows about it: handshake and login state, rate
/// limit, liveness and the bytes queued towards it. Outgoing frames are bounded: a reader whose
/// backlog stays over maxOutgoingBytes for slowReaderGraceMs, or reaches hardOutgoingBytes, is
/// disconnected (it resumes losslessly later) instead of growing memory.
class ClientConnection : public QObject
{
    Q_OBJECT
public:
    enum class Phase { AwaitingHello, Anonymous, Authenticated };

    ClientConnection(QWebSocket *socket, const ServerConfig &config, QObject *parent = nullptr);
    ~ClientConnection() override;

    Phase phase() const { return m_phase; }
    void setHandshaken() { m_phase = Phase::Anonymous; }
    void setAuthenticated(const User &user, const QByteArray &tokenHash);
    void setLoggedOut();
    const User &user() const { return m_user; }
    const QByteArray &tokenHash() const { return m_tokenHash; }
    QString peerAddress() const { return m_peerAddress; }
    qint64 connectedAtMs() const { return m_connectedAtMs; }

    /// Sends an already encoded frame; shared strings are not copied per recipient.
    void send(const QString &frame);
    void sendUtf8(const QByteArray &frame) { send(QString::fromUtf8(frame)); }
    /// Sends a binary frame (fetched attachment data), bounded like text frames.
    void sendBinary(const QByteArray &frame);
    void sendError(std::optional<RequestId> id, ErrorCode code, const QString &message);
    void close(int code, const QString &reason);
    bool isClosing() const { return m_closing; }

    /// Rate limit check for one incoming request.
    bool admitRequest(qint64 nowMs);
    /// Liveness: ping if the peer was heard from since the last check, else drop it.
    void checkAlive();
    qint64 queuedBytes() const { return m_queuedBytes; }
    /// Attachment transfers (chunks being written, fetches being read) of this connection.
    int transfersInFlight() const { return m_transfers; }
    void addTransfers(int delta) { m_transfers += delta; }

    /// This connection's own status (presence aggregates all of a user's connections).
    Presence status() const { return m_status; }
    void setStatus(Presence status) { m_status = status; }
    /// The room this connection shows; invalid when none.
    RoomId viewing() const { return m_viewing; }
    void setViewing(RoomId room) { m_viewing = room; }
    /// Typing rate limit: true if a typing notice for `room` may be forwarded at `nowMs`.
    /// "Stopped typing" is always admitted and ends the interval.
    bool admitTyping(RoomId room, bool typing, qint64 nowMs, qint64 intervalMs);

Q_SIGNALS:
    void frameReceived(const QByteArray &utf8);
    /// A binary frame of one of the binary kinds (binaryframes.h), e.g. an upload chunk.
    void binaryReceived(const QByteArray &frame);
    void closed();

private:
    void onBytesWritten(qint64 bytes);
    void account(qint64 payload);
    void dropSlowReader();

    QWebSocket *m_socket;
    const ServerConfig &m_config;
    Phase m_phase = Phase::AwaitingHello;
    User m_user;
    QByteArray m_tokenHash;
    QString m_peerAddress;
    qint64 m_connectedAtMs = 0;
    RateLimiter m_limiter;
    int m_rejectedInRow = 0;
    qint64 m_queuedBytes = 0;
    QElapsedTimer m_overLimitSince; ///< valid while the backlog is over maxOutgoingBytes
    bool m_heardFrom = true;
    Presence m_status = Presence::Online;
    RoomId m_viewing;
    QHash<RoomId, qint64> m_lastTyping;
    int m_transfers = 0;
    bool m_closing = false;
};

} // namespace natter::server
