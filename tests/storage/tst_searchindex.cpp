// The search index (its own file since migration 16) follows the messages through passes of
// SearchRepository::indexPending: messages above search_state.indexed_through are indexed with
// their current text; edits and deletes of indexed ones reach the index at the next pass
// through the change log; ids that SQLite gives again after the highest messages were deleted
// still get indexed; an index made for another copy of the database is built again.
#include "storage/migrator.h"
#include "storage/repositories.h"
#include "storage/sqlconnection.h"
#include "storage/statement.h"
#include "storage/storage.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace natter;
using namespace natter::server;

class TestSearchIndex : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void idsGivenAgainAfterADeletedRoomAreIndexed();
    void idsGivenAgainBeforeThePassAreIndexed();
    void idsGivenAgainInAGapOfAnEarlierPassAreIndexed();
    void indexFollowsMessagesChangedBeforeAndAfterThePass();
    void aPassTakesAtMostItsLimit();
    void anIndexMadeForAnotherCopyIsBuiltAgain();
    void aCopyOfTheDatabaseFromAnEarlierStartGetsANewIndex();
    void theIndexerFollowsTheWriterAndTheAppliedLogIsDeleted();

private:
    struct TwoRooms
    {
        UserId a, b, c;
        RoomId kept;    ///< a and b
        RoomId deleted; ///< a and c (tests with one room use `kept`)
    };
    TwoRooms twoRooms();
    /// Stores `body` in `room` as a plain send does, in a transaction of its own.
    MessageId send(RoomId room, UserId sender, const QString &body);
    /// One pass as SearchIndexer runs it, then the writer's job that deletes the applied log.
    void pass();
    QList<qint64> matches(const QString &text);
    qint64 mark();
    qint64 loggedChanges();
    /// FTS5 checks the structure of its index and fails on any damage.
    void integrityCheck();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Repositories> m_repos;
    int m_sent = 0;
};

void TestSearchIndex::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    StorageConfig config;
    config.sqlitePath = m_dir->filePath(QStringLiteral("natter.db"));
    QSqlDatabase db = openConnection(config, QStringLiteral("searchindex"));
    Migrator(db, QStringLiteral("sqlite")).migrate();
    QVERIFY(QFile::exists(m_dir->filePath(QStringLiteral("natter-search.db"))));
    m_repos = std::make_unique<Repositories>(db, m_dir->path());
}

void TestSearchIndex::cleanup()
{
    m_repos.reset();
    closeConnection(QStringLiteral("searchindex"));
    m_dir.reset();
}

TestSearchIndex::TwoRooms TestSearchIndex::twoRooms()
{
    Repositories &r = *m_repos;
    TwoRooms t;
    t.a = r.users.create(QStringLiteral("a"), QStringLiteral("h"), 0)->id;
    t.b = r.users.create(QStringLiteral("b"), QStringLiteral("h"), 0)->id;
    t.c = r.users.create(QStringLiteral("c"), QStringLiteral("h"), 0)->id;
    t.kept = r.rooms.createDirect(t.a, t.b, 0);
    t.deleted = r.rooms.createDirect(t.a, t.c, 0);
    return t;
}

MessageId TestSearchIndex::send(RoomId room, UserId sender, const QString &body)
{
    Repositories &r = *m_repos;
    execDirect(r.database(), QStringLiteral("BEGIN"));
    const std::optional<Message> m = r.messages.insertNext(room, sender, QStringLiteral("k%1").arg(++m_sent), body, 1);
    r.rooms.advanceSeq(room, m->seq, 1);
    execDirect(r.database(), QStringLiteral("COMMIT"));
    return m->id;
}

void TestSearchIndex::pass()
{
    Repositories &r = *m_repos;
    execDirect(r.database(), QStringLiteral("BEGIN"));
    r.search.indexPending();
    execDirect(r.database(), QStringLiteral("COMMIT"));
    execDirect(r.database(), QStringLiteral("BEGIN"));
    r.search.forgetChanges(r.search.appliedChanges());
    execDirect(r.database(), QStringLiteral("COMMIT"));
}

