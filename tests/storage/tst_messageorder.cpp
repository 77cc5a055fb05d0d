// The rooms' order of messages (migration 18): message_order holds the messages up to its mark,
// the tail above it is read by id. Every query by (room_id, seq) must give the same answer
// whichever side of the mark its entries lie on, and the writer must move the tail in time.
#include "storage/migrator.h"
#include "storage/repositories.h"
#include "storage/sqlconnection.h"
#include "storage/storage.h"
#include "storage/storageerror.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace natter;
using namespace natter::server;

class TestMessageOrder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void historyIsTheSameOnEitherSideOfTheMark();
    void pagesMergeATailThatInterleavesWithTheOrder();
    void previewAndUnreadCountsReadBothSides();
    void deletingTheNewestRoomKeepsLaterMessagesOrdered();
    void tailIsDueAfterItsLimit();
    void rolledBackMoveIsDueAgain();
    void writerMovesTheTailWhenQuietAndOnOpening();

private:
    qint64 scalar(const QString &sql);
    /// Stores `count` messages, alternating between m_rooms, a few of them mentioning "@b";
    /// every seventh of room 0's is followed by an edit of it. Each call keeps m_entries.
    void store(int count);
    /// What before()/after() must return: room's entries in [lo, hi] by seq, ascending.
    QList<Seq> expected(RoomId room, Seq lo, Seq hi) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Repositories> m_repos;
    QString m_name;
    int m_counter = 0;
    UserId m_a, m_b;
    QList<RoomId> m_rooms;
    QList<Message> m_entries;
};

void TestMessageOrder::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_name = QStringLiteral("messageorder-%1").arg(++m_counter);
    StorageConfig config;
    config.sqlitePath = m_dir->filePath(QStringLiteral("natter.db"));
    QSqlDatabase connection = openConnection(config, m_name);
    Migrator(connection, QStringLiteral("sqlite")).migrate();
    m_repos = std::make_unique<Repositories>(connection, m_dir->path());
    Repositories &r = *m_repos;
    m_a = r.users.create(QStringLiteral("a"), QStringLiteral("h"), 0)->id;
    m_b = r.users.create(QStringLiteral("b"), QStringLiteral("h"), 0)->id;
    const UserId c = r.users.create(QStringLiteral("c"), QStringLiteral("h"), 0)->id;
    m_rooms = {r.rooms.createDirect(m_a, m_b, 0), r.rooms.createDirect(m_a, c, 0)};
    m_entries.clear();
}

void TestMessageOrder::cleanup()
{
    m_repos.reset();
    closeConnection(m_name);
    m_dir.reset();
}

qint64 TestMessageOrder::scalar(const QString &sql)
{
    QSqlQuery q(m_repos->database());
    if (!q.exec(sql) || !q.next())
        throw StorageError(QStringLiteral("cannot read: ") + sql);
    return q.value(0).toLongLong();
}

void TestMessageOrder::store(int count)
{
    Repositories &r = *m_repos;
    for (int i = 0; i < count; ++i) {
        const int n = int(m_entries.size());
        const RoomId room = m_rooms[n % 2];
        const QString body = n % 5 == 0 ? QStringLiteral("hey @b, %1").arg(n) : QStringLiteral("text %1").arg(n);
        m_entries.append(r.messages.insert(room, r.rooms.allocateSeq(room, n), m_a,
                                           QStringLiteral("k%1").arg(n), body, n));
        if (room == m_rooms[0] && n % 7 == 0) {
            const MessageId target = m_entries.last().id;
            m_entries.append(r.messages.insert(room, r.rooms.allocateSeq(room, n), m_a,
                                               QStringLiteral("e%1").arg(n), QString(), n, timeline::edited,
                                               UserId(), target));
        }
    }
}

QList<Seq> TestMessageOrder::expected(RoomId room, Seq lo, Seq hi) const
{
    QList<Seq> out;
    for (const Message &m : m_entries) {
        if (m.roomId == room && m.seq >= lo && m.seq <= hi)
            out.append(m.seq);
    }
    std::sort(out.begin(), out.end());
    return out;
}

namespace {
QList<Seq> seqs(const QList<Message> &page)
{
    QList<Seq> out;
    for (const Message &m : page)
        out.append(m.seq);
    return out;
}
} // namespace

