// Query plans: statements whose plan once walked a whole table that grows with use (every
// friendship, account, stored content, attachment) must now look rows up by index, and still
// do what they did. Each test seeds a few thousand rows cheaply in SQL, then counts the rows the
// statements under test step through in full scans (SQLITE_STMTSTATUS_FULLSCAN_STEP, which
// includes the foreign-key checks and ON DELETE CASCADE programs a DELETE runs) or, for an
// aggregate SQLite answers without stepping, the pages it reads.
#include "groups/groupactions.h"
#include "storage/migrator.h"
#include "storage/repositories.h"
#include "storage/sqlconnection.h"
#include "storage/statement.h"
#include "storage/storageerror.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#ifdef NATTER_SQLITE_NATIVE
#include <sqlite3.h>
#endif

#include <functional>

using namespace natter;
using namespace natter::server;

namespace {

constexpr int growingRows = 3000;    ///< rows of each table that grows with use
constexpr qint64 scanAllowance = 10; ///< full-scan steps tolerated (a table of a few rows)

QString shaOf(const char *seed)
{
    return QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestQueryPlans : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void friendsListReadsOnlyTheUsersFriendships();
    void presenceAudienceReadsOnlyTheUsersFriendships();
    void firstAccountIsFoundWithoutCountingAccounts();
    void deletingAMessageLooksOnlyAtItsOwnContents();
    void purgingUnsentUploadsLooksOnlyAtTheirContents();
    void deletingAGroupWalksNoTableAndTakesItsRowsAndFiles();
    void sweepDropsContentsLeftUnreferencedBefore();
    void storingAndIndexingAMessageScansNoTable();
    void searchWindowWalksOnlyItsMarkedRange();

private:
    /// Accounts a, b, c and the direct rooms of a with b and of a with c.
    QList<RoomId> twoRoomsOfA();
    QSqlDatabase &db() { return m_repos->database(); }
    /// Runs `sql` (seeding and checks, outside the statement cache) with `values` bound in order.
    QSqlQuery run(const QString &sql, const QVariantList &values = {});
    /// Accounts u00001.. with ids 1..n; direct rooms 1..n-1, one per friendship (i, i + 1);
    /// stored contents 1..n, each referred to by one recent unsent attachment in one of them.
    void seed(int n);
    /// Rows the cached statements stepped through in full table scans while `work` ran.
    qint64 scannedBy(const std::function<void()> &work);
    /// Pages the connection read (cache hits and misses) since the last reset; SQLite only.
    int pagesRead(bool reset);
    /// Content file and thumbnail of `sha256` on disk, as the upload path leaves them.
    void storeOnDisk(const QString &sha256);
    bool onDisk(const QString &sha256) const;
    bool fileRowExists(const QString &sha256);
    AttachmentId upload(UserId uploader, RoomId room, const QString &sha256, qint64 now);
    /// A message at the room's next seq carrying `attachments`.
    MessageId send(RoomId room, UserId sender, const QString &clientMsgId, const QList<AttachmentId> &attachments);
    /// COUNT(*) of `tableAndCondition`, e.g. "files WHERE sha256 = ?".
    qint64 rows(const QString &tableAndCondition, const QVariantList &values = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Repositories> m_repos;
    QString m_name;
    int m_counter = 0;
};

void TestQueryPlans::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_name = QStringLiteral("queryplans-%1").arg(++m_counter);
    StorageConfig config;
    config.sqlitePath = m_dir->filePath(QStringLiteral("natter.db"));
    QSqlDatabase connection = openConnection(config, m_name);
    Migrator(connection, QStringLiteral("sqlite")).migrate();
    m_repos = std::make_unique<Repositories>(connection, m_dir->path());
    if (m_repos->statements().fullScanSteps(true) < 0)
        QSKIP("statement status needs SQLite's own API");
    QString error;
    QVERIFY2(m_repos->attachments.store().prepare(&error), qPrintable(error));
}

void TestQueryPlans::cleanup()
{
    m_repos.reset();
    closeConnection(m_name);
    m_dir.reset();
}

QSqlQuery TestQueryPlans::run(const QString &sql, const QVariantList &values)
{
    QSqlQuery q(db());
    const bool prepared = q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!prepared || !q.exec())
        throw StorageError(q.lastError().text() + QStringLiteral(" [") + sql + QLatin1Char(']'));
    return q;
}

