// rooms.setMuted through real sockets: validation, the reply after the commit, the `muted`
// event to the user's other devices, the flag in rooms.list, and persistence across a restart.
#include "../support/rawclient.h"
#include "../support/testserver.h"
#include "../support/testuser.h"

#include <QtTest>

using namespace natter;
using namespace natter::test;

class TestMute : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void muteSyncsToOtherDevicesAndPersists();
    void onlyMembersMayMute();
    void malformedRequestsAreRefused();
    void mutedRoomsStillCountUnread();

private:
    static std::optional<Room> listed(TestUser &user, RoomId room);
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestUser> alice, bob, carol;
    RoomId m_direct;
};

void TestMute::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    alice = std::make_unique<TestUser>(m_server->url());
    bob = std::make_unique<TestUser>(m_server->url());
    carol = std::make_unique<TestUser>(m_server->url());
    QVERIFY(alice->signup(QStringLiteral("alice")).ok());
    QVERIFY(bob->signup(QStringLiteral("bob")).ok());
    QVERIFY(carol->signup(QStringLiteral("carol")).ok());
    m_direct = makeFriends(*alice, *bob);
    QVERIFY(m_direct.isValid());
}

void TestMute::cleanup()
{
    alice.reset();
    bob.reset();
    carol.reset();
    m_server.reset();
}

std::optional<Room> TestMute::listed(TestUser &user, RoomId room)
{
    const auto list = user.call(RoomListRequest{});
    if (!list.ok())
        return std::nullopt;
    for (const Room &r : list.value->rooms)
        if (r.id == room)
            return r;
    return std::nullopt;
}

void TestMute::muteSyncsToOtherDevicesAndPersists()
{
    TestUser bobPhone(m_server->url());
    QVERIFY(bobPhone.login(QStringLiteral("bob")).ok());
    QList<MutedReply> phoneEvents, deskEvents;
    connect(&bobPhone.session.connection(), &client::Connection::mutedChanged, this,
            [&](const MutedReply &m) { phoneEvents.append(m); });
    connect(&bob->session.connection(), &client::Connection::mutedChanged, this,
            [&](const MutedReply &m) { deskEvents.append(m); });
    QCOMPARE(listed(*bob, m_direct)->muted, false);

    const auto muted = bob->call(SetMutedRequest{m_direct, true});
    QVERIFY2(muted.ok(), qPrintable(muted.error.message));
    QCOMPARE(muted.value->roomId, m_direct);
    QCOMPARE(muted.value->muted, true);
    QTRY_COMPARE(phoneEvents.size(), qsizetype(1)); // the other device learns it
    QCOMPARE(phoneEvents[0].roomId, m_direct);
    QCOMPARE(phoneEvents[0].muted, true);
    // A read sent after the reply sees the write, on any connection.
    QCOMPARE(listed(bobPhone, m_direct)->muted, true);
    QCOMPARE(listed(*alice, m_direct)->muted, false); // per user, not per room
    // Muting again is accepted and announced again; nothing changes.
    QVERIFY(bob->call(SetMutedRequest{m_direct, true}).ok());
    QTRY_COMPARE(phoneEvents.size(), qsizetype(2));
    QCOMPARE(listed(*bob, m_direct)->muted, true);

    QVERIFY(m_server->restart());
    QTRY_VERIFY_WITH_TIMEOUT(bob->session.state() == client::ClientSession::State::Online, 10000);
    QCOMPARE(listed(*bob, m_direct)->muted, true);
    TestUser bobLaptop(m_server->url());
    QVERIFY(bobLaptop.login(QStringLiteral("bob")).ok());
    QCOMPARE(listed(bobLaptop, m_direct)->muted, true);

    const auto unmuted = bobLaptop.call(SetMutedRequest{m_direct, false});
    QVERIFY(unmuted.ok());
    QCOMPARE(unmuted.value->muted, false);
    QTRY_VERIFY(!deskEvents.isEmpty() && !deskEvents.last().muted);
    QCOMPARE(deskEvents.last().roomId, m_direct);
    QCOMPARE(listed(*bob, m_direct)->muted, false);
}

void TestMute::onlyMembersMayMute()
{
    const auto stranger = carol->call(SetMutedRequest{m_direct, true});
    QCOMPARE(stranger.error.code, ErrorCode::Forbidden);
    QCOMPARE(stranger.error.message, QStringLiteral("you are not a member of this room"));
    QCOMPARE(bob->call(SetMutedRequest{RoomId(987654), true}).error.code, ErrorCode::Forbidden);
    QCOMPARE(listed(*bob, m_direct)->muted, false);

    // A former member of a group may not mute it any more.
    const auto group = alice->call(CreateRoomRequest{QStringLiteral("Book club"), QString(), true,
                                                     HistoryVisibility::Shared, {}});
    QVERIFY(group.ok());
    const RoomId room = group.value->room.id;
    JoinRoomRequest join;
    join.roomId = room;
    QVERIFY(carol->call(join).ok());
    QVERIFY(carol->call(SetMutedRequest{room, true}).ok());
    QCOMPARE(listed(*carol, room)->muted, true);
    LeaveRoomRequest leave;
    leave.roomId = room;
    QVERIFY(carol->call(leave).ok());
    QCOMPARE(carol->call(SetMutedRequest{room, false}).error.code, ErrorCode::Forbidden);
    // Joining again finds the setting as it was left (docs/protocol.md §7.9).
    QVERIFY(carol->call(join).ok());
    QCOMPARE(listed(*carol, room)->muted, true);
}

void TestMute::malformedRequestsAreRefused()
{
    RawClient raw;
    QVERIFY(raw.connectTo(m_server->url()));
    QVERIFY(raw.signup(QStringLiteral("dave")));
    const QList<QPair<QByteArray, QString>> cases = {
        {R"({"roomId":1,"muted":1})", QStringLiteral("data.muted")},
        {R"({"roomId":1})", QStringLiteral("data.muted")},
        {R"({"roomId":-4,"muted":true})", QStringLiteral("data.roomId")},
        {R"({"roomId":"1","muted":false})", QStringLiteral("data.roomId")},
    };
    RequestId id = 1;
    for (const auto &[data, field] : cases) {
        raw.sendText(R"({"type":"rooms.setMuted","id":)" + QByteArray::number(++id) + R"(,"data":)" + data + "}");
        const auto reply = raw.waitReply(id);
        QVERIFY(reply);
        QCOMPARE(reply->kind, ServerFrame::Kind::Error);
        QCOMPARE(reply->error.code, ErrorCode::InvalidField);
        QVERIFY2(reply->error.message.contains(field), qPrintable(reply->error.message));
    }
    QVERIFY(raw.isConnected()); // a bad field is an error reply, not a reason to close
    QCOMPARE(listed(*bob, m_direct)->muted, false);
}

void TestMute::mutedRoomsStillCountUnread()
{
    QVERIFY(bob->call(SetMutedRequest{m_direct, true}).ok());
    QVERIFY(alice->send(m_direct, QStringLiteral("one")).ok());
    QVERIFY(alice->send(m_direct, QStringLiteral("two, @bob")).ok());
    // The server keeps counting; clients decide what a muted room shows (docs/protocol.md §7.9).
    const auto room = listed(*bob, m_direct);
    QVERIFY(room);
    QCOMPARE(room->unreadCount, 2);
    QCOMPARE(room->mentionCount, 1);
    QCOMPARE(room->muted, true);
}

QTEST_GUILESS_MAIN(TestMute)
#include "tst_mute.moc"
