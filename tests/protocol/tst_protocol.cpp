// Protocol round-trips of every frame type, and rejection of malformed frames.
#include "protocol/binaryframes.h"
#include "protocol/codec.h"
#include "protocol/discovery.h"
#include "protocol/grouprequests.h"
#include "protocol/searchrequests.h"
#include "protocol/limits.h"

#include <QJsonDocument>
#include <QtTest>

using namespace natter;

Q_DECLARE_METATYPE(natter::ErrorCode)

namespace {

Message sampleMessage()
{
    return Message{MessageId(42), RoomId(7), 3, UserId(5), QStringLiteral("c-1"),
                   QStringLiteral("héllo ✓ \"quoted\"\nline"), 1700000000123, timeline::message, UserId(), {}};
}

const QString sampleSha = QStringLiteral("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");

Attachment sampleAttachment()
{
    return Attachment{AttachmentId(11), QStringLiteral("photo ✓.png"), 123456, QStringLiteral("image/png"),
                      sampleSha, 800, 600, true};
}

/// An edited entry as served: it names its target and carries the target's current state.
Message sampleEditEntry()
{
    Message m = sampleMessage();
    m.id = MessageId(43);
    m.seq = 4;
    m.clientMsgId = QStringLiteral("edited-1");
    m.kind = timeline::edited;
    m.targetId = MessageId(42);
    m.body = QStringLiteral("the new text");
    m.editedAt = 1700000000999;
    return m;
}

/// A reply with its preview of the quoted message.
Message sampleReply()
{
    Message m = sampleMessage();
    m.id = MessageId(44);
    m.seq = 5;
    m.clientMsgId = QStringLiteral("c-2");
    m.replyTo = MessageId(42);
    m.reply = ReplyPreview{MessageId(42), UserId(5), QStringLiteral("héllo"), false};
    return m;
}

Room sampleRoom()
{
    Room r;
    r.id = RoomId(7);
    r.members = {User{UserId(5), QStringLiteral("alice")}, User{UserId(6), QStringLiteral("bob")}};
    r.closed = true;
    r.lastSeq = 3;
    r.lastActivity = 1700000000123;
    r.lastMessage = sampleMessage();
    r.lastMessage->kind = timeline::kicked;
    r.lastMessage->subjectId = UserId(6);
    return r;
}

template <class T>
QJsonObject roundTripRequest(const T &request)
{
    const QByteArray bytes = encodeRequest(99, request);
    const DecodedRequest decoded = decodeRequest(bytes);
    if (decoded.error)
        qWarning() << "decode failed:" << decoded.error->message << bytes;
    if (decoded.error || !decoded.id || *decoded.id != 99 || !std::holds_alternative<T>(decoded.request))
        return {{QStringLiteral("failed"), true}};
    return std::get<T>(decoded.request).toJson();
}

template <class T>
QJsonObject roundTripReply(const T &reply)
{
    ProtocolError error;
    const auto frame = decodeServerFrame(encodeReply(12, reply), &error);
    if (!frame || frame->kind != ServerFrame::Kind::Result || frame->id != 12)
        return {{QStringLiteral("failed"), true}};
    const std::optional<T> back = readData<T>(frame->data, &error);
    return back ? back->toJson() : QJsonObject{{QStringLiteral("failed"), error.message}};
}

template <class T>
QJsonObject roundTripEvent(const T &event)
{
    ProtocolError error;
    const auto frame = decodeServerFrame(encodeEvent(event), &error);
    if (!frame || frame->kind != ServerFrame::Kind::Event)
        return {{QStringLiteral("failed"), true}};
    const std::optional<AnyEvent> back = decodeEvent(*frame, &error);
    if (!back || !std::holds_alternative<T>(*back))
        return {{QStringLiteral("failed"), error.message}};
    return std::get<T>(*back).toJson();
}

ProtocolError rejectionOf(const QByteArray &frame)
{
    const DecodedRequest d = decodeRequest(frame);
    return d.error.value_or(ProtocolError{ErrorCode::Internal, QStringLiteral("accepted")});
}

} // namespace

