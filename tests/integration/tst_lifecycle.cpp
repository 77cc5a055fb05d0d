// The message lifecycle through real sockets: edits seen live by every member connection and
// replayed on resume, deletes that remove the text from the database, history and sync,
// authorisation (author, group moderators), edit history visibility per server setting, time
// windows, reply previews that follow edits and deletes, unread counts, and retried requests.
#include "../support/testserver.h"
#include "../support/testuser.h"
#include "core/messagechanges.h"

#include <QJsonDocument>
#include <QtTest>

using namespace natter;
using namespace natter::test;

Q_DECLARE_METATYPE(natter::server::EditHistory)

namespace {

QStringList kinds(const QList<Message> &messages)
{
    QStringList out;
    for (const Message &m : messages)
        out << m.kind;
    return out;
}

template <class Req>
Req inRoom(RoomId room, UserId user = UserId())
{
    Req r;
    r.roomId = room;
    if constexpr (!std::is_same_v<Req, JoinRoomRequest> && !std::is_same_v<Req, LeaveRoomRequest>)
        r.userId = user;
    return r;
}

const Message *findById(const QList<Message> &messages, MessageId id)
{
    for (const Message &m : messages)
        if (m.id == id)
            return &m;
    return nullptr;
}

} // namespace

class TestLifecycle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void editIsSeenLiveByEveryMemberConnection();
    void othersCannotEditOrDelete();
    void groupModeratorsMayDeleteAnyMessage();
    void deleteRemovesTheTextEverywhere();
    void offlineMemberGetsEditsAndDeletesOnResume();
    void revisionVisibilityFollowsTheSetting_data();
    void revisionVisibilityFollowsTheSetting();
    void timeWindowsAreEnforced();
    void replyPreviewFollowsEditAndDelete();
    void laterJoinersSeeNothingBeforeTheirWindow();
    void editsAndDeletesRaiseNoUnreadOrNotification();
    void retriedRequestsChangeNothing();
    void deletedTextLeavesNoTraceInTheFile();
    void deletingTheRoomErasesRevisions();

private:
    bool startServer(const server::LifecycleRules &rules = {});
    RoomId createGroup(TestUser &owner, HistoryVisibility v = HistoryVisibility::Shared);
    void addMember(RoomId room, TestUser &inviter, TestUser &joiner);
    client::Reply<SendReply> edit(TestUser &u, RoomId room, MessageId id, const QString &body);
    client::Reply<SendReply> remove(TestUser &u, RoomId room, MessageId id);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestUser> alice, bob, carol;
    RoomId m_direct;     ///< alice and bob
    RoomId m_aliceCarol;
};

bool TestLifecycle::startServer(const server::LifecycleRules &rules)
{
    cleanup();
    m_server = std::make_unique<TestServer>([rules](server::ServerConfig &c) {
        c.requestsPerSecond = 100000;
        c.requestBurst = 100000;
        c.lifecycle = rules;
    });
    if (!m_server->start())
        return false;
    alice = std::make_unique<TestUser>(m_server->url());
    bob = std::make_unique<TestUser>(m_server->url());
    carol = std::make_unique<TestUser>(m_server->url());
    if (!alice->signup(QStringLiteral("alice")).ok() || !bob->signup(QStringLiteral("bob")).ok()
        || !carol->signup(QStringLiteral("carol")).ok())
        return false;
    m_direct = makeFriends(*alice, *bob);
    m_aliceCarol = makeFriends(*alice, *carol);
    return m_direct.isValid() && m_aliceCarol.isValid();
}

void TestLifecycle::init()
{
    QVERIFY(startServer());
}

void TestLifecycle::cleanup()
{
    alice.reset();
    bob.reset();
    carol.reset();
    m_server.reset();
}

RoomId TestLifecycle::createGroup(TestUser &owner, HistoryVisibility v)
{
    const auto created = owner.call(CreateRoomRequest{QStringLiteral("Team"), QString(), false, v, {}});
    return created.ok() ? created.value->room.id : RoomId();
}

void TestLifecycle::addMember(RoomId room, TestUser &inviter, TestUser &joiner)
{
    QVERIFY(inviter.call(inRoom<InviteRequest>(room, joiner.id())).ok());
    QVERIFY(joiner.call(inRoom<JoinRoomRequest>(room)).ok());
}

