// Frames outside the JSON request/reply registry, and exact encodings: binary attachment
// frames, directly written message frames, discovery datagrams, and the strict reading of
// fields added by later features.
#include "protocol/binaryframes.h"
#include "protocol/clientmsgid.h"
#include "protocol/codec.h"
#include "protocol/discovery.h"
#include "protocol/searchrequests.h"
#include "protocol/limits.h"

#include <QJsonDocument>
#include <QtTest>

using namespace natter;

Q_DECLARE_METATYPE(natter::ErrorCode)

class TestProtocolFormats : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void binaryFramesRoundTrip();
    void malformedBinaryFramesAreRejected();
    void directlyWrittenFramesMatchTheGenericEncoding_data();
    void directlyWrittenFramesMatchTheGenericEncoding();
    void lifecycleFieldsAreOptionalAndStrict_data();
    void lifecycleFieldsAreOptionalAndStrict();
    void discoveryDatagramsRoundTrip();
    void discoveryDatagramsAreStrict_data();
    void discoveryDatagramsAreStrict();
    void signupRepliesAreStrict_data();
    void signupRepliesAreStrict();
    void searchReplyHighlightsAreChecked_data();
    void searchReplyHighlightsAreChecked();
    void clientMsgIdsAreTimeOrderedUuids();
};

void TestProtocolFormats::binaryFramesRoundTrip()
{
    const UploadChunkFrame chunk{77, QByteArray::fromHex("00112233445566778899aabbccddeeff"), 524288, QByteArray("\x00\x01" "data", 6)};
    ProtocolError error;
    std::optional<RequestId> id;
    const std::optional<UploadChunkFrame> c = UploadChunkFrame::decode(chunk.encode(), &error, &id);
    QVERIFY(c);
    QCOMPARE(c->id, 77);
    QCOMPARE(c->uploadId, chunk.uploadId);
    QCOMPARE(c->offset, 524288);
    QCOMPARE(c->data, chunk.data);
    QCOMPARE(binaryframe::kindOf(chunk.encode()), binaryframe::uploadChunk);
    QCOMPARE(binaryframe::kindOf(QByteArray("{\"id\":1}")), char(0));

    const FetchDataFrame data{9, 100, 106, QByteArray("abcdef")};
    const std::optional<FetchDataFrame> d = FetchDataFrame::decode(data.encode(), &error);
    QVERIFY(d);
    QCOMPARE(d->id, 9);
    QCOMPARE(d->offset, 100);
    QCOMPARE(d->total, 106);
    QCOMPARE(d->data, data.data);
}

void TestProtocolFormats::malformedBinaryFramesAreRejected()
{
    ProtocolError error;
    std::optional<RequestId> id;
    const QByteArray good = UploadChunkFrame{5, QByteArray(16, 'u'), 0, QByteArray("x")}.encode();
    // Header only, no data: the id is still read so the error can be correlated.
    QVERIFY(!UploadChunkFrame::decode(good.left(binaryframe::uploadHeaderBytes), &error, &id));
    QCOMPARE(error.code, ErrorCode::BadFrame);
    QCOMPARE(id, std::optional<RequestId>(5));
    QVERIFY(!UploadChunkFrame::decode(good.left(5), &error, &id));
    QVERIFY(!id);
    QByteArray negative = good;
    negative[25] = char(0x80); // offset < 0
    QVERIFY(!UploadChunkFrame::decode(negative, &error, &id));
    const QByteArray huge = UploadChunkFrame{5, QByteArray(16, 'u'), 0, QByteArray(limits::maxChunkBytes + 1, 'x')}.encode();
    QVERIFY(!UploadChunkFrame::decode(huge, &error, &id));
    QCOMPARE(error.code, ErrorCode::FrameTooLarge);
    // Fetched data must fit inside the total it names.
    QVERIFY(!FetchDataFrame::decode(FetchDataFrame{1, 10, 12, QByteArray("abc")}.encode(), &error));
    QVERIFY(!FetchDataFrame::decode(FetchDataFrame{1, 13, 12, QByteArray()}.encode(), &error));
    QVERIFY(!FetchDataFrame::decode(QByteArray(10, char(2)), &error));
}

