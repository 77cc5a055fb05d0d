#pragma once
// A WebSocket client written by hand on a QTcpSocket, for peers a real client library cannot
// imitate: one that never answers pings, or one that stops reading (a bounded read buffer lets
// TCP flow control push back on the server).

#include <QByteArray>
#include <QSslSocket>
#include <QUrl>

namespace natter::test {

class StalledPeer
{
public:
    enum class Transport { Plain, Tls };
    /// Opens TCP (and TLS, trusting any certificate) and completes the WebSocket upgrade.
    bool open(quint16 port, int timeoutMs = 5000, Transport transport = Transport::Plain);
    /// Sends one masked text frame, as a client must.
    void sendText(const QByteArray &payload);
    /// Stops draining the socket: at most `bytes` are buffered by Qt (for TLS, both before and
    /// after decryption), the rest stays in the kernel.
    void stopReading(qint64 bytes = 1024) { m_socket.setReadBufferSize(bytes); }
    bool waitDisconnected(int timeoutMs);
    /// Reads whatever arrived (for peers that still read) and returns it raw.
    QByteArray readAvailable();
    QTcpSocket &socket() { return m_socket; }

private:
    QSslSocket m_socket; ///< used as a plain QTcpSocket unless opened with Transport::Tls
};

} // namespace natter::test