QList<qint64> TestSearchIndex::matches(const QString &text)
{
    Statement q(m_repos->statements(),
                "SELECT rowid FROM search.message_search WHERE message_search MATCH ? ORDER BY rowid");
    q.bind(SearchRepository::matchExpression(text)).exec();
    QList<qint64> out;
    while (q.next())
        out.append(q.integer(0));
    return out;
}

qint64 TestSearchIndex::mark()
{
    Statement q(m_repos->statements(), "SELECT indexed_through FROM search.search_state");
    return q.exec().next() ? q.integer(0) : -1;
}

qint64 TestSearchIndex::loggedChanges()
{
    Statement q(m_repos->statements(), "SELECT count(*) FROM search_changes");
    return q.exec().next() ? q.integer(0) : -1;
}

void TestSearchIndex::integrityCheck()
{
    execDirect(m_repos->database(),
               QStringLiteral("INSERT INTO search.message_search (message_search) VALUES ('integrity-check')"));
}

void TestSearchIndex::idsGivenAgainAfterADeletedRoomAreIndexed()
{
    Repositories &r = *m_repos;
    const auto [a, b, c, kept, deleted] = twoRooms();
    const MessageId first = send(kept, a, QStringLiteral("kept words"));
    const MessageId doomed = send(deleted, a, QStringLiteral("doomed words"));
    const MessageId highest = send(deleted, c, QStringLiteral("doomed too"));
    QVERIFY(matches(QStringLiteral("doomed")).isEmpty()); // stored, not indexed yet
    pass();
    QCOMPARE(matches(QStringLiteral("doomed")), (QList<qint64>{doomed.value, highest.value}));
    QCOMPARE(mark(), highest.value);

    // The room with the highest messages goes: at the next pass they leave the index, the mark
    // comes down and the change log is emptied.
    execDirect(r.database(), QStringLiteral("BEGIN"));
    r.rooms.remove(deleted);
    execDirect(r.database(), QStringLiteral("COMMIT"));
    QCOMPARE(loggedChanges(), 2);
    pass();
    QCOMPARE(matches(QStringLiteral("doomed")), QList<qint64>());
    QCOMPARE(mark(), first.value);
    QCOMPARE(loggedChanges(), 0);

    // SQLite gives the next message the id the doomed one had: it is indexed all the same.
    const MessageId again = send(kept, b, QStringLiteral("fresh words"));
    QCOMPARE(again.value, doomed.value);
    pass();
    QCOMPARE(matches(QStringLiteral("fresh")), QList<qint64>{again.value});
    QCOMPARE(matches(QStringLiteral("words")), (QList<qint64>{first.value, again.value}));
    QCOMPARE(mark(), again.value);
    integrityCheck();
}

void TestSearchIndex::idsGivenAgainBeforeThePassAreIndexed()
{
    Repositories &r = *m_repos;
    const auto [a, b, c, kept, deleted] = twoRooms();
    const MessageId first = send(kept, a, QStringLiteral("kept words"));
    const MessageId doomed = send(deleted, a, QStringLiteral("doomed words"));
    pass();
    // Deleted and its id given again between two passes: the pass forgets the old text (its
    // logged change) and indexes the new message's.
    execDirect(r.database(), QStringLiteral("BEGIN"));
    r.rooms.remove(deleted);
    execDirect(r.database(), QStringLiteral("COMMIT"));
    const MessageId again = send(kept, b, QStringLiteral("fresh words"));
    QCOMPARE(again.value, doomed.value);
    pass();
    QVERIFY(matches(QStringLiteral("doomed")).isEmpty());
    QCOMPARE(matches(QStringLiteral("words")), (QList<qint64>{first.value, again.value}));
    integrityCheck();
}