void TestProtocolFormats::directlyWrittenFramesMatchTheGenericEncoding_data()
{
    QTest::addColumn<Message>("message");
    Message plain{MessageId(4503599627370497), RoomId(2), 3, UserId(4), QStringLiteral("c-1"),
                  QStringLiteral("hello"), 1700000000123, timeline::message, UserId()};
    QTest::newRow("plain") << plain;
    Message tricky = plain;
    tricky.body = QStringLiteral("quote \" back\\slash \n\r\t\b\f ctl\x01\x1f del\x7f "
                                 "Grüße 日本語 😀 </script>");
    tricky.clientMsgId = QStringLiteral("\u00e9\"");
    QTest::newRow("escapes and non-ASCII") << tricky;
    Message quoted = plain;
    quoted.body = QStringLiteral("\"");
    quoted.clientMsgId = QStringLiteral("\n");
    QTest::newRow("nothing but an escape") << quoted;
    Message longest = plain;
    // Control characters take six bytes each: the frame outgrows the space reserved for it.
    longest.body = QStringLiteral("é日😀\"\n abc").repeated(1000) + QString(4000, QChar(0x1f));
    QTest::newRow("long, non-ASCII and escaped") << longest;
    Message empty = plain;
    empty.body = QString();
    empty.kind = timeline::kicked;
    empty.subjectId = UserId(77);
    QTest::newRow("event with subject") << empty;
    Message edited = plain;
    edited.kind = timeline::edited;
    edited.targetId = MessageId(3);
    edited.editedAt = 1700000000999;
    edited.deleted = true;
    edited.replyTo = MessageId(2);
    edited.reply = ReplyPreview{MessageId(2), UserId(5), QStringLiteral("quoted \"text\""), false};
    QTest::newRow("lifecycle fields") << edited;
    Message withFiles = plain;
    withFiles.attachments = {Attachment{AttachmentId(9), QStringLiteral("a \"b\".png"), 1234,
                                        QStringLiteral("image/png"), QString(64, QLatin1Char('a')), 640,
                                        480, true}};
    QTest::newRow("attachments") << withFiles;
}

void TestProtocolFormats::directlyWrittenFramesMatchTheGenericEncoding()
{
    QFETCH(Message, message);
    auto parse = [](const QByteArray &json) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
        [&] { QCOMPARE(error.error, QJsonParseError::NoError); }();
        return doc.object();
    };
    const SendReply reply{message, true};
    const QJsonObject genericReply{{QStringLiteral("type"), QStringLiteral("result")},
                                   {QStringLiteral("id"), 41},
                                   {QStringLiteral("data"), reply.toJson()}};
    QCOMPARE(parse(encodeReply(41, reply)), genericReply);
    const MessageEvent event{message};
    const QJsonObject genericEvent{{QStringLiteral("type"), QStringLiteral("event")},
                                   {QStringLiteral("event"), QStringLiteral("message")},
                                   {QStringLiteral("data"), event.toJson()}};
    QCOMPARE(parse(encodeEvent(event)), genericEvent);
    // Byte for byte what QJsonDocument writes (sorted keys), which readers may rely on.
    QCOMPARE(encodeReply(41, reply), QJsonDocument(genericReply).toJson(QJsonDocument::Compact));
    QCOMPARE(encodeEvent(event), QJsonDocument(genericEvent).toJson(QJsonDocument::Compact));
    // The send path writes the message once for both frames: the same bytes again.
    const MessageFrames frames = encodeMessageFrames(41, reply);
    QCOMPARE(frames.reply, encodeReply(41, reply));
    QCOMPARE(frames.event, encodeEvent(event));
    QCOMPARE(encodeMessageFrames(41, SendReply{message, false}).reply,
             QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("result")},
                                       {QStringLiteral("id"), 41},
                                       {QStringLiteral("data"), SendReply{message, false}.toJson()}})
                 .toJson(QJsonDocument::Compact));
    // History and sync pages: none, one, and several messages, with and without more.
    Message second = message;
    second.id = MessageId(message.id.value + 1);
    second.seq = message.seq + 1;
    second.body = QStringLiteral("second");
    for (const MessagePageReply &page : {MessagePageReply{{}, false}, MessagePageReply{{message}, true},
                                         MessagePageReply{{message, second, message}, false}}) {
        const QJsonObject genericPage{{QStringLiteral("type"), QStringLiteral("result")},
                                      {QStringLiteral("id"), 7},
                                      {QStringLiteral("data"), page.toJson()}};
        QCOMPARE(encodeReply(7, page), QJsonDocument(genericPage).toJson(QJsonDocument::Compact));
    }
    // And a client reads back the very message.
    ProtocolError error;
    const std::optional<ServerFrame> frame = decodeServerFrame(encodeEvent(event), &error);
    QVERIFY(frame);
    const std::optional<MessageEvent> back = readData<MessageEvent>(frame->data, &error);
    QVERIFY2(back, qPrintable(error.message));
    QCOMPARE(back->message.toJson(), message.toJson());
}

