// Schema migrations: a fresh database, an upgrade from the version 1 fixture, refusal of a
// database newer than the code, and the SQLite settings read back.
#include "storage/migrator.h"
#include "storage/repositories.h"
#include "storage/sqlconnection.h"
#include "storage/statement.h"
#include "storage/storageerror.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace natter::server;

namespace {

QVariant scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

/// Loads tests/fixtures/v1_sqlite.sql into `db`; returns what failed, or nothing.
QString loadVersionOneFixture(QSqlDatabase &db)
{
    QFile fixture(QStringLiteral(NATTER_FIXTURES_DIR "/v1_sqlite.sql"));
    if (!fixture.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read the version 1 fixture");
    for (const QString &statement : Migrator::splitStatements(QString::fromUtf8(fixture.readAll()))) {
        QSqlQuery q(db);
        if (!q.exec(statement))
            return statement;
    }
    return {};
}

/// The column lists of a table's unique indexes, each as "a,b".
QStringList uniqueKeys(QSqlDatabase &db, const QString &table)
{
    QStringList keys;
    QSqlQuery list(db);
    if (!list.exec(QStringLiteral("SELECT name FROM pragma_index_list('%1') WHERE \"unique\" = 1").arg(table)))
        return keys;
    while (list.next()) {
        QSqlQuery info(db);
        info.prepare(QStringLiteral("SELECT group_concat(name, ',') FROM "
                                    "(SELECT name FROM pragma_index_info(?) ORDER BY seqno)"));
        info.addBindValue(list.value(0));
        if (info.exec() && info.next())
            keys.append(info.value(0).toString());
    }
    keys.sort();
    return keys;
}

bool hasIndex(QSqlDatabase &db, const QString &name)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?"));
    q.addBindValue(name);
    return q.exec() && q.next();
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void freshDatabaseReachesNewestVersion();
    void sqliteSettingsAreReadBack();
    void upgradeFromVersionOneFixtureKeepsData();
    void upgradeToLifecycleKeepsMessagesUnedited();
    void upgradeToKeyOrderKeepsMessagesAndTheirConstraint();
    void upgradeToMessageOrderKeepsMessagesAndOrdersThem();
    void migratingTwiceIsANoOp();
    void newerDatabaseIsRefused();
    void failedMigrationLeavesPreviousVersion();
    void scriptsSplitIntoStatements();
    void searchIndexIsBackFilledAndFollowsChanges();
    void databaseMigratedPastAMissingNumberIsRefused();

private:
    StorageConfig config() const;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_name;
    int m_counter = 0;
};

StorageConfig TestMigrations::config() const
{
    StorageConfig c;
    c.sqlitePath = m_dir->filePath(QStringLiteral("test.db"));
    return c;
}

void TestMigrations::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_name = QStringLiteral("migrations-%1").arg(++m_counter);
}

void TestMigrations::cleanup()
{
    closeConnection(m_name);
    m_dir.reset();
}

void TestMigrations::freshDatabaseReachesNewestVersion()
{
    QSqlDatabase db = openConnection(config(), m_name);
    Migrator migrator(db, QStringLiteral("sqlite"));
    QCOMPARE(migrator.currentVersion(), 0);
    const int newest = migrator.available().last().version;
    QVERIFY(newest >= 2);
    migrator.migrate();
    QCOMPARE(migrator.currentVersion(), newest);
    for (const char *table : {"users", "sessions", "friend_requests", "blocks", "rooms",
                              "room_members", "friendships", "messages", "files", "attachments"}) {
        QVERIFY2(scalar(db, QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table))).isValid(), table);
    }
    QVERIFY(hasIndex(db, QStringLiteral("room_members_by_user")));
}

void TestMigrations::sqliteSettingsAreReadBack()
{
    QSqlDatabase db = openConnection(config(), m_name);
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA busy_timeout")).toInt(), 10000);
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA synchronous")).toInt(), 2);
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA secure_delete")).toInt(), 1);
}

