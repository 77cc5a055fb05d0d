// Friends through real sockets: search, the request lifecycle, live pushes to both users and
// all their devices, direct rooms opened and closed, blocking.
#include "../support/testserver.h"
#include "../support/testuser.h"

#include <QtTest>

using namespace natter;
using namespace natter::test;

namespace {
template <class Req>
Req action(UserId target)
{
    Req r;
    r.userId = target;
    return r;
}

bool hasEvent(const QList<Friend> &events, UserId who, FriendState state)
{
    for (const Friend &f : events) {
        if (f.user.id == who && f.state == state)
            return true;
    }
    return false;
}
} // namespace

class TestFriends : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void searchFindsByPrefix();
    void requestDeclineCancelAccept();
    void everyDeviceHearsTheChange();
    void mutualRequestIsAnAcceptance();
    void unfriendClosesAndRefriendReopensTheRoom();
    void blockStopsRequestsAndMessages();
    void badTargets();

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestUser> alice, bob, carol;
};

void TestFriends::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    alice = std::make_unique<TestUser>(m_server->url());
    bob = std::make_unique<TestUser>(m_server->url());
    carol = std::make_unique<TestUser>(m_server->url());
    QVERIFY(alice->signup(QStringLiteral("alice")).ok());
    QVERIFY(bob->signup(QStringLiteral("bob")).ok());
    QVERIFY(carol->signup(QStringLiteral("Bobby")).ok());
}

void TestFriends::cleanup()
{
    alice.reset();
    bob.reset();
    carol.reset();
    m_server.reset();
}

void TestFriends::searchFindsByPrefix()
{
    const auto found = alice->call(UserSearchRequest{QStringLiteral("BO"), 10});
    QVERIFY(found.ok());
    QCOMPARE(found.value->users.size(), 2);
    QCOMPARE(found.value->users[0].username, QStringLiteral("bob"));
    QCOMPARE(found.value->users[1].username, QStringLiteral("Bobby"));
    const auto self = alice->call(UserSearchRequest{QStringLiteral("ali"), 10});
    QVERIFY(self.ok() && self.value->users.isEmpty()); // not yourself
    const auto none = alice->call(UserSearchRequest{QStringLiteral("zzz"), 10});
    QVERIFY(none.ok() && none.value->users.isEmpty());
}

void TestFriends::requestDeclineCancelAccept()
{
    auto r = alice->call(action<FriendRequestRequest>(bob->id()));
    QVERIFY(r.ok());
    QCOMPARE(r.value->relation.state, FriendState::Outgoing);
    QTRY_VERIFY(hasEvent(bob->friendEvents, alice->id(), FriendState::Incoming));
    QCOMPARE(alice->call(action<FriendRequestRequest>(bob->id())).error.code, ErrorCode::RequestPending);

    QVERIFY(bob->call(action<FriendDeclineRequest>(alice->id())).ok());
    QTRY_VERIFY(hasEvent(alice->friendEvents, bob->id(), FriendState::None));
    QCOMPARE(bob->call(action<FriendAcceptRequest>(alice->id())).error.code, ErrorCode::NotFound);

    QVERIFY(alice->call(action<FriendRequestRequest>(bob->id())).ok());
    QVERIFY(alice->call(action<FriendCancelRequest>(bob->id())).ok());
    QTRY_COMPARE(bob->friendEvents.last().state, FriendState::None);
    QCOMPARE(alice->call(action<FriendCancelRequest>(bob->id())).error.code, ErrorCode::NotFound);

    QVERIFY(alice->call(action<FriendRequestRequest>(bob->id())).ok());
    const auto accepted = bob->call(action<FriendAcceptRequest>(alice->id()));
    QVERIFY(accepted.ok());
    QCOMPARE(accepted.value->relation.state, FriendState::Friend);
    const RoomId room = accepted.value->relation.roomId;
    QVERIFY(room.isValid());
    // Both sides learn the friendship and the new direct room, live.
    QTRY_VERIFY(hasEvent(alice->friendEvents, bob->id(), FriendState::Friend));
    QTRY_VERIFY(!alice->roomEvents.isEmpty() && !bob->roomEvents.isEmpty());
    QCOMPARE(alice->roomEvents.last().id, room);
    QCOMPARE(alice->roomEvents.last().members.size(), 2);
    QVERIFY(!alice->roomEvents.last().closed);
    QCOMPARE(alice->call(action<FriendRequestRequest>(bob->id())).error.code, ErrorCode::AlreadyFriends);

    const auto list = alice->call(FriendListRequest{});
    QVERIFY(list.ok());
    QCOMPARE(list.value->friends.size(), 1);
    QCOMPARE(list.value->friends[0].user.id, bob->id());
    QCOMPARE(list.value->friends[0].roomId, room);
    const auto rooms = bob->call(RoomListRequest{});
    QVERIFY(rooms.ok());
    QCOMPARE(rooms.value->rooms.size(), 1);
    QCOMPARE(rooms.value->rooms[0].id, room);
}