void TestProtocolFormats::lifecycleFieldsAreOptionalAndStrict_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("failure"); ///< empty: accepted
    const QByteArray base = R"("id":9,"roomId":1,"seq":2,"senderId":3,"clientMsgId":"k","body":"b","sentAt":5)";
    QTest::newRow("plain message") << ("{" + base + R"(,"kind":"message"})") << QString();
    QTest::newRow("edited entry") << ("{" + base + R"(,"kind":"edited","targetId":4,"editedAt":6})") << QString();
    QTest::newRow("edited without target") << ("{" + base + R"(,"kind":"edited"})") << QStringLiteral("targetId");
    QTest::newRow("deleted without target") << ("{" + base + R"(,"kind":"deleted","deleted":true})") << QStringLiteral("targetId");
    QTest::newRow("deleted not boolean") << ("{" + base + R"(,"kind":"message","deleted":1})") << QStringLiteral("deleted");
    QTest::newRow("negative editedAt") << ("{" + base + R"(,"kind":"message","editedAt":-1})") << QStringLiteral("editedAt");
    QTest::newRow("reply") << ("{" + base + R"(,"kind":"message","replyTo":4,"reply":{"id":4,"senderId":3,"body":"q","deleted":false}})") << QString();
    QTest::newRow("reply without preview") << ("{" + base + R"(,"kind":"message","replyTo":4})") << QString();
    QTest::newRow("preview of another message") << ("{" + base + R"(,"kind":"message","replyTo":4,"reply":{"id":5,"senderId":3,"body":"q","deleted":false}})") << QStringLiteral("reply");
    QTest::newRow("preview missing deleted") << ("{" + base + R"(,"kind":"message","replyTo":4,"reply":{"id":4,"senderId":3,"body":"q"}})") << QStringLiteral("reply.deleted");
}

void TestProtocolFormats::lifecycleFieldsAreOptionalAndStrict()
{
    QFETCH(QByteArray, message);
    QFETCH(QString, failure);
    const QByteArray frame = R"({"type":"event","event":"message","data":{"message":)" + message + "}}";
    ProtocolError error;
    const auto decoded = decodeServerFrame(frame, &error);
    QVERIFY2(decoded, qPrintable(error.message));
    const std::optional<AnyEvent> event = decodeEvent(*decoded, &error);
    if (failure.isEmpty()) {
        QVERIFY2(event, qPrintable(error.message));
        const Message m = std::get<MessageEvent>(*event).message;
        // What was read writes back the same: absent lifecycle fields stay absent.
        QJsonObject expected = QJsonDocument::fromJson(message).object();
        expected.insert(QStringLiteral("subjectId"), QJsonValue());
        QCOMPARE(m.toJson(), expected);
    } else {
        QVERIFY(!event);
        QCOMPARE(error.code, ErrorCode::InvalidField);
        QVERIFY2(error.message.contains(failure), qPrintable(error.message));
    }
}

void TestProtocolFormats::discoveryDatagramsRoundTrip()
{
    const auto probe = DiscoveryProbe::fromDatagram(DiscoveryProbe{}.toDatagram(), nullptr);
    QVERIFY(probe);
    QCOMPARE(probe->version, 1);
    DiscoveryAnnouncement a;
    a.name = QStringLiteral("Büro");
    a.port = 7447;
    a.tls = true;
    a.fingerprint = QStringLiteral("AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89");
    a.server = QStringLiteral("natterd/0.1.0");
    const auto back = DiscoveryAnnouncement::fromDatagram(a.toDatagram(), nullptr);
    QVERIFY(back);
    QCOMPARE(back->toDatagram(), a.toDatagram());
    a.tls = false;
    a.fingerprint.clear();
    QVERIFY(DiscoveryAnnouncement::fromDatagram(a.toDatagram(), nullptr));
}

