#pragma once
// A minimal RFC 6455 client on a non-blocking socket in the Poller's epoll set, made for the
// load tool: each complete text message goes to the handler as raw bytes (no QString, no UTF-8
// decoding, no copy unless fragmented); sends are masked and unfragmented; pings are answered.

#include "poller.h"

#include <QByteArray>
#include <QString>

namespace natter::bench {

class WsClient : private Poller::Watcher
{
public:
    class Handler
    {
    public:
        virtual ~Handler() = default;
        /// The upgrade succeeded; text may be sent now.
        virtual void onOpen() = 0;
        /// One complete text (or binary) message; `data` is valid only during the call.
        virtual void onText(const char *data, qsizetype size) = 0;
        /// The connection is gone (refused, closed by the peer, or a protocol error).
        virtual void onClosed(const QString &why) = 0;
    };

    WsClient(Poller &poller, Handler *handler);
    ~WsClient() override;
    WsClient(const WsClient &) = delete;
    WsClient &operator=(const WsClient &) = delete;

    /// Connects to 127.0.0.1-style IPv4 `address` (host byte order) and `port`.
    void open(quint32 address, quint16 port);
    bool isOpen() const { return m_state == State::Open; }
    /// Sends one text message (masked, unfragmented).
    void sendText(const char *data, qsizetype size);
    void sendText(const QByteArray &data) { sendText(data.constData(), data.size()); }
    /// Sends a close frame (1000) and closes the socket; no further callbacks.
    void close();

private:
    enum class State { Idle, Connecting, Upgrading, Open, Closed };

    void onEvents(quint32 events) override;
    void onConnected();
    void readAvailable();
    bool readUpgradeReply();
    void parseFrames();
    void sendFrame(int opcode, const char *data, qsizetype size);
    void write(const char *data, qsizetype size);
    void flush();
    void fail(const QString &why);
    void release();

    Poller &m_poller;
    Handler *m_handler;
    int m_fd = -1;
    State m_state = State::Idle;
    bool m_wantWrite = false;
    QByteArray m_in;         ///< received, not yet parsed
    QByteArray m_pendingOut; ///< accepted by sendText, not yet taken by the kernel
    QByteArray m_message;    ///< a fragmented message being put together
    bool m_inFragments = false;
    quint8 m_mask[4] = {};
    QByteArray m_frame; ///< scratch for outgoing frames
};

} // namespace natter::bench
