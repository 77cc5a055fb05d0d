// Attachments through real sockets: upload and download round-trips with SHA-256 checks (one
// byte, several chunks, exactly the size limit), refusals that leave nothing stored (oversize,
// wrong hash, out-of-order and unknown chunks), resume after a dropped connection, who may
// fetch (members within their readable window only), thumbnails, and storage by content hash.
#include "../support/rawclient.h"
#include "../support/testcontent.h"
#include "../support/testserver.h"
#include "../support/testuser.h"

#include "core/attachmenttransfer.h"
#include "protocol/binaryframes.h"
#include "storage/repositories.h"
#include "storage/storage.h"

#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

using namespace natter;
using namespace natter::test;

namespace {

constexpr qint64 sizeLimit = 700 * 1024; ///< the test server's --max-attachment-bytes

} // namespace

class TestAttachments : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void roundTripWithHashCheck_data();
    void roundTripWithHashCheck();
    void oversizeIsRefused();
    void wrongHashStoresNothing();
    void chunksMustContinueTheUpload();
    void resumeAfterConnectionDrops();
    void resumeOnTheReconnectedSession();
    void onlyMembersCanFetch();
    void leaverCannotFetchLaterAttachments();
    void attachingIsCheckedAtSend();
    void thumbnailsForImagesOnly();
    void identicalContentIsStoredOnce();
    void detachingAMessageRemovesUnreferencedFiles();
    void deletingAMessageDeletesItsFiles();
    void idleUploadsAndUnsentFilesExpire();
    void chunksDoNotSpendRateLimitTokens();
    void downloadResumesFromPartialFile();
    void binaryFramesAreCheckedLikeRequests();

private:
    std::optional<Attachment> upload(TestUser &user, RoomId room, const QByteArray &content,
                                     const QString &name, const QString &mime, ProtocolError *error = nullptr);
    std::optional<QByteArray> download(TestUser &user, const Attachment &a, bool thumbnail = false,
                                       ProtocolError *error = nullptr);
    Message sendWith(TestUser &user, RoomId room, const QList<AttachmentId> &ids);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_files;
    std::unique_ptr<TestUser> alice, bob, carol;
    RoomId m_direct;
    int m_counter = 0;
};

void TestAttachments::init()
{
    m_server = std::make_unique<TestServer>([](server::ServerConfig &c) { c.maxAttachmentBytes = sizeLimit; });
    QVERIFY(m_server->start());
    m_files = std::make_unique<QTemporaryDir>();
    alice = std::make_unique<TestUser>(m_server->url());
    bob = std::make_unique<TestUser>(m_server->url());
    carol = std::make_unique<TestUser>(m_server->url());
    QVERIFY(alice->signup(QStringLiteral("alice")).ok());
    QVERIFY(bob->signup(QStringLiteral("bob")).ok());
    QVERIFY(carol->signup(QStringLiteral("carol")).ok());
    m_direct = makeFriends(*alice, *bob);
    QVERIFY(m_direct.isValid());
}

void TestAttachments::cleanup()
{
    alice.reset();
    bob.reset();
    carol.reset();
    m_server.reset();
    m_files.reset();
}

std::optional<Attachment> TestAttachments::upload(TestUser &user, RoomId room, const QByteArray &content,
                                                  const QString &name, const QString &mime, ProtocolError *error)
{
    const QString path = m_files->filePath(QStringLiteral("up-%1").arg(++m_counter));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        return std::nullopt;
    f.close();
    client::AttachmentUploader uploader(user.session.connection());
    std::optional<Attachment> done;
    std::optional<ProtocolError> failed;
    connect(&uploader, &client::AttachmentUploader::finished, this, [&](const Attachment &a) { done = a; });
    connect(&uploader, &client::AttachmentUploader::failed, this, [&](const ProtocolError &e) { failed = e; });
    uploader.start(path, room, mime, name);
    (void)QTest::qWaitFor([&] { return done || failed; }, 20000);
    if (failed && error)
        *error = *failed;
    return done;
}

