// The search index follows the messages (migrations 6, 12, 15): messages above
// search_state.indexed_through are indexed at the next pass, edits and deletes of indexed ones
// reach the index at once, and ids that SQLite gives again after the highest messages were
// deleted still get indexed.
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
    void indexFollowsMessagesChangedBeforeAndAfterThePass();

private:
    /// Stores `body` in `room` as a plain send does, then commits with the index pass.
    MessageId send(RoomId room, UserId sender, const QString &body);
    QList<qint64> matches(const QString &text);
    qint64 mark();
    /// FTS5 compares its index with the messages it indexes and fails on any difference.
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
    r.beforeCommit();
    execDirect(r.database(), QStringLiteral("COMMIT"));
    return m->id;
}

QList<qint64> TestSearchIndex::matches(const QString &text)
{
    Statement q(m_repos->statements(), "SELECT rowid FROM message_search WHERE message_search MATCH ? ORDER BY rowid");
    q.bind(SearchRepository::matchExpression(text)).exec();
    QList<qint64> out;
    while (q.next())
        out.append(q.integer(0));
    return out;
}

qint64 TestSearchIndex::mark()
{
    Statement q(m_repos->statements(), "SELECT indexed_through FROM search_state");
    return q.exec().next() ? q.integer(0) : -1;
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
    QCOMPARE(matches(QStringLiteral("doomed")), (QList<qint64>{doomed.value, highest.value}));
    QCOMPARE(mark(), highest.value);

    // The room with the highest messages goes: they leave the index, and the mark comes down.
    execDirect(r.database(), QStringLiteral("BEGIN"));
    r.rooms.remove(deleted);
    execDirect(r.database(), QStringLiteral("COMMIT"));
    QCOMPARE(matches(QStringLiteral("doomed")), QList<qint64>());
    QCOMPARE(mark(), first.value);

    // SQLite gives the next message the id the doomed one had: it is indexed all the same.
    const MessageId again = send(kept, b, QStringLiteral("fresh words"));
    QCOMPARE(again.value, doomed.value);
    QCOMPARE(matches(QStringLiteral("fresh")), QList<qint64>{again.value});
    QCOMPARE(matches(QStringLiteral("words")), (QList<qint64>{first.value, again.value}));
    QCOMPARE(mark(), again.value);
}

void TestSearchIndex::integrityCheck()
{
    execDirect(m_repos->database(), QStringLiteral("INSERT INTO message_search (message_search) VALUES ('integrity-check')"));
}

void TestSearchIndex::indexFollowsMessagesChangedBeforeAndAfterThePass()
{
    Repositories &r = *m_repos;
    // Within one transaction: stored (pending), then edited and deleted before the pass.
    execDirect(r.database(), QStringLiteral("BEGIN"));
    const UserId a = r.users.create(QStringLiteral("sa"), QStringLiteral("h"), 0)->id;
    const UserId b = r.users.create(QStringLiteral("sb"), QStringLiteral("h"), 0)->id;
    const RoomId room = r.rooms.createDirect(a, b, 0);
    QList<qint64> ids;
    for (const char *body : {"alpha original", "beta doomed", "gamma kept"}) {
        const std::optional<Message> m = r.messages.insertNext(room, a, QLatin1String(body), QLatin1String(body), 1);
        r.rooms.advanceSeq(room, m->seq, 1);
        ids << m->id.value;
    }
    execDirect(r.database(), QStringLiteral("UPDATE messages SET body = 'alpha edited' WHERE id = %1").arg(ids[0]));
    execDirect(r.database(), QStringLiteral("DELETE FROM messages WHERE id = %1").arg(ids[1]));
    r.beforeCommit();
    execDirect(r.database(), QStringLiteral("COMMIT"));

    integrityCheck();
    QCOMPARE(matches(QStringLiteral("edited")), QList<qint64>{ids[0]});
    QVERIFY(matches(QStringLiteral("original")).isEmpty());
    QVERIFY(matches(QStringLiteral("doomed")).isEmpty());
    QCOMPARE(matches(QStringLiteral("kept")), QList<qint64>{ids[2]});
    // Indexed now: a later edit replaces the indexed text at once, before any pass.
    execDirect(r.database(), QStringLiteral("UPDATE messages SET body = 'alpha final' WHERE id = %1").arg(ids[0]));
    QVERIFY(matches(QStringLiteral("edited")).isEmpty());
    QCOMPARE(matches(QStringLiteral("final")), QList<qint64>{ids[0]});
    integrityCheck();
}

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_searchindex.moc"