void TestQueryPlans::seed(int n)
{
    static const QString numbers =
        QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) ");
    execDirect(db(), QStringLiteral("BEGIN"));
    run(numbers + QStringLiteral("INSERT INTO users (id, username, username_key, password_hash, created_at) "
                                 "SELECT i, printf('u%05d', i), printf('u%05d', i), "
                                 "printf('argon2id-v19-m65536-t2-p1-%022d-%043d', i, i), 0 FROM n"),
        {n});
    run(numbers + QStringLiteral("INSERT INTO rooms (id, kind, direct_key, last_activity, created_at) "
                                 "SELECT i, 'direct', printf('%d:%d', i, i + 1), 0, 0 FROM n"),
        {n - 1});
    run(numbers + QStringLiteral("INSERT INTO friendships (user_lo, user_hi, room_id, created_at) "
                                 "SELECT i, i + 1, i, 0 FROM n"),
        {n - 1});
    run(numbers + QStringLiteral("INSERT INTO files (sha256, size, created_at) SELECT printf('%064x', i), 1, 0 FROM n"),
        {n});
    // Recent (never purged here) and unsent, so they stay referenced and outside every message.
    run(numbers + QStringLiteral("INSERT INTO attachments (uploader_id, room_id, sha256, name, mime_type, created_at) "
                                 "SELECT i, i % (? - 1) + 1, printf('%064x', i), 'f', 'application/octet-stream', "
                                 "1000000 FROM n"),
        {n, n});
    execDirect(db(), QStringLiteral("COMMIT"));
}

qint64 TestQueryPlans::scannedBy(const std::function<void()> &work)
{
    m_repos->statements().fullScanSteps(true);
    work();
    return m_repos->statements().fullScanSteps(false);
}

int TestQueryPlans::pagesRead(bool reset)
{
#ifdef NATTER_SQLITE_NATIVE
    int hits = 0, misses = 0, highwater = 0;
    sqlite3 *handle = m_repos->statements().sqlite();
    sqlite3_db_status(handle, SQLITE_DBSTATUS_CACHE_HIT, &hits, &highwater, reset ? 1 : 0);
    sqlite3_db_status(handle, SQLITE_DBSTATUS_CACHE_MISS, &misses, &highwater, reset ? 1 : 0);
    return hits + misses;
#else
    Q_UNUSED(reset);
    return -1;
#endif
}

void TestQueryPlans::storeOnDisk(const QString &sha256)
{
    const ContentStore &store = m_repos->attachments.store();
    for (const QString &path : {store.contentPath(sha256), store.thumbnailPath(sha256)}) {
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("bytes");
    }
}

bool TestQueryPlans::onDisk(const QString &sha256) const
{
    const ContentStore &store = m_repos->attachments.store();
    return QFile::exists(store.contentPath(sha256)) || QFile::exists(store.thumbnailPath(sha256));
}

bool TestQueryPlans::fileRowExists(const QString &sha256)
{
    return rows(QStringLiteral("files WHERE sha256 = ?"), {sha256}) == 1;
}

AttachmentId TestQueryPlans::upload(UserId uploader, RoomId room, const QString &sha256, qint64 now)
{
    storeOnDisk(sha256);
    ContentFacts facts;
    facts.sha256 = sha256;
    facts.size = 5;
    facts.thumbnailBytes = 5;
    return m_repos->attachments.insert(uploader, room, facts, QStringLiteral("a.bin"),
                                       QStringLiteral("application/octet-stream"), now).id;
}

MessageId TestQueryPlans::send(RoomId room, UserId sender, const QString &clientMsgId,
                               const QList<AttachmentId> &attachments)
{
    Repositories &r = *m_repos;
    const std::optional<Message> m = r.messages.insertNext(room, sender, clientMsgId, QStringLiteral("x"), 1);
    r.rooms.advanceSeq(room, m->seq, 1);
    r.attachments.attach(m->id, attachments);
    return m->id;
}