class TestProtocol : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyRequestRoundTrips();
    void everyReplyRoundTrips();
    void everyEventRoundTrips();
    void errorFrameRoundTrips();
    void malformedFramesAreRejected_data();
    void malformedFramesAreRejected();
    void errorKeepsTheRequestId();
    void oversizedFrameIsRejected();
    void unknownFieldsAreIgnored();
    void malformedMuteEventsAreRejected_data();
    void malformedMuteEventsAreRejected();
};

void TestProtocol::everyRequestRoundTrips()
{
    QSet<QString> covered;
    auto check = [&](const auto &request) {
        using T = std::decay_t<decltype(request)>;
        covered.insert(QLatin1String(T::type));
        QCOMPARE(roundTripRequest(request), request.toJson());
    };
    check(HelloRequest{1, {QStringLiteral("sync.v1")}, QStringLiteral("test")});
    SignupRequest signup;
    signup.username = QStringLiteral("alice");
    signup.password = QStringLiteral("correct horse");
    signup.device = QStringLiteral("laptop");
    check(signup);
    signup.inviteCode = QStringLiteral("ABCD-EFGH-JKMN");
    check(signup);
    check(CreateInviteCodeRequest{});
    check(CreateInviteCodeRequest{25, 48});
    LoginRequest login;
    login.username = QStringLiteral("alice");
    login.password = QStringLiteral("pw");
    check(login);
    check(ResumeRequest{QStringLiteral("tok")});
    check(LogoutRequest{});
    check(UserSearchRequest{QStringLiteral("al"), 5});
    check(FriendListRequest{});
    FriendRequestRequest fr;
    fr.userId = UserId(3);
    check(fr);
    FriendAcceptRequest fa;
    fa.userId = UserId(3);
    check(fa);
    FriendDeclineRequest fd;
    fd.userId = UserId(4);
    check(fd);
    FriendCancelRequest fc;
    fc.userId = UserId(5);
    check(fc);
    FriendRemoveRequest frm;
    frm.userId = UserId(6);
    check(frm);
    BlockRequest b;
    b.userId = UserId(7);
    check(b);
    UnblockRequest ub;
    ub.userId = UserId(8);
    check(ub);
    check(RoomListRequest{});
    check(SendRequest{RoomId(7), QStringLiteral("c-1"), QStringLiteral("hi ✓")});
    check(HistoryRequest{RoomId(7), 100, 20});
    check(SyncRequest{{SyncCursor{RoomId(7), 3}, SyncCursor{RoomId(9), 0}}, 100});
    check(CreateRoomRequest{QStringLiteral("Team"), QStringLiteral("t"), true, HistoryVisibility::Joined,
                            {UserId(2), UserId(3)}});
    UpdateRoomRequest update;
    update.roomId = RoomId(4);
    update.name = QStringLiteral("New");
    update.open = false;
    update.historyVisibility = HistoryVisibility::Shared;
    check(update);
    auto roomAction = [](auto request) {
        request.roomId = RoomId(9);
        return request;
    };
    check(roomAction(JoinRoomRequest{}));
    check(roomAction(DeclineInviteRequest{}));
    check(roomAction(LeaveRoomRequest{}));
    check(roomAction(DeleteRoomRequest{}));
    auto memberAction = [](auto request) {
        request.roomId = RoomId(9);
        request.userId = UserId(3);
        return request;
    };
    check(memberAction(InviteRequest{}));
    check(memberAction(KickRequest{}));
    check(memberAction(TransferOwnershipRequest{}));
    check(SetRoleRequest{RoomId(9), UserId(3), MemberRole::Admin});
    check(DirectoryRequest{QStringLiteral("te"), 10});
    check(InviteListRequest{});
    check(SetPresenceRequest{Presence::DoNotDisturb});
    check(PresenceQueryRequest{{UserId(1), UserId(2)}});
    check(TypingRequest{RoomId(3), false});
    check(ViewRoomRequest{RoomId(3)});
    check(MarkReadRequest{RoomId(3), 17});
    check(SetMutedRequest{RoomId(3), true});
    check(SetMutedRequest{RoomId(4), false});
    check(SendRequest{RoomId(7), QStringLiteral("c-2"), QStringLiteral("quoting"), MessageId(42)});
    check(EditRequest{RoomId(7), MessageId(42), QStringLiteral("fixed ✓")});
    check(DeleteMessageRequest{RoomId(7), MessageId(42)});
    check(RevisionsRequest{RoomId(7), MessageId(42)});
    check(SearchRequest{QStringLiteral("from:bob \"exact phrase\" -nope ü"), RoomId(), 0, 20});
    QCOMPARE(roundTripRequest(SearchRequest{QStringLiteral("x"), RoomId(4), 991, 5}),
             (QJsonObject{{QStringLiteral("query"), QStringLiteral("x")}, {QStringLiteral("roomId"), 4},
                          {QStringLiteral("before"), 991}, {QStringLiteral("limit"), 5}}));
    check(SendRequest{RoomId(7), QStringLiteral("c-2"), QString(), {}, {AttachmentId(4), AttachmentId(5)}});
    check(UploadBeginRequest{RoomId(7), QStringLiteral("a.png"), 1000, QStringLiteral("image/png"), sampleSha});
    check(UploadFinishRequest{QStringLiteral("0123456789abcdef0123456789abcdef")});
    check(UploadCancelRequest{QStringLiteral("0123456789abcdef0123456789abcdef")});
    check(FetchRequest{AttachmentId(4), 262144, 1000, true});
    // Every registered request type has a sample above.
    QCOMPARE(covered.size(), qsizetype(std::variant_size_v<AnyRequest> - 1));
}

