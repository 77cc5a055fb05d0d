// RoomCursors: exactly-once delivery bookkeeping, whatever order entries arrive in.
#include "core/roomcursors.h"

#include <QtTest>

using namespace natter;
using namespace natter::client;

namespace {
Message at(qint64 room, Seq seq)
{
    Message m;
    m.roomId = RoomId(room);
    m.seq = seq;
    return m;
}
} // namespace

class TestRoomCursors : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void inOrderAdvances();
    void duplicatesAreRejected();
    void gapsHoldTheCursorUntilFilled();
    void registrationBaselineSkipsBacklog();
    void skipToPassesOverUnreadableEntries();
    void cursorsAreSortedAndRestorable();
};

void TestRoomCursors::inOrderAdvances()
{
    RoomCursors c;
    for (Seq s = 1; s <= 5; ++s)
        QVERIFY(c.accept(at(1, s)));
    QCOMPARE(c.contiguous(RoomId(1)), 5);
    QVERIFY(!c.hasGap(RoomId(1)));
}

void TestRoomCursors::duplicatesAreRejected()
{
    RoomCursors c;
    QVERIFY(c.accept(at(1, 1)));
    QVERIFY(!c.accept(at(1, 1)));
    QVERIFY(c.accept(at(1, 3)));
    QVERIFY(!c.accept(at(1, 3)));
    QVERIFY(!c.accept(at(1, 0)));
    QVERIFY(!c.accept(at(0, 1)));
}

void TestRoomCursors::gapsHoldTheCursorUntilFilled()
{
    RoomCursors c;
    QVERIFY(c.accept(at(1, 1)));
    QVERIFY(c.accept(at(1, 4)));
    QVERIFY(c.accept(at(1, 3)));
    QCOMPARE(c.contiguous(RoomId(1)), 1);
    QVERIFY(c.hasGap(RoomId(1)));
    QVERIFY(c.accept(at(1, 2)));
    QCOMPARE(c.contiguous(RoomId(1)), 4);
    QVERIFY(!c.hasGap(RoomId(1)));
}

void TestRoomCursors::registrationBaselineSkipsBacklog()
{
    RoomCursors c;
    c.ensureRoom(RoomId(2), 10);
    c.ensureRoom(RoomId(2), 3); // already known: unchanged
    QVERIFY(!c.accept(at(2, 9)));
    QVERIFY(c.accept(at(2, 11)));
    QCOMPARE(c.contiguous(RoomId(2)), 11);
}

void TestRoomCursors::skipToPassesOverUnreadableEntries()
{
    RoomCursors c;
    c.ensureRoom(RoomId(3), 0);
    QVERIFY(c.accept(at(3, 12)));
    QCOMPARE(c.contiguous(RoomId(3)), 0);
    c.skipTo(RoomId(3), 10); // 1..10 lie before the readable window
    QCOMPARE(c.contiguous(RoomId(3)), 10);
    QVERIFY(c.accept(at(3, 11)));
    QCOMPARE(c.contiguous(RoomId(3)), 12);
    c.skipTo(RoomId(3), 5); // never backwards
    QCOMPARE(c.contiguous(RoomId(3)), 12);
}

void TestRoomCursors::cursorsAreSortedAndRestorable()
{
    RoomCursors c;
    c.ensureRoom(RoomId(9), 4);
    c.ensureRoom(RoomId(2), 7);
    const QList<SyncCursor> cursors = c.syncCursors();
    QCOMPARE(cursors.size(), 2);
    QCOMPARE(cursors[0].roomId, RoomId(2));
    QCOMPARE(cursors[0].afterSeq, 7);
    RoomCursors restored;
    restored.reset(c.snapshot());
    QCOMPARE(restored.contiguous(RoomId(9)), 4);
    QCOMPARE(restored.roomCount(), 2);
}

QTEST_GUILESS_MAIN(TestRoomCursors)
#include "tst_roomcursors.moc"
