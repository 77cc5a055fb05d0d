#include "net/clientconnection.h"

#include "core/serverconfig.h"
#include "protocol/binaryframes.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcConn, "natter.server.net")

namespace natter::server {

namespace {
qint64 frameOverhead(qint64 payload)
{
    return payload < 126 ? 2 : payload < 65536 ? 4 : 10; // unmasked server frame header
}
} // namespace

ClientConnection::ClientConnection(QWebSocket *socket, const ServerConfig &config, QObject *parent)
    : QObject(parent), m_socket(socket), m_config(config),
      m_peerAddress(socket->peerAddress().toString()),
      m_connectedAtMs(QDateTime::currentMSecsSinceEpoch()),
      m_limiter(config.requestsPerSecond, config.requestBurst)
{
    m_socket->setParent(this);
    m_socket->setMaxAllowedIncomingMessageSize(quint64(config.maxWebSocketMessageBytes));
    m_socket->setMaxAllowedIncomingFrameSize(quint64(config.maxWebSocketMessageBytes));
    // Qt 6.4 splits larger text messages into frames that may end inside a UTF-8 sequence,
    // which Qt receivers reject (1007). Replies stay well under this, so they go unsplit.
    m_socket->setOutgoingFrameSize(64 * 1024 * 1024);
    // Once the server closes a connection (a disabled account, a revoked session, …) nothing
    // more it sends is served, even before the peer completes the close handshake.
    connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        m_heardFrom = true;
        if (!m_closing)
            Q_EMIT frameReceived(text.toUtf8());
    });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &bytes) {
        m_heardFrom = true;
        if (m_closing)
            return;
        if (binaryframe::kindOf(bytes))
            Q_EMIT binaryReceived(bytes);
        else
            Q_EMIT frameReceived(bytes); // JSON sent as a binary message
    });
    connect(m_socket, &QWebSocket::pong, this, [this] { m_heardFrom = true; });
    connect(m_socket, &QWebSocket::bytesWritten, this, &ClientConnection::onBytesWritten);
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        m_closing = true;
        Q_EMIT closed();
    });
}

ClientConnection::~ClientConnection() = default;

void ClientConnection::setAuthenticated(const User &user, const QByteArray &tokenHash)
{
    m_phase = Phase::Authenticated;
    m_user = user;
    m_tokenHash = tokenHash;
}

void ClientConnection::setLoggedOut()
{
    m_phase = Phase::Anonymous;
    m_user = User();
    m_tokenHash.clear();
}

void ClientConnection::send(const QString &frame)
{
    if (m_closing)
        return;
    // Judge the backlog before this frame, so one large reply alone never trips the limit.
    if (m_queuedBytes > m_config.hardOutgoingBytes)
        return dropSlowReader();
    account(m_socket->sendTextMessage(frame));
}

void ClientConnection::sendBinary(const QByteArray &frame)
{
    if (m_closing)
        return;
    if (m_queuedBytes > m_config.hardOutgoingBytes)
        return dropSlowReader();
    account(m_socket->sendBinaryMessage(frame));
}

void ClientConnection::account(qint64 payload)
{
    m_queuedBytes += payload + frameOverhead(payload);
    // A commit's fan-out may briefly exceed the limit for a fast reader; only a backlog that
    // stays over it for the grace period means the reader cannot keep up.
    if (m_queuedBytes > m_config.maxOutgoingBytes && !m_overLimitSince.isValid()) {
        m_overLimitSince.start();
        QTimer::singleShot(m_config.slowReaderGraceMs, this, [this] {
            if (m_overLimitSince.isValid() && m_overLimitSince.elapsed() >= m_config.slowReaderGraceMs)
                dropSlowReader();
        });
    }
}

void ClientConnection::dropSlowReader()
{
    qCInfo(lcConn) << "dropping slow reader" << m_peerAddress << m_queuedBytes << "bytes queued";
    close(closecode::slowReader, QStringLiteral("too slow reading; reconnect and resume"));
}

void ClientConnection::onBytesWritten(qint64 bytes)
{
    m_queuedBytes = qMax<qint64>(0, m_queuedBytes - bytes);
    if (m_queuedBytes <= m_config.maxOutgoingBytes)
        m_overLimitSince.invalidate();
}

void ClientConnection::sendError(std::optional<RequestId> id, ErrorCode code, const QString &message)
{
    sendUtf8(encodeError(id, ProtocolError{code, message.isEmpty() ? errorCodeText(code) : message}));
}

void ClientConnection::close(int code, const QString &reason)
{
    if (m_closing)
        return;
    m_closing = true;
    m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
    // An unresponsive peer may never answer the close handshake.
    QTimer::singleShot(5000, m_socket, [s = QPointer<QWebSocket>(m_socket)] {
        if (s)
            s->abort();
    });
}

bool ClientConnection::admitRequest(qint64 nowMs)
{
    if (m_limiter.take(nowMs)) {
        m_rejectedInRow = 0;
        return true;
    }
    if (++m_rejectedInRow > m_config.maxRejectedRequests)
        close(closecode::flooding, QStringLiteral("flooding"));
    return false;
}

bool ClientConnection::admitTyping(RoomId room, bool typing, qint64 nowMs, qint64 intervalMs)
{
    if (!typing) {
        m_lastTyping.remove(room);
        return true;
    }
    auto it = m_lastTyping.find(room);
    if (it != m_lastTyping.end() && nowMs - *it < intervalMs)
        return false;
    if (m_lastTyping.size() > 64)
        m_lastTyping.clear();
    m_lastTyping.insert(room, nowMs);
    return true;
}

void ClientConnection::checkAlive()
{
    if (m_closing)
        return;
    if (!m_heardFrom) {
        qCInfo(lcConn) << "ping timeout" << m_peerAddress;
        close(closecode::pingTimeout, QStringLiteral("ping timeout")); // aborts after a grace period
        return;
    }
    m_heardFrom = false;
    m_socket->ping();
}

} // namespace natter::server