void TestMessageOrder::historyIsTheSameOnEitherSideOfTheMark()
{
    Repositories &r = *m_repos;
    store(150);
    QCOMPARE(r.messages.flushOrder(), int(m_entries.size()));
    const qsizetype ordered = m_entries.size();
    store(90); // the tail
    QCOMPARE(r.messages.orderTail(), int(m_entries.size() - ordered));
    QVERIFY(scalar(QStringLiteral("SELECT COUNT(*) FROM message_order")) < qint64(m_entries.size()));
    for (const RoomId room : m_rooms) {
        const Seq last = expected(room, 1, std::numeric_limits<Seq>::max()).last();
        for (Seq at = 1; at <= last + 1; at += 7) {
            for (const int limit : {1, 10, 50}) {
                // before: the newest `limit` below `at`; after: the oldest `limit` above it.
                QList<Seq> want = expected(room, 1, at - 1);
                want = want.mid(std::max<qsizetype>(0, want.size() - limit));
                QCOMPARE(seqs(r.messages.before(room, at, limit)), want);
                want = expected(room, at + 1, last).mid(0, limit);
                QCOMPARE(seqs(r.messages.after(room, at, limit)), want);
                // A reader's window cuts both sides alike.
                want = expected(room, 20, 60);
                want = want.mid(std::max<qsizetype>(0, want.size() - limit));
                QCOMPARE(seqs(r.messages.before(room, 0, limit, 20, 60)), want);
            }
        }
    }
    // An edit in the tail still shows its target's text, whichever side the target is on.
    const Message edit = *std::find_if(m_entries.crbegin(), m_entries.crend(),
                                       [](const Message &m) { return m.kind == timeline::edited; });
    QVERIFY(edit.id.value > m_entries[ordered].id.value);
    const QList<Message> page = r.messages.before(edit.roomId, edit.seq + 1, 1);
    QCOMPARE(page.size(), 1);
    QCOMPARE(page.first().targetId, edit.targetId);
    QVERIFY(!page.first().body.isEmpty());
}

void TestMessageOrder::pagesMergeATailThatInterleavesWithTheOrder()
{
    // The server stores a room's entries in seq order, so its tail holds the room's newest;
    // pages must not depend on it: even seqs in message_order, odd ones in the tail.
    Repositories &r = *m_repos;
    const RoomId room = m_rooms[0];
    const auto put = [&](Seq seq) {
        m_entries.append(r.messages.insert(room, seq, m_a, QStringLiteral("i%1").arg(seq),
                                           QStringLiteral("text %1").arg(seq), seq));
    };
    for (Seq seq = 2; seq <= 120; seq += 2)
        put(seq);
    QCOMPARE(r.messages.flushOrder(), 60);
    for (Seq seq = 1; seq <= 121; seq += 2)
        put(seq);
    QCOMPARE(r.messages.orderTail(), 61);
    for (Seq at = 1; at <= 123; at += 5) {
        for (const int limit : {1, 2, 7, 50, 200}) {
            QList<Seq> want = expected(room, 1, at - 1);
            want = want.mid(std::max<qsizetype>(0, want.size() - limit));
            QCOMPARE(seqs(r.messages.before(room, at, limit)), want);
            QCOMPARE(seqs(r.messages.after(room, at, limit)), expected(room, at + 1, 1000).mid(0, limit));
            // A reader's window [30, 90].
            want = expected(room, 30, std::min<Seq>(at - 1, 90));
            want = want.mid(std::max<qsizetype>(0, want.size() - limit));
            QCOMPARE(seqs(r.messages.before(room, at, limit, 30, 90)), want);
            QCOMPARE(seqs(r.messages.after(room, at, limit, 30, 90)),
                     expected(room, std::max<Seq>(at + 1, 30), 90).mid(0, limit));
        }
    }
}

