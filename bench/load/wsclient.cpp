#include "wsclient.h"

#include <QRandomGenerator>
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace natter::bench {

namespace {
constexpr int opContinuation = 0x0;
constexpr int opText = 0x1;
constexpr int opBinary = 0x2;
constexpr int opClose = 0x8;
constexpr int opPing = 0x9;
constexpr int opPong = 0xA;
constexpr qsizetype maxMessageBytes = 64 * 1024 * 1024;
constexpr qsizetype readChunk = 64 * 1024;

quint64 readBigEndian(const uchar *p, int bytes)
{
    quint64 v = 0;
    for (int i = 0; i < bytes; ++i)
        v = (v << 8) | p[i];
    return v;
}

QString errnoText(const char *what, int error)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what),
                                        QString::fromLocal8Bit(strerror(error)));
}
} // namespace

WsClient::WsClient(Poller &poller, Handler *handler) : m_poller(poller), m_handler(handler)
{
    const quint32 mask = QRandomGenerator::global()->generate();
    std::memcpy(m_mask, &mask, 4);
}

WsClient::~WsClient()
{
    release();
}

void WsClient::open(quint32 address, quint16 port)
{
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_fd < 0)
        return fail(errnoText("socket", errno));
    const int one = 1;
    setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(port);
    to.sin_addr.s_addr = htonl(address);
    m_state = State::Connecting;
    if (::connect(m_fd, reinterpret_cast<const sockaddr *>(&to), sizeof to) != 0 &&
        errno != EINPROGRESS)
        return fail(errnoText("connect", errno));
    m_wantWrite = true;
    if (!m_poller.add(m_fd, this, EPOLLIN | EPOLLOUT))
        fail(errnoText("epoll_ctl", errno));
}

void WsClient::onEvents(quint32 events)
{
    if (m_fd < 0)
        return;
    if (m_state == State::Connecting) {
        if (!(events & (EPOLLOUT | EPOLLERR | EPOLLHUP)))
            return;
        int error = 0;
        socklen_t len = sizeof error;
        getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &len);
        if (error != 0)
            return fail(errnoText("connect", error));
        onConnected();
        return;
    }
    if (events & EPOLLOUT)
        flush();
    if (m_fd >= 0 && (events & (EPOLLIN | EPOLLERR | EPOLLHUP)))
        readAvailable();
}

void WsClient::onConnected()
{
    QByteArray key(16, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(key.data()), 4);
    const QByteArray request =
        "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: " +
        key.toBase64() + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    m_state = State::Upgrading;
    m_wantWrite = false;
    m_poller.modify(m_fd, this, EPOLLIN);
    write(request.constData(), request.size());
}

void WsClient::readAvailable()
{
    for (;;) {
        const qsizetype old = m_in.size();
        m_in.resize(old + readChunk);
        const ssize_t got = ::read(m_fd, m_in.data() + old, size_t(readChunk));
        m_in.resize(old + qMax<ssize_t>(0, got));
        if (got == 0)
            return fail(QStringLiteral("connection closed by the server"));
        if (got < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                break;
            if (errno == EINTR)
                continue;
            return fail(errnoText("read", errno));
        }
        if (got < readChunk)
            break;
    }
    if (m_state == State::Upgrading && !readUpgradeReply())
        return;
    if (m_state == State::Open)
        parseFrames();
}

bool WsClient::readUpgradeReply()
{
    const qsizetype end = m_in.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_in.size() > 16 * 1024)
            fail(QStringLiteral("oversized upgrade reply"));
        return false;
    }
    if (!m_in.startsWith("HTTP/1.1 101")) {
        fail(QStringLiteral("upgrade refused: ") +
             QString::fromLatin1(m_in.left(m_in.indexOf('\r'))));
        return false;
    }
    m_in.remove(0, end + 4);
    m_state = State::Open;
    m_handler->onOpen();
    return m_state == State::Open;
}