void TestSearchIndex::idsGivenAgainInAGapOfAnEarlierPassAreIndexed()
{
    Repositories &r = *m_repos;
    const TwoRooms t = twoRooms();
    const UserId a = t.a, b = t.b;
    const RoomId room = t.kept;
    const MessageId one = send(room, a, QStringLiteral("one words"));
    const MessageId two = send(room, a, QStringLiteral("two words"));
    const MessageId three = send(room, a, QStringLiteral("three words"));
    pass();
    // 2 goes while 3 stays (the pass leaves the mark at 3), then 3 goes: the next message gets
    // id 2, a gap the index was told about a pass ago. It is indexed, and so is its edit,
    // without asking the index to forget a text it never held.
    execDirect(r.database(), QStringLiteral("DELETE FROM messages WHERE id = %1").arg(two.value));
    pass();
    QCOMPARE(mark(), three.value);
    execDirect(r.database(), QStringLiteral("DELETE FROM messages WHERE id = %1").arg(three.value));
    const MessageId again = send(room, b, QStringLiteral("fresh words"));
    QCOMPARE(again.value, two.value);
    execDirect(r.database(), QStringLiteral("UPDATE messages SET body = 'fresh edited' WHERE id = %1").arg(again.value));
    pass();
    QCOMPARE(matches(QStringLiteral("words")), QList<qint64>{one.value});
    QCOMPARE(matches(QStringLiteral("edited")), QList<qint64>{again.value});
    QCOMPARE(mark(), again.value);
    // And once indexed, the reused id is an indexed message like any other.
    execDirect(r.database(), QStringLiteral("UPDATE messages SET body = 'fresh final' WHERE id = %1").arg(again.value));
    pass();
    QVERIFY(matches(QStringLiteral("edited")).isEmpty());
    QCOMPARE(matches(QStringLiteral("final")), QList<qint64>{again.value});
    QCOMPARE(loggedChanges(), 0);
    integrityCheck();
}

void TestSearchIndex::indexFollowsMessagesChangedBeforeAndAfterThePass()
{
    Repositories &r = *m_repos;
    // Within one transaction: stored (not indexed yet), then edited and deleted before the pass.
    execDirect(r.database(), QStringLiteral("BEGIN"));
    const UserId a = r.users.create(QStringLiteral("sa"), QStringLiteral("h"), 0)->id;
    const UserId b = r.users.create(QStringLiteral("sb"), QStringLiteral("h"), 0)->id;
    const RoomId room = r.rooms.createDirect(a, b, 0);
    QList<qint64> ids;
    for (const char *body : {"alpha original", "beta doomed", "gamma kept", "delta stays"}) {
        const std::optional<Message> m = r.messages.insertNext(room, a, QLatin1String(body), QLatin1String(body), 1);
        r.rooms.advanceSeq(room, m->seq, 1);
        ids << m->id.value;
    }
    execDirect(r.database(), QStringLiteral("UPDATE messages SET body = 'alpha edited' WHERE id = %1").arg(ids[0]));
    execDirect(r.database(), QStringLiteral("DELETE FROM messages WHERE id = %1").arg(ids[1]));
    execDirect(r.database(), QStringLiteral("COMMIT"));
    pass();
    QCOMPARE(matches(QStringLiteral("edited")), QList<qint64>{ids[0]});
    QVERIFY(matches(QStringLiteral("original")).isEmpty());
    QVERIFY(matches(QStringLiteral("doomed")).isEmpty());
    QCOMPARE(matches(QStringLiteral("kept")), QList<qint64>{ids[2]});

    // Indexed now: edited twice and deleted after the pass. The index keeps what it has until
    // the next pass, which forgets exactly the indexed texts and indexes the current ones.
    execDirect(r.database(), QStringLiteral("UPDATE messages SET body = 'alpha second' WHERE id = %1").arg(ids[0]));
    execDirect(r.database(), QStringLiteral("UPDATE messages SET body = 'alpha final' WHERE id = %1").arg(ids[0]));
    execDirect(r.database(), QStringLiteral("DELETE FROM messages WHERE id = %1").arg(ids[2]));
    QCOMPARE(matches(QStringLiteral("edited")), QList<qint64>{ids[0]});
    QCOMPARE(matches(QStringLiteral("kept")), QList<qint64>{ids[2]});
    pass();
    QVERIFY(matches(QStringLiteral("edited")).isEmpty());
    QVERIFY(matches(QStringLiteral("second")).isEmpty());
    QCOMPARE(matches(QStringLiteral("final")), QList<qint64>{ids[0]});
    QVERIFY(matches(QStringLiteral("kept")).isEmpty());
    QCOMPARE(matches(QStringLiteral("alpha")), QList<qint64>{ids[0]});
    QCOMPARE(matches(QStringLiteral("stays")), QList<qint64>{ids[3]});
    QCOMPARE(loggedChanges(), 0);
    integrityCheck();
}

