// Per-room mute in the client core without a server: the conversation list's MutedRole and
// unread total, the flag in the local cache, and the alert decision (shouldAlert).
#include "clientsamples.h"
#include "core/localcache.h"
#include "core/models/conversationlistmodel.h"
#include "core/notificationpolicy.h"
#include "core/userdirectory.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QtTest>

using namespace natter;
using namespace natter::client;

using namespace natter::test;

namespace {
/// Bob's message number `seq` in `room`.
Message fromBob(qint64 room, Seq seq, const QString &body)
{
    Message m;
    m.id = MessageId(100 + seq);
    m.roomId = RoomId(room);
    m.seq = seq;
    m.senderId = kBob.id;
    m.body = body;
    m.clientMsgId = QStringLiteral("b%1").arg(seq);
    m.sentAt = 1700000000000 + seq;
    return m;
}
} // namespace

class TestClientMute : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void conversationListMuteRoleAndUnreadTotal();
    void cacheKeepsTheMuteFlag();
    void alertDecision_data();
    void alertDecision();
};

void TestClientMute::conversationListMuteRoleAndUnreadTotal()
{
    UserDirectory users;
    ConversationListModel model(users);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setOwnUser(kAlice.id);
    QCOMPARE(model.roleNames().value(ConversationListModel::MutedRole), QByteArray("muted"));
    Room quiet = room(7, 100);
    quiet.readSeq = 0;
    quiet.unreadCount = 4;
    quiet.mentionCount = 1;
    quiet.muted = true;
    Room loud = room(9, 50);
    loud.readSeq = 0;
    loud.unreadCount = 2;
    model.setRooms({quiet, loud});
    const int q = model.rowOf(RoomId(7));
    QVERIFY(model.index(q).data(ConversationListModel::MutedRole).toBool());
    QVERIFY(!model.index(model.rowOf(RoomId(9))).data(ConversationListModel::MutedRole).toBool());
    QCOMPARE(model.index(q).data(ConversationListModel::UnreadRole).toInt(), 4); // still shown in the row
    QCOMPARE(model.totalUnread(), 1 + 2); // a muted room counts its mentions only

    // A room event carries no mute flag: the row keeps it.
    Room event = room(7, 100);
    event.topic = QStringLiteral("renamed");
    model.upsertRoom(event);
    QVERIFY(model.index(model.rowOf(RoomId(7))).data(ConversationListModel::MutedRole).toBool());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy total(&model, &ConversationListModel::unreadChanged);
    model.setMuted(RoomId(7), false);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(2).value<QList<int>>(), QList<int>{ConversationListModel::MutedRole});
    QCOMPARE(total.count(), 1);
    QCOMPARE(total.first().first().toInt(), 4 + 2);
    QCOMPARE(model.totalUnread(), 6);
    model.setMuted(RoomId(7), false); // no change, no signal
    QCOMPARE(changed.count(), 1);
    model.setMuted(RoomId(9), true);
    QCOMPARE(model.totalUnread(), 4);
    // New messages in a muted room: only mentions reach the total.
    model.addMessage(fromBob(9, 1, QStringLiteral("hi")), true, false);
    QCOMPARE(model.index(model.rowOf(RoomId(9))).data(ConversationListModel::UnreadRole).toInt(), 3);
    QCOMPARE(model.totalUnread(), 4);
    model.addMessage(fromBob(9, 2, QStringLiteral("@alice look")), true, true);
    QCOMPARE(model.totalUnread(), 5);
    model.setMuted(RoomId(12345), true); // unknown rooms are ignored
    QCOMPARE(model.rowCount(), 2);
}

void TestClientMute::cacheKeepsTheMuteFlag()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    {
        LocalCache cache;
        QVERIFY(cache.open(path));
        Room muted = room(7, 100);
        muted.muted = true; // no read marker: the JSON would not carry the flag, the column does
        cache.saveRooms({muted, room(9, 50)});
    }
    LocalCache cache;
    QVERIFY(cache.open(path));
    QCOMPARE(cache.rooms().size(), 2);
    for (const Room &r : cache.rooms())
        QCOMPARE(r.muted, r.id == RoomId(7));
}

void TestClientMute::alertDecision_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("mention");
    QTest::addColumn<bool>("muted");
    QTest::addColumn<bool>("dnd");
    QTest::addColumn<bool>("alert");
    QTest::newRow("message") << "message" << false << false << false << true;
    QTest::newRow("muted direct message") << "message" << false << true << false << false;
    QTest::newRow("mention in a muted group") << "message" << true << true << false << true;
    QTest::newRow("mention, not muted") << "message" << true << false << false << true;
    QTest::newRow("do not disturb") << "message" << false << false << true << false;
    QTest::newRow("mention in do not disturb") << "message" << true << true << true << false;
    QTest::newRow("friend request, muted flag irrelevant") << "friend_request" << false << true << false << true;
    QTest::newRow("invitation in do not disturb") << "invited" << false << false << true << false;
}

void TestClientMute::alertDecision()
{
    QFETCH(QString, kind);
    QFETCH(bool, mention);
    QFETCH(bool, muted);
    QFETCH(bool, dnd);
    QFETCH(bool, alert);
    NotificationEvent e;
    e.kind = kind;
    e.roomId = RoomId(3);
    e.userId = UserId(2);
    e.mention = mention;
    QCOMPARE(shouldAlert(e, AlertContext{muted, dnd}), alert);
}

QTEST_GUILESS_MAIN(TestClientMute)
#include "tst_clientmute.moc"