void TestProtocol::everyReplyRoundTrips()
{
    const User alice{UserId(5), QStringLiteral("alice")};
    QCOMPARE(roundTripReply(EmptyReply{}), QJsonObject());
    const HelloReply hello{1, {QStringLiteral("a"), QStringLiteral("b")}, QStringLiteral("natterd/1")};
    QCOMPARE(roundTripReply(hello), hello.toJson());
    const HelloReply invite{1, {}, QStringLiteral("natterd/1"), QStringLiteral("invite")};
    QCOMPARE(roundTripReply(invite), invite.toJson());
    const SessionReply session{alice, QStringLiteral("token"), 1700000000000};
    QCOMPARE(roundTripReply(session), session.toJson());
    const SessionReply adminSession{alice, QStringLiteral("token"), 1700000000000, true};
    QCOMPARE(roundTripReply(adminSession), adminSession.toJson());
    const InviteCodeReply code{QStringLiteral("ABCD-EFGH-JKMN"), 3, 1700000000000};
    QCOMPARE(roundTripReply(code), code.toJson());
    const UserListReply users{{alice}};
    QCOMPARE(roundTripReply(users), users.toJson());
    const FriendListReply friends{{Friend{alice, FriendState::Friend, RoomId(7)},
                                   Friend{alice, FriendState::Incoming, RoomId()}}};
    QCOMPARE(roundTripReply(friends), friends.toJson());
    const FriendReply friendReply{Friend{alice, FriendState::Blocked, RoomId()}};
    QCOMPARE(roundTripReply(friendReply), friendReply.toJson());
    const RoomListReply rooms{{sampleRoom()}};
    QCOMPARE(roundTripReply(rooms), rooms.toJson());
    const SendReply send{sampleMessage(), true};
    QCOMPARE(roundTripReply(send), send.toJson());
    const MessagePageReply page{{sampleMessage()}, true};
    QCOMPARE(roundTripReply(page), page.toJson());
    const RoomReply room{sampleRoom()};
    QCOMPARE(roundTripReply(room), room.toJson());
    const RoomSummaryListReply directory{{RoomSummary{RoomId(3), QStringLiteral("Team"), QStringLiteral("x"), 4}}};
    QCOMPARE(roundTripReply(directory), directory.toJson());
    const InviteListReply invites{{Invite{RoomSummary{RoomId(3), QStringLiteral("Team"), QString(), 4}, alice}}};
    QCOMPARE(roundTripReply(invites), invites.toJson());
    const PresenceListReply presence{{PresenceEntry{UserId(2), Presence::Away}}};
    QCOMPARE(roundTripReply(presence), presence.toJson());
    const ReadMarkerReply marker{RoomId(3), 9};
    QCOMPARE(roundTripReply(marker), marker.toJson());
    const MutedReply muted{RoomId(3), true};
    QCOMPARE(roundTripReply(muted), muted.toJson());
    const SendReply edited{sampleEditEntry(), false};
    QCOMPARE(roundTripReply(edited), edited.toJson());
    Message tombstone = sampleMessage();
    tombstone.body = QString();
    tombstone.deleted = true;
    tombstone.editedAt = 1700000000500;
    const MessagePageReply lifecycle{{tombstone, sampleEditEntry(), sampleReply()}, false};
    QCOMPARE(roundTripReply(lifecycle), lifecycle.toJson());
    const RevisionListReply revisions{{Revision{QStringLiteral("first"), 1, 2}, Revision{QStringLiteral("second ✓"), 2, 3}}};
    QCOMPARE(roundTripReply(revisions), revisions.toJson());
    QCOMPARE(roundTripReply(RevisionListReply{}), RevisionListReply{}.toJson());
    Room listed = sampleRoom();
    listed.readSeq = 2;
    listed.unreadCount = 1;
    listed.mentionCount = 1;
    QCOMPARE(roundTripReply(RoomListReply{{listed}}), RoomListReply{{listed}}.toJson());
    listed.muted = true;
    QCOMPARE(roundTripReply(RoomListReply{{listed}}), RoomListReply{{listed}}.toJson());
    QCOMPARE(RoomListReply{{listed}}.toJson()[QStringLiteral("rooms")][0][QStringLiteral("muted")], QJsonValue(true));
    // The mute flag is the receiver's own, like the read fields: room events never carry it.
    QVERIFY(!sampleRoom().toJson().contains(QStringLiteral("muted")));
    const SearchHit hit{MessageId(9), RoomId(3), 4, UserId(2), 1700000000000, QStringLiteral("…grüße ✓"),
                        {SearchHighlight{1, 3}, SearchHighlight{5, 2}}};
    const SearchReply found{{hit, hit}, 9};
    QCOMPARE(roundTripReply(found), found.toJson());
    QVERIFY(found.toJson().value(QStringLiteral("nextBefore")).isDouble());
    const SearchReply last{{}, 0};
    QVERIFY(last.toJson().value(QStringLiteral("nextBefore")).isNull());
    QCOMPARE(roundTripReply(last), last.toJson());
    Message withFiles = sampleMessage();
    withFiles.attachments = {sampleAttachment(), sampleAttachment()};
    withFiles.attachments[1].thumbnail = false;
    const SendReply sendFiles{withFiles, false};
    QCOMPARE(roundTripReply(sendFiles), sendFiles.toJson());
    const UploadReply upload{QStringLiteral("0123456789abcdef0123456789abcdef"), 4096, 262144};
    QCOMPARE(roundTripReply(upload), upload.toJson());
    QCOMPARE(roundTripReply(AttachmentReply{sampleAttachment()}), AttachmentReply{sampleAttachment()}.toJson());
}

