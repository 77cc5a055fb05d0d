// Presence, typing, notifications and read markers through real sockets, including a user
// with two devices.
#include "../support/testserver.h"
#include "../support/testuser.h"

#include <QtTest>

using namespace natter;
using namespace natter::test;

namespace {

/// Records the live events a user's connection receives.
struct Recorder
{
    explicit Recorder(TestUser &u)
    {
        client::Connection &c = u.session.connection();
        QObject::connect(&c, &client::Connection::presenceChanged, &u, [this](const PresenceEntry &e) { presence.append(e); });
        QObject::connect(&c, &client::Connection::typingChanged, &u, [this](const TypingEvent &e) { typing.append(e); });
        QObject::connect(&c, &client::Connection::notificationReceived, &u, [this](const NotificationEvent &e) { notifications.append(e); });
        QObject::connect(&c, &client::Connection::readMarkerMoved, &u, [this](const ReadMarkerReply &m) { reads.append(m); });
    }
    std::optional<Presence> lastPresenceOf(UserId user) const
    {
        for (auto it = presence.crbegin(); it != presence.crend(); ++it) {
            if (it->userId == user)
                return it->status;
        }
        return std::nullopt;
    }
    QList<PresenceEntry> presence;
    QList<TypingEvent> typing;
    QList<NotificationEvent> notifications;
    QList<ReadMarkerReply> reads;
};

} // namespace

class TestLive : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void presenceAggregatesDevices();
    void presenceIsOnlyForFriendsAndMembers();
    void typingIsForwardedAndRateLimited();
    void notificationsForUnviewedRoomsAndMentions();
    void friendAndInviteNotifications();
    void readMarkersSyncAcrossDevicesAndCountUnread();

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestUser> alice, bob, carol;
    RoomId m_room;
};

void TestLive::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    alice = std::make_unique<TestUser>(m_server->url());
    bob = std::make_unique<TestUser>(m_server->url());
    carol = std::make_unique<TestUser>(m_server->url());
    QVERIFY(alice->signup(QStringLiteral("alice")).ok());
    QVERIFY(bob->signup(QStringLiteral("bob")).ok());
    QVERIFY(carol->signup(QStringLiteral("carol")).ok());
    m_room = makeFriends(*alice, *bob);
    QVERIFY(m_room.isValid());
}

void TestLive::cleanup()
{
    alice.reset();
    bob.reset();
    carol.reset();
    m_server.reset();
}

void TestLive::presenceAggregatesDevices()
{
    Recorder watcher(*bob);
    TestUser aliceLaptop(m_server->url());
    aliceLaptop.session.setAutoReconnect(false);
    QVERIFY(aliceLaptop.login(QStringLiteral("alice")).ok());
    const auto initial = bob->call(PresenceQueryRequest{{alice->id()}});
    QCOMPARE(initial.value->presence.size(), 1);
    QCOMPARE(initial.value->presence[0].status, Presence::Online);

    QVERIFY(alice->call(SetPresenceRequest{Presence::DoNotDisturb}).ok());
    QTRY_COMPARE(watcher.lastPresenceOf(alice->id()), std::optional<Presence>(Presence::DoNotDisturb));
    QVERIFY(alice->call(SetPresenceRequest{Presence::Away}).ok());
    // The laptop is still online, so alice is online.
    QTRY_COMPARE(watcher.lastPresenceOf(alice->id()), std::optional<Presence>(Presence::Online));
    QVERIFY(aliceLaptop.call(SetPresenceRequest{Presence::Away}).ok());
    QTRY_COMPARE(watcher.lastPresenceOf(alice->id()), std::optional<Presence>(Presence::Away));
    aliceLaptop.session.disconnectFromServer();
    alice->session.setAutoReconnect(false);
    alice->session.disconnectFromServer();
    QTRY_COMPARE(watcher.lastPresenceOf(alice->id()), std::optional<Presence>(Presence::Offline));
    QCOMPARE(bob->call(PresenceQueryRequest{{alice->id()}}).value->presence[0].status, Presence::Offline);
}

