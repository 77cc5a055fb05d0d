// The client core's connection life against a real natterd in-process: the reconnect countdown
// (next attempt time, growing backoff, retry now), unread and mention counts after a delete,
// and uploads that survive the client quitting.
#include "../support/clientfixture.h"
#include "admin/admincommands.h"
#include "core/clientcontroller.h"
#include "core/commandline.h"
#include "protocol/lifecyclerequests.h"

#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace natter;
using namespace natter::client;
using namespace natter::test;

class TestClientConnection : public QObject, private ClientFixture
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void reconnectCountdownGrowsAndRetryNowConnectsAtOnce();
    void deletingAnUnreadMessageDropsTheCountsAtOnce();
    void deletionsWhileAwayAreCountedOnceOnResume();
    void uploadSurvivesQuitAndIsSentOnceInOrder();
    void uploadProgressCoversEveryFileOfTheMessage();
    void fileGoneBeforeRestartFailsTheMessageClearly();
    void filesLostFromTheCacheFailTheMessageWithoutBlocking();
    void cacheRecordsMigrationsAndKeepsPendingUploads();
    void administratorsActionsEndTheSessionWithoutReconnecting_data();
    void administratorsActionsEndTheSessionWithoutReconnecting();

private:
};

void TestClientConnection::init()
{
    startServer();
}

void TestClientConnection::cleanup()
{
    stopServer();
}

void TestClientConnection::reconnectCountdownGrowsAndRetryNowConnectsAtOnce()
{
    auto alice = makeController();
    ClientSession &session = alice->session();
    session.setReconnectDelays(50, 60000);
    QVERIFY(login(*alice, QStringLiteral("alice")));
    QCOMPARE(session.msUntilNextAttempt(), -1); // online: nothing scheduled
    QVERIFY(!session.nextAttemptAt().isValid());

    QSignalSpy scheduled(&session, &ClientSession::reconnectScheduled);
    m_server->stop();
    QTRY_VERIFY_WITH_TIMEOUT(scheduled.count() >= 1, 10000);
    QCOMPARE(session.state(), ClientSession::State::Reconnecting);
    // Each failed attempt schedules the next one further away: 50, then 50..100, 100..200, ...
    QTRY_VERIFY_WITH_TIMEOUT(scheduled.count() >= 4, 10000);
    QList<int> delays;
    for (const QList<QVariant> &args : scheduled)
        delays.append(args.at(0).toInt());
    for (int i = 1; i < delays.size(); ++i)
        QVERIFY2(delays.at(i) >= delays.at(i - 1), qPrintable(QStringLiteral("%1 then %2").arg(delays.at(i - 1)).arg(delays.at(i))));
    QVERIFY(delays.last() > delays.first());
    QVERIFY(delays.at(3) >= 200); // 8 * 50, drawn from the upper half
    // While waiting, the attempt time lies in the future, within the scheduled delay.
    QTRY_VERIFY(session.msUntilNextAttempt() > 0);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(session.nextAttemptAt() > now);
    QVERIFY(session.nextAttemptAt() <= now.addMSecs(session.lastReconnectDelay() + 50));

    // Let the wait become long, bring the server back: retryNow() does not wait for it.
    session.setReconnectDelays(600000, 600000);
    QTRY_VERIFY_WITH_TIMEOUT(session.msUntilNextAttempt() > 60000, 10000);
    QVERIFY(m_server->start());
    QSignalSpy synced(alice.get(), &ClientController::synced);
    session.retryNow();
    QVERIFY(synced.wait(10000));
    QCOMPARE(session.state(), ClientSession::State::Online);
    QCOMPARE(session.msUntilNextAttempt(), -1);
}

namespace {

MessageId deleteAs(TestUser &user, RoomId room, MessageId message)
{
    DeleteMessageRequest request;
    request.roomId = room;
    request.messageId = message;
    const auto reply = user.call(request);
    return reply.ok() ? reply.value->message.id : MessageId();
}

int unread(ClientController &c) { return c.conversations()->index(0).data(ConversationListModel::UnreadRole).toInt(); }
int mentionCount(ClientController &c) { return c.conversations()->index(0).data(ConversationListModel::MentionRole).toInt(); }

} // namespace