qint64 TestQueryPlans::rows(const QString &tableAndCondition, const QVariantList &values)
{
    QSqlQuery q = run(QStringLiteral("SELECT COUNT(*) FROM ") + tableAndCondition, values);
    return q.next() ? q.value(0).toLongLong() : -1;
}

void TestQueryPlans::friendsListReadsOnlyTheUsersFriendships()
{
    seed(growingRows);
    Repositories &r = *m_repos;
    // u01500 is the higher id of its friendship with u01499 and with u00007, the lower of the
    // one with u01501; one request each way and a block complete the list.
    const UserId me(1500);
    const RoomId extra = r.rooms.createDirect(UserId(7), me, 0);
    r.friends.addFriendship(UserId(7), me, extra, 0);
    r.friends.addRequest(me, UserId(20), 0);
    r.friends.addRequest(UserId(30), me, 0);
    r.friends.addBlock(me, UserId(40), 0);

    QList<Friend> friends;
    const qint64 scanned = scannedBy([&] { friends = r.friends.listFor(me); });
    QVERIFY2(scanned < scanAllowance, qPrintable(QStringLiteral("%1 rows scanned").arg(scanned)));

    QStringList seen;
    for (const Friend &f : std::as_const(friends))
        seen << QStringLiteral("%1 %2 %3").arg(f.user.username, friendStateName(f.state)).arg(f.roomId.value);
    QCOMPARE(seen, (QStringList{QStringLiteral("u00007 friend %1").arg(extra.value),
                                QStringLiteral("u00020 outgoing 0"), QStringLiteral("u00030 incoming 0"),
                                QStringLiteral("u00040 blocked 0"), QStringLiteral("u01499 friend 1499"),
                                QStringLiteral("u01501 friend 1500")}));
}

void TestQueryPlans::presenceAudienceReadsOnlyTheUsersFriendships()
{
    seed(growingRows);
    Repositories &r = *m_repos;
    const UserId me(1500);
    const RoomId extra = r.rooms.createDirect(UserId(7), me, 0); // a member and a friend: once
    r.friends.addFriendship(UserId(7), me, extra, 0);

    QList<UserId> audience;
    const qint64 scanned = scannedBy([&] { audience = r.members.presenceAudience(me); });
    QVERIFY2(scanned < scanAllowance, qPrintable(QStringLiteral("%1 rows scanned").arg(scanned)));
    std::sort(audience.begin(), audience.end(), [](UserId a, UserId b) { return a.value < b.value; });
    QCOMPARE(audience, (QList<UserId>{UserId(7), UserId(1499), UserId(1501)}));
}

void TestQueryPlans::firstAccountIsFoundWithoutCountingAccounts()
{
#ifdef NATTER_SQLITE_NATIVE
    Repositories &r = *m_repos;
    QVERIFY(r.users.isEmpty());

    // COUNT(*) steps through nothing (SQLite counts a b-tree without a cursor), so count the
    // pages the question reads: counting reads every page of the smallest index on users.
    seed(20000);
    pagesRead(true);
    const bool empty = r.users.isEmpty();
    const int pages = pagesRead(false);
    QVERIFY(!empty);
    QVERIFY2(pages < 10, qPrintable(QStringLiteral("%1 pages read").arg(pages)));
#else
    QSKIP("page counts need SQLite's own API");
#endif
}

