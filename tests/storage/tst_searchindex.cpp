// The search index (its own file since migration 16) follows the messages through passes of
// SearchRepository::indexPending: messages above search_state.indexed_through are indexed with
// their current text; edits and deletes of indexed ones reach the index at the next pass
// through the change log; ids that SQLite gives again after the highest messages were deleted
// still get indexed; an index made for another copy of the database is built again.
#include "storage/migrator.h"
#include "storage/repositories.h"
#include "storage/sqlconnection.h"
#include "storage/statement.h"

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
    void indexFollowsMessagesChangedBeforeAndAfterThePass();
    void aPassTakesAtMostItsLimit();
    void anIndexMadeForAnotherCopyIsBuiltAgain();

private:
    /// Stores `body` in `room` as a plain send does, in a transaction of its own.
    MessageId send(RoomId room, UserId sender, const QString &body);
    /// One pass as SearchIndexer runs it: index, commit, then forget the applied changes.
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
    r.search.forgetAppliedChanges();
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
    const UserId a = r.users.create(QStringLiteral("a"), QStringLiteral("h"), 0)->id;
    const UserId b = r.users.create(QStringLiteral("b"), QStringLiteral("h"), 0)->id;
    const UserId c = r.users.create(QStringLiteral("c"), QStringLiteral("h"), 0)->id;
    const RoomId kept = r.rooms.createDirect(a, b, 0);
    const RoomId deleted = r.rooms.createDirect(a, c, 0);
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
    const UserId a = r.users.create(QStringLiteral("a"), QStringLiteral("h"), 0)->id;
    const UserId b = r.users.create(QStringLiteral("b"), QStringLiteral("h"), 0)->id;
    const UserId c = r.users.create(QStringLiteral("c"), QStringLiteral("h"), 0)->id;
    const RoomId kept = r.rooms.createDirect(a, b, 0);
    const RoomId deleted = r.rooms.createDirect(a, c, 0);
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
    const UserId a = r.users.create(QStringLiteral("a"), QStringLiteral("h"), 0)->id;
    const UserId b = r.users.create(QStringLiteral("b"), QStringLiteral("h"), 0)->id;
    const RoomId room = r.rooms.createDirect(a, b, 0);
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
    const UserId a = r.users.create(QStringLiteral("a"), QStringLiteral("h"), 0)->id;
    const UserId b = r.users.create(QStringLiteral("b"), QStringLiteral("h"), 0)->id;
    const RoomId room = r.rooms.createDirect(a, b, 0);
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

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_searchindex.moc"