void TestProtocolFormats::discoveryDatagramsAreStrict_data()
{
    QTest::addColumn<QByteArray>("datagram");
    QTest::addColumn<bool>("probe"); ///< read as a probe (else as an announcement)
    QTest::addColumn<QString>("mentions");
    const QByteArray fp = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";
    QTest::newRow("not json") << QByteArray("NATTER?") << true << "JSON";
    QTest::newRow("other type") << QByteArray(R"({"type":"ssdp","version":1})") << true << "type";
    QTest::newRow("probe without version") << QByteArray(R"({"type":"natter.discover"})") << true << "version";
    QTest::newRow("probe version string") << QByteArray(R"({"type":"natter.discover","version":"1"})") << true << "version";
    QTest::newRow("too large") << (QByteArray(R"({"type":"natter.discover","version":1,"pad":")") + QByteArray(2000, 'x') + "\"}")
                               << true << "large";
    QTest::newRow("no name") << QByteArray(R"({"type":"natter.server","version":1,"port":7447,"tls":false,"fingerprint":"","server":""})")
                             << false << "name";
    QTest::newRow("port zero") << QByteArray(R"({"type":"natter.server","version":1,"name":"a","port":0,"tls":false,"fingerprint":"","server":""})")
                               << false << "port";
    QTest::newRow("tls without fingerprint") << QByteArray(R"({"type":"natter.server","version":1,"name":"a","port":1,"tls":true,"fingerprint":"","server":""})")
                                             << false << "fingerprint";
    QTest::newRow("lower-case fingerprint") << (QByteArray(R"({"type":"natter.server","version":1,"name":"a","port":1,"tls":true,"fingerprint":")")
                                                + fp.toLower() + R"(","server":""})")
                                            << false << "fingerprint";
    QTest::newRow("fingerprint without tls") << (QByteArray(R"({"type":"natter.server","version":1,"name":"a","port":1,"tls":false,"fingerprint":")")
                                                 + fp + R"(","server":""})")
                                             << false << "fingerprint";
}

void TestProtocolFormats::discoveryDatagramsAreStrict()
{
    QFETCH(QByteArray, datagram);
    QFETCH(bool, probe);
    QFETCH(QString, mentions);
    ProtocolError error;
    const bool accepted = probe ? DiscoveryProbe::fromDatagram(datagram, &error).has_value()
                                : DiscoveryAnnouncement::fromDatagram(datagram, &error).has_value();
    QVERIFY(!accepted);
    QVERIFY2(error.message.contains(mentions), qPrintable(error.message));
}

void TestProtocolFormats::signupRepliesAreStrict_data()
{
    QTest::addColumn<QByteArray>("hello");   ///< data of a hello reply
    QTest::addColumn<QByteArray>("session"); ///< data of a session reply
    QTest::addColumn<QString>("failure");    ///< empty: both accepted
    const QByteArray user = R"("user":{"id":1,"username":"alice"},"token":"t","expiresAt":5)";
    QTest::newRow("valid") << QByteArray(R"({"version":1,"features":[],"server":"s","signup":"closed"})")
                           << ("{" + user + R"(,"admin":true})") << QString();
    QTest::newRow("unknown mode") << QByteArray(R"({"version":1,"features":[],"server":"s","signup":"maybe"})")
                                  << ("{" + user + R"(,"admin":false})") << QStringLiteral("signup");
    QTest::newRow("no mode") << QByteArray(R"({"version":1,"features":[],"server":"s"})")
                             << ("{" + user + R"(,"admin":false})") << QStringLiteral("signup");
    QTest::newRow("admin missing") << QByteArray(R"({"version":1,"features":[],"server":"s","signup":"open"})")
                                   << ("{" + user + "}") << QStringLiteral("admin");
    QTest::newRow("admin not boolean") << QByteArray(R"({"version":1,"features":[],"server":"s","signup":"open"})")
                                       << ("{" + user + R"(,"admin":1})") << QStringLiteral("admin");
}