client::Reply<SendReply> TestLifecycle::edit(TestUser &u, RoomId room, MessageId id, const QString &body)
{
    std::optional<client::Reply<SendReply>> out;
    u.session.editMessage(room, id, body, [&out](const client::Reply<SendReply> &r) { out = r; });
    (void)QTest::qWaitFor([&] { return out.has_value(); }, 10000);
    return out.value_or(client::Reply<SendReply>{std::nullopt, {ErrorCode::Unavailable, QStringLiteral("timeout")}});
}

client::Reply<SendReply> TestLifecycle::remove(TestUser &u, RoomId room, MessageId id)
{
    std::optional<client::Reply<SendReply>> out;
    u.session.deleteMessage(room, id, [&out](const client::Reply<SendReply> &r) { out = r; });
    (void)QTest::qWaitFor([&] { return out.has_value(); }, 10000);
    return out.value_or(client::Reply<SendReply>{std::nullopt, {ErrorCode::Unavailable, QStringLiteral("timeout")}});
}

void TestLifecycle::editIsSeenLiveByEveryMemberConnection()
{
    TestUser bobPhone(m_server->url());
    QVERIFY(bobPhone.login(QStringLiteral("bob")).ok());
    TestUser alicePhone(m_server->url());
    QVERIFY(alicePhone.login(QStringLiteral("alice")).ok());
    const Message original = alice->send(m_direct, QStringLiteral("teh plan")).value->message;
    QVERIFY(bob->waitMessages(1) && bobPhone.waitMessages(1) && alicePhone.waitMessages(1));
    const qint64 activity = bob->call(RoomListRequest{}).value->rooms.first().lastActivity;

    const auto edited = edit(*alice, m_direct, original.id, QStringLiteral("the plan"));
    QVERIFY2(edited.ok(), qPrintable(edited.error.message));
    const Message entry = edited.value->message;
    QVERIFY(!edited.value->duplicate);
    QCOMPARE(entry.kind, timeline::edited);
    QCOMPARE(entry.seq, original.seq + 1);
    QCOMPARE(entry.targetId, original.id);
    QCOMPARE(entry.senderId, alice->id());
    QCOMPARE(entry.body, QStringLiteral("the plan"));
    QVERIFY(entry.editedAt >= original.sentAt);
    for (TestUser *u : {bob.get(), &bobPhone, &alicePhone}) {
        QVERIFY(u->waitMessages(2));
        QCOMPARE(u->messages[1], entry);
    }
    QTest::qWait(100);
    QCOMPARE(alice->messages.size(), 2); // the editor's own entry arrives once, via the reply

    // The client applies the entry to the message it holds.
    Message held = bob->messages[0];
    QVERIFY(client::applyMessageChange(held, bob->messages[1]));
    QCOMPARE(held.body, QStringLiteral("the plan"));
    QCOMPARE(held.editedAt, entry.editedAt);

    // History serves the message in its current state, followed by the edit entry.
    const auto history = bob->call(HistoryRequest{m_direct, 0, 50});
    QCOMPARE(kinds(history.value->messages), (QStringList{timeline::message, timeline::edited}));
    QCOMPARE(history.value->messages[0].body, QStringLiteral("the plan"));
    QCOMPARE(history.value->messages[0].editedAt, entry.editedAt);
    // The conversation list previews the edited message (not the edit) and does not move.
    const Room listed = bob->call(RoomListRequest{}).value->rooms.first();
    QCOMPARE(listed.lastSeq, entry.seq);
    QCOMPARE(listed.lastMessage->id, original.id);
    QCOMPARE(listed.lastMessage->body, QStringLiteral("the plan"));
    QCOMPARE(listed.lastActivity, activity);
    // The session's own room list follows too.
    for (const Room &r : bob->session.rooms())
        if (r.id == m_direct)
            QCOMPARE(r.lastMessage->body, QStringLiteral("the plan"));
}

