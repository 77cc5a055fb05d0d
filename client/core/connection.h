#pragma once
// One WebSocket connection to a Natter server: the hello handshake, request/reply correlation
// with timeouts, and typed server events. Knows nothing about accounts, rooms or reconnecting;
// ClientSession builds that on top.

#include "core/trustedservers.h"
#include "core/reply.h"
#include "protocol/attachmentrequests.h"
#include "protocol/codec.h"

#include <QAbstractSocket>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <map>

class QWebSocket;

namespace natter::client {

class Connection : public QObject
{
    Q_OBJECT
public:
    /// Disconnected -> Connecting (TCP + WebSocket upgrade) -> Handshaking (hello sent) -> Ready.
    enum class State { Disconnected, Connecting, Handshaking, Ready };
    Q_ENUM(State)

    static constexpr int defaultRequestTimeoutMs = 30000;
    static constexpr quint64 maxIncomingMessageBytes = 16 * 1024 * 1024;

    explicit Connection(QObject *parent = nullptr);
    /// Drops the socket without emitting signals or invoking pending callbacks.
    ~Connection() override;

    /// Opens a connection to `url` (ws:// or wss://), closing any current one first. Progress is
    /// reported by stateChanged(), then ready() or handshakeFailed()/disconnected(). Opening and
    /// the handshake together must finish within requestTimeout().
    void open(const QUrl &url);
    /// Pins self-signed server certificates (trust on first use) for connections opened from now
    /// on: a wss:// certificate that does not verify is accepted only when `trusted` holds its
    /// fingerprint; otherwise the connection is dropped and certificateRefused() says why.
    /// `trusted` must outlive this Connection; null (the default) turns pinning off.
    void setTrustedServers(const TrustedServers *trusted) { m_trusted = trusted; }
    /// Closes politely. Unless already Disconnected, disconnected() is emitted (synchronously)
    /// and every pending request then fails with Unavailable.
    void close();

    State state() const { return m_state; }
    QUrl url() const { return m_url; }
    /// The server's answer to hello; meaningful while Ready.
    const HelloReply &serverHello() const { return m_hello; }

    /// Time a request may wait for its reply before failing with Unavailable ("request timed
    /// out"); applies to requests sent afterwards. Default 30 s.
    void setRequestTimeout(int ms);
    int requestTimeout() const { return m_requestTimeoutMs; }
    /// Requests sent and not yet answered.
    int pendingCount() const { return int(m_pending.size()); }

    /// Sends `request` and returns its id. `callback` runs exactly once (unless `context` is
    /// destroyed first; a null context means "always run") with the typed reply or an error:
    /// the server's error, BadFrame for a malformed reply, or Unavailable when not Ready
    /// (reported asynchronously), on timeout, or when the connection drops.
    /// Only `hello` may be sent while Handshaking; ClientSession does that.
    template <class Req>
    RequestId send(const Req &request, QObject *context,
                   ReplyCallback<typename Req::Reply> callback);

    /// Sends one upload chunk (a binary frame) of the upload `uploadId` (32 hex characters)
    /// at `offset`; the reply says how many bytes the server has stored. Same contract as
    /// send(). An attachments.fetch request sent with send() is answered by a binary frame,
    /// which arrives as its FetchReply with the bytes in `data`.
    RequestId sendChunk(const QString &uploadId, qint64 offset, const QByteArray &data,
                        QObject *context, ReplyCallback<UploadReply> callback);

signals:
    void stateChanged(natter::client::Connection::State state);
    /// The server's certificate is not (or no longer) the pinned one: Unknown on first use (ask
    /// the user to compare `presented` and accept it), Changed when it differs from `pinned`.
    void certificateRefused(const natter::client::PinCheck &check);
    /// A wss:// connection failed in the TLS handshake without the server presenting a
    /// certificate: it most likely speaks plain ws:// (then disconnected() follows). Nothing is
    /// retried without encryption; the user must type ws:// themselves.
    void tlsNotSpoken(const QUrl &url);
    /// The hello handshake succeeded; requests may be sent now.
    void ready(const natter::HelloReply &hello);
    /// The server refused hello (or it timed out); the connection is closed right after.
    void handshakeFailed(const natter::ProtocolError &error);
    /// The connection ended, for whatever reason (including close()). closeCode is the
    /// WebSocket close code; 1006 (abnormal) when no connection was established.
    void disconnected(int closeCode, const QString &reason);

