// The client's models and local cache without a server: every model under
// QAbstractItemModelTester, the timeline's merge/paging/local echo, the conversation list's
// ordering and counters, the mention rule (the local cache: tst_localcache).
#include "clientsamples.h"
#include "core/mentions.h"
#include "core/models/conversationlistmodel.h"
#include "core/models/friendsmodel.h"
#include "core/models/membersmodel.h"
#include "core/models/roomsummarymodel.h"
#include "core/models/searchmodel.h"
#include "core/models/timelinemodel.h"
#include "core/userdirectory.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace natter;
using namespace natter::client;

using namespace natter::test;

class TestClientModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void timelineMergesInSeqOrderOnce();
    void timelinePendingTurnsIntoStoredEntryInPlace();
    void timelinePendingConfirmedOutOfOrder();
    void timelineFetchMorePagesBackwards();
    void timelineFailedFetchCanBeRetried();
    void conversationListSortsAndCounts();
    void conversationListKeepsReadStateOnRoomEvent();
    void friendsModelGroupsByState();
    void membersModelOrdersByRole();
    void roomSummaryModelInvites();
    void timelineAppliesEditsAndDeletes();
    void timelineShowsAttachmentsUntilDeleted();
    void searchModelPagesAndDropsStaleReplies();
    void mentionRule_data();
    void mentionRule();
};

void TestClientModels::timelineMergesInSeqOrderOnce()
{
    UserDirectory users;
    users.addUsers({kAlice, kBob});
    TimelineModel model(kRoom, users);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setOwnUser(kAlice);
    model.addMessages({msg(3), msg(1)});
    model.addMessages({msg(2), msg(3)});
    Message other = msg(4);
    other.roomId = RoomId(99); // another room's entry is ignored
    model.addMessages({other});
    QCOMPARE(model.rowCount(), 3);
    for (int row = 0; row < 3; ++row)
        QCOMPARE(model.index(row).data(TimelineModel::SeqRole).toLongLong(), row + 1);
    QCOMPARE(model.rowForSeq(2), 1);
    QCOMPARE(model.rowForId(MessageId(1003)), 2);
    QCOMPARE(model.rowForSeq(9), -1);
    QCOMPARE(model.index(0).data(TimelineModel::SenderNameRole).toString(), QStringLiteral("bob"));
    QVERIFY(model.index(0).data(TimelineModel::FirstInGroupRole).toBool());
    QVERIFY(!model.index(1).data(TimelineModel::FirstInGroupRole).toBool());
}

void TestClientModels::timelinePendingTurnsIntoStoredEntryInPlace()
{
    UserDirectory users;
    TimelineModel model(kRoom, users);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setOwnUser(kAlice);
    model.addMessages({msg(1)});
    OutboxEntry e{QStringLiteral("mine-1"), kRoom, QStringLiteral("hello"), 1, false, {}, {}};
    model.addPending(e);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(TimelineModel::Delivery(model.index(1).data(TimelineModel::DeliveryRole).toInt()),
             TimelineModel::Delivery::Pending);
    e.failed = true;
    e.error = QStringLiteral("room closed");
    model.updatePending(e);
    QCOMPARE(TimelineModel::Delivery(model.index(1).data(TimelineModel::DeliveryRole).toInt()),
             TimelineModel::Delivery::Failed);

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.addMessages({msg(2, kAlice, QStringLiteral("hello"), QStringLiteral("mine-1"))});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(inserted.count(), 0);  // converted in place
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QCOMPARE(model.index(1).data(TimelineModel::SeqRole).toLongLong(), 2);
    QCOMPARE(TimelineModel::Delivery(model.index(1).data(TimelineModel::DeliveryRole).toInt()),
             TimelineModel::Delivery::Sent);
    QCOMPARE(model.rowForClientMsgId(QStringLiteral("mine-1")), -1);
}