void TestLive::presenceIsOnlyForFriendsAndMembers()
{
    Recorder stranger(*carol);
    QVERIFY(alice->call(SetPresenceRequest{Presence::DoNotDisturb}).ok());
    QTest::qWait(200);
    QVERIFY(!stranger.lastPresenceOf(alice->id()));
    QVERIFY(carol->call(PresenceQueryRequest{{alice->id(), bob->id()}}).value->presence.isEmpty());
    // Former friends share nothing any more, although their closed direct room remains.
    FriendRemoveRequest unfriend;
    unfriend.userId = alice->id();
    QVERIFY(bob->call(unfriend).ok());
    QVERIFY(bob->call(PresenceQueryRequest{{alice->id()}}).value->presence.isEmpty());
    QCOMPARE(bob->call(TypingRequest{m_room, true}).error.code, ErrorCode::Forbidden);
    // Sharing a group room makes presence visible.
    const auto room = alice->call(CreateRoomRequest{QStringLiteral("Open"), QString(), true, HistoryVisibility::Shared, {}});
    JoinRoomRequest join;
    join.roomId = room.value->room.id;
    QVERIFY(carol->call(join).ok());
    const auto visible = carol->call(PresenceQueryRequest{{alice->id()}});
    QCOMPARE(visible.value->presence.size(), 1);
    QCOMPARE(visible.value->presence[0].status, Presence::DoNotDisturb);
}

void TestLive::typingIsForwardedAndRateLimited()
{
    Recorder bobSees(*bob);
    Recorder aliceSees(*alice);
    QVERIFY(alice->call(TypingRequest{m_room, true}).ok());
    QTRY_COMPARE(bobSees.typing.size(), qsizetype(1));
    QCOMPARE(bobSees.typing[0].userId, alice->id());
    QVERIFY(bobSees.typing[0].typing);
    QVERIFY(alice->call(TypingRequest{m_room, true}).ok()); // within the interval: not forwarded
    QVERIFY(alice->call(TypingRequest{m_room, false}).ok());
    QTRY_COMPARE(bobSees.typing.size(), qsizetype(2));
    QVERIFY(!bobSees.typing[1].typing);
    QVERIFY(alice->call(TypingRequest{m_room, true}).ok()); // stopping ended the interval
    QTRY_COMPARE(bobSees.typing.size(), qsizetype(3));
    QVERIFY(bobSees.typing[2].typing);
    QVERIFY(aliceSees.typing.isEmpty());
    QCOMPARE(carol->call(TypingRequest{m_room, true}).error.code, ErrorCode::Forbidden);
    QCOMPARE(carol->call(TypingRequest{m_room, true}).error.code, ErrorCode::Forbidden); // again
    // Never stored: the timeline is still empty.
    QVERIFY(bob->call(HistoryRequest{m_room, 0, 50}).value->messages.isEmpty());
}

void TestLive::notificationsForUnviewedRoomsAndMentions()
{
    Recorder bobSees(*bob);
    QVERIFY(alice->send(m_room, QStringLiteral("are you there?")).ok());
    QTRY_COMPARE(bobSees.notifications.size(), qsizetype(1));
    QCOMPARE(bobSees.notifications[0].kind, QStringLiteral("message"));
    QCOMPARE(bobSees.notifications[0].roomId, m_room);
    QCOMPARE(bobSees.notifications[0].preview, QStringLiteral("are you there?"));
    QVERIFY(!bobSees.notifications[0].mention);
    // A preview never ends in half a character.
    const QString emoji = QString(119, QLatin1Char('x')) + QString::fromUtf8("😀 and more");
    QVERIFY(alice->send(m_room, emoji).ok());
    QTRY_COMPARE(bobSees.notifications.size(), qsizetype(2));
    QCOMPARE(bobSees.notifications[1].preview, QString(119, QLatin1Char('x')));
    bobSees.notifications.removeLast();
    // Viewing the room (on any device) silences its notifications, not its messages.
    QVERIFY(bob->call(ViewRoomRequest{m_room}).ok());
    QVERIFY(alice->send(m_room, QStringLiteral("now you see it")).ok());
    QVERIFY(bob->waitMessages(2));
    QTest::qWait(100);
    QCOMPARE(bobSees.notifications.size(), qsizetype(1));
    QVERIFY(bob->call(ViewRoomRequest{RoomId()}).ok());

    // Mentions in a group are flagged for the mentioned member only.
    QVERIFY(makeFriends(*alice, *carol).isValid());
    Recorder carolSees(*carol);
    const auto group = alice->call(CreateRoomRequest{QStringLiteral("G"), QString(), false, HistoryVisibility::Shared,
                                                     {bob->id(), carol->id()}});
    QVERIFY(group.ok());
    JoinRoomRequest join;
    join.roomId = group.value->room.id;
    QVERIFY(bob->call(join).ok());
    QVERIFY(carol->call(join).ok());
    const int bobBefore = int(bobSees.notifications.size());
    const int carolBefore = int(carolSees.notifications.size());
    QVERIFY(alice->send(join.roomId, QStringLiteral("@carol can you review?")).ok());
    QTRY_COMPARE(int(carolSees.notifications.size()), carolBefore + 1);
    QTRY_COMPARE(int(bobSees.notifications.size()), bobBefore + 1);
    QVERIFY(carolSees.notifications.last().mention);
    QVERIFY(!bobSees.notifications.last().mention);
}