void TestClientConnection::deletingAnUnreadMessageDropsTheCountsAtOnce()
{
    // Sent before alice's first login: counted by rooms.list, but not in her cache.
    const auto early = bob->send(m_room, QStringLiteral("before you came @alice"));
    QVERIFY(early.ok());
    auto alice = makeController();
    QAbstractItemModelTester tester(alice->conversations(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(login(*alice, QStringLiteral("alice")));
    QCOMPARE(unread(*alice), 1);
    QCOMPARE(mentionCount(*alice), 1);
    QSignalSpy unreadChanged(alice->conversations(), &ConversationListModel::unreadChanged);

    const auto plain = bob->send(m_room, QStringLiteral("plain"));
    const auto mention = bob->send(m_room, QStringLiteral("hey @alice"));
    QVERIFY(plain.ok() && mention.ok());
    QTRY_COMPARE(unread(*alice), 3);
    QCOMPARE(mentionCount(*alice), 2);

    QSignalSpy entries(&alice->session(), &ClientSession::messageReceived);
    QVERIFY(deleteAs(*bob, m_room, mention.value->message.id).isValid());
    QTRY_COMPARE(unread(*alice), 2); // the mention went with it
    QCOMPARE(mentionCount(*alice), 1);
    QVERIFY(deleteAs(*bob, m_room, plain.value->message.id).isValid());
    QTRY_COMPARE(unread(*alice), 1);
    QCOMPARE(mentionCount(*alice), 1);
    QCOMPARE(alice->conversations()->totalUnread(), 1);
    // A target this device never received: the counts are asked for, not guessed.
    QVERIFY(deleteAs(*bob, m_room, early.value->message.id).isValid());
    QTRY_COMPARE(unread(*alice), 0);
    QCOMPARE(mentionCount(*alice), 0);
    QCOMPARE(entries.count(), 3);
    QCOMPARE(unreadChanged.last().at(0).toInt(), 0);

    // A message already read stays read: deleting it changes no counter.
    const auto read = bob->send(m_room, QStringLiteral("seen"));
    QTRY_COMPARE(unread(*alice), 1);
    alice->setCurrentRoom(m_room);
    alice->setCurrentRoom(RoomId());
    QCOMPARE(unread(*alice), 0);
    const auto fresh = bob->send(m_room, QStringLiteral("new @alice"));
    QTRY_COMPARE(unread(*alice), 1);
    entries.clear();
    QVERIFY(deleteAs(*bob, m_room, read.value->message.id).isValid());
    QTRY_COMPARE(entries.count(), 1);
    QCOMPARE(entries.at(0).at(0).value<Message>().kind, timeline::deleted);
    QCOMPARE(unread(*alice), 1);
    QCOMPARE(mentionCount(*alice), 1);
    // Deleting one's own message never touches the counters either.
    entries.clear();
    const MessageId own = [&] {
        std::optional<Reply<SendReply>> r;
        alice->session().sendMessage(m_room, QStringLiteral("mine"), [&r](const auto &x) { r = x; });
        return QTest::qWaitFor([&] { return r.has_value(); }, 10000) && r->ok() ? r->value->message.id : MessageId();
    }();
    QVERIFY(own.isValid());
    std::optional<std::optional<ProtocolError>> deleted;
    alice->deleteMessage(m_room, own, [&deleted](const auto &e) { deleted = e; });
    QTRY_VERIFY(deleted.has_value());
    QVERIFY(!deleted->has_value());
    QCOMPARE(unread(*alice), 1);
    QCOMPARE(mentionCount(*alice), 1);
}

void TestClientConnection::deletionsWhileAwayAreCountedOnceOnResume()
{
    auto alice = makeController();
    QVERIFY(login(*alice, QStringLiteral("alice")));
    const auto a = bob->send(m_room, QStringLiteral("a @alice"));
    const auto b = bob->send(m_room, QStringLiteral("b"));
    QVERIFY(a.ok() && b.ok());
    QTRY_COMPARE(unread(*alice), 2);
    alice->session().disconnectFromServer();
    QVERIFY(deleteAs(*bob, m_room, a.value->message.id).isValid());
    QSignalSpy synced(alice.get(), &ClientController::synced);
    alice->session().reconnectNow();
    QVERIFY(synced.wait(10000));
    QTest::qWait(100); // anything queued after the sync would show here
    QCOMPARE(unread(*alice), 1); // from rooms.list; the synced deletion is not taken off twice
    QCOMPARE(mentionCount(*alice), 0);
}

namespace {

/// Writes `size` bytes of a fixed pattern to `path`; returns their SHA-256 (hex).
QString writeFile(const QString &path, int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        bytes[i] = char((qint64(i) * 7919 + i / 4093) % 251);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != size)
        return QString();
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

void TestClientConnection::uploadSurvivesQuitAndIsSentOnceInOrder()
{
    QTemporaryDir files;
    const QString path = files.filePath(QStringLiteral("holiday.bin"));
    constexpr int size = 6 * 1024 * 1024;
    const QString sha = writeFile(path, size);
    QVERIFY(!sha.isEmpty());
    QString clientMsgId;
    qint64 storedAtQuit = 0;
    {
        auto alice = makeController();
        QVERIFY(login(*alice, QStringLiteral("alice")));
        // Quit mid-upload: the connection goes the moment a first part is on the server.
        connect(&alice->pendingUploads(), &PendingUploads::progress, this,
                [&alice, &storedAtQuit](const QString &, qint64 stored, qint64 total) {
                    if (stored > 0 && stored < total && storedAtQuit == 0) {
                        storedAtQuit = stored;
                        alice->session().disconnectFromServer();
                    }
                });
        clientMsgId = alice->sendMessageWithFiles(m_room, QStringLiteral("the photos"), {path});
        QVERIFY(!clientMsgId.isEmpty());
        alice->sendMessage(m_room, QStringLiteral("after the photos")); // must not overtake it
        TimelineModel *t = alice->timeline(m_room);
        QCOMPARE(t->rowCount(), 2); // both show at once
        QCOMPARE(t->index(0).data(TimelineModel::PendingAttachmentsRole).toInt(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(storedAtQuit > 0, 20000);
        QCOMPARE(alice->outbox().size(), 2);
        // The row shows how far its file got; the plain message after it has none.
        QCOMPARE(t->index(0).data(TimelineModel::UploadProgressRole).toInt(), int(storedAtQuit * 100 / size));
        QCOMPARE(t->index(1).data(TimelineModel::UploadProgressRole).toInt(), -1);
    } // the client quits
    QVERIFY(storedAtQuit < size);
    QTest::qWait(50);
    QCOMPARE(bob->messages.size(), 0); // nothing was sent

    auto alice = makeController();
    QVERIFY(alice->openAccount(QStringLiteral("alice")));
    QCOMPARE(alice->outbox().size(), 2); // the message and its file are still there
    QCOMPARE(alice->pendingUploads().count(), 1);
    QCOMPARE(alice->timeline(m_room)->rowCount(), 2);
    QSignalSpy progress(&alice->pendingUploads(), &PendingUploads::progress);
    QVERIFY(login(*alice, QStringLiteral("alice")));
    QVERIFY(bob->waitMessages(2, 30000));
    // It resumed where the server stood instead of starting over.
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.first().at(0).toString(), clientMsgId);
    QVERIFY2(progress.first().at(1).toLongLong() > 0, "the upload started again from 0");
    QCOMPARE(bob->messages.at(0).body, QStringLiteral("the photos"));
    QCOMPARE(bob->messages.at(0).clientMsgId, clientMsgId);
    QCOMPARE(bob->messages.at(0).attachments.size(), 1);
    const Attachment got = bob->messages.at(0).attachments.first();
    QCOMPARE(got.name, QStringLiteral("holiday.bin"));
    QCOMPARE(got.size, qint64(size));
    QCOMPARE(got.sha256, sha); // the server checked the bytes against it at finish
    QCOMPARE(bob->messages.at(1).body, QStringLiteral("after the photos"));
    QTRY_COMPARE(alice->outbox().size(), 0);
    QCOMPARE(alice->pendingUploads().count(), 0);
    QTest::qWait(200);
    QCOMPARE(bob->messages.size(), 2); // exactly once

    // The bytes themselves, downloaded again.
    QObject owner;
    const QString copy = files.filePath(QStringLiteral("copy.bin"));
    AttachmentDownloader *down = alice->downloadAttachment(got, copy, &owner);
    QSignalSpy finished(down, &AttachmentDownloader::finished);
    QSignalSpy failed(down, &AttachmentDownloader::failed);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() > 0, 30000);
    QCOMPARE(failed.count(), 0);
    QFile f(copy);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex()), sha);

    // A third start finds nothing left to do.
    alice.reset();
    alice = makeController();
    QVERIFY(alice->openAccount(QStringLiteral("alice")));
    QCOMPARE(alice->outbox().size(), 0);
    QCOMPARE(alice->pendingUploads().count(), 0);
}

void TestClientConnection::uploadProgressCoversEveryFileOfTheMessage()
{
    QTemporaryDir files;
    const QString first = files.filePath(QStringLiteral("first.bin"));
    const QString second = files.filePath(QStringLiteral("second.bin"));
    constexpr int firstSize = 1536 * 1024, secondSize = 600 * 1024;
    QVERIFY(!writeFile(first, firstSize).isEmpty());
    QVERIFY(!writeFile(second, secondSize).isEmpty());
    auto alice = makeController();
    QVERIFY(login(*alice, QStringLiteral("alice")));
    TimelineModel *t = alice->timeline(m_room);
    QAbstractItemModelTester tester(t, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<int> shown; // the row's percentage at every change
    connect(t, &QAbstractItemModel::dataChanged, this,
            [&shown](const QModelIndex &from, const QModelIndex &, const QList<int> &roles) {
                if (roles.contains(TimelineModel::UploadProgressRole))
                    shown.append(from.data(TimelineModel::UploadProgressRole).toInt());
            });
    QSignalSpy progress(&alice->pendingUploads(), &PendingUploads::progress);
    const QString id = alice->sendMessageWithFiles(m_room, QStringLiteral("two files"), {first, second});
    QVERIFY(!id.isEmpty());
    QCOMPARE(t->index(0).data(TimelineModel::UploadProgressRole).toInt(), -1); // nothing reported yet
    QVERIFY(bob->waitMessages(1, 30000));
    QCOMPARE(bob->messages.first().attachments.size(), 2);
    // One figure for the whole message, over both files, never going back.
    QVERIFY(progress.count() >= 2);
    qint64 last = 0;
    for (const QList<QVariant> &report : std::as_const(progress)) {
        QCOMPARE(report.at(0).toString(), id);
        QCOMPARE(report.at(2).toLongLong(), qint64(firstSize + secondSize));
        QVERIFY(report.at(1).toLongLong() >= last);
        last = report.at(1).toLongLong();
    }
    QCOMPARE(last, qint64(firstSize + secondSize));
    // The first file alone is 71 % of the bytes: the row passed through it on the way to 100.
    QStringList seen;
    for (int p : std::as_const(shown))
        seen << QString::number(p);
    QVERIFY2(std::any_of(shown.cbegin(), shown.cend(), [](int p) { return p >= 70 && p < 100; }),
             qPrintable(seen.join(u' ')));
    QVERIFY(std::is_sorted(shown.cbegin(), shown.cend()));
    QTRY_COMPARE(alice->outbox().size(), 0);
    QCOMPARE(t->rowCount(), 1); // the pending row became the stored message
    QCOMPARE(t->index(0).data(TimelineModel::UploadProgressRole).toInt(), -1);
}

void TestClientConnection::fileGoneBeforeRestartFailsTheMessageClearly()
{
    QTemporaryDir files;
    const QString gone = files.filePath(QStringLiteral("gone.txt"));
    QVERIFY(!writeFile(gone, 1000).isEmpty());
    QString clientMsgId;
    {
        auto alice = makeController();
        QVERIFY(alice->openAccount(QStringLiteral("alice"))); // offline: written, not uploaded
        QString error;
        QVERIFY(alice->sendMessageWithFiles(m_room, QStringLiteral("x"), {files.filePath(QStringLiteral("nope"))},
                                            MessageId(), &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("nope")));
        QCOMPARE(alice->outbox().size(), 0);
        clientMsgId = alice->sendMessageWithFiles(m_room, QStringLiteral("see attached"), {gone});
        QVERIFY(!clientMsgId.isEmpty());
        alice->sendMessage(m_room, QStringLiteral("and this"));
    }
    QVERIFY(QFile::remove(gone));
    auto alice = makeController();
    QVERIFY(alice->openAccount(QStringLiteral("alice")));
    QVERIFY(login(*alice, QStringLiteral("alice")));
    QTRY_VERIFY(alice->outbox().find(clientMsgId) && alice->outbox().find(clientMsgId)->failed);
    const QString why = alice->outbox().find(clientMsgId)->error;
    QVERIFY2(why.contains(QStringLiteral("no longer there")) && why.contains(QStringLiteral("gone.txt")), qPrintable(why));
    QVERIFY(bob->waitMessages(1)); // the next message is not held back by the failed one
    QCOMPARE(bob->messages.at(0).body, QStringLiteral("and this"));
    QCOMPARE(alice->outbox().size(), 1);
    TimelineModel *t = alice->timeline(m_room);
    const int row = t->rowForClientMsgId(clientMsgId);
    QVERIFY(row >= 0);
    QCOMPARE(TimelineModel::Delivery(t->index(row).data(TimelineModel::DeliveryRole).toInt()),
             TimelineModel::Delivery::Failed);
    alice->discardMessage(clientMsgId);
    QCOMPARE(alice->outbox().size(), 0);
    QCOMPARE(alice->pendingUploads().count(), 0);
    QCOMPARE(bob->messages.size(), 1);
}

void TestClientConnection::filesLostFromTheCacheFailTheMessageWithoutBlocking()
{
    QTemporaryDir files;
    const QString file = files.filePath(QStringLiteral("f.bin"));
    QVERIFY(!writeFile(file, 1000).isEmpty());
    QString clientMsgId;
    {
        auto alice = makeController();
        QVERIFY(alice->openAccount(QStringLiteral("alice"))); // offline: written, not uploaded
        clientMsgId = alice->sendMessageWithFiles(m_room, QStringLiteral("with a file"), {file});
        QVERIFY(!clientMsgId.isEmpty());
        alice->sendMessage(m_room, QStringLiteral("after it"));
    }
    // The entry still waits for its file, but the cache no longer knows the file.
    QDirIterator caches(m_cacheRoot->path(), {QStringLiteral("*.sqlite")}, QDir::Files, QDirIterator::Subdirectories);
    QVERIFY(caches.hasNext());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("edit"));
        db.setDatabaseName(caches.next());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("DELETE FROM pending_uploads")));
        QVERIFY(q.numRowsAffected() == 1);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("edit"));
    auto alice = makeController();
    QVERIFY(alice->openAccount(QStringLiteral("alice")));
    QVERIFY(login(*alice, QStringLiteral("alice")));
    QTRY_VERIFY(alice->outbox().find(clientMsgId) && alice->outbox().find(clientMsgId)->failed);
    QVERIFY(alice->outbox().find(clientMsgId)->error.contains(QStringLiteral("lost")));
    QVERIFY(bob->waitMessages(1)); // the next message is not held back
    QCOMPARE(bob->messages.at(0).body, QStringLiteral("after it"));
}

