// Group rooms through real sockets: the authorisation matrix, membership events in the
// timeline (live, in history and on resume), readable windows of leavers and joiners, and
// live room and member updates.
#include "../support/testserver.h"
#include "../support/testuser.h"

#include <QtTest>

using namespace natter;
using namespace natter::test;

namespace {

template <class Req>
Req inRoom(RoomId room, UserId user = UserId())
{
    Req r;
    r.roomId = room;
    if constexpr (!std::is_same_v<Req, JoinRoomRequest> && !std::is_same_v<Req, LeaveRoomRequest>
                  && !std::is_same_v<Req, DeleteRoomRequest> && !std::is_same_v<Req, DeclineInviteRequest>)
        r.userId = user;
    return r;
}

QStringList kinds(const QList<Message> &messages)
{
    QStringList out;
    for (const Message &m : messages)
        out << m.kind;
    return out;
}

} // namespace

class TestGroups : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void createInviteJoinAndTalk();
    void onlyFriendsCanBeInvitedToClosedRooms();
    void openRoomsAreListedAndJoinable();
    void authorisationMatrix();
    void leaverReadsUpToLeavingOnly();
    void joinedVisibilityHidesEarlierHistory();
    void membershipEventsReplayOnResume();
    void ownershipTransferAndDelete();

private:
    RoomId createRoom(TestUser &owner, bool open = false, HistoryVisibility v = HistoryVisibility::Shared);
    void addMember(RoomId room, TestUser &owner, TestUser &member);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestUser> owner, admin, member, outsider;
};

void TestGroups::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    owner = std::make_unique<TestUser>(m_server->url());
    admin = std::make_unique<TestUser>(m_server->url());
    member = std::make_unique<TestUser>(m_server->url());
    outsider = std::make_unique<TestUser>(m_server->url());
    QVERIFY(owner->signup(QStringLiteral("olivia")).ok());
    QVERIFY(admin->signup(QStringLiteral("adam")).ok());
    QVERIFY(member->signup(QStringLiteral("mia")).ok());
    QVERIFY(outsider->signup(QStringLiteral("otto")).ok());
    QVERIFY(makeFriends(*owner, *admin).isValid());
    QVERIFY(makeFriends(*owner, *member).isValid());
}

void TestGroups::cleanup()
{
    owner.reset();
    admin.reset();
    member.reset();
    outsider.reset();
    m_server.reset();
}

RoomId TestGroups::createRoom(TestUser &creator, bool open, HistoryVisibility v)
{
    const auto created = creator.call(CreateRoomRequest{QStringLiteral("Team"), QStringLiteral("Plans"), open, v, {}});
    return created.ok() ? created.value->room.id : RoomId();
}

void TestGroups::addMember(RoomId room, TestUser &inviter, TestUser &joiner)
{
    QVERIFY(inviter.call(inRoom<InviteRequest>(room, joiner.id())).ok());
    QVERIFY(joiner.call(inRoom<JoinRoomRequest>(room)).ok());
}

void TestGroups::createInviteJoinAndTalk()
{
    const auto created = owner->call(CreateRoomRequest{QStringLiteral("Team"), QStringLiteral("Plans"), false,
                                                       HistoryVisibility::Shared, {member->id()}});
    QVERIFY2(created.ok(), qPrintable(created.error.message));
    const Room room = created.value->room;
    QCOMPARE(room.kind, RoomKind::Group);
    QCOMPARE(room.ownerId, owner->id());
    QCOMPARE(room.members.size(), 1);
    // The invitee can list the invitation.
    const auto invites = member->call(InviteListRequest{});
    QVERIFY(invites.ok());
    QCOMPARE(invites.value->invites.size(), 1);
    QCOMPARE(invites.value->invites[0].inviter.id, owner->id());
    const auto joined = member->call(inRoom<JoinRoomRequest>(room.id));
    QVERIFY(joined.ok());
    QCOMPARE(joined.value->room.members.size(), 2);
    // Both see the join as a timeline entry and the updated member list.
    QTRY_VERIFY(kinds(owner->messages).contains(timeline::joined));
    QTRY_VERIFY(!owner->roomEvents.isEmpty() && owner->roomEvents.last().members.size() == 2);
    QVERIFY(member->send(room.id, QStringLiteral("hello team")).ok());
    QTRY_VERIFY(!owner->messages.isEmpty() && owner->messages.last().body == QStringLiteral("hello team"));
    const auto history = owner->call(HistoryRequest{room.id, 0, 50});
    QCOMPARE(kinds(history.value->messages), (QStringList{timeline::created, timeline::joined, timeline::message}));
    QCOMPARE(history.value->messages[1].senderId, member->id());
    // The room is in both users' conversation lists.
    QCOMPARE(member->call(RoomListRequest{}).value->rooms.first().id, room.id);
    QCOMPARE(member->call(inRoom<DeclineInviteRequest>(room.id)).error.code, ErrorCode::NotFound);
}

