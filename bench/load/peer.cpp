#include "peer.h"

#include "driver.h"
#include "metrics.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <cstdio>
#include <cstring>
#include <string_view>

namespace natter::bench {

namespace {

constexpr std::string_view eventTail = "\"type\":\"event\"}";
constexpr std::string_view resultTail = ",\"type\":\"result\"}";
constexpr std::string_view errorTail = ",\"type\":\"error\"}";
constexpr std::string_view bodyMarker = "\"body\":\"t=";
constexpr char filler[] = "the quick brown fox jumps over the lazy dog 0123456789";

bool endsWith(std::string_view s, std::string_view tail)
{
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

/// Reads the digits of the top-level id just before `tailStart` ("id":123 then the tail).
qint64 idBefore(std::string_view s, size_t tailStart)
{
    size_t i = tailStart;
    while (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
        --i;
    constexpr std::string_view key = "\"id\":";
    if (i == tailStart || i < key.size() || s.substr(i - key.size(), key.size()) != key)
        return -1;
    qint64 v = 0;
    for (size_t j = i; j < tailStart; ++j)
        v = v * 10 + (s[j] - '0');
    return v;
}

/// Parses an unsigned decimal at s[pos...]; advances pos; -1 when there are no digits.
qint64 digitsAt(std::string_view s, size_t &pos)
{
    const size_t start = pos;
    qint64 v = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9')
        v = v * 10 + (s[pos++] - '0');
    return pos == start ? -1 : v;
}

QByteArray requestFrame(const char *type, qint64 id, const QJsonObject &data)
{
    return QByteArray("{\"type\":\"") + type + "\",\"id\":" + QByteArray::number(id) +
           ",\"data\":" + QJsonDocument(data).toJson(QJsonDocument::Compact) + '}';
}

} // namespace

Peer::Peer(Driver &driver, int userIndex)
    : m_driver(driver), m_userIndex(userIndex), m_ws(driver.poller(), this)
{
}

void Peer::start(bool login, std::function<void(bool)> done)
{
    m_login = login;
    m_authDone = std::move(done);
    m_phase = Phase::Connecting;
    m_startedNs = nowNs();
    m_ws.open(m_driver.address().toIPv4Address(), m_driver.port());
}

void Peer::onOpen()
{
    m_phase = Phase::Hello;
    request("hello",
            {{QStringLiteral("version"), 1},
             {QStringLiteral("features"), QJsonArray()},
             {QStringLiteral("client"), QStringLiteral("natter-load")}},
            [this](const QJsonObject &, const QString &error) {
                if (!error.isEmpty())
                    return finishAuth(false, QStringLiteral("hello: ") + error);
                m_phase = Phase::Auth;
                const PlanUser &user = m_driver.plan().users.at(m_userIndex);
                const Reply authReply = [this](const QJsonObject &, const QString &error) {
                    finishAuth(error.isEmpty(), error);
                };
                if (m_login)
                    request("auth.login",
                            {{QStringLiteral("username"), user.username},
                             {QStringLiteral("password"), m_driver.plan().password},
                             {QStringLiteral("device"), QStringLiteral("bench")}},
                            authReply);
                else
                    request("auth.resume", {{QStringLiteral("token"), user.token}}, authReply);
            });
}

void Peer::finishAuth(bool ok, const QString &failure)
{
    if (m_phase != Phase::Hello && m_phase != Phase::Auth && m_phase != Phase::Connecting)
        return;
    m_phase = ok ? Phase::Ready : Phase::Failed;
    m_failure = failure;
    m_readyNs = nowNs();
    if (auto done = std::exchange(m_authDone, nullptr))
        done(ok);
}

void Peer::request(const char *type, const QJsonObject &data, Reply reply)
{
    const qint64 id = m_driver.nextRequestId();
    m_pending.insert(id, std::move(reply));
    m_ws.sendText(requestFrame(type, id, data));
}

void Peer::sendMessage(qint64 roomId, qint64 k, qint64 sentNs)
{
    // The key is a UUID of version 7 like the client's (newClientMsgId): the time, then this
    // run's nonce and the request number where the client has random bits.
    const auto ms = static_cast<unsigned long long>(QDateTime::currentMSecsSinceEpoch()) & 0xFFFFFFFFFFFFull;
    const unsigned long long nonce = m_driver.runNonce();
    char frame[512];
    const int n = std::snprintf(frame, sizeof frame,
                                "{\"type\":\"messages.send\",\"id\":%lld,\"data\":{\"roomId\":%lld,"
                                "\"clientMsgId\":\"%08llx-%04llx-7%03llx-%04llx-%012llx\","
                                "\"body\":\"t=%lld k=%lld %s\"}}",
                                static_cast<long long>(k), static_cast<long long>(roomId), ms >> 16,
                                ms & 0xFFFF, nonce & 0xFFF, 0x8000 | ((nonce >> 12) & 0x3FFF),
                                static_cast<unsigned long long>(k) & 0xFFFFFFFFFFFFull,
                                static_cast<long long>(sentNs), static_cast<long long>(k), filler);
    ++m_inFlightSends;
    m_ws.sendText(frame, n);
}

void Peer::close()
{
    if (m_phase == Phase::Closed)
        return;
    m_phase = Phase::Closed;
    m_ws.close();
}

void Peer::onText(const char *data, qsizetype size)
{
    m_lastFrameNs = nowNs();
    const std::string_view s(data, size_t(size));
    if (endsWith(s, eventTail)) {
        const size_t at = s.find(bodyMarker);
        if (at == std::string_view::npos)
            return m_driver.countOtherEvent();
        const size_t bodyStart = at + bodyMarker.size() - 2; // points at "t="
        handleMessageBody(data + bodyStart, size - qsizetype(bodyStart), m_lastFrameNs);
        return;
    }
    if (endsWith(s, resultTail)) {
        const qint64 id = idBefore(s, s.size() - resultTail.size());
        if (id >= 0)
            return handleReply(id, data, size, false);
    } else if (endsWith(s, errorTail)) {
        const qint64 id = idBefore(s, s.size() - errorTail.size());
        if (id >= 0)
            return handleReply(id, data, size, true);
    }
    slowPath(data, size);
}

void Peer::handleMessageBody(const char *body, qsizetype size, qint64 receivedNs)
{
    const std::string_view s(body, size_t(size));
    size_t pos = 2; // after "t="
    const qint64 sentNs = s.substr(0, 2) == "t=" ? digitsAt(s, pos) : -1;
    qint64 k = -1;
    if (sentNs >= 0 && s.substr(pos, 3) == " k=") {
        pos += 3;
        k = digitsAt(s, pos);
    }
    if (k < 0)
        return m_driver.countOtherEvent();
    m_driver.onCopy(sentNs, k, receivedNs);
}

void Peer::handleReply(qint64 id, const char *data, qsizetype size, bool isError)
{
    if (id < requestIdBase && !isError) {
        --m_inFlightSends;
        return m_driver.onAck(id, m_lastFrameNs);
    }
    QString code;
    QJsonObject payload;
    if (isError || m_pending.contains(id)) {
        const QJsonObject frame =
            QJsonDocument::fromJson(QByteArray::fromRawData(data, size)).object();
        if (isError)
            code = frame.value(QStringLiteral("error"))
                       .toObject()
                       .value(QStringLiteral("code"))
                       .toString(QStringLiteral("unreadable"));
        else
            payload = frame.value(QStringLiteral("data")).toObject();
    }
    if (isError)
        m_driver.countError(code);
    if (id < requestIdBase) {
        --m_inFlightSends;
        return m_driver.onSendError(id, code);
    }
    if (Reply reply = m_pending.take(id))
        reply(payload, code);
}

void Peer::slowPath(const char *data, qsizetype size)
{
    m_driver.countSlowPath();
    const qint64 receivedNs = m_lastFrameNs;
    const QJsonObject frame = QJsonDocument::fromJson(QByteArray::fromRawData(data, size)).object();
    const QString type = frame.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("event")) {
        const QString body = frame.value(QStringLiteral("data"))
                                 .toObject()
                                 .value(QStringLiteral("message"))
                                 .toObject()
                                 .value(QStringLiteral("body"))
                                 .toString();
        const QByteArray utf8 = body.toUtf8();
        if (utf8.startsWith("t="))
            return handleMessageBody(utf8.constData(), utf8.size(), receivedNs);
        return m_driver.countOtherEvent();
    }
    const QJsonValue id = frame.value(QStringLiteral("id"));
    if ((type == QLatin1String("result") || type == QLatin1String("error")) && id.isDouble())
        return handleReply(qint64(id.toDouble()), data, size, type == QLatin1String("error"));
    if (type == QLatin1String("error")) {
        m_driver.countError(frame.value(QStringLiteral("error"))
                                .toObject()
                                .value(QStringLiteral("code"))
                                .toString());
        return;
    }
    m_driver.countError(QStringLiteral("unreadable frame"));
}

void Peer::onClosed(const QString &why)
{
    const bool wasReady = m_phase == Phase::Ready;
    if (m_phase == Phase::Connecting || m_phase == Phase::Hello || m_phase == Phase::Auth)
        finishAuth(false, why);
    m_phase = Phase::Closed;
    if (wasReady) // not closed by us: the server dropped a signed-in user
        m_driver.onPeerClosed(this, why);
}

} // namespace natter::bench