void TestMigrations::upgradeFromVersionOneFixtureKeepsData()
{
    QSqlDatabase db = openConnection(config(), m_name);
    const QString failed = loadVersionOneFixture(db);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    Migrator migrator(db, QStringLiteral("sqlite"));
    QCOMPARE(migrator.currentVersion(), 1);
    QVERIFY(!hasIndex(db, QStringLiteral("room_members_by_user")));

    migrator.migrate();
    QCOMPARE(migrator.currentVersion(), migrator.available().last().version);
    QVERIFY(hasIndex(db, QStringLiteral("room_members_by_user")));
    QVERIFY(hasIndex(db, QStringLiteral("sessions_by_expiry")));
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM users")).toInt(), 3);
    QCOMPARE(scalar(db, QStringLiteral("SELECT body FROM messages WHERE room_id = 1 AND seq = 2")).toString(),
             QStringLiteral("hi alice ✓"));
    QCOMPARE(scalar(db, QStringLiteral("SELECT room_id FROM friendships WHERE user_lo = 1 AND user_hi = 2")).toInt(), 1);
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA foreign_key_check")).isValid(), false); // no violations
}

void TestMigrations::upgradeToLifecycleKeepsMessagesUnedited()
{
    QSqlDatabase db = openConnection(config(), m_name);
    const QString failed = loadVersionOneFixture(db);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    Migrator migrator(db, QStringLiteral("sqlite"));
    migrator.migrate(4); // the schema before message lifecycle
    QCOMPARE(migrator.currentVersion(), 4);
    QVERIFY(!scalar(db, QStringLiteral("SELECT COUNT(*) FROM message_revisions")).isValid());
    const int messages = scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages")).toInt();
    QVERIFY(messages > 0);

    migrator.migrate(5);
    QCOMPARE(migrator.currentVersion(), 5);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM message_revisions")).toInt(), 0);
    QVERIFY(hasIndex(db, QStringLiteral("message_revisions_by_message")));
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages WHERE target_id IS NULL AND reply_to IS NULL "
                                       "AND edited_at IS NULL AND deleted_at IS NULL")).toInt(), messages);
    // Existing messages read back as they were (through today's queries, on today's schema):
    // never edited, not deleted, no reply.
    migrator.migrate();
    Repositories repos(db);
    const QList<natter::Message> page = repos.messages.before(natter::RoomId(1), 0, 50);
    QCOMPARE(page.size(), messages);
    const natter::Message &m = page[1];
    QCOMPARE(m.body, QStringLiteral("hi alice ✓"));
    QCOMPARE(m.editedAt, 0);
    QVERIFY(!m.deleted && !m.replyTo.isValid() && !m.reply && !m.targetId.isValid());
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA foreign_key_check")).isValid(), false);
}

void TestMigrations::upgradeToKeyOrderKeepsMessagesAndTheirConstraint()
{
    QSqlDatabase db = openConnection(config(), m_name);
    const QString failed = loadVersionOneFixture(db);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    Migrator migrator(db, QStringLiteral("sqlite"));
    migrator.migrate(16); // the index by sender first
    QCOMPARE(uniqueKeys(db, QStringLiteral("messages")),
             (QStringList{QStringLiteral("room_id,seq"), QStringLiteral("sender_id,client_msg_id")}));
    // An edit as version 16 stores it: the entry, the replaced text, every column set.
    execDirect(db, QStringLiteral("INSERT INTO messages (id, room_id, seq, sender_id, client_msg_id, body, sent_at, "
                                  "kind, subject_id, target_id, reply_to, edited_at, deleted_at, attachment_count) "
                                  "VALUES (3, 1, 3, 1, 'edited-1', '', 1700000002000, 'edited', 2, 1, 2, "
                                  "1700000002000, 1700000003000, 1)"));
    execDirect(db, QStringLiteral("INSERT INTO message_revisions (message_id, body, sent_at, replaced_at) "
                                  "VALUES (1, 'helo bob', 1700000000500, 1700000002000)"));
    const QString dump = QStringLiteral(
        "SELECT group_concat(quote(id) || quote(room_id) || quote(seq) || quote(sender_id) || quote(client_msg_id) || "
        "quote(body) || quote(sent_at) || quote(kind) || quote(subject_id) || quote(target_id) || quote(reply_to) || "
        "quote(edited_at) || quote(deleted_at) || quote(attachment_count), ';') FROM (SELECT * FROM messages ORDER BY id)");
    const QString before = scalar(db, dump).toString();
    QVERIFY(before.contains(QStringLiteral("'edited-1'")));
    const QString references = QStringLiteral(
        "SELECT group_concat(\"from\" || '>' || \"table\" || '.' || COALESCE(\"to\", '') || ' ' || on_delete, ';') "
        "FROM (SELECT * FROM pragma_foreign_key_list('messages') ORDER BY \"from\")");
    const QString referencesBefore = scalar(db, references).toString();
    QVERIFY2(referencesBefore.contains(QStringLiteral("room_id>rooms.id CASCADE")), qPrintable(referencesBefore));

    migrator.migrate(17);
    QCOMPARE(scalar(db, dump).toString(), before);
    QCOMPARE(scalar(db, references).toString(), referencesBefore);
    QCOMPARE(uniqueKeys(db, QStringLiteral("messages")),
             (QStringList{QStringLiteral("client_msg_id,sender_id"), QStringLiteral("room_id,seq")}));
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA foreign_key_check")).isValid(), false);

    // The same constraint: a key is unique per sender, and another sender may use it.
    QSqlQuery again(db);
    QVERIFY(!again.exec(QStringLiteral("INSERT INTO messages (room_id, seq, sender_id, client_msg_id, body, sent_at) "
                                       "VALUES (1, 4, 1, 'fixture-1', 'again', 1700000004000)")));
    QVERIFY(again.exec(QStringLiteral("INSERT INTO messages (room_id, seq, sender_id, client_msg_id, body, sent_at) "
                                      "VALUES (1, 4, 2, 'fixture-1', 'bob too', 1700000004000)")));
    // The change log's triggers came back with the table, and the revisions still cascade.
    const int changes = scalar(db, QStringLiteral("SELECT COUNT(*) FROM search_changes")).toInt();
    execDirect(db, QStringLiteral("UPDATE messages SET body = 'hello again' WHERE id = 1"));
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM search_changes")).toInt(), changes + 1);
    execDirect(db, QStringLiteral("DELETE FROM messages WHERE id = 1"));
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM search_changes")).toInt(), changes + 2);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM message_revisions")).toInt(), 0);
}