std::optional<QByteArray> TestAttachments::download(TestUser &user, const Attachment &a, bool thumbnail,
                                                    ProtocolError *error)
{
    const QString path = m_files->filePath(QStringLiteral("down-%1").arg(++m_counter));
    client::AttachmentDownloader downloader(user.session.connection());
    std::optional<QString> done;
    std::optional<ProtocolError> failed;
    connect(&downloader, &client::AttachmentDownloader::finished, this, [&](const QString &p) { done = p; });
    connect(&downloader, &client::AttachmentDownloader::failed, this, [&](const ProtocolError &e) { failed = e; });
    downloader.start(a.id, path, thumbnail ? QString() : a.sha256, thumbnail);
    (void)QTest::qWaitFor([&] { return done || failed; }, 20000);
    if (failed && error)
        *error = *failed;
    if (!done)
        return std::nullopt;
    QFile f(*done);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    return f.readAll();
}

Message TestAttachments::sendWith(TestUser &user, RoomId room, const QList<AttachmentId> &ids)
{
    const auto sent = user.call(SendRequest{room, QStringLiteral("m-%1").arg(++m_counter), QString(), {}, ids});
    return sent.ok() ? sent.value->message : Message();
}

void TestAttachments::roundTripWithHashCheck_data()
{
    QTest::addColumn<qint64>("size");
    QTest::newRow("empty file") << qint64(0);
    QTest::newRow("one byte") << qint64(1);
    QTest::newRow("exactly one chunk") << qint64(256 * 1024);
    QTest::newRow("three chunks") << qint64(600 * 1024 + 17);
    QTest::newRow("exactly the limit") << sizeLimit;
}

void TestAttachments::roundTripWithHashCheck()
{
    QFETCH(qint64, size);
    const QByteArray content = randomBytes(size, quint32(size));
    ProtocolError error;
    const std::optional<Attachment> a = upload(*alice, m_direct, content, QStringLiteral("data.bin"),
                                               QStringLiteral("application/octet-stream"), &error);
    QVERIFY2(a, qPrintable(error.message));
    QCOMPARE(a->size, size);
    QCOMPARE(a->sha256, sha256Hex(content));
    QCOMPARE(a->name, QStringLiteral("data.bin"));
    QCOMPARE(a->thumbnail, false);
    const Message sent = sendWith(*alice, m_direct, {a->id});
    QCOMPARE(sent.attachments, QList<Attachment>{*a});
    // The recipient gets the metadata live and in history, and the very same bytes.
    QTRY_VERIFY(!bob->messages.isEmpty() && bob->messages.last().id == sent.id);
    QCOMPARE(bob->messages.last().attachments, QList<Attachment>{*a});
    const auto history = bob->call(HistoryRequest{m_direct, 0, 50});
    QCOMPARE(history.value->messages.last().attachments, QList<Attachment>{*a});
    const std::optional<QByteArray> back = download(*bob, *a, false, &error);
    QVERIFY2(back, qPrintable(error.message));
    QCOMPARE(sha256Hex(*back), a->sha256);
    QCOMPARE(*back, content);
}

void TestAttachments::oversizeIsRefused()
{
    const QByteArray content = randomBytes(sizeLimit + 1, 3);
    ProtocolError error;
    QVERIFY(!upload(*alice, m_direct, content, QStringLiteral("big.bin"), QStringLiteral("application/octet-stream"), &error));
    QCOMPARE(error.code, ErrorCode::TooLarge);
    QVERIFY(storedContents(m_server->dataDir()).isEmpty());
}

void TestAttachments::wrongHashStoresNothing()
{
    const QByteArray content = randomBytes(300 * 1024, 4);
    const auto begun = alice->call(UploadBeginRequest{m_direct, QStringLiteral("x.bin"), content.size(),
                                                      QStringLiteral("application/octet-stream"),
                                                      sha256Hex("something else")});
    QVERIFY(begun.ok());
    client::Connection &c = alice->session.connection();
    for (qint64 offset = 0; offset < content.size(); offset += 256 * 1024) {
        std::optional<client::Reply<UploadReply>> ack;
        c.sendChunk(begun.value->uploadId, offset, content.mid(offset, 256 * 1024), this, [&](const auto &r) { ack = r; });
        QTRY_VERIFY(ack.has_value());
        QVERIFY2(ack->ok(), qPrintable(ack->error.message));
    }
    const auto finished = alice->call(UploadFinishRequest{begun.value->uploadId});
    QCOMPARE(finished.error.code, ErrorCode::HashMismatch);
    // Nothing is stored or attachable, and the upload is gone.
    QVERIFY(storedContents(m_server->dataDir()).isEmpty());
    QTRY_VERIFY(QDir(m_server->dataDir() + QStringLiteral("/staging")).isEmpty());
    QCOMPARE(alice->call(UploadFinishRequest{begun.value->uploadId}).error.code, ErrorCode::UnknownUpload);
    QCOMPARE(alice->call(SendRequest{m_direct, QStringLiteral("w1"), QString(), {}, {AttachmentId(1)}}).error.code,
             ErrorCode::NotFound);
}