void TestProtocolFormats::signupRepliesAreStrict()
{
    QFETCH(QByteArray, hello);
    QFETCH(QByteArray, session);
    QFETCH(QString, failure);
    ProtocolError helloError, sessionError;
    const bool helloOk = readData<HelloReply>(QJsonDocument::fromJson(hello).object(), &helloError).has_value();
    const bool sessionOk = readData<SessionReply>(QJsonDocument::fromJson(session).object(), &sessionError).has_value();
    if (failure.isEmpty()) {
        QVERIFY2(helloOk && sessionOk, qPrintable(helloError.message + sessionError.message));
        return;
    }
    QCOMPARE(helloOk && sessionOk, false);
    const QString message = helloOk ? sessionError.message : helloError.message;
    QVERIFY2(message.contains(failure), qPrintable(message));
}

void TestProtocolFormats::searchReplyHighlightsAreChecked_data()
{
    QTest::addColumn<QByteArray>("highlights");
    QTest::addColumn<bool>("valid");
    QTest::newRow("none") << QByteArray("[]") << true;
    QTest::newRow("two apart") << QByteArray(R"([{"start":0,"length":2},{"start":3,"length":2}])") << true;
    QTest::newRow("to the end") << QByteArray(R"([{"start":4,"length":1}])") << true;
    QTest::newRow("past the end") << QByteArray(R"([{"start":4,"length":2}])") << false;
    QTest::newRow("overlapping") << QByteArray(R"([{"start":0,"length":3},{"start":2,"length":2}])") << false;
    QTest::newRow("unsorted") << QByteArray(R"([{"start":3,"length":1},{"start":0,"length":1}])") << false;
    QTest::newRow("empty range") << QByteArray(R"([{"start":1,"length":0}])") << false;
    QTest::newRow("negative") << QByteArray(R"([{"start":-1,"length":1}])") << false;
    QTest::newRow("not an array") << QByteArray(R"({"start":0,"length":1})") << false;
}

void TestProtocolFormats::searchReplyHighlightsAreChecked()
{
    QFETCH(QByteArray, highlights);
    QFETCH(bool, valid);
    const QByteArray frame = R"({"type":"result","id":3,"data":{"nextBefore":null,"results":[{"messageId":1,)"
                             R"("roomId":2,"seq":3,"senderId":4,"sentAt":5,"snippet":"abcde","highlights":)"
        + highlights + "}]}}";
    ProtocolError error;
    const auto decoded = decodeServerFrame(frame, &error);
    QVERIFY(decoded);
    const std::optional<SearchReply> reply = readData<SearchReply>(decoded->data, &error);
    QCOMPARE(reply.has_value(), valid);
    if (!valid)
        QVERIFY2(error.message.contains(QStringLiteral("highlights")), qPrintable(error.message));
}

void TestProtocolFormats::clientMsgIdsAreTimeOrderedUuids()
{
    const qint64 t0 = 1795441381494; // 2026-11-23
    QSet<QString> seen;
    QString previous;
    for (qint64 step = 0; step < 2000; ++step) {
        const qint64 t = t0 + step / 4; // four keys per millisecond, then the next one
        const QString id = newClientMsgId(t);
        QCOMPARE(id.size(), 36);
        QVERIFY(id.size() <= limits::maxClientMsgIdLength);
        const QUuid uuid(id);
        QVERIFY2(!uuid.isNull() && uuid.toString(QUuid::WithoutBraces) == id, qPrintable(id));
        QCOMPARE(uuid.variant(), QUuid::DCE);
        QCOMPARE(id.at(14), QLatin1Char('7')); // version 7
        QCOMPARE(QString(id.left(8) + id.mid(9, 4)).toLongLong(nullptr, 16), t);
        QVERIFY2(!seen.contains(id), qPrintable(id));
        seen.insert(id);
        if (step % 4 == 0 && !previous.isEmpty()) // a later millisecond sorts after every earlier key
            QVERIFY2(previous < id, qPrintable(previous + QLatin1String(" / ") + id));
        previous = id;
    }
    // Keys made within one millisecond differ in their random bits only.
    QCOMPARE(newClientMsgId(t0).left(13), newClientMsgId(t0).left(13));
    QVERIFY(newClientMsgId(t0) != newClientMsgId(t0));
}

QTEST_GUILESS_MAIN(TestProtocolFormats)
#include "tst_protocolformats.moc"