void TestMigrations::upgradeToMessageOrderKeepsMessagesAndOrdersThem()
{
    QSqlDatabase db = openConnection(config(), m_name);
    const QString failed = loadVersionOneFixture(db);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    Migrator migrator(db, QStringLiteral("sqlite"));
    migrator.migrate(17);
    // A second room whose messages interleave with the first's, so that ids and seqs differ.
    execDirect(db, QStringLiteral("INSERT INTO rooms (id, kind, name, last_seq, last_activity, created_at) "
                                  "VALUES (50, 'group', 'Second', 0, 1700000000000, 1700000000000)"));
    for (int k = 1; k <= 6; ++k) {
        const int room = k % 2 ? 50 : 1;
        const int seq = room == 50 ? (k + 1) / 2 : 10 + k;
        execDirect(db, QStringLiteral("INSERT INTO messages (room_id, seq, sender_id, client_msg_id, body, sent_at) "
                                      "VALUES (%1, %2, 1, 'order-%3', 'message %3', 1700000005000)")
                           .arg(room).arg(seq).arg(k));
    }
    const QString dump = QStringLiteral(
        "SELECT group_concat(quote(id) || quote(room_id) || quote(seq) || quote(sender_id) || quote(client_msg_id) || "
        "quote(body) || quote(sent_at) || quote(kind) || quote(target_id) || quote(deleted_at), ';') "
        "FROM (SELECT * FROM messages ORDER BY id)");
    const QString before = scalar(db, dump).toString();
    const int messages = scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages")).toInt();
    const qint64 newest = scalar(db, QStringLiteral("SELECT MAX(id) FROM messages")).toLongLong();

    migrator.migrate();
    QCOMPARE(scalar(db, dump).toString(), before);
    // The per-room index is gone; the key's constraint stays; room_id refers to nothing now.
    QCOMPARE(uniqueKeys(db, QStringLiteral("messages")), QStringList{QStringLiteral("client_msg_id,sender_id")});
    QVERIFY(!scalar(db, QStringLiteral("SELECT 1 FROM pragma_foreign_key_list('messages') WHERE \"from\" = 'room_id'"))
                 .isValid());
    // Every message is in message_order, at its room and seq, and the tail is empty.
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM message_order")).toInt(), messages);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM message_order o JOIN messages m ON m.id = o.id "
                                       "AND m.room_id = o.room_id AND m.seq = o.seq")).toInt(), messages);
    QCOMPARE(scalar(db, QStringLiteral("SELECT through FROM message_order_state")).toLongLong(), newest);
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA foreign_key_check")).isValid(), false);

    Repositories repos(db);
    const QList<natter::Message> second = repos.messages.before(natter::RoomId(50), 0, 10);
    QCOMPARE(second.size(), 3);
    QCOMPARE(second.first().body, QStringLiteral("message 1"));
    QCOMPARE(second.last().body, QStringLiteral("message 5"));
    // Deleting the room deletes its messages and their order, and nothing of the other room's.
    repos.rooms.remove(natter::RoomId(50));
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages")).toInt(), messages - 3);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM message_order")).toInt(), messages - 3);
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA foreign_key_check")).isValid(), false);
}