void TestLive::friendAndInviteNotifications()
{
    Recorder carolSees(*carol);
    Recorder aliceSees(*alice);
    FriendRequestRequest ask;
    ask.userId = carol->id();
    QVERIFY(alice->call(ask).ok());
    QTRY_VERIFY(!carolSees.notifications.isEmpty());
    QCOMPARE(carolSees.notifications.last().kind, QStringLiteral("friend_request"));
    QCOMPARE(carolSees.notifications.last().userId, alice->id());
    FriendAcceptRequest accept;
    accept.userId = alice->id();
    QVERIFY(carol->call(accept).ok());
    QTRY_VERIFY(!aliceSees.notifications.isEmpty());
    QCOMPARE(aliceSees.notifications.last().kind, QStringLiteral("friend_accepted"));
    const auto group = alice->call(CreateRoomRequest{QStringLiteral("Book club"), QString(), false,
                                                     HistoryVisibility::Shared, {carol->id()}});
    QVERIFY(group.ok());
    QTRY_COMPARE(carolSees.notifications.last().kind, QStringLiteral("invited"));
    QCOMPARE(carolSees.notifications.last().preview, QStringLiteral("Book club"));
    JoinRoomRequest join;
    join.roomId = group.value->room.id;
    QVERIFY(carol->call(join).ok());
    KickRequest kick;
    kick.roomId = join.roomId;
    kick.userId = carol->id();
    QVERIFY(alice->call(kick).ok());
    QTRY_COMPARE(carolSees.notifications.last().kind, QStringLiteral("removed"));
}

void TestLive::readMarkersSyncAcrossDevicesAndCountUnread()
{
    TestUser bobPhone(m_server->url());
    QVERIFY(bobPhone.login(QStringLiteral("bob")).ok());
    Recorder phone(bobPhone);
    QVERIFY(alice->send(m_room, QStringLiteral("one")).ok());
    QVERIFY(alice->send(m_room, QStringLiteral("two, @bob")).ok());
    QVERIFY(alice->send(m_room, QStringLiteral("three")).ok());
    QVERIFY(bob->send(m_room, QStringLiteral("mine")).ok()); // own messages are never unread
    Room listed = bob->call(RoomListRequest{}).value->rooms.first();
    QCOMPARE(listed.readSeq, std::optional<Seq>(0));
    QCOMPARE(listed.unreadCount, 3);
    QCOMPARE(listed.mentionCount, 1);

    const auto marked = bob->call(MarkReadRequest{m_room, 2});
    QVERIFY(marked.ok());
    QCOMPARE(marked.value->readSeq, 2);
    QTRY_COMPARE(phone.reads.size(), qsizetype(1)); // the other device clears too
    QCOMPARE(phone.reads[0].readSeq, 2);
    listed = bobPhone.call(RoomListRequest{}).value->rooms.first();
    QCOMPARE(listed.unreadCount, 1);
    QCOMPARE(listed.mentionCount, 0);
    // Markers never move back and stop at the room's end.
    QCOMPARE(bob->call(MarkReadRequest{m_room, 1}).value->readSeq, 2);
    QCOMPARE(bob->call(MarkReadRequest{m_room, 999}).value->readSeq, 4);
    QCOMPARE(bob->call(RoomListRequest{}).value->rooms.first().unreadCount, 0);
    QCOMPARE(carol->call(MarkReadRequest{m_room, 1}).error.code, ErrorCode::Forbidden);
}

QTEST_GUILESS_MAIN(TestLive)
#include "tst_live.moc"