void TestLifecycle::othersCannotEditOrDelete()
{
    const Message mine = alice->send(m_direct, QStringLiteral("alice's words")).value->message;
    QCOMPARE(edit(*bob, m_direct, mine.id, QStringLiteral("bob's words")).error.code, ErrorCode::NotAuthor);
    QCOMPARE(remove(*bob, m_direct, mine.id).error.code, ErrorCode::NotAuthor);
    // Outside the room the message does not exist, whether it does or not.
    QCOMPARE(edit(*carol, m_direct, mine.id, QStringLiteral("x")).error.code, ErrorCode::MessageNotFound);
    QCOMPARE(remove(*carol, m_direct, mine.id).error.code, ErrorCode::MessageNotFound);
    QCOMPARE(carol->call(RevisionsRequest{m_direct, mine.id}).error.code, ErrorCode::MessageNotFound);
    QCOMPARE(edit(*alice, m_direct, MessageId(999999), QStringLiteral("x")).error.code, ErrorCode::MessageNotFound);
    // The right id named with another room is not found either.
    QCOMPARE(edit(*alice, m_aliceCarol, mine.id, QStringLiteral("x")).error.code, ErrorCode::MessageNotFound);
    // Nothing changed.
    QCOMPARE(m_server->dbValue(QStringLiteral("SELECT body FROM messages WHERE id = ?"),
                      {mine.id.value}).toString(), QStringLiteral("alice's words"));
    QCOMPARE(bob->call(HistoryRequest{m_direct, 0, 50}).value->messages.size(), 1);
    // After unfriending, the closed direct room takes no edits; its author may still delete.
    FriendRemoveRequest unfriend;
    unfriend.userId = bob->id();
    QVERIFY(alice->call(unfriend).ok());
    QCOMPARE(edit(*alice, m_direct, mine.id, QStringLiteral("later")).error.code, ErrorCode::RoomClosed);
    QVERIFY(remove(*alice, m_direct, mine.id).ok());
}

void TestLifecycle::groupModeratorsMayDeleteAnyMessage()
{
    // alice owns the room; bob is an admin; carol a plain member.
    const RoomId room = createGroup(*alice);
    addMember(room, *alice, *bob);
    addMember(room, *alice, *carol);
    QVERIFY(alice->call(SetRoleRequest{room, bob->id(), MemberRole::Admin}).ok());
    const Message byCarol = carol->send(room, QStringLiteral("carol 1")).value->message;
    const Message byCarol2 = carol->send(room, QStringLiteral("carol 2")).value->message;
    const Message byBob = bob->send(room, QStringLiteral("bob 1")).value->message;
    const Message byAlice = alice->send(room, QStringLiteral("alice 1")).value->message;

    QCOMPARE(remove(*carol, room, byBob.id).error.code, ErrorCode::NotAuthor);
    QCOMPARE(remove(*carol, room, byAlice.id).error.code, ErrorCode::NotAuthor);
    QCOMPARE(edit(*bob, room, byCarol.id, QStringLiteral("admins do not edit")).error.code, ErrorCode::NotAuthor);
    const auto byAdmin = remove(*bob, room, byCarol.id);
    QVERIFY2(byAdmin.ok(), qPrintable(byAdmin.error.message));
    QCOMPARE(byAdmin.value->message.kind, timeline::deleted);
    QCOMPARE(byAdmin.value->message.senderId, bob->id());
    QVERIFY(byAdmin.value->message.deleted);
    QVERIFY(remove(*alice, room, byBob.id).ok());
    QVERIFY(remove(*carol, room, byCarol2.id).ok()); // one's own
    // Membership events are not messages.
    const auto history = carol->call(HistoryRequest{room, 0, 50}).value->messages;
    QCOMPARE(history.first().kind, timeline::created);
    QCOMPARE(remove(*alice, room, history.first().id).error.code, ErrorCode::Forbidden);
    // Whoever left may read but not change.
    QVERIFY(carol->call(inRoom<LeaveRoomRequest>(room)).ok());
    const Message later = alice->send(room, QStringLiteral("after carol left")).value->message;
    QVERIFY(edit(*alice, room, later.id, QStringLiteral("edited")).ok());
    QCOMPARE(remove(*carol, room, byCarol2.id).error.code, ErrorCode::Forbidden);
    QCOMPARE(remove(*carol, room, later.id).error.code, ErrorCode::MessageNotFound); // past her window
    QCOMPARE(m_server->dbValue(
                      QStringLiteral("SELECT COUNT(*) FROM messages WHERE room_id = ? AND deleted_at IS NOT NULL"),
                      {room.value}).toInt(), 3);
}