void TestQueryPlans::deletingAMessageLooksOnlyAtItsOwnContents()
{
    seed(growingRows);
    Repositories &r = *m_repos;
    const UserId alice(1), bob(2);
    const RoomId room(1); // the direct room of u00001 and u00002
    const QString only = shaOf("only in the deleted message");
    const QString shared = shaOf("also in another message");
    const AttachmentId a = upload(alice, room, only, 2000000);
    const AttachmentId b = upload(alice, room, shared, 2000000);
    const AttachmentId c = upload(bob, room, shared, 2000000);
    const MessageId deleted = send(room, alice, QStringLiteral("m1"), {a, b});
    const MessageId kept = send(room, bob, QStringLiteral("m2"), {c});

    int dropped = -1;
    const qint64 scanned = scannedBy([&] { dropped = r.attachments.detachMessage(deleted); });
    QVERIFY2(scanned < scanAllowance, qPrintable(QStringLiteral("%1 rows scanned").arg(scanned)));
    QCOMPARE(dropped, 1);
    QCOMPARE(rows(QStringLiteral("attachments WHERE message_id = ?"), {deleted.value}), qint64(0));
    QVERIFY(!fileRowExists(only));
    QVERIFY(!onDisk(only));
    QVERIFY(fileRowExists(shared));
    QVERIFY(onDisk(shared));
    QList<Message> page{*r.messages.find(kept)};
    r.attachments.fill(page);
    QCOMPARE(page.first().attachments.size(), 1);
    QCOMPARE(page.first().attachments.first().sha256, shared);
    QCOMPARE(rows(QStringLiteral("files")), qint64(growingRows + 1));
    QVERIFY(scannedBy([&] { dropped = r.attachments.detachMessage(kept); }) < scanAllowance);
    QCOMPARE(dropped, 1); // the last reference: the shared content goes too
    QVERIFY(!fileRowExists(shared));
    QVERIFY(!onDisk(shared));
}

void TestQueryPlans::purgingUnsentUploadsLooksOnlyAtTheirContents()
{
    seed(growingRows);
    Repositories &r = *m_repos;
    const UserId alice(1);
    const RoomId room(1);
    const QString abandoned = shaOf("uploaded and never sent");
    const QString sentToo = shaOf("uploaded twice, sent once");
    upload(alice, room, abandoned, 10);
    upload(alice, room, abandoned, 20); // two stale uploads of one content: dropped once
    upload(alice, room, sentToo, 10);
    send(room, alice, QStringLiteral("m1"), {upload(alice, room, sentToo, 10)});

    int dropped = -1;
    const qint64 scanned = scannedBy([&] { dropped = r.attachments.purgeUnsent(100); });
    QVERIFY2(scanned < scanAllowance, qPrintable(QStringLiteral("%1 rows scanned").arg(scanned)));
    QCOMPARE(dropped, 1);
    QVERIFY(!fileRowExists(abandoned));
    QVERIFY(!onDisk(abandoned));
    QVERIFY(fileRowExists(sentToo));
    QVERIFY(onDisk(sentToo));
    QCOMPARE(rows(QStringLiteral("attachments WHERE message_id IS NULL AND created_at < 100")), qint64(0));
    QCOMPARE(rows(QStringLiteral("attachments")), qint64(growingRows + 1)); // the recent ones and the sent one
    QCOMPARE(rows(QStringLiteral("files")), qint64(growingRows + 1));
}

void TestQueryPlans::deletingAGroupWalksNoTableAndTakesItsRowsAndFiles()
{
    seed(growingRows);
    Repositories &r = *m_repos;
    const User owner{UserId(1), QStringLiteral("u00001")};
    const UserId member(2), invitee(3);
    CreateRoomRequest create;
    create.name = QStringLiteral("doomed");
    create.topic = QStringLiteral("");
    create.open = true;
    GroupOutcome created;
    createRoom(r, owner, create, created);
    QVERIFY(!created.error);
    const RoomId group = created.roomId;
    r.members.join(group, member, MemberRole::Member, 1, 0);
    r.members.invite(group, invitee, owner.id, 0);
    const QString sentHere = shaOf("sent in the group only");
    const QString unsentHere = shaOf("uploaded to the group only");
    const QString elsewhere = shaOf("in the group and in a direct room");
    const AttachmentId sent = upload(member, group, sentHere, 2000000);
    upload(owner.id, group, unsentHere, 2000000);
    const AttachmentId sharedHere = upload(owner.id, group, elsewhere, 2000000);
    upload(owner.id, RoomId(1), elsewhere, 2000000);
    send(group, member, QStringLiteral("g1"), {sent, sharedHere});
    QCOMPARE(rows(QStringLiteral("room_members WHERE room_id = ?"), {group.value}), qint64(2));

    GroupOutcome deleted;
    DeleteRoomRequest request;
    request.roomId = group;
    // The DELETE's foreign-key check of friendships.room_id and the cascade into
    // attachments.room_id count here too: their programs run inside the DELETE statement.
    const qint64 scanned = scannedBy([&] { deleteRoom(r, owner, request, deleted); });
    QVERIFY2(scanned < scanAllowance, qPrintable(QStringLiteral("%1 rows scanned").arg(scanned)));
    QVERIFY(!deleted.error);
    QCOMPARE(deleted.removed.size(), 2);

    for (const char *ofTheGroup : {"rooms WHERE id = ?", "room_members WHERE room_id = ?",
                                   "room_invites WHERE room_id = ?", "messages WHERE room_id = ?",
                                   "attachments WHERE room_id = ?"}) {
        QCOMPARE(rows(QLatin1String(ofTheGroup), {group.value}), qint64(0));
    }
    QVERIFY(!fileRowExists(sentHere));
    QVERIFY(!onDisk(sentHere));
    QVERIFY(!fileRowExists(unsentHere));
    QVERIFY(!onDisk(unsentHere));
    QVERIFY(fileRowExists(elsewhere));
    QVERIFY(onDisk(elsewhere));
    QCOMPARE(rows(QStringLiteral("friendships")), qint64(growingRows - 1));
    QCOMPARE(rows(QStringLiteral("attachments")), qint64(growingRows + 1));
    QCOMPARE(rows(QStringLiteral("files")), qint64(growingRows + 1));
}

