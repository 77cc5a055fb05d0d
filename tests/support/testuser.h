#pragma once
// One person in an integration test: a real natter_client_core ClientSession plus a record of
// everything it received, and blocking helpers so tests read top to bottom.

#include "core/clientsession.h"

#include <QTest>

namespace natter::test {

class TestUser : public QObject
{
    Q_OBJECT
public:
    explicit TestUser(const QUrl &server, QObject *parent = nullptr);

    client::ClientSession session;
    QList<Message> messages;     ///< every messageReceived(), in order
    QList<Friend> friendEvents;
    QList<Room> roomEvents;

    client::Reply<SessionReply> signup(const QString &name, const QString &password = defaultPassword());
    client::Reply<SessionReply> login(const QString &name, const QString &password = defaultPassword());
    client::Reply<SessionReply> resume(const QString &token);
    bool waitSynced(int timeoutMs = 10000);
    /// Syncs completed so far; with waitSyncedAfter() for a sync that may finish before the wait.
    int syncCount() const { return m_synced; }
    bool waitSyncedAfter(int count, int timeoutMs = 10000);
    bool waitMessages(int count, int timeoutMs = 10000);

    /// Sends any request on this user's connection and waits for its reply.
    template <class Req>
    client::Reply<typename Req::Reply> call(const Req &request, int timeoutMs = 10000)
    {
        std::optional<client::Reply<typename Req::Reply>> out;
        session.connection().send(request, this, [&out](const auto &r) { out = r; });
        (void)QTest::qWaitFor([&] { return out.has_value(); }, timeoutMs);
        if (!out)
            out = client::Reply<typename Req::Reply>{std::nullopt, {ErrorCode::Unavailable, QStringLiteral("test timeout")}};
        return *out;
    }
    client::Reply<SendReply> send(RoomId room, const QString &body, const QString &clientMsgId = QString());
    UserId id() const { return session.user().id; }

    static QString defaultPassword() { return QStringLiteral("a-good-password-42"); }

private:
    template <class F>
    client::Reply<SessionReply> authenticate(F start);
    int m_synced = 0;
};

/// alice and bob become friends; returns their direct room.
RoomId makeFriends(TestUser &a, TestUser &b);

} // namespace natter::test