void TestGroups::onlyFriendsCanBeInvitedToClosedRooms()
{
    const RoomId room = createRoom(*owner);
    QCOMPARE(owner->call(inRoom<InviteRequest>(room, outsider->id())).error.code, ErrorCode::Forbidden);
    QCOMPARE(outsider->call(inRoom<JoinRoomRequest>(room)).error.code, ErrorCode::Forbidden);
    QCOMPARE(outsider->call(HistoryRequest{room, 0, 50}).error.code, ErrorCode::Forbidden);
    QCOMPARE(outsider->call(SendRequest{room, QStringLiteral("x1"), QStringLiteral("hi")}).error.code, ErrorCode::Forbidden);
    // Declining removes the invitation; joining afterwards is refused.
    QVERIFY(owner->call(inRoom<InviteRequest>(room, member->id())).ok());
    QVERIFY(member->call(inRoom<DeclineInviteRequest>(room)).ok());
    QCOMPARE(member->call(inRoom<JoinRoomRequest>(room)).error.code, ErrorCode::Forbidden);
}

void TestGroups::openRoomsAreListedAndJoinable()
{
    const RoomId open = createRoom(*owner, true);
    const auto umlaut = owner->call(CreateRoomRequest{QStringLiteral("Über uns"), QString(), true, HistoryVisibility::Shared, {}});
    QVERIFY(umlaut.ok());
    const auto found = outsider->call(DirectoryRequest{QStringLiteral("üBER"), 50});
    QCOMPARE(found.value->rooms.size(), 1);
    QCOMPARE(found.value->rooms[0].id, umlaut.value->room.id);
    const RoomId closed = createRoom(*owner, false);
    QVERIFY(open.isValid() && closed.isValid());
    const auto dir = outsider->call(DirectoryRequest{QStringLiteral("tea"), 50});
    QVERIFY(dir.ok());
    QCOMPARE(dir.value->rooms.size(), 1);
    QCOMPARE(dir.value->rooms[0].id, open);
    QCOMPARE(dir.value->rooms[0].memberCount, 1);
    QVERIFY(outsider->call(inRoom<JoinRoomRequest>(open)).ok());
    QVERIFY(outsider->call(inRoom<JoinRoomRequest>(open)).ok()); // idempotent
    QCOMPARE(owner->call(HistoryRequest{open, 0, 50}).value->messages.size(), 2); // created, joined
    // In an open room anyone may be invited, friend or not.
    QVERIFY(outsider->call(inRoom<InviteRequest>(open, member->id())).ok());
}