void TestAttachments::chunksMustContinueTheUpload()
{
    const QByteArray content = randomBytes(1000, 5);
    const auto begun = alice->call(UploadBeginRequest{m_direct, QStringLiteral("y.bin"), content.size(),
                                                      QStringLiteral("text/plain"), sha256Hex(content)});
    QVERIFY(begun.ok());
    QCOMPARE(begun.value->offset, 0);
    auto chunk = [&](TestUser &u, const QString &id, qint64 offset, const QByteArray &data) {
        std::optional<client::Reply<UploadReply>> ack;
        u.session.connection().sendChunk(id, offset, data, this, [&](const auto &r) { ack = r; });
        (void)QTest::qWaitFor([&] { return ack.has_value(); }, 5000);
        return ack ? *ack : client::Reply<UploadReply>{};
    };
    QCOMPARE(chunk(*alice, begun.value->uploadId, 10, content.mid(10)).error.code, ErrorCode::BadOffset);
    QCOMPARE(chunk(*alice, QStringLiteral("0123456789abcdef0123456789abcdef"), 0, content).error.code,
             ErrorCode::UnknownUpload);
    // Another user cannot feed someone else's upload.
    QCOMPARE(chunk(*bob, begun.value->uploadId, 0, content).error.code, ErrorCode::UnknownUpload);
    QCOMPARE(alice->call(UploadFinishRequest{begun.value->uploadId}).error.code, ErrorCode::Incomplete);
    QCOMPARE(chunk(*alice, begun.value->uploadId, 0, content.left(600)).value->offset, 600);
    QCOMPARE(chunk(*alice, begun.value->uploadId, 600, content.mid(600) + "x").error.code, ErrorCode::TooLarge);
    QCOMPARE(chunk(*alice, begun.value->uploadId, 600, content.mid(600)).value->offset, 1000);
    const auto done = alice->call(UploadFinishRequest{begun.value->uploadId});
    QVERIFY2(done.ok(), qPrintable(done.error.message));
    QCOMPARE(done.value->attachment.sha256, sha256Hex(content));
}

