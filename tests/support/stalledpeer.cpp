#include "stalledpeer.h"

#include <QRandomGenerator>
#include <QTest>

namespace natter::test {

bool StalledPeer::open(quint16 port, int timeoutMs, Transport transport)
{
    if (transport == Transport::Tls) {
        m_socket.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        // The server may run in this thread: wait with its event loop turning.
        if (!QTest::qWaitFor([this] { return m_socket.isEncrypted(); }, timeoutMs))
            return false;
    } else {
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        if (!m_socket.waitForConnected(timeoutMs))
            return false;
    }
    m_socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QByteArray response;
    const bool ok = QTest::qWaitFor([&] {
        response += m_socket.readAll();
        return response.contains("\r\n\r\n");
    }, timeoutMs);
    return ok && response.startsWith("HTTP/1.1 101");
}

void StalledPeer::sendText(const QByteArray &payload)
{
    QByteArray frame;
    frame.append(char(0x81)); // FIN + text
    const quint64 size = quint64(payload.size());
    if (size < 126) {
        frame.append(char(0x80 | size));
    } else if (size < 65536) {
        frame.append(char(0x80 | 126));
        frame.append(char(size >> 8));
        frame.append(char(size & 0xff));
    } else {
        frame.append(char(0x80 | 127));
        for (int i = 7; i >= 0; --i)
            frame.append(char((size >> (8 * i)) & 0xff));
    }
    const quint32 mask = QRandomGenerator::global()->generate();
    const char key[4] = {char(mask >> 24), char(mask >> 16), char(mask >> 8), char(mask)};
    frame.append(key, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(payload[i] ^ key[i % 4]);
    m_socket.write(frame);
    m_socket.flush();
}

bool StalledPeer::waitDisconnected(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
}

QByteArray StalledPeer::readAvailable() { return m_socket.readAll(); }

} // namespace natter::test