void TestFriends::everyDeviceHearsTheChange()
{
    TestUser alicePhone(m_server->url());
    QVERIFY(alicePhone.login(QStringLiteral("alice")).ok());
    TestUser bobPhone(m_server->url());
    QVERIFY(bobPhone.login(QStringLiteral("bob")).ok());
    QVERIFY(alice->call(action<FriendRequestRequest>(bob->id())).ok());
    // The caller's other device learns its own action; the target's devices all learn it.
    QTRY_VERIFY(hasEvent(alicePhone.friendEvents, bob->id(), FriendState::Outgoing));
    QTRY_VERIFY(hasEvent(bob->friendEvents, alice->id(), FriendState::Incoming));
    QTRY_VERIFY(hasEvent(bobPhone.friendEvents, alice->id(), FriendState::Incoming));
    QVERIFY(alice->friendEvents.isEmpty()); // the calling connection has the reply instead
}

void TestFriends::mutualRequestIsAnAcceptance()
{
    QVERIFY(alice->call(action<FriendRequestRequest>(bob->id())).ok());
    const auto r = bob->call(action<FriendRequestRequest>(alice->id()));
    QVERIFY(r.ok());
    QCOMPARE(r.value->relation.state, FriendState::Friend);
    QVERIFY(r.value->relation.roomId.isValid());
}

void TestFriends::unfriendClosesAndRefriendReopensTheRoom()
{
    const RoomId room = makeFriends(*alice, *bob);
    QVERIFY(room.isValid());
    QVERIFY(alice->send(room, QStringLiteral("before")).ok());
    const auto removed = alice->call(action<FriendRemoveRequest>(bob->id()));
    QVERIFY(removed.ok());
    QCOMPARE(removed.value->relation.state, FriendState::None);
    QCOMPARE(removed.value->relation.roomId, room); // still readable
    QTRY_VERIFY(!bob->roomEvents.isEmpty() && bob->roomEvents.last().closed);
    QCOMPARE(bob->send(room, QStringLiteral("hello?")).error.code, ErrorCode::RoomClosed);
    const auto history = bob->call(HistoryRequest{room, 0, 50});
    QVERIFY(history.ok());
    QCOMPARE(history.value->messages.size(), 1);

    QCOMPARE(makeFriends(*bob, *alice), room); // the same room, reopened, with its history
    QTRY_VERIFY(!alice->roomEvents.last().closed);
    QVERIFY(bob->send(room, QStringLiteral("back")).ok());
    QCOMPARE(bob->call(HistoryRequest{room, 0, 50}).value->messages.size(), 2);
}

void TestFriends::blockStopsRequestsAndMessages()
{
    const RoomId room = makeFriends(*alice, *bob);
    QVERIFY(room.isValid());
    const auto blocked = bob->call(action<BlockRequest>(alice->id()));
    QVERIFY(blocked.ok());
    QCOMPARE(blocked.value->relation.state, FriendState::Blocked);
    // The blocked user can no longer message or befriend the blocker, nor find them.
    QTRY_VERIFY(hasEvent(alice->friendEvents, bob->id(), FriendState::None));
    QCOMPARE(alice->send(room, QStringLiteral("let me in")).error.code, ErrorCode::RoomClosed);
    QCOMPARE(alice->call(action<FriendRequestRequest>(bob->id())).error.code, ErrorCode::Blocked);
    const QList<User> found = alice->call(UserSearchRequest{QStringLiteral("bob"), 10}).value->users;
    QCOMPARE(found.size(), 1); // only "Bobby"; the blocker is hidden
    QCOMPARE(found[0].id, carol->id());
    QCOMPARE(bob->call(action<FriendRequestRequest>(alice->id())).error.code, ErrorCode::Blocked);

    // Blocking a stranger tells the stranger nothing.
    const int carolEvents = int(carol->friendEvents.size());
    QVERIFY(bob->call(action<BlockRequest>(carol->id())).ok());
    QTest::qWait(200);
    QCOMPARE(int(carol->friendEvents.size()), carolEvents);

    QVERIFY(bob->call(action<UnblockRequest>(alice->id())).ok());
    QCOMPARE(bob->call(action<UnblockRequest>(alice->id())).error.code, ErrorCode::NotFound);
    QVERIFY(alice->call(action<FriendRequestRequest>(bob->id())).ok());
}

void TestFriends::badTargets()
{
    QCOMPARE(alice->call(action<FriendRequestRequest>(alice->id())).error.code, ErrorCode::Forbidden);
    QCOMPARE(alice->call(action<FriendRequestRequest>(UserId(999999))).error.code, ErrorCode::NotFound);
    QCOMPARE(alice->call(action<FriendRemoveRequest>(bob->id())).error.code, ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(TestFriends)
#include "tst_friends.moc"