void TestAttachments::resumeAfterConnectionDrops()
{
    const QByteArray content = randomBytes(sizeLimit, 6);
    const QString path = m_files->filePath(QStringLiteral("resume.bin"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    // The upload breaks off when the connection drops part-way...
    client::AttachmentUploader first(alice->session.connection());
    std::optional<ProtocolError> failed;
    connect(&first, &client::AttachmentUploader::failed, this, [&](const ProtocolError &e) { failed = e; });
    connect(&first, &client::AttachmentUploader::progress, this, [&](qint64 stored, qint64) {
        if (stored >= 256 * 1024 && alice->session.connection().state() == client::Connection::State::Ready)
            alice->session.connection().close();
    });
    first.start(path, m_direct, QStringLiteral("application/octet-stream"));
    QTRY_VERIFY(failed.has_value());
    QCOMPARE(failed->code, ErrorCode::Unavailable);
    // ...and another connection of the same user continues where the server stands.
    TestUser again(m_server->url());
    QVERIFY(again.login(QStringLiteral("alice")).ok());
    client::AttachmentUploader second(again.session.connection());
    std::optional<qint64> resumedAt;
    std::optional<Attachment> done;
    connect(&second, &client::AttachmentUploader::progress, this, [&](qint64 stored, qint64) {
        if (!resumedAt)
            resumedAt = stored;
    });
    connect(&second, &client::AttachmentUploader::finished, this, [&](const Attachment &a) { done = a; });
    second.start(path, m_direct, QStringLiteral("application/octet-stream"));
    QTRY_VERIFY(done.has_value());
    QVERIFY2(*resumedAt >= 256 * 1024, qPrintable(QString::number(*resumedAt)));
    QCOMPARE(second.uploadId(), first.uploadId());
    QCOMPARE(done->sha256, sha256Hex(content));
    QVERIFY(sendWith(again, m_direct, {done->id}).id.isValid());
    QCOMPARE(*download(*bob, *done), content);
}

void TestAttachments::resumeOnTheReconnectedSession()
{
    const QByteArray content = randomBytes(sizeLimit, 19);
    const QString path = m_files->filePath(QStringLiteral("again.bin"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    client::AttachmentUploader uploader(alice->session.connection());
    std::optional<ProtocolError> failed;
    std::optional<Attachment> done;
    bool dropped = false;
    const int syncs = alice->syncCount();
    connect(&uploader, &client::AttachmentUploader::failed, this, [&](const ProtocolError &e) { failed = e; });
    connect(&uploader, &client::AttachmentUploader::finished, this, [&](const Attachment &a) { done = a; });
    connect(&uploader, &client::AttachmentUploader::progress, this, [&](qint64 stored, qint64) {
        if (stored >= 256 * 1024 && !dropped) {
            dropped = true;
            alice->session.connection().close();
        }
    });
    uploader.start(path, m_direct, QStringLiteral("application/octet-stream"));
    QTRY_VERIFY(failed.has_value());
    // The session reconnects and resumes by itself (perhaps already); the uploader then
    // continues on it.
    QVERIFY(alice->waitSyncedAfter(syncs));
    const qint64 before = uploader.stored();
    uploader.resume();
    QTRY_VERIFY(done.has_value());
    QVERIFY(before >= 256 * 1024);
    QCOMPARE(done->sha256, sha256Hex(content));
}

void TestAttachments::onlyMembersCanFetch()
{
    const QByteArray content = randomBytes(5000, 7);
    const std::optional<Attachment> a = upload(*alice, m_direct, content, QStringLiteral("p.bin"), QStringLiteral("application/pdf"));
    QVERIFY(a);
    // Before it is sent only the uploader may fetch it.
    ProtocolError error;
    QVERIFY(download(*alice, *a));
    QVERIFY(!download(*bob, *a, false, &error));
    QCOMPARE(error.code, ErrorCode::NotFound);
    QVERIFY(sendWith(*alice, m_direct, {a->id}).id.isValid());
    QVERIFY(download(*bob, *a));
    QVERIFY(!download(*carol, *a, false, &error));
    QCOMPARE(error.code, ErrorCode::NotFound);
    QCOMPARE(carol->call(FetchRequest{a->id, 0, 1024, false}).error.code, ErrorCode::NotFound);
    // A non-member cannot upload into the room either.
    QCOMPARE(carol->call(UploadBeginRequest{m_direct, QStringLiteral("c.bin"), 3, QStringLiteral("text/plain"),
                                            sha256Hex("abc")}).error.code,
             ErrorCode::Forbidden);
}

void TestAttachments::leaverCannotFetchLaterAttachments()
{
    const auto created = alice->call(CreateRoomRequest{QStringLiteral("Files"), QString(), false, HistoryVisibility::Shared, {bob->id()}});
    QVERIFY(created.ok());
    const RoomId room = created.value->room.id;
    QVERIFY(bob->call(JoinRoomRequest{room}).ok());
    const std::optional<Attachment> before = upload(*alice, room, randomBytes(2000, 8), QStringLiteral("a.bin"), QStringLiteral("application/octet-stream"));
    QVERIFY(before);
    QVERIFY(sendWith(*alice, room, {before->id}).id.isValid());
    QVERIFY(bob->call(LeaveRoomRequest{room}).ok());
    const std::optional<Attachment> after = upload(*alice, room, randomBytes(2000, 9), QStringLiteral("b.bin"), QStringLiteral("application/octet-stream"));
    QVERIFY(after);
    QVERIFY(sendWith(*alice, room, {after->id}).id.isValid());
    ProtocolError error;
    QVERIFY(download(*bob, *before)); // still within bob's readable window
    QVERIFY(!download(*bob, *after, false, &error));
    QCOMPARE(error.code, ErrorCode::NotFound);
}

void TestAttachments::attachingIsCheckedAtSend()
{
    const std::optional<Attachment> a = upload(*alice, m_direct, randomBytes(100, 10), QStringLiteral("q.bin"), QStringLiteral("application/octet-stream"));
    QVERIFY(a);
    // Only the uploader may attach it, only once.
    QCOMPARE(bob->call(SendRequest{m_direct, QStringLiteral("b1"), QStringLiteral("mine"), {}, {a->id}}).error.code,
             ErrorCode::NotFound);
    const Message sent = sendWith(*alice, m_direct, {a->id});
    QVERIFY(sent.id.isValid());
    QCOMPARE(alice->call(SendRequest{m_direct, QStringLiteral("a2"), QString(), {}, {a->id}}).error.code, ErrorCode::Conflict);
    // An idempotent resend returns the original with its attachments.
    const auto again = alice->call(SendRequest{m_direct, sent.clientMsgId, QString(), {}, {a->id}});
    QVERIFY(again.ok() && again.value->duplicate);
    QCOMPARE(again.value->message.attachments, QList<Attachment>{*a});
}

void TestAttachments::thumbnailsForImagesOnly()
{
    for (const char *format : {"PNG", "JPEG"}) {
        const QByteArray image = encodedImage(format, 800, 500);
        QVERIFY(!image.isEmpty());
        const std::optional<Attachment> a = upload(*alice, m_direct, image, QStringLiteral("pic"),
                                                   QStringLiteral("image/%1").arg(QString::fromLatin1(format).toLower()));
        QVERIFY(a);
        QCOMPARE(a->width, 800);
        QCOMPARE(a->height, 500);
        QVERIFY2(a->thumbnail, format);
        QVERIFY(sendWith(*alice, m_direct, {a->id}).id.isValid());
        const std::optional<QByteArray> thumb = download(*bob, *a, true);
        QVERIFY(thumb);
        const QImage decoded = QImage::fromData(*thumb, "JPEG");
        QVERIFY2(!decoded.isNull(), format);
        QCOMPARE(decoded.width(), 320);
        QCOMPARE(decoded.height(), 200);
    }
    // A file that only claims to be an image gets no thumbnail.
    const std::optional<Attachment> fake = upload(*alice, m_direct, randomBytes(4000, 11), QStringLiteral("fake.png"),
                                                  QStringLiteral("image/png"));
    QVERIFY(fake);
    QCOMPARE(fake->thumbnail, false);
    QCOMPARE(fake->width, 0);
    QVERIFY(sendWith(*alice, m_direct, {fake->id}).id.isValid());
    QCOMPARE(bob->call(FetchRequest{fake->id, 0, 1024, true}).error.code, ErrorCode::NotFound);
}

void TestAttachments::identicalContentIsStoredOnce()
{
    const QByteArray content = randomBytes(300 * 1024, 12);
    const std::optional<Attachment> one = upload(*alice, m_direct, content, QStringLiteral("one.bin"), QStringLiteral("application/octet-stream"));
    const std::optional<Attachment> two = upload(*bob, m_direct, content, QStringLiteral("two.bin"), QStringLiteral("application/octet-stream"));
    QVERIFY(one && two);
    QVERIFY(one->id != two->id);
    QCOMPARE(one->sha256, two->sha256);
    QCOMPARE(storedContents(m_server->dataDir()), QStringList{one->sha256});
    QVERIFY(sendWith(*bob, m_direct, {two->id}).id.isValid());
    QCOMPARE(*download(*alice, *two), content);
}

void TestAttachments::detachingAMessageRemovesUnreferencedFiles()
{
    const QByteArray content = randomBytes(3000, 13);
    const std::optional<Attachment> one = upload(*alice, m_direct, content, QStringLiteral("1.bin"), QStringLiteral("application/octet-stream"));
    const std::optional<Attachment> two = upload(*alice, m_direct, content, QStringLiteral("2.bin"), QStringLiteral("application/octet-stream"));
    QVERIFY(one && two);
    const Message first = sendWith(*alice, m_direct, {one->id});
    const Message second = sendWith(*alice, m_direct, {two->id});
    QVERIFY(first.id.isValid() && second.id.isValid());
    // What message deletion calls inside its write job.
    auto detach = [this](MessageId id) {
        std::optional<int> removed;
        m_server->server().storage().write<int>(
            this, [id](server::Repositories &r) { return r.attachments.detachMessage(id); },
            [&removed](const server::StorageResult<int> &result) { removed = result.value.value_or(-1); });
        (void)QTest::qWaitFor([&] { return removed.has_value(); }, 5000);
        return removed.value_or(-2);
    };
    QCOMPARE(detach(first.id), 0); // the second message still refers to the content
    QCOMPARE(storedContents(m_server->dataDir()), QStringList{one->sha256});
    QCOMPARE(detach(second.id), 1);
    QVERIFY(storedContents(m_server->dataDir()).isEmpty());
    ProtocolError error;
    QVERIFY(!download(*bob, *two, false, &error));
    QCOMPARE(error.code, ErrorCode::NotFound);
    const auto history = bob->call(HistoryRequest{m_direct, 0, 50});
    QVERIFY(history.value->messages.last().attachments.isEmpty());
}

void TestAttachments::deletingAMessageDeletesItsFiles()
{
    const QByteArray content = randomBytes(4000, 21);
    const std::optional<Attachment> a = upload(*alice, m_direct, content, QStringLiteral("gone.bin"),
                                               QStringLiteral("application/octet-stream"));
    QVERIFY(a);
    const Message sent = sendWith(*alice, m_direct, {a->id});
    QVERIFY(download(*bob, *a));
    QVERIFY(alice->call(DeleteMessageRequest{m_direct, sent.id}).ok());
    ProtocolError error;
    QVERIFY(!download(*bob, *a, false, &error));
    QCOMPARE(error.code, ErrorCode::NotFound);
    QVERIFY(!storedContents(m_server->dataDir()).contains(a->sha256));
}

void TestAttachments::idleUploadsAndUnsentFilesExpire()
{
    TestServer expiring([](server::ServerConfig &c) { c.uploadExpiryMs = 1; });
    QVERIFY(expiring.start());
    TestUser dora(expiring.url()), ed(expiring.url());
    QVERIFY(dora.signup(QStringLiteral("dora")).ok());
    QVERIFY(ed.signup(QStringLiteral("eddie")).ok());
    const RoomId room = makeFriends(dora, ed);
    const QByteArray kept = randomBytes(1000, 14);
    const QByteArray unsent = randomBytes(1000, 15);
    const std::optional<Attachment> sent = upload(dora, room, kept, QStringLiteral("k.bin"), QStringLiteral("application/octet-stream"));
    const std::optional<Attachment> idle = upload(dora, room, unsent, QStringLiteral("u.bin"), QStringLiteral("application/octet-stream"));
    QVERIFY(sent && idle);
    QVERIFY(sendWith(dora, room, {sent->id}).id.isValid());
    const auto begun = dora.call(UploadBeginRequest{room, QStringLiteral("half.bin"), 1000, QStringLiteral("text/plain"),
                                                    sha256Hex(kept)});
    QVERIFY(begun.ok());
    std::optional<client::Reply<UploadReply>> ack;
    dora.session.connection().sendChunk(begun.value->uploadId, 0, kept.left(500), this, [&](const auto &r) { ack = r; });
    QTRY_VERIFY(ack.has_value() && ack->ok());
    QTest::qWait(5);
    expiring.server().runMaintenance();
    // The idle upload is gone with its staged bytes; the unsent attachment and its content too.
    QTRY_VERIFY(QDir(expiring.dataDir() + QStringLiteral("/staging")).isEmpty());
    ack.reset();
    dora.session.connection().sendChunk(begun.value->uploadId, 500, kept.mid(500), this, [&](const auto &r) { ack = r; });
    QTRY_VERIFY(ack.has_value());
    QCOMPARE(ack->error.code, ErrorCode::UnknownUpload);
    QTRY_COMPARE(storedContents(expiring.dataDir()), QStringList{sent->sha256});
    QCOMPARE(dora.call(FetchRequest{idle->id, 0, 1024, false}).error.code, ErrorCode::NotFound);
    QCOMPARE(ed.call(FetchRequest{sent->id, 0, 1024, false}).value->data, kept);
}

void TestAttachments::chunksDoNotSpendRateLimitTokens()
{
    // A bucket of 20 requests that barely refills: a 6 MiB upload is 24 chunks.
    TestServer tight([](server::ServerConfig &c) {
        c.requestBurst = 20;
        c.requestsPerSecond = 0.1;
        c.maxAttachmentBytes = 6 * 1024 * 1024;
    });
    QVERIFY(tight.start());
    TestUser fay(tight.url());
    QVERIFY(fay.signup(QStringLiteral("fay")).ok());
    const auto created = fay.call(CreateRoomRequest{QStringLiteral("Big"), QString(), false, HistoryVisibility::Shared, {}});
    QVERIFY(created.ok());
    const QByteArray content = randomBytes(6 * 1024 * 1024, 16);
    ProtocolError error;
    const std::optional<Attachment> a = upload(fay, created.value->room.id, content, QStringLiteral("big.bin"),
                                               QStringLiteral("application/octet-stream"), &error);
    QVERIFY2(a, qPrintable(error.message));
    QCOMPARE(a->sha256, sha256Hex(content));
}

void TestAttachments::downloadResumesFromPartialFile()
{
    const QByteArray content = randomBytes(sizeLimit, 17);
    const std::optional<Attachment> a = upload(*alice, m_direct, content, QStringLiteral("r.bin"), QStringLiteral("application/octet-stream"));
    QVERIFY(a);
    QVERIFY(sendWith(*alice, m_direct, {a->id}).id.isValid());
    auto fetchTo = [&](const QString &path, const QByteArray &partial, qint64 *firstProgress) {
        QFile part(path + QStringLiteral(".part"));
        if (!part.open(QIODevice::WriteOnly) || part.write(partial) != partial.size())
            return std::optional<ProtocolError>(ProtocolError{});
        part.close();
        client::AttachmentDownloader downloader(bob->session.connection());
        std::optional<ProtocolError> failed;
        bool done = false;
        connect(&downloader, &client::AttachmentDownloader::progress, this, [&](qint64 received, qint64) {
            if (*firstProgress < 0)
                *firstProgress = received;
        });
        connect(&downloader, &client::AttachmentDownloader::finished, this, [&] { done = true; });
        connect(&downloader, &client::AttachmentDownloader::failed, this, [&](const ProtocolError &e) { failed = e; });
        downloader.start(a->id, path, a->sha256);
        (void)QTest::qWaitFor([&] { return done || failed; }, 20000);
        return failed;
    };
    // An interrupted download continues after the bytes it already has.
    const QString path = m_files->filePath(QStringLiteral("resumed.bin"));
    qint64 first = -1;
    QVERIFY(!fetchTo(path, content.left(300 * 1024), &first));
    QCOMPARE(first, 300 * 1024 + 256 * 1024); // the first answer continued at 300 KiB
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), content);
    QVERIFY(!QFileInfo::exists(path + QStringLiteral(".part")));
    // A partial file with wrong bytes fails the hash check and is removed.
    const QString bad = m_files->filePath(QStringLiteral("bad.bin"));
    first = -1;
    const std::optional<ProtocolError> failed = fetchTo(bad, randomBytes(1000, 18), &first);
    QVERIFY(failed);
    QCOMPARE(failed->code, ErrorCode::HashMismatch);
    QVERIFY(!QFileInfo::exists(bad) && !QFileInfo::exists(bad + QStringLiteral(".part")));
}

void TestAttachments::binaryFramesAreCheckedLikeRequests()
{
    RawClient raw;
    QVERIFY(raw.connectTo(m_server->url()));
    auto codeOf = [&](RequestId id) {
        const std::optional<ServerFrame> f = raw.waitReply(id);
        return f && f->kind == ServerFrame::Kind::Error ? errorCodeName(f->error.code) : QStringLiteral("no error");
    };
    const QByteArray chunk = UploadChunkFrame{41, QByteArray(16, 'u'), 0, QByteArray("data")}.encode();
    raw.socket().sendBinaryMessage(chunk);
    QCOMPARE(codeOf(41), errorCodeName(ErrorCode::NotAuthenticated));
    QVERIFY(raw.signup(QStringLiteral("rawuser")));
    // A header without data, and a chunk for no upload: errors that keep the request id.
    raw.socket().sendBinaryMessage(UploadChunkFrame{42, QByteArray(16, 'u'), 0, {}}.encode());
    QCOMPARE(codeOf(42), errorCodeName(ErrorCode::BadFrame));
    raw.socket().sendBinaryMessage(UploadChunkFrame{43, QByteArray(16, 'u'), 0, QByteArray("data")}.encode());
    QCOMPARE(codeOf(43), errorCodeName(ErrorCode::UnknownUpload));
    // Fetch data sent the wrong way round: bad_frame without an id.
    raw.socket().sendBinaryMessage(FetchDataFrame{44, 0, 4, QByteArray("data")}.encode());
    QTRY_VERIFY(std::any_of(raw.frames.cbegin(), raw.frames.cend(), [](const ServerFrame &f) {
        return f.kind == ServerFrame::Kind::Error && !f.id && f.error.code == ErrorCode::BadFrame;
    }));
    // The connection stays in service.
    raw.send(45, RoomListRequest{});
    const std::optional<ServerFrame> listed = raw.waitReply(45);
    QVERIFY(listed && listed->kind == ServerFrame::Kind::Result);
}

QTEST_GUILESS_MAIN(TestAttachments)
#include "tst_attachments.moc"
