#pragma once
// One simulated user: one WebSocket connection that says hello, signs in (auth.resume with a
// seeded token, or auth.login with the password) and then sends messages and receives copies.
//
// Incoming frames are classified without a JSON parser where the server's compact output
// allows it: natterd writes object keys sorted, so an event ends with "type":"event"} and a
// result with "id":N,"type":"result"}. A message copy is recognised by "body":"t=<ns> k=<n>
// and only those digits are read. Anything else falls back to a full parse.

#include "wsclient.h"

#include <QHash>
#include <QJsonObject>
#include <functional>

namespace natter::bench {

class Driver;

/// Request ids at or above this are ordinary requests; below it they are message numbers.
constexpr qint64 requestIdBase = qint64(1) << 40;

class Peer : public WsClient::Handler
{
public:
    enum class Phase { Idle, Connecting, Hello, Auth, Ready, Failed, Closed };
    /// Result data, or an empty object and the error code.
    using Reply = std::function<void(const QJsonObject &data, const QString &errorCode)>;

    Peer(Driver &driver, int userIndex);

    int userIndex() const { return m_userIndex; }
    Phase phase() const { return m_phase; }
    bool isReady() const { return m_phase == Phase::Ready; }
    const QString &failure() const { return m_failure; }
    qint64 startedNs() const { return m_startedNs; }
    qint64 readyNs() const { return m_readyNs; }
    int inFlightSends() const { return m_inFlightSends; }
    /// When the frame being handled arrived (before it was parsed).
    qint64 lastFrameNs() const { return m_lastFrameNs; }

    /// Connects, says hello, then resumes with the token or (login) logs in with the password.
    /// `done` runs once: true when authenticated, false with failure() set.
    void start(bool login, std::function<void(bool ok)> done);
    /// Sends a request whose reply is read in full (setup and history, not the hot path).
    void request(const char *type, const QJsonObject &data, Reply reply);
    /// Sends message number `k` to a room; the body carries the send time and k.
    void sendMessage(qint64 roomId, qint64 k, qint64 sentNs);
    void close();

    void onOpen() override;
    void onText(const char *data, qsizetype size) override;
    void onClosed(const QString &why) override;

private:
    void finishAuth(bool ok, const QString &failure);
    void handleReply(qint64 id, const char *data, qsizetype size, bool isError);
    void slowPath(const char *data, qsizetype size);
    void handleMessageBody(const char *body, qsizetype size, qint64 receivedNs);

    Driver &m_driver;
    int m_userIndex;
    WsClient m_ws;
    Phase m_phase = Phase::Idle;
    bool m_login = false;
    std::function<void(bool)> m_authDone;
    QHash<qint64, Reply> m_pending;
    QString m_failure;
    qint64 m_startedNs = 0;
    qint64 m_readyNs = 0;
    int m_inFlightSends = 0;
    qint64 m_lastFrameNs = 0;
};

} // namespace natter::bench
