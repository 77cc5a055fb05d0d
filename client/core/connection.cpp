#include "core/connection.h"

#include "protocol/binaryframes.h"
#include "protocol/limits.h"

#include <QLoggingCategory>
#include <QWebSocket>
#include <limits>
#include <utility>
#include <vector>

namespace natter::client {

namespace {

Q_LOGGING_CATEGORY(lcNet, "natter.client.net")

constexpr int closeGraceMs = 3000; ///< how long a politely closed socket may linger
constexpr int abnormalClose = QWebSocketProtocol::CloseCodeAbnormalDisconnection;

ProtocolError unavailable(const QString &why)
{
    return {ErrorCode::Unavailable, why};
}

} // namespace

void Connection::Pending::finish(const ParsedObject *data, const ProtocolError &error,
                                 const QByteArray &payload) const
{
    if (guarded && !context)
        return;
    complete(data, payload, error);
}

Connection::Connection(QObject *parent) : QObject(parent)
{
    m_clock.start();
    m_expiryTimer.setSingleShot(true);
    m_connectTimer.setSingleShot(true);
    connect(&m_expiryTimer, &QTimer::timeout, this, &Connection::expireRequests);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        qCWarning(lcNet) << "connecting to" << m_url << "timed out";
        teardown(abnormalClose, QStringLiteral("connection timed out"), false);
    });
}

Connection::~Connection()
{
    if (m_socket)
        m_socket->disconnect(this);
}

void Connection::setRequestTimeout(int ms)
{
    m_requestTimeoutMs = qMax(1, ms);
}

// ---- opening and closing ------------------------------------------------------------------

void Connection::open(const QUrl &url)
{
    if (m_state != State::Disconnected)
        teardown(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("reopening"), true);
    m_url = url;
    const quint64 epoch = ++m_epoch;
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    socket->setMaxAllowedIncomingMessageSize(maxIncomingMessageBytes);
    connect(socket, &QWebSocket::connected, this, &Connection::onSocketConnected);
    connect(socket, &QWebSocket::textMessageReceived, this, &Connection::onTextMessage);
    connect(socket, &QWebSocket::binaryMessageReceived, this, &Connection::onBinaryMessage);
    // Deferred, so that frames already received are processed before the teardown.
    connect(
        socket, &QWebSocket::disconnected, this, [this, epoch] { onSocketGone(epoch); },
        Qt::QueuedConnection);
    m_sawCertificate = m_tlsNotSpoken = false;
    connect(socket, &QWebSocket::sslErrors, this, [this] { m_sawCertificate = true; });
    connect(socket, &QWebSocket::peerVerifyError, this, [this] { m_sawCertificate = true; });
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this, socket, epoch](QAbstractSocket::SocketError e) {
                qCDebug(lcNet) << "socket error" << e << socket->errorString();
                if (e == QAbstractSocket::SslHandshakeFailedError && !m_sawCertificate
                    && m_state == State::Connecting && epoch == m_epoch)
                    m_tlsNotSpoken = true;
                if (m_state == State::Connecting) // e.g. refused upgrade: the socket may stay open
                    QMetaObject::invokeMethod(
                        this, [this, epoch] { onSocketGone(epoch); }, Qt::QueuedConnection);
            });
    if (m_trusted) {
        auto *pinner = new CertificatePinner(socket, *m_trusted, socket);
        connect(pinner, &CertificatePinner::refused, this, &Connection::certificateRefused);
    }
    m_socket = socket;
    setState(State::Connecting);
    m_connectTimer.start(m_requestTimeoutMs);
    qCDebug(lcNet) << "opening" << url;
    if (m_socket == socket) // a stateChanged() slot may have closed us again
        socket->open(url);
}

void Connection::close()
{
    teardown(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("closed by client"), true);
}

void Connection::onSocketGone(quint64 epoch)
{
    if (epoch != m_epoch || !m_socket)
        return;
    int code = m_socket->closeCode();
    QString reason = m_socket->closeReason();
    if (m_state == State::Connecting) {
        code = abnormalClose;
        reason = m_socket->errorString();
        if (m_tlsNotSpoken) {
            reason = QStringLiteral("the server does not use TLS (%1)").arg(reason);
            emit tlsNotSpoken(m_url);
        }
    } else if (reason.isEmpty()) {
        reason = m_socket->errorString();
    }
    teardown(code, reason.isEmpty() ? QStringLiteral("connection closed") : reason, false);
}

void Connection::protocolViolation(int closeCode, const QString &reason)
{
    qCWarning(lcNet) << "closing:" << reason;
    teardown(closeCode, reason, true);
}