void TestClientModels::timelinePendingConfirmedOutOfOrder()
{
    UserDirectory users;
    TimelineModel model(kRoom, users);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setOwnUser(kAlice);
    model.addPending({QStringLiteral("a"), kRoom, QStringLiteral("one"), 1, false, {}, {}});
    model.addPending({QStringLiteral("b"), kRoom, QStringLiteral("two"), 2, false, {}, {}});
    model.addMessages({msg(5, kAlice, QStringLiteral("two"), QStringLiteral("b"))});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.confirmedCount(), 1);
    QCOMPARE(model.index(0).data(TimelineModel::SeqRole).toLongLong(), 5);
    QCOMPARE(model.index(1).data(TimelineModel::ClientMsgIdRole).toString(), QStringLiteral("a"));
    model.removePending(QStringLiteral("a"));
    QCOMPARE(model.rowCount(), 1);
}

void TestClientModels::timelineFetchMorePagesBackwards()
{
    UserDirectory users;
    TimelineModel model(kRoom, users);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<Seq> asked;
    model.setPageSize(4);
    model.setLoader([&asked](Seq before, int limit, auto done) {
        asked << before;
        QList<Message> page;
        const Seq top = before == 0 ? 10 : before - 1;
        for (Seq s = qMax<Seq>(1, top - limit + 1); s <= top; ++s)
            page << msg(s);
        done(page, page.first().seq > 1, true);
    });
    QVERIFY(model.canFetchMore());
    model.fetchMore();
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.firstSeq(), 7);
    model.fetchMore();
    model.fetchMore();
    QCOMPARE(model.rowCount(), 10);
    QVERIFY(model.atStart());
    QVERIFY(!model.canFetchMore());
    QCOMPARE(asked, (QList<Seq>{0, 7, 3}));
    for (int row = 0; row < 10; ++row)
        QCOMPARE(model.index(row).data(TimelineModel::SeqRole).toLongLong(), row + 1);
}

void TestClientModels::timelineFailedFetchCanBeRetried()
{
    UserDirectory users;
    TimelineModel model(kRoom, users);
    bool fail = true;
    model.setLoader([&fail](Seq, int, auto done) {
        if (fail)
            done({}, true, false);
        else
            done({msg(1)}, false, true);
    });
    QSignalSpy failed(&model, &TimelineModel::loadFailed);
    model.fetchMore();
    QCOMPARE(failed.count(), 1);
    QVERIFY(model.canFetchMore());
    fail = false;
    model.fetchMore();
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(!model.canFetchMore());
}

void TestClientModels::conversationListSortsAndCounts()
{
    UserDirectory users;
    ConversationListModel model(users);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setOwnUser(kAlice.id);
    Room older = room(7, 100);
    Room newer = room(8, 200, RoomKind::Group);
    model.setRooms({older, newer});
    QCOMPARE(model.index(0).data(ConversationListModel::RoomIdRole).toLongLong(), 8);
    QCOMPARE(model.index(1).data(Qt::DisplayRole).toString(), QStringLiteral("bob"));
    QCOMPARE(model.index(0).data(Qt::DisplayRole).toString(), QStringLiteral("group 8"));

    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    Message m = msg(1, kBob, QStringLiteral("hi @alice"));
    m.sentAt = 300;
    model.addMessage(m, true, true);
    QCOMPARE(moved.count(), 1);
    QCOMPARE(model.index(0).data(ConversationListModel::RoomIdRole).toLongLong(), 7);
    QCOMPARE(model.index(0).data(ConversationListModel::UnreadRole).toInt(), 1);
    QCOMPARE(model.index(0).data(ConversationListModel::MentionRole).toInt(), 1);
    QVERIFY(model.index(0).data(ConversationListModel::PreviewRole).toString().contains(QStringLiteral("hi @alice")));
    Message own = msg(2, kAlice);
    own.sentAt = 301;
    model.addMessage(own, true, false);
    QCOMPARE(model.totalUnread(), 1); // own messages are never unread
    model.setReadSeq(kRoom, 2);
    QCOMPARE(model.index(0).data(ConversationListModel::UnreadRole).toInt(), 0);
    QCOMPARE(model.index(0).data(ConversationListModel::MentionRole).toInt(), 0);
    model.removeRoom(kRoom);
    QCOMPARE(model.rowCount(), 1);
}

