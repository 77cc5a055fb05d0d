#pragma once
// A bare WebSocket peer for tests that must send what no real client would: garbage, oversize
// frames, floods, requests out of order. Collects every frame the server sends.

#include "protocol/codec.h"

#include <QJsonObject>
#include <QList>
#include <QUrl>
#include <QWebSocket>

namespace natter::test {

class RawClient : public QObject
{
    Q_OBJECT
public:
    explicit RawClient(QObject *parent = nullptr);

    bool connectTo(const QUrl &url, int timeoutMs = 5000);
    void sendText(const QByteArray &utf8);
    template <class Req>
    void send(RequestId id, const Req &req) { sendText(encodeRequest(id, req)); }

    /// Waits for the reply (result or error) to request `id`.
    std::optional<ServerFrame> waitReply(RequestId id, int timeoutMs = 5000);
    /// Sends hello and waits for its result.
    bool hello();
    /// hello + signup; returns the session.
    std::optional<SessionReply> signup(const QString &user, const QString &password = QStringLiteral("pass-word-123"));
    bool waitDisconnected(int timeoutMs = 5000);

    QList<ServerFrame> frames;
    int closeCode() const { return m_socket.closeCode(); }
    QString closeReason() const { return m_socket.closeReason(); }
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QWebSocket &socket() { return m_socket; }

private:
    QWebSocket m_socket;
    RequestId m_nextId = 1000;
};

} // namespace natter::test