void Connection::teardown(int closeCode, const QString &reason, bool graceful)
{
    if (m_state == State::Disconnected)
        return;
    qCDebug(lcNet) << "disconnected:" << closeCode << reason;
    m_connectTimer.stop();
    m_expiryTimer.stop();
    retireSocket(graceful, closeCode, reason);
    std::map<RequestId, Pending> orphans;
    orphans.swap(m_pending);
    setState(State::Disconnected);
    emit disconnected(closeCode, reason);
    const ProtocolError lost = unavailable(QStringLiteral("connection lost"));
    for (const auto &entry : orphans)
        entry.second.finish(nullptr, lost);
}

void Connection::retireSocket(bool graceful, int closeCode, const QString &reason)
{
    QWebSocket *socket = std::exchange(m_socket, nullptr);
    if (!socket)
        return;
    socket->disconnect(this);
    if (graceful && socket->state() == QAbstractSocket::ConnectedState) {
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(closeGraceMs, socket, &QObject::deleteLater);
        socket->close(QWebSocketProtocol::CloseCode(closeCode), reason);
    } else {
        socket->abort();
        socket->deleteLater();
    }
}

void Connection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

// ---- handshake ----------------------------------------------------------------------------

void Connection::onSocketConnected()
{
    setState(State::Handshaking);
    sendHello();
}

void Connection::sendHello()
{
    HelloRequest hello;
    hello.version = limits::protocolVersion;
    hello.client = QStringLiteral("natter-core/" NATTER_VERSION);
    const quint64 epoch = m_epoch;
    send(hello, this,
         [this, epoch](const Reply<HelloReply> &reply) { onHelloReply(reply, epoch); });
}

void Connection::onHelloReply(const Reply<HelloReply> &reply, quint64 epoch)
{
    if (epoch != m_epoch || m_state != State::Handshaking)
        return; // the connection this hello belonged to is gone
    if (!reply.ok()) {
        qCWarning(lcNet) << "handshake failed:" << errorCodeName(reply.error.code)
                         << reply.error.message;
        emit handshakeFailed(reply.error);
        teardown(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("handshake failed"), true);
        return;
    }
    m_hello = *reply.value;
    if (m_hello.version != limits::protocolVersion)
        qCWarning(lcNet) << "server answered hello with protocol version" << m_hello.version;
    qCDebug(lcNet) << "ready; server" << m_hello.server << "features" << m_hello.features;
    m_connectTimer.stop();
    setState(State::Ready);
    emit ready(m_hello);
}

// ---- requests -----------------------------------------------------------------------------

RequestId Connection::sendChunk(const QString &uploadId, qint64 offset, const QByteArray &data,
                                QObject *context, ReplyCallback<UploadReply> callback)
{
    const RequestId id = m_nextId++;
    const QByteArray frame = UploadChunkFrame{id, QByteArray::fromHex(uploadId.toLatin1()), offset, data}.encode();
    submit(id, "attachments.chunk", frame, context,
           [callback = std::move(callback)](const ParsedObject *reply, const QByteArray &payload,
                                            const ProtocolError &error) {
               if (callback)
                   callback(toReply<UploadReply>(reply, payload, error));
           },
           true);
    return id;
}

void Connection::submit(RequestId id, const char *type, const QByteArray &frame, QObject *context,
                        Completion complete, bool binary)
{
    Pending pending{context, context != nullptr, std::move(complete), 0, type};
    const bool isHello = qstrcmp(type, HelloRequest::type) == 0;
    if (m_state != State::Ready && !(m_state == State::Handshaking && isHello)) {
        failLater(std::move(pending), unavailable(QStringLiteral("not connected")));
        return;
    }
    const qint64 maxBytes = binary ? binaryframe::uploadHeaderBytes + limits::maxChunkBytes : limits::maxFrameBytes;
    if (frame.size() > maxBytes || (binary && frame.size() <= binaryframe::uploadHeaderBytes)) {
        failLater(std::move(pending),
                  {ErrorCode::FrameTooLarge, QStringLiteral("the request is too large")});
        return;
    }
    pending.deadline = m_clock.elapsed() + m_requestTimeoutMs;
    armExpiry(pending.deadline);
    m_pending.emplace(id, std::move(pending));
    if (binary)
        m_socket->sendBinaryMessage(frame);
    else
        m_socket->sendTextMessage(QString::fromUtf8(frame));
}