void TestMessageOrder::previewAndUnreadCountsReadBothSides()
{
    Repositories &r = *m_repos;
    store(100);
    r.messages.flushOrder();
    const auto roomOfB = [&] {
        for (const Room &room : r.rooms.listFor(m_b)) {
            if (room.id == m_rooms[0])
                return room;
        }
        throw StorageError(QStringLiteral("b's room is missing"));
    };
    const auto lastPlain = [&](RoomId room) {
        for (auto it = m_entries.crbegin(); it != m_entries.crend(); ++it) {
            if (it->roomId == room && !it->targetId.isValid())
                return it->seq;
        }
        return Seq(0);
    };
    const auto unread = [&](Seq after) {
        std::pair<int, int> n;
        for (const Message &m : m_entries) {
            if (m.roomId == m_rooms[0] && m.seq > after && m.kind == timeline::message) {
                ++n.first;
                n.second += m.body.startsWith(QLatin1String("hey @b"));
            }
        }
        return n;
    };
    // Everything in message_order.
    Room room = roomOfB();
    QCOMPARE(room.lastMessage->seq, lastPlain(m_rooms[0]));
    QCOMPARE(std::pair(room.unreadCount, room.mentionCount), unread(0));
    // Read up to the middle, then more arrive: counted from both sides.
    r.members.markRead(m_rooms[0], m_b, 30);
    store(40);
    QVERIFY(r.messages.orderTail() > 0);
    room = roomOfB();
    QCOMPARE(room.lastMessage->seq, lastPlain(m_rooms[0]));
    QCOMPARE(std::pair(room.unreadCount, room.mentionCount), unread(30));
    QVERIFY(room.mentionCount > 0);
    // Only an edit in the tail: the preview is the newest plain entry before the mark.
    r.messages.flushOrder();
    const Message target = *std::find_if(m_entries.crbegin(), m_entries.crend(), [&](const Message &m) {
        return m.roomId == m_rooms[0] && !m.targetId.isValid();
    });
    m_entries.append(r.messages.insert(m_rooms[0], r.rooms.allocateSeq(m_rooms[0], 1), m_a, QStringLiteral("edit-last"),
                                       QString(), 1, timeline::edited, UserId(), target.id));
    QCOMPARE(r.messages.orderTail(), 1);
    room = roomOfB();
    QCOMPARE(room.lastMessage->seq, lastPlain(m_rooms[0]));
    QCOMPARE(room.lastMessage->seq, target.seq);
    // A room with nothing yet.
    const RoomId empty = r.rooms.createDirect(m_b, r.users.create(QStringLiteral("d"), QStringLiteral("h"), 0)->id, 2);
    QVERIFY(!r.rooms.load(empty)->lastMessage);
}

void TestMessageOrder::deletingTheNewestRoomKeepsLaterMessagesOrdered()
{
    Repositories &r = *m_repos;
    store(40);
    // Room 1's messages are the newest, some above the mark, some below.
    const RoomId doomed = r.rooms.createDirect(m_b, r.users.create(QStringLiteral("d"), QStringLiteral("h"), 0)->id, 0);
    for (int i = 0; i < 10; ++i) {
        r.messages.insert(doomed, r.rooms.allocateSeq(doomed, i), m_b, QStringLiteral("d%1").arg(i),
                          QStringLiteral("doomed"), i);
        if (i == 4)
            r.messages.flushOrder();
    }
    const qint64 highest = scalar(QStringLiteral("SELECT MAX(id) FROM messages"));
    r.rooms.remove(doomed);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE body = 'doomed'")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM message_order WHERE room_id = %1").arg(doomed.value)), 0);
    QVERIFY(scalar(QStringLiteral("SELECT through FROM message_order_state")) < highest);
    // SQLite gives the freed ids again: the next messages must still be found.
    store(6);
    QVERIFY(m_entries.last().id.value <= highest);
    for (const RoomId room : m_rooms)
        QCOMPARE(seqs(r.messages.before(room, 0, 100)), expected(room, 1, std::numeric_limits<Seq>::max()));
    r.messages.flushOrder();
    for (const RoomId room : m_rooms)
        QCOMPARE(seqs(r.messages.before(room, 0, 100)), expected(room, 1, std::numeric_limits<Seq>::max()));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM message_order")), qint64(m_entries.size()));
}