void TestLifecycle::deleteRemovesTheTextEverywhere()
{
    const Message secret = alice->send(m_direct, QStringLiteral("zebra secret one")).value->message;
    QVERIFY(edit(*alice, m_direct, secret.id, QStringLiteral("zebra secret two")).ok());
    QVERIFY(bob->waitMessages(2));
    std::optional<client::Reply<SendReply>> replied;
    bob->session.sendMessage(m_direct, QStringLiteral("noted"), [&](const auto &r) { replied = r; }, QString(), secret.id);
    QTRY_VERIFY(replied.has_value());
    QVERIFY(replied->ok());
    QCOMPARE(replied->value->message.reply->body, QStringLiteral("zebra secret two"));
    QCOMPARE(m_server->dbValue(QStringLiteral("SELECT COUNT(*) FROM message_revisions WHERE message_id = ?"), {secret.id.value}).toInt(), 1);

    const auto deleted = remove(*alice, m_direct, secret.id);
    QVERIFY2(deleted.ok(), qPrintable(deleted.error.message));
    QCOMPARE(deleted.value->message.kind, timeline::deleted);
    QCOMPARE(deleted.value->message.targetId, secret.id);
    QVERIFY(deleted.value->message.deleted);
    QCOMPARE(deleted.value->message.body, QString());
    QVERIFY(bob->waitMessages(4));
    QCOMPARE(bob->messages[3], deleted.value->message);

    // Gone from the database: no row holds the text, no revision is left, the tombstone stays.
    QCOMPARE(m_server->dbValue(QStringLiteral("SELECT COUNT(*) FROM messages WHERE body LIKE '%zebra%'")).toInt(), 0);
    QCOMPARE(m_server->dbValue(QStringLiteral("SELECT COUNT(*) FROM message_revisions")).toInt(), 0);
    QCOMPARE(m_server->dbValue(QStringLiteral("SELECT body FROM messages WHERE id = ?"), {secret.id.value}).toString(), QString());
    QVERIFY(!m_server->dbValue(QStringLiteral("SELECT deleted_at FROM messages WHERE id = ?"), {secret.id.value}).isNull());
    QCOMPARE(alice->call(RevisionsRequest{m_direct, secret.id}).error.code, ErrorCode::MessageDeleted);
    QCOMPARE(edit(*alice, m_direct, secret.id, QStringLiteral("back again")).error.code, ErrorCode::MessageDeleted);

    // Gone from history and from a full replay: every entry serves the current (deleted) state.
    const auto history = bob->call(HistoryRequest{m_direct, 0, 50});
    const auto replay = bob->call(SyncRequest{{SyncCursor{m_direct, 0}}, 100});
    QCOMPARE(kinds(replay.value->messages),
             (QStringList{timeline::message, timeline::edited, timeline::message, timeline::deleted}));
    for (const auto *page : {&*history.value, &*replay.value}) {
        const QByteArray json = QJsonDocument(page->toJson()).toJson();
        QVERIFY2(!json.contains("zebra"), json.constData());
        QVERIFY(page->messages[0].deleted && page->messages[1].deleted);
        QCOMPARE(page->messages[1].body, QString()); // the edit entry no longer carries text
        QVERIFY(page->messages[2].reply->deleted);   // the reply's preview is a tombstone
        QCOMPARE(page->messages[2].reply->body, QString());
        QCOMPARE(page->messages[2].body, QStringLiteral("noted"));
    }
    // The conversation list previews the reply, the last message.
    QCOMPARE(alice->call(RoomListRequest{}).value->rooms.first().lastMessage->body, QStringLiteral("noted"));
    // Deleting the last message leaves its tombstone as the preview.
    QVERIFY(remove(*bob, m_direct, replied->value->message.id).ok());
    const Room listed = alice->call(RoomListRequest{}).value->rooms.first();
    QVERIFY(listed.lastMessage->deleted);
    QCOMPARE(listed.lastMessage->id, replied->value->message.id);
}