void WsClient::parseFrames()
{
    qsizetype pos = 0;
    while (m_state == State::Open) {
        const auto *p = reinterpret_cast<const uchar *>(m_in.constData()) + pos;
        const qsizetype available = m_in.size() - pos;
        if (available < 2)
            break;
        const bool fin = p[0] & 0x80;
        const int opcode = p[0] & 0x0f;
        const bool masked = p[1] & 0x80;
        quint64 length = p[1] & 0x7f;
        qsizetype header = 2;
        if (length == 126) {
            if (available < 4)
                break;
            length = readBigEndian(p + 2, 2);
            header = 4;
        } else if (length == 127) {
            if (available < 10)
                break;
            length = readBigEndian(p + 2, 8);
            header = 10;
        }
        if (length > quint64(maxMessageBytes))
            return fail(QStringLiteral("oversized frame"));
        const qsizetype maskAt = header;
        header += masked ? 4 : 0;
        if (available < header + qsizetype(length))
            break;
        char *payload = m_in.data() + pos + header;
        if (masked) { // servers must not mask; tolerate it anyway
            for (quint64 i = 0; i < length; ++i)
                payload[i] ^= char(p[maskAt + (i & 3)]);
        }
        pos += header + qsizetype(length);
        switch (opcode) {
        case opText:
        case opBinary:
            if (fin) {
                m_handler->onText(payload, qsizetype(length));
            } else {
                m_message = QByteArray(payload, qsizetype(length));
                m_inFragments = true;
            }
            break;
        case opContinuation:
            if (!m_inFragments)
                return fail(QStringLiteral("stray continuation frame"));
            m_message.append(payload, qsizetype(length));
            if (fin) {
                m_inFragments = false;
                const QByteArray message = std::exchange(m_message, QByteArray());
                m_handler->onText(message.constData(), message.size());
            }
            break;
        case opClose: {
            const int code = length >= 2
                                 ? int(readBigEndian(reinterpret_cast<const uchar *>(payload), 2))
                                 : 1005;
            const QString reason =
                length > 2 ? QString::fromUtf8(payload + 2, qsizetype(length) - 2) : QString();
            sendFrame(opClose, payload, qMin<qsizetype>(2, qsizetype(length)));
            return fail(
                QStringLiteral("closed by the server: %1 %2").arg(code).arg(reason).trimmed());
        }
        case opPing:
            sendFrame(opPong, payload, qsizetype(length));
            break;
        default: // pong and reserved opcodes: nothing to do
            break;
        }
    }
    if (pos > 0 && m_fd >= 0)
        m_in.remove(0, pos);
}

void WsClient::sendText(const char *data, qsizetype size)
{
    if (m_state == State::Open)
        sendFrame(opText, data, size);
}

void WsClient::sendFrame(int opcode, const char *data, qsizetype size)
{
    m_frame.resize(14 + size);
    auto *o = reinterpret_cast<uchar *>(m_frame.data());
    qsizetype n = 0;
    o[n++] = uchar(0x80 | opcode);
    if (size < 126) {
        o[n++] = uchar(0x80 | size);
    } else if (size < 65536) {
        o[n++] = 0x80 | 126;
        o[n++] = uchar(size >> 8);
        o[n++] = uchar(size);
    } else {
        o[n++] = 0x80 | 127;
        for (int i = 7; i >= 0; --i)
            o[n++] = uchar(quint64(size) >> (8 * i));
    }
    std::memcpy(o + n, m_mask, 4);
    n += 4;
    for (qsizetype i = 0; i < size; ++i)
        o[n + i] = uchar(data[i]) ^ m_mask[i & 3];
    write(m_frame.constData(), n + size);
}

void WsClient::write(const char *data, qsizetype size)
{
    if (m_fd < 0)
        return;
    if (!m_pendingOut.isEmpty()) {
        m_pendingOut.append(data, size);
        return;
    }
    const ssize_t sent = ::send(m_fd, data, size_t(size), MSG_NOSIGNAL);
    if (sent < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
        return fail(errnoText("send", errno));
    const qsizetype done = qMax<ssize_t>(0, sent);
    if (done < size) {
        m_pendingOut.append(data + done, size - done);
        m_wantWrite = true;
        m_poller.modify(m_fd, this, EPOLLIN | EPOLLOUT);
    }
}

void WsClient::flush()
{
    while (!m_pendingOut.isEmpty()) {
        const ssize_t sent =
            ::send(m_fd, m_pendingOut.constData(), size_t(m_pendingOut.size()), MSG_NOSIGNAL);
        if (sent < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return;
            if (errno == EINTR)
                continue;
            return fail(errnoText("send", errno));
        }
        m_pendingOut.remove(0, sent);
    }
    if (m_wantWrite) {
        m_wantWrite = false;
        m_poller.modify(m_fd, this, EPOLLIN);
    }
}

void WsClient::close()
{
    if (m_state == State::Open) {
        const char code[2] = {char(1000 >> 8), char(1000 & 0xff)};
        sendFrame(opClose, code, 2);
    }
    m_state = State::Closed;
    release();
}

void WsClient::fail(const QString &why)
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    release();
    m_handler->onClosed(why);
}

void WsClient::release()
{
    if (m_fd < 0)
        return;
    m_poller.remove(m_fd);
    ::close(m_fd);
    m_fd = -1;
}

} // namespace natter::bench