void TestMessageOrder::tailIsDueAfterItsLimit()
{
    Repositories &r = *m_repos;
    QVERIFY(!r.messages.orderDue());
    execDirect(r.database(), QStringLiteral("BEGIN"));
    for (int i = 0; i < MessageRepository::orderTailLimit; ++i) {
        r.messages.insertNext(m_rooms[i % 2], m_a, QStringLiteral("n%1").arg(i), QStringLiteral("t"), i);
        r.rooms.advanceSeq(m_rooms[i % 2], i / 2 + 1, i);
    }
    QVERIFY(r.messages.orderDue());
    QCOMPARE(r.messages.flushOrder(), MessageRepository::orderTailLimit);
    execDirect(r.database(), QStringLiteral("COMMIT"));
    QVERIFY(!r.messages.orderDue());
    QCOMPARE(r.messages.orderTail(), 0);
    // Sorted by room: each room's entries lie in seq order, and ids follow them.
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM message_order o JOIN messages m ON m.id = o.id "
                                   "AND m.room_id = o.room_id AND m.seq = o.seq")),
             qint64(MessageRepository::orderTailLimit));
    // A tail younger than orderTailAgeMs is not due; once it is older, it is.
    r.messages.insertNext(m_rooms[0], m_a, QStringLiteral("late"), QStringLiteral("t"), 1);
    QVERIFY(!r.messages.orderDue());
    QTRY_VERIFY_WITH_TIMEOUT(r.messages.orderDue(), int(MessageRepository::orderTailAgeMs) * 5);
}

void TestMessageOrder::rolledBackMoveIsDueAgain()
{
    // A move whose transaction is rolled back (a failed commit) leaves its messages in the
    // tail: they must be moved later even if nothing more is stored.
    store(10);
    const int stored = int(m_entries.size());
    Repositories &r = *m_repos;
    execDirect(r.database(), QStringLiteral("BEGIN"));
    QCOMPARE(r.messages.flushOrder(), stored);
    execDirect(r.database(), QStringLiteral("ROLLBACK"));
    QCOMPARE(r.messages.orderTail(), 0); // flushOrder() cannot know of the rollback
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM message_order")), 0);
    r.messages.orderMoveRolledBack();
    QVERIFY(r.messages.orderTail() > 0);
    QTRY_VERIFY_WITH_TIMEOUT(r.messages.orderDue(), int(MessageRepository::orderTailAgeMs) * 5);
    execDirect(r.database(), QStringLiteral("BEGIN"));
    QCOMPARE(r.messages.flushOrder(), stored);
    execDirect(r.database(), QStringLiteral("COMMIT"));
    for (const RoomId room : m_rooms)
        QCOMPARE(seqs(r.messages.before(room, 0, 100)), expected(room, 1, std::numeric_limits<Seq>::max()));
}

void TestMessageOrder::writerMovesTheTailWhenQuietAndOnOpening()
{
    // A tail left by an earlier run (stored without a move) is moved when the writer opens.
    store(20);
    const qint64 stored = m_entries.size();
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM message_order")), 0);
    StorageConfig config;
    config.sqlitePath = m_dir->filePath(QStringLiteral("natter.db"));
    auto storage = std::make_unique<Storage>(config);
    QString error;
    QVERIFY2(storage->open(&error), qPrintable(error));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM message_order")), stored);

    // Messages the writer stores are moved a quiet second later.
    int done = 0;
    for (int i = 0; i < 5; ++i) {
        storage->write<bool>(
            this,
            [this, i](Repositories &r) {
                const std::optional<Message> m =
                    r.messages.insertNext(m_rooms[1], m_a, QStringLiteral("w%1").arg(i), QStringLiteral("w"), i);
                if (m)
                    r.rooms.advanceSeq(m_rooms[1], m->seq, i);
                return m.has_value();
            },
            [&done](const StorageResult<bool> &r) { done += r.ok() && *r.value; });
    }
    QTRY_COMPARE(done, 5);
    QTRY_COMPARE_WITH_TIMEOUT(scalar(QStringLiteral("SELECT COUNT(*) FROM message_order")), stored + 5,
                              int(MessageRepository::orderTailAgeMs) * 5);
    QCOMPARE(scalar(QStringLiteral("SELECT through FROM message_order_state")),
             scalar(QStringLiteral("SELECT MAX(id) FROM messages")));
}

QTEST_GUILESS_MAIN(TestMessageOrder)
#include "tst_messageorder.moc"