void TestLifecycle::offlineMemberGetsEditsAndDeletesOnResume()
{
    const Message one = alice->send(m_direct, QStringLiteral("one")).value->message;
    const Message two = alice->send(m_direct, QStringLiteral("two")).value->message;
    QVERIFY(bob->waitMessages(2));
    bob->session.disconnectFromServer();
    QVERIFY(edit(*alice, m_direct, one.id, QStringLiteral("one, edited")).ok());
    QVERIFY(edit(*alice, m_direct, two.id, QStringLiteral("two, edited")).ok());
    QVERIFY(remove(*alice, m_direct, two.id).ok());
    QVERIFY(alice->send(m_direct, QStringLiteral("three")).ok());
    bob->session.reconnectNow();
    QVERIFY(bob->waitSynced());
    const QList<Message> missed = bob->messages.mid(2);
    QCOMPARE(kinds(missed), (QStringList{timeline::edited, timeline::edited, timeline::deleted, timeline::message}));
    QCOMPARE(missed[0].seq, two.seq + 1);
    for (int i = 1; i < missed.size(); ++i)
        QCOMPARE(missed[i].seq, missed[i - 1].seq + 1);
    QCOMPARE(missed[0].targetId, one.id);
    QCOMPARE(missed[0].body, QStringLiteral("one, edited"));
    // The replayed edit of a since-deleted message carries its current state, not the old text.
    QCOMPARE(missed[1].targetId, two.id);
    QVERIFY(missed[1].deleted);
    QCOMPARE(missed[1].body, QString());
    QVERIFY(missed[2].deleted);
    // Applied in order, bob's copies end in the server's state.
    QList<Message> held = bob->messages.mid(0, 2);
    for (const Message &entry : missed)
        for (Message &m : held)
            client::applyMessageChange(m, entry);
    QCOMPARE(held[0].body, QStringLiteral("one, edited"));
    QVERIFY(held[1].deleted);
    QCOMPARE(held[1].body, QString());
    QCOMPARE(bob->session.cursors().value(m_direct), missed.last().seq);
}

void TestLifecycle::revisionVisibilityFollowsTheSetting_data()
{
    QTest::addColumn<server::EditHistory>("setting");
    QTest::addColumn<QString>("allowed"); ///< who may read: a = alice (owner), b = bob (admin), c = carol (author)
    QTest::newRow("everyone") << server::EditHistory::Everyone << QStringLiteral("abcd");
    QTest::newRow("author") << server::EditHistory::Author << QStringLiteral("c");
    QTest::newRow("admins") << server::EditHistory::Admins << QStringLiteral("ab");
}

void TestLifecycle::revisionVisibilityFollowsTheSetting()
{
    QFETCH(server::EditHistory, setting);
    QFETCH(QString, allowed);
    server::LifecycleRules rules;
    rules.editHistory = setting;
    QVERIFY(startServer(rules));
    TestUser dave(m_server->url()); // a plain member who is not the author
    QVERIFY(dave.signup(QStringLiteral("dave")).ok());
    QVERIFY(makeFriends(*alice, dave).isValid());
    const RoomId room = createGroup(*alice);
    addMember(room, *alice, *bob);
    addMember(room, *alice, *carol);
    addMember(room, *alice, dave);
    QVERIFY(alice->call(SetRoleRequest{room, bob->id(), MemberRole::Admin}).ok());
    const Message original = carol->send(room, QStringLiteral("v1")).value->message;
    const Message e1 = edit(*carol, room, original.id, QStringLiteral("v2")).value->message;
    const Message e2 = edit(*carol, room, original.id, QStringLiteral("v3")).value->message;

    const QList<std::pair<QChar, TestUser *>> readers{{QLatin1Char('a'), alice.get()}, {QLatin1Char('b'), bob.get()},
                                                     {QLatin1Char('c'), carol.get()}, {QLatin1Char('d'), &dave}};
    for (const auto &[key, reader] : readers) {
        const auto revisions = reader->call(RevisionsRequest{room, original.id});
        if (!allowed.contains(key)) {
            QCOMPARE(revisions.error.code, ErrorCode::Forbidden);
            continue;
        }
        QVERIFY2(revisions.ok(), qPrintable(revisions.error.message));
        const QList<Revision> &list = revisions.value->revisions;
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0], (Revision{QStringLiteral("v1"), original.sentAt, e1.editedAt}));
        QCOMPARE(list[1].body, QStringLiteral("v2"));
        QCOMPARE(list[1].sentAt, e1.editedAt);
        QCOMPARE(list[1].replacedAt, e2.editedAt);
    }
    // The same holds in direct rooms, where nobody is an admin.
    const Message direct = alice->send(m_direct, QStringLiteral("d1")).value->message;
    QVERIFY(edit(*alice, m_direct, direct.id, QStringLiteral("d2")).ok());
    const auto byBob = bob->call(RevisionsRequest{m_direct, direct.id});
    QCOMPARE(byBob.ok(), setting == server::EditHistory::Everyone);
    const auto byAuthor = alice->call(RevisionsRequest{m_direct, direct.id});
    QCOMPARE(byAuthor.ok(), setting != server::EditHistory::Admins);
    if (setting == server::EditHistory::Everyone) {
        // A message never edited has no revisions; an edit entry is not a message.
        const Message plain = carol->send(room, QStringLiteral("as sent")).value->message;
        QCOMPARE(bob->call(RevisionsRequest{room, plain.id}).value->revisions.size(), 0);
        QCOMPARE(bob->call(RevisionsRequest{room, e2.id}).error.code, ErrorCode::Forbidden);
    }
}