void TestProtocol::everyEventRoundTrips()
{
    QCOMPARE(roundTripEvent(MessageEvent{sampleMessage()}), MessageEvent{sampleMessage()}.toJson());
    const FriendEvent f{Friend{User{UserId(2), QStringLiteral("bob")}, FriendState::Outgoing, RoomId()}};
    QCOMPARE(roundTripEvent(f), f.toJson());
    QCOMPARE(roundTripEvent(RoomEvent{sampleRoom()}), RoomEvent{sampleRoom()}.toJson());
    Room group = sampleRoom();
    group.kind = RoomKind::Group;
    group.name = QStringLiteral("Team");
    group.topic = QStringLiteral("Plans");
    group.open = true;
    group.historyVisibility = HistoryVisibility::Joined;
    group.ownerId = UserId(5);
    group.adminIds = {UserId(6)};
    QCOMPARE(roundTripEvent(RoomEvent{group}), RoomEvent{group}.toJson());
    const Invite invite{RoomSummary{RoomId(3), QStringLiteral("Team"), QString(), 4}, User{UserId(5), QStringLiteral("alice")}};
    QCOMPARE(roundTripEvent(InviteEvent{invite}), InviteEvent{invite}.toJson());
    QCOMPARE(roundTripEvent(RoomRemovedEvent{RoomId(3), QStringLiteral("kicked")}),
             (RoomRemovedEvent{RoomId(3), QStringLiteral("kicked")}.toJson()));
    const PresenceEvent p{{UserId(4), Presence::DoNotDisturb}};
    QCOMPARE(roundTripEvent(p), p.toJson());
    const TypingEvent t{RoomId(3), UserId(4), true};
    QCOMPARE(roundTripEvent(t), t.toJson());
    const ReadEvent read{{RoomId(3), 12}};
    QCOMPARE(roundTripEvent(read), read.toJson());
    const MutedEvent muted{{RoomId(3), true}};
    QCOMPARE(roundTripEvent(muted), muted.toJson());
    const MutedEvent unmuted{{RoomId(4), false}};
    QCOMPARE(roundTripEvent(unmuted), unmuted.toJson());
    const NotificationEvent n{QStringLiteral("message"), RoomId(3), UserId(4), 12, QStringLiteral("hi @bob"), true};
    QCOMPARE(roundTripEvent(n), n.toJson());
    QCOMPARE(roundTripEvent(MessageEvent{sampleEditEntry()}), MessageEvent{sampleEditEntry()}.toJson());
    QCOMPARE(roundTripEvent(MessageEvent{sampleReply()}), MessageEvent{sampleReply()}.toJson());
    // A room without a last message carries null and reads back as none.
    Room empty = sampleRoom();
    empty.lastMessage.reset();
    QCOMPARE(roundTripEvent(RoomEvent{empty}), RoomEvent{empty}.toJson());
}