void TestQueryPlans::sweepDropsContentsLeftUnreferencedBefore()
{
    // What a group deletion of an older version left until its hourly purge: a stored content
    // no attachment refers to. The first purge after a start sweeps it (AttachmentsHandler).
    seed(100);
    Repositories &r = *m_repos;
    const QString orphan = shaOf("left by a group deleted before the upgrade");
    storeOnDisk(orphan);
    run(QStringLiteral("INSERT INTO files (sha256, size, created_at) VALUES (?, 5, 0)"), {orphan});
    QCOMPARE(r.attachments.dropUnreferencedContent(), 1);
    QVERIFY(!fileRowExists(orphan));
    QVERIFY(!onDisk(orphan));
    QCOMPARE(rows(QStringLiteral("files")), qint64(100));
    QCOMPARE(r.attachments.dropUnreferencedContent(), 0);
}


QList<RoomId> TestQueryPlans::twoRoomsOfA()
{
    Repositories &r = *m_repos;
    const UserId a = r.users.create(QStringLiteral("a"), QStringLiteral("h"), 0)->id;
    const UserId b = r.users.create(QStringLiteral("b"), QStringLiteral("h"), 0)->id;
    const UserId c = r.users.create(QStringLiteral("c"), QStringLiteral("h"), 0)->id;
    return {r.rooms.createDirect(a, b, 0), r.rooms.createDirect(a, c, 0)};
}

void TestQueryPlans::storingAndIndexingAMessageScansNoTable()
{
    Repositories &r = *m_repos;
    const RoomId room = twoRoomsOfA().first();
    const UserId a = r.users.findByName(QStringLiteral("a"))->user.id;
    execDirect(db(), QStringLiteral("BEGIN"));
    for (int k = 0; k < growingRows; ++k) {
        const std::optional<Message> m = r.messages.insertNext(room, a, QStringLiteral("s%1").arg(k),
                                                               QStringLiteral("older text %1").arg(k), 1);
        r.rooms.advanceSeq(room, m->seq, 1);
    }
    r.search.indexPending();
    execDirect(db(), QStringLiteral("COMMIT"));

    // One more message, stored and indexed as the writer does (the job's insert, its room's
    // seq, the commit's search indexing): none of it may walk a table whose size grows.
    execDirect(db(), QStringLiteral("BEGIN"));
    const qint64 scanned = scannedBy([&] {
        const std::optional<Message> m = r.messages.insertNext(room, a, QStringLiteral("new"),
                                                               QStringLiteral("one more"), 2);
        r.rooms.advanceSeq(room, m->seq, 2);
        r.search.indexPending();
    });
    execDirect(db(), QStringLiteral("COMMIT"));
    QVERIFY2(scanned < scanAllowance, qPrintable(QStringLiteral("%1 rows scanned").arg(scanned)));
    QCOMPARE(rows(QStringLiteral("search.message_search WHERE message_search MATCH ?"),
                  {SearchRepository::matchExpression(QStringLiteral("one more"))}),
             1);
}