void TestLifecycle::timeWindowsAreEnforced()
{
    server::LifecycleRules rules;
    rules.editWindowSeconds = 2;
    rules.deleteWindowSeconds = 2;
    QVERIFY(startServer(rules));
    const RoomId room = createGroup(*alice);
    addMember(room, *alice, *bob);
    const Message early = bob->send(room, QStringLiteral("quick")).value->message;
    QVERIFY(edit(*bob, room, early.id, QStringLiteral("quick fix")).ok());
    const Message late = bob->send(room, QStringLiteral("slow")).value->message;
    const Message late2 = bob->send(room, QStringLiteral("slow 2")).value->message;
    QTest::qWait(2500); // let the windows close (not a timing assertion)
    const auto refusedEdit = edit(*bob, room, late.id, QStringLiteral("too late"));
    QCOMPARE(refusedEdit.error.code, ErrorCode::WindowClosed);
    QVERIFY(refusedEdit.error.message.contains(QLatin1String("2 s")));
    QCOMPARE(remove(*bob, room, late.id).error.code, ErrorCode::WindowClosed);
    // The owner moderates without a time limit.
    QVERIFY(remove(*alice, room, late2.id).ok());
    QCOMPARE(m_server->dbValue(QStringLiteral("SELECT body FROM messages WHERE id = ?"),
                      {late.id.value}).toString(), QStringLiteral("slow"));
}

void TestLifecycle::replyPreviewFollowsEditAndDelete()
{
    const Message quoted = alice->send(m_direct, QStringLiteral("lunch at noon?")).value->message;
    const auto reply = bob->call(SendRequest{m_direct, QStringLiteral("r-1"), QStringLiteral("yes"), quoted.id});
    QVERIFY2(reply.ok(), qPrintable(reply.error.message));
    const Message sent = reply.value->message;
    QCOMPARE(sent.replyTo, quoted.id);
    QCOMPARE(sent.reply, (std::optional<ReplyPreview>(ReplyPreview{quoted.id, alice->id(), QStringLiteral("lunch at noon?"), false})));
    QVERIFY(alice->waitMessages(2));
    QCOMPARE(alice->messages[1], sent); // live, with the preview

    QVERIFY(edit(*alice, m_direct, quoted.id, QStringLiteral("lunch at one?")).ok());
    QCOMPARE(alice->call(HistoryRequest{m_direct, 0, 50}).value->messages[1].reply->body, QStringLiteral("lunch at one?"));
    Message held = alice->messages[1];
    QVERIFY(client::applyMessageChange(held, alice->messages[2]));
    QCOMPARE(held.reply->body, QStringLiteral("lunch at one?"));

    QVERIFY(remove(*alice, m_direct, quoted.id).ok());
    const Message after = bob->call(HistoryRequest{m_direct, 0, 50}).value->messages[1];
    QCOMPARE(after.replyTo, quoted.id);
    QVERIFY(after.reply->deleted);
    QCOMPARE(after.reply->body, QString());
    // Long quotes are cut to a preview.
    const Message longOne = alice->send(m_direct, QString(500, QLatin1Char('x'))).value->message;
    const auto longReply = bob->call(SendRequest{m_direct, QStringLiteral("r-2"), QStringLiteral("ok"), longOne.id});
    QCOMPARE(longReply.value->message.reply->body.size(), 120);

    // What may not be quoted.
    QCOMPARE(bob->call(SendRequest{m_direct, QStringLiteral("r-3"), QStringLiteral("x"), quoted.id}).error.code,
             ErrorCode::MessageDeleted);
    QCOMPARE(bob->call(SendRequest{m_direct, QStringLiteral("r-4"), QStringLiteral("x"), MessageId(99999)}).error.code,
             ErrorCode::MessageNotFound);
    const Message elsewhere = carol->send(makeFriends(*bob, *carol), QStringLiteral("other room")).value->message;
    QCOMPARE(alice->call(SendRequest{m_direct, QStringLiteral("r-5"), QStringLiteral("x"), elsewhere.id}).error.code,
             ErrorCode::MessageNotFound);
    QCOMPARE(bob->call(SendRequest{m_direct, QStringLiteral("r-6"), QStringLiteral("x"), alice->messages[2].id}).error.code,
             ErrorCode::MessageNotFound); // an edit entry is not a message
}