    void messageReceived(const natter::Message &message);
    void friendChanged(const natter::Friend &relation);
    void roomChanged(const natter::Room &room);
    void roomRemoved(const natter::RoomRemovedEvent &event);
    void invited(const natter::Invite &invite);
    void presenceChanged(const natter::PresenceEntry &entry);
    void typingChanged(const natter::TypingEvent &event);
    void readMarkerMoved(const natter::ReadMarkerReply &marker);
    void mutedChanged(const natter::MutedReply &setting);
    void notificationReceived(const natter::NotificationEvent &event);

private:
    /// Type-erased reply handler: `data` is the result's data (for a binary reply, its header
    /// fields, with the bytes in `payload`), or null with `error` set.
    using Completion = std::function<void(const ParsedObject *data, const QByteArray &payload,
                                          const ProtocolError &error)>;

    struct Pending
    {
        QPointer<QObject> context;
        bool guarded = false; ///< a context was given: run only while it lives
        Completion complete;
        qint64 deadline = 0; ///< on m_clock
        const char *type = "";

        void finish(const ParsedObject *data, const ProtocolError &error,
                    const QByteArray &payload = QByteArray()) const;
    };

    template <class R>
    static Reply<R> toReply(const ParsedObject *data, const QByteArray &payload, const ProtocolError &error);

    void submit(RequestId id, const char *type, const QByteArray &frame, QObject *context,
                Completion complete, bool binary = false);
    void failLater(Pending pending, const ProtocolError &error);
    void deliver(RequestId id, const ParsedObject *data, const ProtocolError &error,
                 const QByteArray &payload = QByteArray());
    void armExpiry(qint64 deadline);
    void expireRequests();

    void onSocketConnected();
    void onSocketGone(quint64 epoch);
    void onTextMessage(const QString &text);
    void onBinaryMessage(const QByteArray &frame);
    void handleEvent(const ServerFrame &frame);
    void sendHello();
    void onHelloReply(const Reply<HelloReply> &reply, quint64 epoch);

    void protocolViolation(int closeCode, const QString &reason);
    void teardown(int closeCode, const QString &reason, bool graceful);
    void retireSocket(bool graceful, int closeCode, const QString &reason);
    void setState(State state);

    QWebSocket *m_socket = nullptr;
    const TrustedServers *m_trusted = nullptr;
    quint64 m_epoch = 0; ///< bumped per open(); stale socket callbacks compare against it
    bool m_sawCertificate = false; ///< the current wss:// attempt got as far as a certificate
    bool m_tlsNotSpoken = false;   ///< the current wss:// attempt failed before any certificate
    State m_state = State::Disconnected;
    QUrl m_url;
    HelloReply m_hello;
    RequestId m_nextId = 1;
    std::map<RequestId, Pending> m_pending;
    int m_requestTimeoutMs = defaultRequestTimeoutMs;
    QElapsedTimer m_clock;
    QTimer m_expiryTimer;
    QTimer m_connectTimer;
};

template <class R>
Reply<R> Connection::toReply(const ParsedObject *data, const QByteArray &payload, const ProtocolError &error)
{
    Reply<R> reply;
    if (!data) {
        reply.error = error;
        return reply;
    }
    ProtocolError parseError;
    reply.value = readData<R>(*data, &parseError);
    if (!reply.value)
        reply.error = {ErrorCode::BadFrame,
                       QStringLiteral("malformed reply: %1").arg(parseError.message)};
    if constexpr (std::is_same_v<R, FetchReply>) {
        if (reply.value)
            reply.value->data = payload;
    } else {
        Q_UNUSED(payload);
    }
    return reply;
}

template <class Req>
RequestId Connection::send(const Req &request, QObject *context,
                           ReplyCallback<typename Req::Reply> callback)
{
    using R = typename Req::Reply;
    const RequestId id = m_nextId++;
    submit(id, Req::type, encodeRequest(id, request), context,
           [callback = std::move(callback)](const ParsedObject *data, const QByteArray &payload,
                                            const ProtocolError &error) {
               if (callback)
                   callback(toReply<R>(data, payload, error));
           });
    return id;
}

} // namespace natter::client