void TestGroups::authorisationMatrix()
{
    const RoomId room = createRoom(*owner);
    addMember(room, *owner, *admin);
    addMember(room, *owner, *member);
    QVERIFY(owner->call(SetRoleRequest{room, admin->id(), MemberRole::Admin}).ok());

    auto rename = [room](TestUser &u, const QString &name) {
        UpdateRoomRequest r;
        r.roomId = room;
        r.name = name;
        return u.call(r);
    };
    // Settings: owner and admins only.
    QCOMPARE(rename(*member, QStringLiteral("Hijacked")).error.code, ErrorCode::Forbidden);
    QCOMPARE(rename(*outsider, QStringLiteral("Hijacked")).error.code, ErrorCode::Forbidden);
    QVERIFY(rename(*admin, QStringLiteral("Renamed")).ok());
    // Roles: owner only.
    QCOMPARE(admin->call(SetRoleRequest{room, member->id(), MemberRole::Admin}).error.code, ErrorCode::Forbidden);
    QCOMPARE(member->call(SetRoleRequest{room, member->id(), MemberRole::Admin}).error.code, ErrorCode::Forbidden);
    // Kicks: strictly below one's own role.
    QCOMPARE(member->call(inRoom<KickRequest>(room, admin->id())).error.code, ErrorCode::Forbidden);
    QCOMPARE(admin->call(inRoom<KickRequest>(room, owner->id())).error.code, ErrorCode::Forbidden);
    QCOMPARE(outsider->call(inRoom<KickRequest>(room, member->id())).error.code, ErrorCode::Forbidden);
    // Transfer and delete: owner only.
    QCOMPARE(admin->call(inRoom<TransferOwnershipRequest>(room, admin->id())).error.code, ErrorCode::Forbidden);
    QCOMPARE(admin->call(inRoom<DeleteRoomRequest>(room)).error.code, ErrorCode::Forbidden);
    QCOMPARE(member->call(inRoom<DeleteRoomRequest>(room)).error.code, ErrorCode::Forbidden);
    // The owner cannot simply leave.
    QCOMPARE(owner->call(inRoom<LeaveRoomRequest>(room)).error.code, ErrorCode::Forbidden);
    // Refusals changed nothing: still three members, the admin's name, one owner.
    const Room after = owner->call(RoomListRequest{}).value->rooms.first();
    QCOMPARE(after.members.size(), 3);
    QCOMPARE(after.name, QStringLiteral("Renamed"));
    QCOMPARE(after.ownerId, owner->id());
    QCOMPARE(after.adminIds, QList<UserId>{admin->id()});
    // Admins may remove members; the kicked member is told and the event names both.
    QVERIFY(admin->call(inRoom<KickRequest>(room, member->id())).ok());
    QTRY_VERIFY(kinds(member->messages).contains(timeline::kicked));
    const Message kick = member->messages.last();
    QCOMPARE(kick.senderId, admin->id());
    QCOMPARE(kick.subjectId, member->id());
    QCOMPARE(member->call(SendRequest{room, QStringLiteral("k1"), QStringLiteral("still here?")}).error.code,
             ErrorCode::Forbidden);
    // Direct rooms have no group actions.
    const RoomId direct = owner->call(RoomListRequest{}).value->rooms.last().id;
    QCOMPARE(owner->call(inRoom<KickRequest>(direct, admin->id())).error.code, ErrorCode::Forbidden);
}

void TestGroups::leaverReadsUpToLeavingOnly()
{
    const RoomId room = createRoom(*owner);
    addMember(room, *owner, *member);
    QVERIFY(owner->send(room, QStringLiteral("before leaving")).ok());
    QVERIFY(member->call(inRoom<LeaveRoomRequest>(room)).ok());
    QVERIFY(owner->send(room, QStringLiteral("after leaving")).ok());
    const auto history = member->call(HistoryRequest{room, 0, 50});
    QVERIFY(history.ok());
    QCOMPARE(kinds(history.value->messages), (QStringList{timeline::created, timeline::joined, timeline::message, timeline::left}));
    const auto sync = member->call(SyncRequest{{SyncCursor{room, 0}}, 100});
    QCOMPARE(sync.value->messages.size(), 4);
    QCOMPARE(sync.value->messages.last().kind, timeline::left);
    QTest::qWait(100);
    for (const Message &m : std::as_const(member->messages))
        QVERIFY(m.body != QStringLiteral("after leaving"));
    QVERIFY(member->call(RoomListRequest{}).value->rooms.size() == 1); // only the direct room
}