void TestLifecycle::laterJoinersSeeNothingBeforeTheirWindow()
{
    const RoomId room = createGroup(*alice, HistoryVisibility::Joined);
    addMember(room, *alice, *bob);
    const Message old = alice->send(room, QStringLiteral("before carol")).value->message;
    addMember(room, *alice, *carol);
    QTRY_VERIFY(!carol->messages.isEmpty());
    const int seen = int(carol->messages.size());
    // A reply quoting what carol may not read reaches her without the preview...
    const auto reply = bob->call(SendRequest{room, QStringLiteral("q-1"), QStringLiteral("agreed"), old.id});
    QVERIFY(reply.ok());
    QVERIFY(reply.value->message.reply.has_value()); // bob may read it
    QVERIFY(carol->waitMessages(seen + 1));
    QCOMPARE(carol->messages[seen].replyTo, old.id);
    QVERIFY(!carol->messages[seen].reply.has_value());
    // ...and an edit of it reaches her without its text, live and in history.
    QVERIFY(edit(*alice, room, old.id, QStringLiteral("before carol, edited")).ok());
    QVERIFY(carol->waitMessages(seen + 2));
    QCOMPARE(carol->messages[seen + 1].kind, timeline::edited);
    QCOMPARE(carol->messages[seen + 1].body, QString());
    QCOMPARE(bob->messages.last().body, QStringLiteral("before carol, edited"));
    const auto history = carol->call(HistoryRequest{room, 0, 50}).value->messages;
    QVERIFY(!QJsonDocument(MessagePageReply{history, false}.toJson()).toJson().contains("before carol"));
    QCOMPARE(carol->call(RevisionsRequest{room, old.id}).error.code, ErrorCode::MessageNotFound);
    QCOMPARE(remove(*carol, room, old.id).error.code, ErrorCode::MessageNotFound);
}

void TestLifecycle::editsAndDeletesRaiseNoUnreadOrNotification()
{
    QList<NotificationEvent> notifications;
    connect(&bob->session.connection(), &client::Connection::notificationReceived, this,
            [&](const NotificationEvent &e) { notifications.append(e); });
    const Message plain = alice->send(m_direct, QStringLiteral("hello")).value->message;
    const Message mention = alice->send(m_direct, QStringLiteral("hey @bob")).value->message;
    QTRY_COMPARE(notifications.size(), qsizetype(2));
    auto listed = [&] { return bob->call(RoomListRequest{}).value->rooms.first(); };
    QCOMPARE(listed().unreadCount, 2);
    QCOMPARE(listed().mentionCount, 1);
    QVERIFY(edit(*alice, m_direct, plain.id, QStringLiteral("hello there")).ok());
    QVERIFY(bob->waitMessages(3));
    QCOMPARE(listed().unreadCount, 2);
    QCOMPARE(listed().mentionCount, 1);
    // A deleted message is no longer there to be read.
    QVERIFY(remove(*alice, m_direct, mention.id).ok());
    QVERIFY(bob->waitMessages(4));
    QCOMPARE(listed().unreadCount, 1);
    QCOMPARE(listed().mentionCount, 0);
    QTest::qWait(200);
    QCOMPARE(notifications.size(), qsizetype(2)); // no notification for either
    // Reading up to the last entry clears everything.
    QVERIFY(bob->call(MarkReadRequest{m_direct, bob->messages.last().seq}).ok());
    QCOMPARE(listed().unreadCount, 0);
}