void TestClientConnection::cacheRecordsMigrationsAndKeepsPendingUploads()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    auto recorded = [&path] {
        QList<int> versions;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
            db.setDatabaseName(path);
            if (db.open()) {
                QSqlQuery q(db);
                q.exec(QStringLiteral("SELECT version FROM cache_migrations ORDER BY version"));
                while (q.next())
                    versions.append(q.value(0).toInt());
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
        return versions;
    };
    OutboxEntry entry;
    entry.clientMsgId = QStringLiteral("m1");
    entry.roomId = m_room;
    entry.body = QStringLiteral("with files");
    entry.waitingFiles = 2;
    {
        LocalCache cache;
        QString error;
        QVERIFY2(cache.open(path, &error), qPrintable(error));
        QCOMPARE(cache.schemaVersion(), LocalCache::latestSchemaVersion());
        PendingUpload second;
        second.clientMsgId = QStringLiteral("m1");
        second.position = 1;
        second.path = second.name = QStringLiteral("b.bin");
        second.mimeType = QStringLiteral("application/octet-stream");
        second.size = 20;
        second.sha256 = QString(64, u'b');
        PendingUpload first = second;
        first.position = 0;
        first.path = first.name = QStringLiteral("a.bin");
        cache.addOutbox(entry, {second, first});
        cache.setUploadProgress(QStringLiteral("m1"), 0, QString(32, u'f'), 7);
        cache.setUploadFinished(QStringLiteral("m1"), 1, AttachmentId(9));
    }
    // What was applied is recorded one by one (numbers may have gaps: branches reserve them).
    QCOMPARE(recorded(), QList<int>({1, 2, 3, 4, 5}));
    {
        LocalCache cache;
        QVERIFY(cache.open(path));
        QCOMPARE(cache.outbox().size(), 1);
        QCOMPARE(cache.outbox().first().waitingFiles, 2);
        const QList<PendingUpload> uploads = cache.pendingUploads();
        QCOMPARE(uploads.size(), 2);
        QCOMPARE(uploads.at(0).path, QStringLiteral("a.bin")); // by position
        QCOMPARE(uploads.at(0).uploadId, QString(32, u'f'));
        QCOMPARE(uploads.at(0).stored, 7);
        QVERIFY(!uploads.at(0).attachmentId.isValid());
        QCOMPARE(uploads.at(1).attachmentId, AttachmentId(9));
        QCOMPARE(uploads.at(1).stored, 20);
        cache.completeUploads(QStringLiteral("m1"), {AttachmentId(8), AttachmentId(9)});
        QCOMPARE(cache.pendingUploads().size(), 0);
        QCOMPARE(cache.outbox().first().waitingFiles, 0);
        QCOMPARE(cache.outbox().first().attachmentIds, QList<AttachmentId>({AttachmentId(8), AttachmentId(9)}));
        OutboxEntry other = entry;
        other.clientMsgId = QStringLiteral("m2");
        PendingUpload file;
        file.clientMsgId = other.clientMsgId;
        file.path = QStringLiteral("c");
        cache.addOutbox(other, {file});
        cache.removeOutbox(QStringLiteral("m2")); // discarding takes its files along
        QCOMPARE(cache.pendingUploads().size(), 0);
    }
    {
        // A migration this build does not know (a newer client's) is refused, not ignored.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QVERIFY(QSqlQuery(db).exec(QStringLiteral("INSERT INTO cache_migrations(version) VALUES(999)")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("newer"));
    LocalCache cache;
    QString error;
    QVERIFY(!cache.open(path, &error));
    QVERIFY2(error.contains(QStringLiteral("newer")), qPrintable(error));
}

void TestClientConnection::administratorsActionsEndTheSessionWithoutReconnecting_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<ErrorCode>("code");
    QTest::newRow("disable") << QStringLiteral("disable") << ErrorCode::AccountDisabled;
    QTest::newRow("reset-password") << QStringLiteral("reset-password") << ErrorCode::SessionRevoked;
}

