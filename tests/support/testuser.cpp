#include "testuser.h"

namespace natter::test {

TestUser::TestUser(const QUrl &server, QObject *parent) : QObject(parent)
{
    session.setServerUrl(server);
    session.setReconnectDelays(20, 200);
    connect(&session, &client::ClientSession::messageReceived, this, [this](const Message &m) { messages.append(m); });
    connect(&session, &client::ClientSession::friendChanged, this, [this](const Friend &f) { friendEvents.append(f); });
    connect(&session, &client::ClientSession::roomChanged, this, [this](const Room &r) { roomEvents.append(r); });
    connect(&session, &client::ClientSession::synced, this, [this] { ++m_synced; });
}

template <class F>
client::Reply<SessionReply> TestUser::authenticate(F start)
{
    std::optional<client::Reply<SessionReply>> out;
    const int syncedBefore = m_synced;
    start([&out](const client::Reply<SessionReply> &r) { out = r; });
    (void)QTest::qWaitFor([&] { return out.has_value(); }, 10000);
    if (!out)
        return {std::nullopt, {ErrorCode::Unavailable, QStringLiteral("test timeout")}};
    if (out->ok())
        (void)QTest::qWaitFor([&] { return m_synced > syncedBefore; }, 10000);
    return *out;
}

client::Reply<SessionReply> TestUser::signup(const QString &name, const QString &password)
{
    return authenticate([&](auto cb) { session.signup(name, password, cb); });
}

client::Reply<SessionReply> TestUser::login(const QString &name, const QString &password)
{
    return authenticate([&](auto cb) { session.login(name, password, cb); });
}

client::Reply<SessionReply> TestUser::resume(const QString &token)
{
    return authenticate([&](auto cb) { session.resume(token, cb); });
}

bool TestUser::waitSynced(int timeoutMs)
{
    const int before = m_synced;
    return QTest::qWaitFor([&] { return m_synced > before; }, timeoutMs);
}

bool TestUser::waitSyncedAfter(int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_synced > count; }, timeoutMs);
}

bool TestUser::waitMessages(int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return messages.size() >= count; }, timeoutMs);
}

client::Reply<SendReply> TestUser::send(RoomId room, const QString &body, const QString &clientMsgId)
{
    std::optional<client::Reply<SendReply>> out;
    session.sendMessage(room, body, [&out](const client::Reply<SendReply> &r) { out = r; }, clientMsgId);
    (void)QTest::qWaitFor([&] { return out.has_value(); }, 10000);
    if (!out)
        return {std::nullopt, {ErrorCode::Unavailable, QStringLiteral("test timeout")}};
    return *out;
}

RoomId makeFriends(TestUser &a, TestUser &b)
{
    FriendRequestRequest ask;
    ask.userId = b.id();
    if (!a.call(ask).ok())
        return RoomId();
    FriendAcceptRequest accept;
    accept.userId = a.id();
    const auto r = b.call(accept);
    return r.ok() ? r.value->relation.roomId : RoomId();
}

} // namespace natter::test