void TestQueryPlans::searchWindowWalksOnlyItsMarkedRange()
{
#ifdef NATTER_SQLITE_NATIVE
    Repositories &r = *m_repos;
    const QList<RoomId> rooms = twoRoomsOfA();
    const UserId a = r.users.findByName(QStringLiteral("a"))->user.id;
    // Two rooms' messages interleaved, so that ids and seqs differ; every fifth through the
    // one-statement path of a plain send, the others through insert().
    constexpr int perRoom = 30000;
    QList<Message> stored;
    execDirect(db(), QStringLiteral("BEGIN"));
    for (int k = 0; k < 2 * perRoom; ++k) {
        const RoomId room = rooms[k % 2];
        const Seq seq = k / 2 + 1;
        if (k % 5 == 0) {
            stored.append(*r.messages.insertNext(room, a, QStringLiteral("n%1").arg(k), QStringLiteral("t%1").arg(k), k));
            r.rooms.advanceSeq(room, seq, k);
        } else {
            stored.append(r.messages.insert(room, r.rooms.allocateSeq(room, k), a, QStringLiteral("i%1").arg(k),
                                            QStringLiteral("t%1").arg(k), k));
        }
        QCOMPARE(stored.last().seq, seq);
        if (k + 1 == 2 * perRoom - 10000)
            r.messages.flushOrder(); // the last 10,000 stay in the order's tail
    }
    execDirect(db(), QStringLiteral("COMMIT"));

    // Every 128th seq of each room is marked with its message's id, on both paths.
    QCOMPARE(rows(QStringLiteral("message_marks")), qint64(2 * (perRoom / MessageRepository::markEvery)));
    QCOMPARE(rows(QStringLiteral("message_marks k JOIN messages m ON m.id = k.id AND m.room_id = k.room_id "
                                 "AND m.seq = k.seq WHERE k.seq % ? = 0"),
                  {MessageRepository::markEvery}),
             qint64(2 * (perRoom / MessageRepository::markEvery)));

    // A window of ids finds exactly its messages, newest first...
    qint64 lower = 0;
    qint64 before = 0;
    QList<qint64> want;
    const auto window = [&](int from, int to) {
        lower = stored[from].id.value;
        before = stored[to].id.value;
        want.clear();
        for (const Message &m : stored) {
            if (m.id.value >= lower && m.id.value < before)
                want.prepend(m.id.value);
        }
    };
    auto search = [&] {
        QList<qint64> got;
        for (const SearchRow &row : r.search.find(SearchFilter{a, {}, {}, {}, {}}, before, lower, 100))
            got.append(row.id.value);
        return got;
    };
    // ...in the order's tail (the newest ids), across its mark, and deep in message_order...
    QList<int> tailPages;
    for (const auto &[from, to] : {std::pair{55001, 55011}, std::pair{49995, 50005}}) {
        window(from, to);
        search(); // prepared once, outside the count
        pagesRead(true);
        QCOMPARE(search(), want);
        tailPages.append(pagesRead(false));
    }
    window(20001, 20011);
    pagesRead(true);
    QCOMPARE(search(), want);
    const int marked = pagesRead(false);
    // ...reading a few pages, where walking each room from its start (what the search would do
    // without the marks) reads many.
    run(QStringLiteral("DELETE FROM message_marks"));
    pagesRead(true);
    QCOMPARE(search(), want);
    const int unmarked = pagesRead(false);
    QVERIFY2(marked * 4 < unmarked, qPrintable(QStringLiteral("%1 pages with marks, %2 without").arg(marked).arg(unmarked)));
    for (const int pages : tailPages)
        QVERIFY2(pages * 4 < unmarked, qPrintable(QStringLiteral("%1 pages at the tail, %2 without marks").arg(pages).arg(unmarked)));
#else
    QSKIP("page counts need SQLite's own API");
#endif
}

QTEST_GUILESS_MAIN(TestQueryPlans)
#include "tst_queryplans.moc"