void TestClientConnection::administratorsActionsEndTheSessionWithoutReconnecting()
{
    QFETCH(QString, command);
    QFETCH(ErrorCode, code);
    auto alice = makeController();
    QVERIFY(login(*alice, QStringLiteral("alice")));
    QSignalSpy invalid(&alice->session(), &ClientSession::sessionInvalid);
    QSignalSpy scheduled(&alice->session(), &ClientSession::reconnectScheduled);

    // natterd's own command line, run beside the server on the same database (as an
    // administrator's shell would): the server notices and closes alice's connection.
    server::ServerConfig config;
    server::AdminRequest request;
    QString error;
    bool exitNow = false;
    QVERIFY2(server::parseCommandLine({QStringLiteral("natterd"), QStringLiteral("--database"), m_server->databasePath(),
                                       QStringLiteral("user"), command, QStringLiteral("alice")},
                                      &config, &request, &error, &exitNow),
             qPrintable(error));
    QString out, err, in;
    QTextStream inStream(&in), outStream(&out), errStream(&err);
    QCOMPARE(server::runAdminCommand(config, request, inStream, outStream, errStream), 0);

    QTRY_COMPARE_WITH_TIMEOUT(invalid.count(), 1, 10000);
    QCOMPARE(invalid.at(0).at(0).value<ProtocolError>().code, code);
    QCOMPARE(alice->session().state(), ClientSession::State::Offline);
    QTest::qWait(500); // well past the 20 ms first reconnect delay
    QCOMPARE(scheduled.count(), 0);
    QCOMPARE(alice->session().state(), ClientSession::State::Offline);
}

QTEST_MAIN(TestClientConnection)
#include "tst_clientconnection.moc"
