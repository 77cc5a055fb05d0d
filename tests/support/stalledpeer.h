#pragma once
// A WebSocket client written by hand on a QTcpSocket, for peers a real client library cannot
// imitate: one that never answers pings, or one that stops reading (a bounded read buffer lets
// TCP flow control push back on the server).

#include <QByteArray>
#include <QTcpSocket>
#include <QUrl>

namespace natter::test {

class StalledPeer
{
public:
    /// Opens TCP and completes the WebSocket upgrade.
    bool open(quint16 port, int timeoutMs = 5000);
    /// Sends one masked text frame, as a client must.
    void sendText(const QByteArray &payload);
    /// Stops draining the socket: at most `bytes` are buffered by Qt, the rest stays in the kernel.
    void stopReading(qint64 bytes = 1024) { m_socket.setReadBufferSize(bytes); }
    bool waitDisconnected(int timeoutMs);
    /// Reads whatever arrived (for peers that still read) and returns it raw.
    QByteArray readAvailable();
    QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
};

} // namespace natter::test