void TestMigrations::migratingTwiceIsANoOp()
{
    QSqlDatabase db = openConnection(config(), m_name);
    Migrator migrator(db, QStringLiteral("sqlite"));
    migrator.migrate();
    const int rows = scalar(db, QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt();
    migrator.migrate();
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(), rows);
}

void TestMigrations::newerDatabaseIsRefused()
{
    QSqlDatabase db = openConnection(config(), m_name);
    Migrator migrator(db, QStringLiteral("sqlite"));
    migrator.migrate();
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("INSERT INTO schema_version VALUES (999, 'future', 0)")));
    try {
        migrator.migrate();
        QFAIL("a newer database was accepted");
    } catch (const StorageError &e) {
        QVERIFY2(e.message().contains(QStringLiteral("newer")), qPrintable(e.message()));
    }
}

void TestMigrations::failedMigrationLeavesPreviousVersion()
{
    QSqlDatabase db = openConnection(config(), m_name);
    Migrator migrator(db, QStringLiteral("sqlite"));
    migrator.migrate(1);
    // Sabotage version 2: an object with the name of one of its indexes already exists, so
    // its transaction fails part-way and must leave nothing of itself behind.
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("CREATE TABLE sessions_by_user (x INTEGER)")));
    QVERIFY_THROWS_EXCEPTION(StorageError, migrator.migrate());
    QCOMPARE(migrator.currentVersion(), 1);
    QVERIFY(!hasIndex(db, QStringLiteral("room_members_by_user")));
}

void TestMigrations::scriptsSplitIntoStatements()
{
    const QStringList parts = Migrator::splitStatements(QStringLiteral(
        "-- comment\nCREATE TABLE a (x INTEGER);\n\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n"
        "  INSERT INTO b VALUES (1);\n  DELETE FROM c;\nEND;\nCREATE INDEX i ON a(x);\n"));
    QCOMPARE(parts.size(), 3);
    QVERIFY(parts[1].startsWith(QStringLiteral("CREATE TRIGGER")));
    QVERIFY(parts[1].endsWith(QStringLiteral("END;")));
}

void TestMigrations::searchIndexIsBackFilledAndFollowsChanges()
{
    QSqlDatabase db = openConnection(config(), m_name);
    const QString failed = loadVersionOneFixture(db);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    Migrator(db, QStringLiteral("sqlite")).migrate();
    auto find = [&db](const char *text) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT group_concat(rowid) FROM search.message_search WHERE message_search MATCH ?"));
        q.addBindValue(SearchRepository::matchExpression(QString::fromUtf8(text)));
        return q.exec() && q.next() ? q.value(0) : QVariant(QStringLiteral("query failed"));
    };
    StatementCache cache(db);
    SearchRepository search(cache);
    auto pass = [&] {
        QVERIFY(db.transaction());
        search.indexPending();
        QVERIFY(db.commit());
    };
    // Messages stored before the migration are found once a pass has built the index again
    // in its own file (migration 16).
    const QVariant id = scalar(db, QStringLiteral("SELECT id FROM messages WHERE body = 'hi alice ✓'"));
    QVERIFY(find("ALICE").isNull());
    pass();
    QCOMPARE(find("ALICE").toString(), id.toString());
    // The change log brings updates and deletes to the next pass.
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("UPDATE messages SET body = 'hi there' WHERE id = %1").arg(id.toLongLong())));
    pass();
    QVERIFY(find("alice").isNull());
    QCOMPARE(find("there").toString(), id.toString());
    QVERIFY(q.exec(QStringLiteral("DELETE FROM messages WHERE id = %1").arg(id.toLongLong())));
    pass();
    QVERIFY(find("there").isNull());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO search.message_search (message_search) VALUES ('integrity-check')")));
}

void TestMigrations::databaseMigratedPastAMissingNumberIsRefused()
{
    QSqlDatabase db = openConnection(config(), m_name);
    Migrator migrator(db, QStringLiteral("sqlite"));
    migrator.migrate();
    // As if migration 2 had arrived (by a merge) after the database was migrated past it.
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("DELETE FROM schema_version WHERE version = 2")));
    try {
        migrator.migrate();
        QFAIL("a database without migration 2 was accepted");
    } catch (const StorageError &e) {
        QVERIFY2(e.message().contains(QStringLiteral("without migration 2")), qPrintable(e.message()));
    }
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
