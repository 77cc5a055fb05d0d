#include "rawclient.h"

#include <QTest>

namespace natter::test {

RawClient::RawClient(QObject *parent) : QObject(parent)
{
    m_socket.setMaxAllowedIncomingMessageSize(64 * 1024 * 1024);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        ProtocolError error;
        if (auto frame = decodeServerFrame(text.toUtf8(), &error))
            frames.append(*frame);
        else
            qWarning() << "undecodable server frame:" << error.message;
    });
}

bool RawClient::connectTo(const QUrl &url, int timeoutMs)
{
    m_socket.open(url);
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, timeoutMs);
}

void RawClient::sendText(const QByteArray &utf8) { m_socket.sendTextMessage(QString::fromUtf8(utf8)); }

std::optional<ServerFrame> RawClient::waitReply(RequestId id, int timeoutMs)
{
    std::optional<ServerFrame> found;
    (void)QTest::qWaitFor([&] {
        for (const ServerFrame &f : std::as_const(frames)) {
            if (f.kind != ServerFrame::Kind::Event && f.id == id) {
                found = f;
                return true;
            }
        }
        return false;
    }, timeoutMs);
    return found;
}

bool RawClient::hello()
{
    const RequestId id = m_nextId++;
    send(id, HelloRequest{1, {}, QStringLiteral("raw-test")});
    const auto reply = waitReply(id);
    return reply && reply->kind == ServerFrame::Kind::Result;
}

std::optional<SessionReply> RawClient::signup(const QString &user, const QString &password)
{
    if (!hello())
        return std::nullopt;
    const RequestId id = m_nextId++;
    SignupRequest req;
    req.username = user;
    req.password = password;
    send(id, req);
    const auto reply = waitReply(id);
    if (!reply || reply->kind != ServerFrame::Kind::Result)
        return std::nullopt;
    return readData<SessionReply>(reply->data, nullptr);
}

bool RawClient::waitDisconnected(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
}

} // namespace natter::test