void Connection::failLater(Pending pending, const ProtocolError &error)
{
    QMetaObject::invokeMethod(
        this, [pending = std::move(pending), error] { pending.finish(nullptr, error); },
        Qt::QueuedConnection);
}

void Connection::deliver(RequestId id, const ParsedObject *data, const ProtocolError &error,
                         const QByteArray &payload)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end()) {
        qCDebug(lcNet) << "reply to unknown request" << id << "(timed out?)";
        return;
    }
    const Pending pending = std::move(it->second);
    m_pending.erase(it);
    pending.finish(data, error, payload);
}

void Connection::armExpiry(qint64 deadline)
{
    const qint64 wait = qMax<qint64>(0, deadline - m_clock.elapsed());
    if (!m_expiryTimer.isActive() || m_expiryTimer.remainingTime() > wait)
        m_expiryTimer.start(int(qMin<qint64>(wait, std::numeric_limits<int>::max())));
}

void Connection::expireRequests()
{
    const qint64 now = m_clock.elapsed();
    qint64 next = std::numeric_limits<qint64>::max();
    std::vector<Pending> expired;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->second.deadline <= now) {
            expired.push_back(std::move(it->second));
            it = m_pending.erase(it);
        } else {
            next = qMin(next, it->second.deadline);
            ++it;
        }
    }
    if (next != std::numeric_limits<qint64>::max())
        armExpiry(next);
    const ProtocolError timedOut = unavailable(QStringLiteral("request timed out"));
    for (const Pending &pending : expired) {
        qCWarning(lcNet) << pending.type << "request timed out";
        pending.finish(nullptr, timedOut);
    }
}

// ---- incoming frames ----------------------------------------------------------------------

void Connection::onTextMessage(const QString &text)
{
    ProtocolError error;
    const std::optional<ServerFrame> frame = decodeServerFrame(text.toUtf8(), &error);
    if (!frame) {
        protocolViolation(QWebSocketProtocol::CloseCodeProtocolError,
                          QStringLiteral("undecodable frame: %1").arg(error.message));
        return;
    }
    switch (frame->kind) {
    case ServerFrame::Kind::Result:
        deliver(frame->id.value_or(0), &frame->data, {});
        break;
    case ServerFrame::Kind::Error:
        if (frame->id)
            deliver(*frame->id, nullptr, frame->error);
        else
            qCWarning(lcNet) << "server error:" << errorCodeName(frame->error.code)
                             << frame->error.message;
        break;
    case ServerFrame::Kind::Event:
        handleEvent(*frame);
        break;
    }
}

void Connection::onBinaryMessage(const QByteArray &frame)
{
    ProtocolError error;
    const std::optional<FetchDataFrame> data = FetchDataFrame::decode(frame, &error);
    if (!data) {
        protocolViolation(QWebSocketProtocol::CloseCodeProtocolError,
                          QStringLiteral("undecodable binary frame: %1").arg(error.message));
        return;
    }
    const ParsedObject header(FetchReply{data->offset, data->total, {}}.toJson());
    deliver(data->id, &header, {}, data->data);
}

void Connection::handleEvent(const ServerFrame &frame)
{
    ProtocolError error;
    const std::optional<AnyEvent> event = decodeEvent(frame, &error);
    if (!event) {
        if (error.code == ErrorCode::UnknownType)
            qCDebug(lcNet) << "ignoring unknown event" << frame.event;
        else
            qCWarning(lcNet) << "ignoring malformed" << frame.event << "event:" << error.message;
        return;
    }
    std::visit(
        [this](const auto &e) {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, MessageEvent>)
                emit messageReceived(e.message);
            else if constexpr (std::is_same_v<T, FriendEvent>)
                emit friendChanged(e.relation);
            else if constexpr (std::is_same_v<T, RoomEvent>)
                emit roomChanged(e.room);
            else if constexpr (std::is_same_v<T, RoomRemovedEvent>)
                emit roomRemoved(e);
            else if constexpr (std::is_same_v<T, InviteEvent>)
                emit invited(e.invite);
            else if constexpr (std::is_same_v<T, PresenceEvent>)
                emit presenceChanged(e.entry);
            else if constexpr (std::is_same_v<T, TypingEvent>)
                emit typingChanged(e);
            else if constexpr (std::is_same_v<T, ReadEvent>)
                emit readMarkerMoved(e.marker);
            else if constexpr (std::is_same_v<T, MutedEvent>)
                emit mutedChanged(e.setting);
            else if constexpr (std::is_same_v<T, NotificationEvent>)
                emit notificationReceived(e);
        },
        *event);
}

} // namespace natter::client