void TestProtocol::errorFrameRoundTrips()
{
    ProtocolError error;
    const auto frame = decodeServerFrame(
        encodeError(5, ProtocolError{ErrorCode::UsernameTaken, QStringLiteral("taken")}), &error);
    QVERIFY(frame);
    QCOMPARE(frame->kind, ServerFrame::Kind::Error);
    QCOMPARE(frame->id, std::optional<RequestId>(5));
    QCOMPARE(frame->error.code, ErrorCode::UsernameTaken);
    QCOMPARE(frame->error.message, QStringLiteral("taken"));
    const auto anonymous = decodeServerFrame(encodeError(std::nullopt, {ErrorCode::BadFrame, {}}), &error);
    QVERIFY(anonymous);
    QVERIFY(!anonymous->id);
    for (const char *name : {"bad_frame", "invalid_field", "room_closed", "account_disabled", "session_revoked", "internal"}) {
        ErrorCode code;
        QVERIFY(errorCodeFromName(QLatin1String(name), &code));
        QCOMPARE(errorCodeName(code), QLatin1String(name));
    }
}

void TestProtocol::malformedFramesAreRejected_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("not json") << QByteArray("{nope") << ErrorCode::BadFrame << "JSON";
    QTest::newRow("array") << QByteArray("[1,2]") << ErrorCode::BadFrame << "object";
    QTest::newRow("empty") << QByteArray("") << ErrorCode::BadFrame << "";
    QTest::newRow("no id") << QByteArray(R"({"type":"hello","data":{}})") << ErrorCode::InvalidField << "id";
    QTest::newRow("string id") << QByteArray(R"({"id":"1","type":"hello"})") << ErrorCode::InvalidField << "id";
    QTest::newRow("fraction id") << QByteArray(R"({"id":1.5,"type":"hello"})") << ErrorCode::InvalidField << "id";
    QTest::newRow("negative id") << QByteArray(R"({"id":-1,"type":"hello"})") << ErrorCode::InvalidField << "id";
    QTest::newRow("huge id") << QByteArray(R"({"id":1e300,"type":"hello"})") << ErrorCode::InvalidField << "id";
    QTest::newRow("no type") << QByteArray(R"({"id":1})") << ErrorCode::InvalidField << "type";
    QTest::newRow("unknown type") << QByteArray(R"({"id":1,"type":"nope","data":{}})") << ErrorCode::UnknownType << "nope";
    QTest::newRow("data not object") << QByteArray(R"({"id":1,"type":"auth.logout","data":[]})") << ErrorCode::InvalidField << "data";
    QTest::newRow("missing field") << QByteArray(R"({"id":1,"type":"auth.resume","data":{}})") << ErrorCode::InvalidField << "data.token";
    QTest::newRow("wrong type") << QByteArray(R"({"id":1,"type":"messages.send","data":{"roomId":"7","clientMsgId":"a","body":"x"}})") << ErrorCode::InvalidField << "data.roomId";
    QTest::newRow("zero room") << QByteArray(R"({"id":1,"type":"messages.send","data":{"roomId":0,"clientMsgId":"a","body":"x"}})") << ErrorCode::InvalidField << "data.roomId";
    QTest::newRow("blank body") << QByteArray(R"({"id":1,"type":"messages.send","data":{"roomId":1,"clientMsgId":"a","body":"  "}})") << ErrorCode::InvalidField << "data.body";
    QTest::newRow("long body") << (QByteArray(R"({"id":1,"type":"messages.send","data":{"roomId":1,"clientMsgId":"a","body":")")
                                       + QByteArray(limits::maxBodyLength + 1, 'x') + "\"}}")
                               << ErrorCode::InvalidField << "data.body";
    QTest::newRow("limit too big") << QByteArray(R"({"id":1,"type":"messages.history","data":{"roomId":1,"limit":100000}})") << ErrorCode::InvalidField << "data.limit";
    QTest::newRow("bad cursor") << QByteArray(R"({"id":1,"type":"messages.sync","data":{"cursors":[{"roomId":1}]}})") << ErrorCode::InvalidField << "data.cursors[0].afterSeq";
    QTest::newRow("edit blank body") << QByteArray(R"({"id":1,"type":"messages.edit","data":{"roomId":1,"messageId":2,"body":" "}})") << ErrorCode::InvalidField << "data.body";
    QTest::newRow("edit no message") << QByteArray(R"({"id":1,"type":"messages.edit","data":{"roomId":1,"body":"x"}})") << ErrorCode::InvalidField << "data.messageId";
    QTest::newRow("edit long body") << (QByteArray(R"({"id":1,"type":"messages.edit","data":{"roomId":1,"messageId":2,"body":")")
                                           + QByteArray(limits::maxBodyLength + 1, 'x') + "\"}}")
                                    << ErrorCode::InvalidField << "data.body";
    QTest::newRow("delete zero message") << QByteArray(R"({"id":1,"type":"messages.delete","data":{"roomId":1,"messageId":0}})") << ErrorCode::InvalidField << "data.messageId";
    QTest::newRow("delete no room") << QByteArray(R"({"id":1,"type":"messages.delete","data":{"messageId":3}})") << ErrorCode::InvalidField << "data.roomId";
    QTest::newRow("revisions string id") << QByteArray(R"({"id":1,"type":"messages.revisions","data":{"roomId":1,"messageId":"3"}})") << ErrorCode::InvalidField << "data.messageId";
    QTest::newRow("reply to zero") << QByteArray(R"({"id":1,"type":"messages.send","data":{"roomId":1,"clientMsgId":"a","body":"x","replyTo":0}})") << ErrorCode::InvalidField << "data.replyTo";
    QTest::newRow("reply to string") << QByteArray(R"({"id":1,"type":"messages.send","data":{"roomId":1,"clientMsgId":"a","body":"x","replyTo":"5"}})") << ErrorCode::InvalidField << "data.replyTo";
    QTest::newRow("search without query") << QByteArray(R"({"id":1,"type":"search.messages","data":{}})") << ErrorCode::InvalidField << "data.query";
    QTest::newRow("search empty query") << QByteArray(R"({"id":1,"type":"search.messages","data":{"query":""}})") << ErrorCode::InvalidField << "data.query";
    QTest::newRow("search long query") << (QByteArray(R"({"id":1,"type":"search.messages","data":{"query":")")
                                               + QByteArray(limits::maxSearchQueryLength + 1, 'x') + "\"}}")
                                       << ErrorCode::InvalidField << "data.query";
    QTest::newRow("search query not string") << QByteArray(R"({"id":1,"type":"search.messages","data":{"query":5}})") << ErrorCode::InvalidField << "data.query";
    QTest::newRow("search zero room") << QByteArray(R"({"id":1,"type":"search.messages","data":{"query":"x","roomId":0}})") << ErrorCode::InvalidField << "data.roomId";
    QTest::newRow("search bad cursor") << QByteArray(R"({"id":1,"type":"search.messages","data":{"query":"x","before":-3}})") << ErrorCode::InvalidField << "data.before";
    QTest::newRow("search limit too big") << QByteArray(R"({"id":1,"type":"search.messages","data":{"query":"x","limit":51}})") << ErrorCode::InvalidField << "data.limit";
    QTest::newRow("invite code not string") << QByteArray(R"({"id":1,"type":"auth.signup","data":{"username":"abc","password":"0123456789","inviteCode":7}})") << ErrorCode::InvalidField << "data.inviteCode";
    QTest::newRow("invite code empty") << QByteArray(R"({"id":1,"type":"auth.signup","data":{"username":"abc","password":"0123456789","inviteCode":""}})") << ErrorCode::InvalidField << "data.inviteCode";
    QTest::newRow("invite code too long") << (QByteArray(R"({"id":1,"type":"auth.signup","data":{"username":"abc","password":"0123456789","inviteCode":")")
                                                  + QByteArray(limits::maxInviteCodeLength + 1, 'A') + "\"}}")
                                          << ErrorCode::InvalidField << "data.inviteCode";
    QTest::newRow("invite uses zero") << QByteArray(R"({"id":1,"type":"admin.createInviteCode","data":{"uses":0}})") << ErrorCode::InvalidField << "data.uses";
    QTest::newRow("invite uses string") << QByteArray(R"({"id":1,"type":"admin.createInviteCode","data":{"uses":"2"}})") << ErrorCode::InvalidField << "data.uses";
    QTest::newRow("invite valid too long") << QByteArray(R"({"id":1,"type":"admin.createInviteCode","data":{"validHours":9000}})") << ErrorCode::InvalidField << "data.validHours";
    QTest::newRow("blank body, no files") << QByteArray(R"({"id":1,"type":"messages.send","data":{"roomId":1,"clientMsgId":"a","body":"","attachmentIds":[]}})") << ErrorCode::InvalidField << "data.body";
    QTest::newRow("repeated file") << QByteArray(R"({"id":1,"type":"messages.send","data":{"roomId":1,"clientMsgId":"a","body":"","attachmentIds":[3,3]}})") << ErrorCode::InvalidField << "data.attachmentIds";
    QTest::newRow("too many files") << QByteArray(R"({"id":1,"type":"messages.send","data":{"roomId":1,"clientMsgId":"a","body":"","attachmentIds":[1,2,3,4,5,6,7,8,9,10,11]}})") << ErrorCode::InvalidField << "data.attachmentIds";
    QTest::newRow("upload path") << QByteArray(R"({"id":1,"type":"attachments.begin","data":{"roomId":1,"name":"../etc/passwd","size":1,"mimeType":"a/b","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}})") << ErrorCode::InvalidField << "data.name";
    QTest::newRow("upload bad hash") << QByteArray(R"({"id":1,"type":"attachments.begin","data":{"roomId":1,"name":"a","size":1,"mimeType":"a/b","sha256":"9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08"}})") << ErrorCode::InvalidField << "data.sha256";
    QTest::newRow("upload negative size") << QByteArray(R"({"id":1,"type":"attachments.begin","data":{"roomId":1,"name":"a","size":-1,"mimeType":"a/b","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}})") << ErrorCode::InvalidField << "data.size";
    QTest::newRow("upload bad mime") << QByteArray(R"({"id":1,"type":"attachments.begin","data":{"roomId":1,"name":"a","size":1,"mimeType":"png","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}})") << ErrorCode::InvalidField << "data.mimeType";
    QTest::newRow("upload id short") << QByteArray(R"({"id":1,"type":"attachments.finish","data":{"uploadId":"abc"}})") << ErrorCode::InvalidField << "data.uploadId";
    QTest::newRow("upload id not hex") << QByteArray(R"({"id":1,"type":"attachments.cancel","data":{"uploadId":"0123456789abcdef0123456789abcdeg"}})") << ErrorCode::InvalidField << "data.uploadId";
    QTest::newRow("fetch too long") << QByteArray(R"({"id":1,"type":"attachments.fetch","data":{"attachmentId":1,"length":262145}})") << ErrorCode::InvalidField << "data.length";
    QTest::newRow("fetch no id") << QByteArray(R"({"id":1,"type":"attachments.fetch","data":{"offset":0}})") << ErrorCode::InvalidField << "data.attachmentId";
    QTest::newRow("mute without flag") << QByteArray(R"({"id":1,"type":"rooms.setMuted","data":{"roomId":1}})") << ErrorCode::InvalidField << "data.muted";
    QTest::newRow("mute flag as number") << QByteArray(R"({"id":1,"type":"rooms.setMuted","data":{"roomId":1,"muted":1}})") << ErrorCode::InvalidField << "data.muted";
    QTest::newRow("mute flag as string") << QByteArray(R"({"id":1,"type":"rooms.setMuted","data":{"roomId":1,"muted":"true"}})") << ErrorCode::InvalidField << "data.muted";
    QTest::newRow("mute flag null") << QByteArray(R"({"id":1,"type":"rooms.setMuted","data":{"roomId":1,"muted":null}})") << ErrorCode::InvalidField << "data.muted";
    QTest::newRow("mute zero room") << QByteArray(R"({"id":1,"type":"rooms.setMuted","data":{"roomId":0,"muted":true}})") << ErrorCode::InvalidField << "data.roomId";
    QTest::newRow("mute no room") << QByteArray(R"({"id":1,"type":"rooms.setMuted","data":{"muted":true}})") << ErrorCode::InvalidField << "data.roomId";
    QTest::newRow("mute room as string") << QByteArray(R"({"id":1,"type":"rooms.setMuted","data":{"roomId":"3","muted":true}})") << ErrorCode::InvalidField << "data.roomId";
    QTest::newRow("features not strings") << QByteArray(R"({"id":1,"type":"hello","data":{"version":1,"features":[1]}})") << ErrorCode::InvalidField << "data.features";
}