void TestSearchIndex::aPassTakesAtMostItsLimit()
{
    Repositories &r = *m_repos;
    const TwoRooms t = twoRooms();
    const UserId a = t.a;
    const RoomId room = t.kept;
    QList<qint64> ids;
    for (int k = 0; k < 5; ++k)
        ids << send(room, a, QStringLiteral("limited %1").arg(k)).value;
    QList<int> taken;
    for (int k = 0; k < 4; ++k) {
        execDirect(r.database(), QStringLiteral("BEGIN"));
        taken << r.search.indexPending(2);
        execDirect(r.database(), QStringLiteral("COMMIT"));
        if (k == 0)
            QCOMPARE(mark(), ids[1]);
    }
    QCOMPARE(taken, (QList<int>{2, 2, 1, 0}));
    QCOMPARE(matches(QStringLiteral("limited")), ids);
}

void TestSearchIndex::anIndexMadeForAnotherCopyIsBuiltAgain()
{
    Repositories &r = *m_repos;
    const TwoRooms t = twoRooms();
    const UserId a = t.a;
    const RoomId room = t.kept;
    const MessageId one = send(room, a, QStringLiteral("copied words"));
    pass();
    // A copy of the database (as `natterd backup` writes it) gets a token of its own; here the
    // database takes one, as if it were such a copy meeting the original's index.
    execDirect(r.database(), QStringLiteral("UPDATE search_source SET token = 'another copy'"));
    Migrator(r.database(), QStringLiteral("sqlite")).migrate();
    QCOMPARE(mark(), 0);
    QVERIFY(matches(QStringLiteral("copied")).isEmpty());
    pass();
    QCOMPARE(matches(QStringLiteral("copied")), QList<qint64>{one.value});
    // The same copy again: the index is kept.
    Migrator(r.database(), QStringLiteral("sqlite")).migrate();
    QCOMPARE(mark(), one.value);
    QCOMPARE(matches(QStringLiteral("copied")), QList<qint64>{one.value});
    integrityCheck();
}