void TestClientModels::conversationListKeepsReadStateOnRoomEvent()
{
    UserDirectory users;
    ConversationListModel model(users);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Room r = room(7, 100);
    r.unreadCount = 3;
    r.readSeq = 2;
    model.setRooms({r});
    Room event = room(7, 500);
    event.closed = true;
    model.upsertRoom(event);
    QCOMPARE(model.index(0).data(ConversationListModel::UnreadRole).toInt(), 3);
    QVERIFY(model.index(0).data(ConversationListModel::ClosedRole).toBool());
    model.upsertRoom(room(9, 50));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(RoomId(9)), 1);
}

void TestClientModels::friendsModelGroupsByState()
{
    UserDirectory users;
    FriendsModel model(users);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const User carol{UserId(3), QStringLiteral("carol")};
    const User dave{UserId(4), QStringLiteral("dave")};
    model.setFriends({{kBob, FriendState::Friend, kRoom}, {carol, FriendState::Outgoing, {}},
                      {dave, FriendState::Incoming, {}}});
    QCOMPARE(model.index(0).data(Qt::DisplayRole).toString(), QStringLiteral("dave"));
    QCOMPARE(model.index(1).data(Qt::DisplayRole).toString(), QStringLiteral("bob"));
    QCOMPARE(model.incomingCount(), 1);
    QSignalSpy incoming(&model, &FriendsModel::incomingCountChanged);
    model.apply({dave, FriendState::Friend, RoomId(9)});
    QCOMPARE(incoming.count(), 1);
    QCOMPARE(model.incomingCount(), 0);
    model.apply({carol, FriendState::None, {}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(carol.id), -1);
    users.setPresence(kBob.id, Presence::Online);
    QCOMPARE(Presence(model.index(model.rowOf(kBob.id)).data(FriendsModel::PresenceRole).toInt()),
             Presence::Online);
}

void TestClientModels::membersModelOrdersByRole()
{
    UserDirectory users;
    MembersModel model(users);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Room r = room(8, 1, RoomKind::Group);
    const User carol{UserId(3), QStringLiteral("carol")};
    r.members = {kAlice, kBob, carol};
    r.ownerId = carol.id;
    r.adminIds = {kBob.id};
    model.setRoom(r);
    QCOMPARE(model.index(0).data(Qt::DisplayRole).toString(), QStringLiteral("carol"));
    QCOMPARE(model.index(1).data(Qt::DisplayRole).toString(), QStringLiteral("bob"));
    QCOMPARE(model.roleOf(kAlice.id), MemberRole::Member);
    r.adminIds = {};
    model.setRoom(r);
    QCOMPARE(model.roleOf(kBob.id), MemberRole::Member);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestClientModels::roomSummaryModelInvites()
{
    RoomSummaryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRooms({{RoomId(1), QStringLiteral("Lobby"), QString(), 3}});
    QCOMPARE(model.rowCount(), 1);
    model.setInvites({});
    model.addInvite({{RoomId(2), QStringLiteral("Team"), QString(), 2}, kBob});
    model.addInvite({{RoomId(2), QStringLiteral("Team!"), QString(), 3}, kBob});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0).data(RoomSummaryModel::InviterRole).toString(), QStringLiteral("bob"));
    QCOMPARE(model.index(0).data(Qt::DisplayRole).toString(), QStringLiteral("Team!"));
    model.remove(RoomId(2));
    QCOMPARE(model.rowCount(), 0);
}

