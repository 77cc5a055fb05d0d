// The client's local cache (one SQLite file per account) without a server: round trips of
// rooms, history and the outbox, refusal of a newer schema, and the migrations from version 1.
#include "clientsamples.h"
#include "core/localcache.h"

#include <QFile>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace natter;
using namespace natter::client;
using namespace natter::test;

class TestLocalCache : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cacheRoundTrips();
    void cacheRefusesNewerSchema();
    void cacheMigratesFromVersion1AndAppliesChanges();
};

void TestLocalCache::cacheRoundTrips()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a/cache.sqlite"));
    {
        LocalCache cache;
        QVERIFY(cache.open(path));
        QCOMPARE(cache.schemaVersion(), LocalCache::latestSchemaVersion());
        Room r = room(7, 100);
        r.lastMessage = msg(3);
        r.unreadCount = 2;
        cache.saveRooms({r});
        cache.saveMessages({msg(1), msg(2), msg(3), msg(5)});
        cache.saveMessages({msg(2, kBob, QStringLiteral("replaced"))});
        cache.saveCursors({{kRoom, 3}});
        cache.addOutbox({QStringLiteral("x"), kRoom, QStringLiteral("later"), 5, false, {}, {}});
        cache.addOutbox({QStringLiteral("y"), kRoom, QStringLiteral("later 2"), 6, false, {}, {}});
        cache.setOutboxFailed(QStringLiteral("y"), true, QStringLiteral("nope"));
        cache.setSetting(QStringLiteral("k"), QStringLiteral("v"));
    }
    LocalCache cache;
    QVERIFY(cache.open(path));
    QCOMPARE(cache.rooms().size(), 1);
    QCOMPARE(cache.rooms().first().unreadCount, 2);
    QCOMPARE(cache.rooms().first().lastMessage->seq, 3);
    const QList<Message> newest = cache.messagesBefore(kRoom, 0, 2);
    QCOMPARE(newest.size(), 2);
    QCOMPARE(newest.at(0).seq, 3);
    QCOMPARE(newest.at(1).seq, 5);
    const QList<Message> older = cache.messagesBefore(kRoom, 3, 10);
    QCOMPARE(older.size(), 2);
    QCOMPARE(older.at(1).body, QStringLiteral("replaced"));
    QCOMPARE(cache.cursors().value(kRoom), 3);
    QCOMPARE(cache.outbox().size(), 2);
    QCOMPARE(cache.outbox().at(0).clientMsgId, QStringLiteral("x"));
    QVERIFY(cache.outbox().at(1).failed);
    QCOMPARE(cache.outbox().at(1).error, QStringLiteral("nope"));
    cache.removeOutbox(QStringLiteral("x"));
    QCOMPARE(cache.outbox().size(), 1);
    QCOMPARE(cache.setting(QStringLiteral("k")), QStringLiteral("v"));
    cache.removeRoom(kRoom);
    QCOMPARE(cache.rooms().size(), 0);
    QCOMPARE(cache.messageCount(kRoom), 0);
}


void TestLocalCache::cacheRefusesNewerSchema()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version=%1").arg(LocalCache::latestSchemaVersion() + 1));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    LocalCache cache;
    QString error;
    QVERIFY(!cache.open(path, &error));
    QVERIFY(error.contains(QStringLiteral("newer")));
    QVERIFY(!cache.isOpen());
}



void TestLocalCache::cacheMigratesFromVersion1AndAppliesChanges()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.sqlite"));
    Message original = msg(1, kAlice, QStringLiteral("draft"));
    Message reply = msg(2, kBob, QStringLiteral("re"));
    reply.replyTo = original.id;
    reply.reply = ReplyPreview{original.id, kAlice.id, original.body, false};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QFile schema(QStringLiteral(":/natter/client/sql/0001_initial.sql"));
        QVERIFY(schema.open(QIODevice::ReadOnly));
        QString script;
        for (const QString &line : QString::fromUtf8(schema.readAll()).split(QLatin1Char('\n')))
            if (!line.startsWith(QLatin1String("--")))
                script += line + QLatin1Char('\n');
        for (const QString &sql : script.split(QLatin1Char(';')))
            if (!sql.trimmed().isEmpty())
                QVERIFY(QSqlQuery(db).exec(sql));
        for (const Message &m : {original, reply}) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("INSERT INTO messages(room_id, seq, json) VALUES(?, ?, ?)"));
            q.addBindValue(m.roomId.value);
            q.addBindValue(m.seq);
            q.addBindValue(QString::fromUtf8(QJsonDocument(m.toJson()).toJson(QJsonDocument::Compact)));
            QVERIFY(q.exec());
        }
        Room mutedRoom = room(7, 100);
        mutedRoom.readSeq = 0;
        mutedRoom.muted = true; // a room record whose JSON already said so
        QSqlQuery insertRoom(db);
        insertRoom.prepare(QStringLiteral("INSERT INTO rooms(id, json) VALUES(?, ?)"));
        insertRoom.addBindValue(mutedRoom.id.value);
        insertRoom.addBindValue(QString::fromUtf8(QJsonDocument(mutedRoom.toJson()).toJson(QJsonDocument::Compact)));
        QVERIFY(insertRoom.exec());
        QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version=1"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));
    LocalCache cache;
    QString error;
    QVERIFY2(cache.open(path, &error), qPrintable(error));
    QCOMPARE(cache.schemaVersion(), LocalCache::latestSchemaVersion());
    QCOMPARE(cache.rooms().size(), 1);
    QVERIFY(cache.rooms().first().muted); // migration 4 took the flag into its column
    cache.applyChange(change(3, timeline::edited, original.id, QStringLiteral("final"), false));
    const QList<Message> rows = cache.messagesBefore(kRoom, 0, 10);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).body, QStringLiteral("final"));
    QVERIFY(rows.at(0).editedAt > 0);
    QCOMPARE(rows.at(1).reply->body, QStringLiteral("final"));
    cache.addOutbox({QStringLiteral("r"), kRoom, QStringLiteral("reply"), 1, false, {}, original.id});
    QCOMPARE(cache.outbox().first().replyTo, original.id);
    QVERIFY(cache.outbox().first().attachmentIds.isEmpty());
    OutboxEntry withFiles{QStringLiteral("f"), kRoom, QString(), 2, false, {}, MessageId()};
    withFiles.attachmentIds = {AttachmentId(41), AttachmentId(9)};
    cache.addOutbox(withFiles);
    QCOMPARE(cache.outbox().last().attachmentIds, withFiles.attachmentIds); // in order
}


QTEST_GUILESS_MAIN(TestLocalCache)
#include "tst_localcache.moc"