void TestProtocol::malformedFramesAreRejected()
{
    QFETCH(QByteArray, frame);
    QFETCH(ErrorCode, code);
    QFETCH(QString, mentions);
    const ProtocolError e = rejectionOf(frame);
    QCOMPARE(errorCodeName(e.code), errorCodeName(code));
    QVERIFY2(e.message.contains(mentions), qPrintable(e.message));
}

void TestProtocol::malformedMuteEventsAreRejected_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("muted event without flag") << QByteArray(R"({"type":"event","event":"muted","data":{"roomId":2}})") << "data.muted";
    QTest::newRow("muted event flag number") << QByteArray(R"({"type":"event","event":"muted","data":{"roomId":2,"muted":0}})") << "data.muted";
    QTest::newRow("muted event zero room") << QByteArray(R"({"type":"event","event":"muted","data":{"roomId":0,"muted":true}})") << "data.roomId";
    const QByteArray room = QJsonDocument(sampleRoom().toJson()).toJson(QJsonDocument::Compact);
    QByteArray withMuted = room;
    withMuted.insert(withMuted.size() - 1, R"(,"muted":"yes")");
    QTest::newRow("room muted not boolean") << (QByteArray(R"({"type":"event","event":"room","data":{"room":)") + withMuted + "}}")
                                            << "data.room.muted";
}