void TestSearchIndex::aCopyOfTheDatabaseFromAnEarlierStartGetsANewIndex()
{
    Repositories &r = *m_repos;
    const TwoRooms t = twoRooms();
    const UserId a = t.a;
    const RoomId room = t.kept;
    send(room, a, QStringLiteral("before the copy"));
    pass();
    auto token = [&r] {
        Statement q(r.statements(), "SELECT token FROM search_source");
        return q.exec().next() ? q.text(0) : QString();
    };
    // A file copied now holds this token; every start gives the database and its index a new
    // one, so the copy put back later is not taken for the database the index follows.
    const QString copied = token();
    Migrator(r.database(), QStringLiteral("sqlite")).migrate(); // the next start
    QVERIFY(token() != copied);
    QVERIFY(mark() > 0);
    execDirect(r.database(), QStringLiteral("UPDATE search_source SET token = '%1'").arg(copied)); // put back
    Migrator(r.database(), QStringLiteral("sqlite")).migrate();
    QCOMPARE(mark(), 0);
    pass();
    QCOMPARE(matches(QStringLiteral("copy")).size(), 1);

    // A copy taken while the server ran has the index's token, but the index went on: it
    // indexed messages the copy lacks, or applied changes it never logged. Both are seen.
    const MessageId later = send(room, a, QStringLiteral("after the copy"));
    pass();
    Migrator(r.database(), QStringLiteral("sqlite")).migrate();
    QCOMPARE(mark(), later.value); // the same database: kept
    execDirect(r.database(), QStringLiteral("DELETE FROM search_changes"));
    execDirect(r.database(), QStringLiteral("DELETE FROM messages WHERE id = %1").arg(later.value)); // logged
    execDirect(r.database(), QStringLiteral("DELETE FROM search_changes")); // as in a copy from before
    Migrator(r.database(), QStringLiteral("sqlite")).migrate();
    QCOMPARE(mark(), 0); // ids the copy lacks
    pass();
    QCOMPARE(matches(QStringLiteral("copy")).size(), 1);
    execDirect(r.database(), QStringLiteral("UPDATE messages SET body = 'edited away' WHERE body = 'before the copy'"));
    pass();
    QVERIFY(mark() > 0);
    execDirect(r.database(), QStringLiteral("UPDATE sqlite_sequence SET seq = 0 WHERE name = 'search_changes'"));
    Migrator(r.database(), QStringLiteral("sqlite")).migrate();
    QCOMPARE(mark(), 0); // changes the copy never logged
}

void TestSearchIndex::theIndexerFollowsTheWriterAndTheAppliedLogIsDeleted()
{
    cleanup();
    m_dir = std::make_unique<QTemporaryDir>();
    StorageConfig config;
    config.sqlitePath = m_dir->filePath(QStringLiteral("natter.db"));
    config.searchIndexDelayMs = 0;
    Storage storage(config);
    QString error;
    QVERIFY2(storage.open(&error), qPrintable(error));
    auto run = [&](bool write, std::function<qint64(Repositories &)> job) {
        std::optional<StorageResult<qint64>> out;
        auto done = [&](const StorageResult<qint64> &r) { out = r; };
        if (write)
            storage.write<qint64>(this, std::move(job), done);
        else
            storage.search<qint64>(this, std::move(job), done);
        return QTest::qWaitFor([&] { return out.has_value(); }, 10000) && out->ok() ? *out->value : -1;
    };
    auto found = [&](const char *text) {
        return run(false, [text](Repositories &r) {
            Statement q(r.statements(), "SELECT count(*) FROM search.message_search WHERE message_search MATCH ?");
            q.bind(SearchRepository::matchExpression(QString::fromUtf8(text))).exec().next();
            return q.integer(0);
        });
    };
    auto logged = [&] {
        return run(false, [](Repositories &r) {
            Statement q(r.statements(), "SELECT count(*) FROM search_changes");
            return q.exec().next() ? q.integer(0) : -1;
        });
    };
    const qint64 id = run(true, [](Repositories &r) {
        const UserId a = r.users.create(QStringLiteral("a"), QStringLiteral("h"), 0)->id;
        const UserId b = r.users.create(QStringLiteral("b"), QStringLiteral("h"), 0)->id;
        const RoomId room = r.rooms.createDirect(a, b, 0);
        const std::optional<Message> m = r.messages.insertNext(room, a, QStringLiteral("k"), QStringLiteral("writer words"), 1);
        r.rooms.advanceSeq(room, m->seq, 1);
        return m->id.value;
    });
    QCOMPARE(found("writer"), 1); // a search waits for the pass after the commit before it
    QCOMPARE(run(true, [id](Repositories &r) {
                 execDirect(r.database(), QStringLiteral("UPDATE messages SET body = 'edited words' WHERE id = %1").arg(id));
                 return qint64(0);
             }), 0);
    QCOMPARE(found("edited"), 1);
    QCOMPARE(found("writer"), 0);
    // Applied by the pass, then deleted by a writer job the indexer asked for: the log holds
    // the old text.
    QTRY_COMPARE(logged(), 0);
    QVERIFY(storage.writeStats().searchPasses >= 3);
}

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_searchindex.moc"