void TestLifecycle::retriedRequestsChangeNothing()
{
    const Message m = alice->send(m_direct, QStringLiteral("draft")).value->message;
    const auto first = edit(*alice, m_direct, m.id, QStringLiteral("final"));
    QVERIFY(first.ok() && !first.value->duplicate);
    const auto again = edit(*alice, m_direct, m.id, QStringLiteral("final"));
    QVERIFY2(again.ok(), qPrintable(again.error.message));
    QVERIFY(again.value->duplicate);
    QCOMPARE(again.value->message.id, m.id); // the message as it stands
    QCOMPARE(again.value->message.body, QStringLiteral("final"));
    QCOMPARE(alice->call(RevisionsRequest{m_direct, m.id}).value->revisions.size(), 1);
    const auto gone = remove(*alice, m_direct, m.id);
    QVERIFY(gone.ok() && !gone.value->duplicate);
    const auto goneAgain = remove(*alice, m_direct, m.id);
    QVERIFY(goneAgain.ok());
    QVERIFY(goneAgain.value->duplicate);
    QVERIFY(goneAgain.value->message.deleted);
    // Exactly one entry each reached bob, and the room's timeline holds just those.
    QVERIFY(bob->waitMessages(3));
    QTest::qWait(200);
    QCOMPARE(kinds(bob->messages), (QStringList{timeline::message, timeline::edited, timeline::deleted}));
    QCOMPARE(bob->call(RoomListRequest{}).value->rooms.first().lastSeq, 3);
    // A resent reply is stored once, like any message.
    const Message q = alice->send(m_direct, QStringLiteral("quote me")).value->message;
    const auto r1 = bob->call(SendRequest{m_direct, QStringLiteral("same-key"), QStringLiteral("quoted"), q.id});
    const auto r2 = bob->call(SendRequest{m_direct, QStringLiteral("same-key"), QStringLiteral("quoted"), q.id});
    QVERIFY(r1.ok() && r2.ok() && r2.value->duplicate);
    QCOMPARE(r2.value->message, r1.value->message);
    QVERIFY(findById(bob->call(HistoryRequest{m_direct, 0, 50}).value->messages, r1.value->message.id));
}

void TestLifecycle::deletedTextLeavesNoTraceInTheFile()
{
    // A short text (inside its table page) and a long one (in overflow pages), each edited once.
    const QString shortText = QStringLiteral("quagga-short-secret");
    const QString longText = QStringLiteral("quagga-long-secret ") + QString(9000, QLatin1Char('q'));
    const Message a = alice->send(m_direct, shortText).value->message;
    const Message b = alice->send(m_direct, longText).value->message;
    QVERIFY(edit(*alice, m_direct, a.id, shortText + QStringLiteral(" v2")).ok());
    QVERIFY(edit(*alice, m_direct, b.id, longText + QStringLiteral(" v2")).ok());
    QVERIFY(remove(*alice, m_direct, a.id).ok());
    QVERIFY(remove(*alice, m_direct, b.id).ok());
    // The search index's change log held the old texts until the index applied them (within
    // its delay; none here). Once the log is checkpointed into the database file (SQLite does
    // so on its own as the log grows; forced here), no byte of either text is left in it.
    QTRY_COMPARE(m_server->dbValue(QStringLiteral("SELECT COUNT(*) FROM search_changes")).toInt(), 0);
    const QString path = m_server->databasePath();
    QTRY_COMPARE(m_server->dbValue(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")).toInt(), 0);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.size() > 0);
    QVERIFY(!bytes.contains("quagga"));
}

void TestLifecycle::deletingTheRoomErasesRevisions()
{
    const RoomId room = createGroup(*alice);
    addMember(room, *alice, *bob);
    const Message m = bob->send(room, QStringLiteral("first")).value->message;
    QVERIFY(edit(*bob, room, m.id, QStringLiteral("second")).ok());
    QCOMPARE(m_server->dbValue(QStringLiteral("SELECT COUNT(*) FROM message_revisions")).toInt(), 1);
    QVERIFY(alice->call(DeleteRoomRequest{room}).ok());
    QCOMPARE(m_server->dbValue(QStringLiteral("SELECT COUNT(*) FROM message_revisions")).toInt(), 0);
    QCOMPARE(m_server->dbValue(QStringLiteral("SELECT COUNT(*) FROM messages WHERE room_id = ?"), {room.value}).toInt(), 0);
}

QTEST_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"