void TestProtocol::malformedMuteEventsAreRejected()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, mentions);
    ProtocolError error;
    const auto decoded = decodeServerFrame(frame, &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QVERIFY(!decodeEvent(*decoded, &error));
    QCOMPARE(error.code, ErrorCode::InvalidField);
    QVERIFY2(error.message.contains(mentions), qPrintable(error.message));
}

void TestProtocol::errorKeepsTheRequestId()
{
    const DecodedRequest d = decodeRequest(R"({"id":77,"type":"messages.send","data":{}})");
    QVERIFY(d.error);
    QCOMPARE(d.id, std::optional<RequestId>(77));
}

void TestProtocol::oversizedFrameIsRejected()
{
    const QByteArray big = R"({"id":1,"type":"hello","pad":")" + QByteArray(limits::maxFrameBytes, 'x') + "\"}";
    QCOMPARE(rejectionOf(big).code, ErrorCode::FrameTooLarge);
}

void TestProtocol::unknownFieldsAreIgnored()
{
    const DecodedRequest d = decodeRequest(R"({"id":3,"type":"auth.resume","extra":1,"data":{"token":"t","future":true}})");
    QVERIFY(!d.error);
    QCOMPARE(std::get<ResumeRequest>(d.request).token, QStringLiteral("t"));
}

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
