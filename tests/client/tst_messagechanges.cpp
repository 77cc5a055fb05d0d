// applyMessageChange: how a client applies edited/deleted entries to what it holds.
#include "core/messagechanges.h"

#include <QtTest>

using namespace natter;
using namespace natter::client;

namespace {
Message message(qint64 id, const QString &body, MessageId replyTo = MessageId())
{
    Message m;
    m.id = MessageId(id);
    m.roomId = RoomId(1);
    m.seq = id;
    m.senderId = UserId(1);
    m.body = body;
    m.replyTo = replyTo;
    if (replyTo.isValid())
        m.reply = ReplyPreview{replyTo, UserId(2), QStringLiteral("quoted"), false};
    return m;
}

Message change(const QString &kind, qint64 target, const QString &body, bool deleted = false)
{
    Message e = message(100, body);
    e.kind = kind;
    e.targetId = MessageId(target);
    e.editedAt = 5;
    e.deleted = deleted;
    return e;
}
} // namespace

class TestMessageChanges : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void editReplacesTheTarget();
    void deleteLeavesATombstone();
    void repliesFollowTheQuotedMessage();
    void unrelatedOrWithheldChangesNothing();
};

void TestMessageChanges::editReplacesTheTarget()
{
    Message m = message(7, QStringLiteral("teh"));
    QVERIFY(applyMessageChange(m, change(timeline::edited, 7, QStringLiteral("the"))));
    QCOMPARE(m.body, QStringLiteral("the"));
    QCOMPARE(m.editedAt, 5);
    QVERIFY(!m.deleted);
    QCOMPARE(m.seq, 7); // the message keeps its place
    QVERIFY(!applyMessageChange(m, change(timeline::edited, 7, QStringLiteral("the")))); // already applied
}

void TestMessageChanges::deleteLeavesATombstone()
{
    Message m = message(7, QStringLiteral("secret"));
    QVERIFY(applyMessageChange(m, change(timeline::deleted, 7, QString(), true)));
    QVERIFY(m.deleted);
    QCOMPARE(m.body, QString());
    // A late edit entry replayed after the delete carries the deleted state, not old text.
    QVERIFY(!applyMessageChange(m, change(timeline::edited, 7, QString(), true)));
    QVERIFY(m.deleted);
}

void TestMessageChanges::repliesFollowTheQuotedMessage()
{
    Message reply = message(8, QStringLiteral("yes"), MessageId(7));
    QVERIFY(applyMessageChange(reply, change(timeline::edited, 7, QString(300, QLatin1Char('x')))));
    QCOMPARE(reply.body, QStringLiteral("yes"));
    QCOMPARE(reply.reply->body, QString(120, QLatin1Char('x')));
    QVERIFY(applyMessageChange(reply, change(timeline::deleted, 7, QString(), true)));
    QVERIFY(reply.reply->deleted);
    QCOMPARE(reply.reply->body, QString());
}

void TestMessageChanges::unrelatedOrWithheldChangesNothing()
{
    Message m = message(7, QStringLiteral("keep"));
    const Message before = m;
    QVERIFY(!applyMessageChange(m, change(timeline::edited, 9, QStringLiteral("other"))));
    Message otherRoom = change(timeline::edited, 7, QStringLiteral("other room"));
    otherRoom.roomId = RoomId(2);
    QVERIFY(!applyMessageChange(m, otherRoom));
    // Target outside the reader's window: the server withholds the text.
    QVERIFY(!applyMessageChange(m, change(timeline::edited, 7, QString())));
    // Not a change entry at all.
    QVERIFY(!applyMessageChange(m, message(9, QStringLiteral("plain"))));
    QCOMPARE(m, before);
}

QTEST_GUILESS_MAIN(TestMessageChanges)
#include "tst_messagechanges.moc"