void TestClientModels::timelineAppliesEditsAndDeletes()
{
    UserDirectory users;
    users.addUsers({kAlice, kBob});
    TimelineModel model(kRoom, users);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setOwnUser(kAlice);
    Message original = msg(1, kAlice, QStringLiteral("lunch at 12?"));
    Message reply = msg(2, kBob, QStringLiteral("yes"));
    reply.replyTo = original.id;
    reply.reply = ReplyPreview{original.id, kAlice.id, original.body, false};
    model.addMessages({original, reply});
    QCOMPARE(model.index(1).data(TimelineModel::ReplyBodyRole).toString(), QStringLiteral("lunch at 12?"));
    QCOMPARE(model.index(1).data(TimelineModel::ReplySenderRole).toString(), QStringLiteral("alice"));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.addMessages({change(3, timeline::edited, original.id, QStringLiteral("lunch at 1?"), false)});
    QCOMPARE(model.rowCount(), 2); // an edit is not a row
    QCOMPARE(changed.count(), 2);  // the message and the reply quoting it
    QCOMPARE(model.index(0).data(TimelineModel::BodyRole).toString(), QStringLiteral("lunch at 1?"));
    QVERIFY(model.index(0).data(TimelineModel::EditedRole).toBool());
    QCOMPARE(model.index(1).data(TimelineModel::ReplyBodyRole).toString(), QStringLiteral("lunch at 1?"));

    model.addMessages({change(4, timeline::deleted, original.id, QString(), true)});
    QVERIFY(model.index(0).data(TimelineModel::DeletedRole).toBool());
    QCOMPARE(model.index(0).data(TimelineModel::BodyRole).toString(), QString());
    QVERIFY(model.index(1).data(TimelineModel::ReplyDeletedRole).toBool());
    QCOMPARE(model.rowForSeq(4), -1);

    // A pending reply quotes what the model holds.
    model.addPending({QStringLiteral("p"), kRoom, QStringLiteral("ok"), 5, false, {}, reply.id});
    QCOMPARE(model.index(2).data(TimelineModel::ReplySenderRole).toString(), QStringLiteral("bob"));
    QCOMPARE(model.index(2).data(TimelineModel::ReplyBodyRole).toString(), QStringLiteral("yes"));

    ConversationListModel list(users);
    QAbstractItemModelTester listTester(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
    list.setOwnUser(kAlice.id);
    Room r = room(7, 100);
    r.lastMessage = reply;
    r.lastSeq = 2;
    list.setRooms({r});
    list.addMessage(change(5, timeline::edited, reply.id, QStringLiteral("yes!"), false), true, false);
    QVERIFY(list.index(0).data(ConversationListModel::PreviewRole).toString().endsWith(QStringLiteral("yes!")));
    QCOMPARE(list.index(0).data(ConversationListModel::UnreadRole).toInt(), 0); // edits are never unread
    QCOMPARE(list.index(0).data(ConversationListModel::LastSeqRole).toLongLong(), 5);

    // A message with files and no text names its file(s) in the preview.
    Message files = msg(6, kBob, QStringLiteral(" "));
    files.attachments = {Attachment{AttachmentId(1), QStringLiteral("plan.pdf"), 10,
                                    QStringLiteral("application/pdf"), QString(64, u'c')}};
    list.addMessage(files, true, false);
    QCOMPARE(list.index(0).data(ConversationListModel::PreviewRole).toString(),
             QStringLiteral("bob: 📎 plan.pdf"));
    files.seq = 7;
    files.id = MessageId(2000);
    files.attachments.append(files.attachments.first());
    list.addMessage(files, true, false);
    QCOMPARE(list.index(0).data(ConversationListModel::PreviewRole).toString(),
             QStringLiteral("bob: 📎 2 files"));
}

void TestClientModels::timelineShowsAttachmentsUntilDeleted()
{
    UserDirectory users;
    users.addUsers({kAlice, kBob});
    TimelineModel model(kRoom, users);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setOwnUser(kAlice);
    Message m = msg(1, kBob, QStringLiteral("photos"));
    Attachment photo{AttachmentId(5), QStringLiteral("beach.jpg"), 123456, QStringLiteral("image/jpeg"),
                     QString(64, u'a'), 1024, 768, true};
    Attachment doc{AttachmentId(6), QStringLiteral("notes.pdf"), 999, QStringLiteral("application/pdf"),
                   QString(64, u'b')};
    m.attachments = {photo, doc};
    model.addMessages({m, msg(2)});
    QVERIFY(model.roleNames().value(TimelineModel::AttachmentsRole) == "attachments");
    const auto files = model.index(0).data(TimelineModel::AttachmentsRole).value<QList<Attachment>>();
    QCOMPARE(files.size(), 2);
    QCOMPARE(files.at(0), photo);
    QCOMPARE(files.at(1), doc);
    QVERIFY(model.index(1).data(TimelineModel::AttachmentsRole).value<QList<Attachment>>().isEmpty());
    QCOMPARE(model.index(0).data(TimelineModel::PendingAttachmentsRole).toInt(), 0);

    // A pending row says how many files it waits to send with.
    OutboxEntry pending{QStringLiteral("p"), kRoom, QString(), 5, false, {}, MessageId()};
    pending.attachmentIds = {AttachmentId(7), AttachmentId(8)};
    model.addPending(pending);
    QCOMPARE(model.index(2).data(TimelineModel::PendingAttachmentsRole).toInt(), 2);
    QVERIFY(model.index(2).data(TimelineModel::AttachmentsRole).value<QList<Attachment>>().isEmpty());

    // Deleted: the files are gone with the text.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.addMessages({change(3, timeline::deleted, m.id, QString(), true)});
    QCOMPARE(changed.count(), 1);
    QVERIFY(model.index(0).data(TimelineModel::DeletedRole).toBool());
    QVERIFY(model.index(0).data(TimelineModel::AttachmentsRole).value<QList<Attachment>>().isEmpty());
}

void TestClientModels::searchModelPagesAndDropsStaleReplies()
{
    UserDirectory users;
    users.addUsers({kAlice, kBob});
    SearchModel model(users);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<std::pair<SearchRequest, std::function<void(const std::optional<SearchReply> &, const QString &)>>> pending;
    model.setSearcher([&pending](const SearchRequest &r, auto done) { pending.append({r, done}); });
    model.setRoomTitles([](RoomId) { return QStringLiteral("bob"); });
    auto hit = [](qint64 id) {
        SearchHit h;
        h.messageId = MessageId(id);
        h.roomId = kRoom;
        h.seq = id;
        h.senderId = kBob.id;
        h.snippet = QStringLiteral("the needle here");
        h.highlights = {{4, 6}};
        return h;
    };
    model.setQuery(QStringLiteral("need"));
    model.setQuery(QStringLiteral("needle")); // typed on before the first answer
    QCOMPARE(pending.size(), 2);
    SearchReply stale;
    stale.results = {hit(99)};
    pending.at(0).second(stale, QString());
    QCOMPARE(model.rowCount(), 0); // the older query's answer is dropped
    SearchReply first;
    first.results = {hit(9), hit(8)};
    first.nextBefore = 8;
    pending.at(1).second(first, QString());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0).data(SearchModel::SeqRole).toLongLong(), 9);
    QCOMPARE(model.index(0).data(SearchModel::SenderNameRole).toString(), QStringLiteral("bob"));
    QCOMPARE(model.index(0).data(SearchModel::HighlightsRole).toList().first().toPoint(), QPoint(4, 6));
    if (pending.size() == 2) { // the model tester may already have asked for the next page
        QVERIFY(model.canFetchMore());
        model.fetchMore();
    }
    QVERIFY(!model.canFetchMore()); // one page at a time
    QCOMPARE(pending.size(), 3);
    QCOMPARE(pending.at(2).first.before, 8);
    QCOMPARE(pending.at(2).first.query, QStringLiteral("needle"));
    SearchReply last;
    last.results = {hit(3)};
    pending.at(2).second(last, QString());
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(!model.canFetchMore());
    model.setQuery(QString());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(pending.size(), 3); // an empty query asks nothing
}

void TestClientModels::mentionRule_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<bool>("expected");
    QTest::newRow("plain") << "hi @bob" << true;
    QTest::newRow("case") << "@BOB, look" << true;
    QTest::newRow("sentence end") << "thanks @bob." << true;
    QTest::newRow("longer name") << "hi @bobby" << false;
    QTest::newRow("dotted name") << "@bob.smith" << false;
    QTest::newRow("dash") << "@bob-" << false;
    QTest::newRow("mail") << "mail bob@example.org" << false;
    QTest::newRow("second at") << "@bo @bob" << true;
}

void TestClientModels::mentionRule()
{
    QFETCH(QString, body);
    QFETCH(bool, expected);
    QCOMPARE(mentions(body, QStringLiteral("bob")), expected);
}

QTEST_GUILESS_MAIN(TestClientModels)
#include "tst_clientmodels.moc"