void TestGroups::joinedVisibilityHidesEarlierHistory()
{
    const RoomId room = createRoom(*owner, false, HistoryVisibility::Joined);
    for (int i = 0; i < 3; ++i)
        QVERIFY(owner->send(room, QStringLiteral("secret past")).ok());
    addMember(room, *owner, *member);
    QVERIFY(owner->send(room, QStringLiteral("welcome")).ok());
    const auto history = member->call(HistoryRequest{room, 0, 50});
    QCOMPARE(kinds(history.value->messages), (QStringList{timeline::joined, timeline::message}));
    QCOMPARE(history.value->messages.last().body, QStringLiteral("welcome"));
    QCOMPARE(member->call(SyncRequest{{SyncCursor{room, 0}}, 100}).value->messages.size(), 2);
    // The client's cursor passes over the unreadable start: later syncs make progress.
    member->session.disconnectFromServer();
    for (int i = 0; i < 3; ++i)
        QVERIFY(owner->send(room, QStringLiteral("while away %1").arg(i)).ok());
    const int before = int(member->messages.size());
    member->session.reconnectNow();
    QVERIFY(member->waitSynced());
    QCOMPARE(int(member->messages.size()), before + 3);
    QCOMPARE(member->session.cursors().value(room), Seq(9)); // created, 3 past, joined, welcome, 3 more
}

void TestGroups::membershipEventsReplayOnResume()
{
    const RoomId room = createRoom(*owner);
    addMember(room, *owner, *member);
    addMember(room, *owner, *admin);
    QTRY_VERIFY(kinds(member->messages).count(timeline::joined) >= 1);
    member->session.disconnectFromServer();
    const int before = int(member->messages.size());
    // A settings change without a timeline entry still updates every member's room.
    const int roomEvents = int(admin->roomEvents.size());
    UpdateRoomRequest settings;
    settings.roomId = room;
    settings.open = true;
    QVERIFY(owner->call(settings).ok());
    QTRY_COMPARE(int(admin->roomEvents.size()), roomEvents + 1);
    QVERIFY(admin->roomEvents.last().open);
    UpdateRoomRequest rename;
    rename.roomId = room;
    rename.name = QStringLiteral("Renamed while away");
    QVERIFY(owner->call(rename).ok());
    QVERIFY(admin->call(inRoom<LeaveRoomRequest>(room)).ok());
    QVERIFY(owner->send(room, QStringLiteral("you missed this")).ok());
    member->session.reconnectNow();
    QVERIFY(member->waitSynced());
    const QList<Message> missed = member->messages.mid(before);
    QCOMPARE(kinds(missed), (QStringList{timeline::renamed, timeline::left, timeline::message}));
    QCOMPARE(missed[0].body, QStringLiteral("Renamed while away"));
    QCOMPARE(missed[1].senderId, admin->id());
}

void TestGroups::ownershipTransferAndDelete()
{
    const RoomId room = createRoom(*owner);
    addMember(room, *owner, *member);
    QVERIFY(owner->call(inRoom<TransferOwnershipRequest>(room, member->id())).ok());
    Room now = member->call(RoomListRequest{}).value->rooms.first();
    QCOMPARE(now.ownerId, member->id());
    QCOMPARE(now.adminIds, QList<UserId>{owner->id()});
    QVERIFY(owner->call(inRoom<LeaveRoomRequest>(room)).ok()); // no longer the owner
    QCOMPARE(owner->call(inRoom<DeleteRoomRequest>(room)).error.code, ErrorCode::Forbidden);
    QVERIFY(member->call(inRoom<DeleteRoomRequest>(room)).ok());
    QCOMPARE(member->call(HistoryRequest{room, 0, 50}).error.code, ErrorCode::Forbidden);
    QCOMPARE(member->call(RoomListRequest{}).value->rooms.size(), 1); // the direct room remains
}

QTEST_GUILESS_MAIN(TestGroups)
#include "tst_groups.moc"
