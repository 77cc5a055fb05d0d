#include "protocol/requests.h"

#include "protocol/limits.h"

namespace natter {

namespace {


constexpr qint64 maxInt = limits::maxJsonInteger;

QJsonObject credentialsJson(const Credentials &c)
{
    return {{QStringLiteral("username"), c.username},
            {QStringLiteral("password"), c.password},
            {QStringLiteral("device"), c.device}};
}

void readCredentials(JsonReader &r, Credentials &c)
{
    c.username = r.string("username", 1, limits::maxUsernameLength);
    c.password = r.string("password", 1, limits::maxPasswordLength);
    c.device = r.optionalString("device", 0, limits::maxDeviceLength).value_or(QStringLiteral(""));
}

} // namespace

QJsonObject HelloReply::toJson() const
{
    return {{QStringLiteral("version"), version},
            {QStringLiteral("features"), QJsonArray::fromStringList(features)},
            {QStringLiteral("server"), server},
            {QStringLiteral("signup"), signup}};
}

HelloReply HelloReply::fromJson(JsonReader &r)
{
    HelloReply h;
    h.version = int(r.integer("version", 1, 1 << 30));
    h.features = r.stringList("features", limits::maxFeatures, limits::maxFeatureLength);
    h.server = r.string("server", 0, 128);
    h.signup = r.string("signup", 1, 16);
    if (r.ok() && h.signup != QLatin1String("open") && h.signup != QLatin1String("invite")
        && h.signup != QLatin1String("closed"))
        r.fail("signup", QStringLiteral("must be open, invite or closed"));
    return h;
}

QJsonObject SessionReply::toJson() const
{
    return {{QStringLiteral("user"), user.toJson()},
            {QStringLiteral("token"), token},
            {QStringLiteral("expiresAt"), expiresAt},
            {QStringLiteral("admin"), admin}};
}

SessionReply SessionReply::fromJson(JsonReader &r)
{
    SessionReply s;
    s.user = r.object<User>("user", &User::fromJson);
    s.token = r.string("token", 1, limits::maxTokenLength);
    s.expiresAt = r.integer("expiresAt", 0, maxInt);
    s.admin = r.boolean("admin");
    return s;
}

QJsonObject UserListReply::toJson() const { return {{QStringLiteral("users"), toJsonArray(users)}}; }

UserListReply UserListReply::fromJson(JsonReader &r)
{
    return {r.objectList<User>("users", limits::maxSearchResults, &User::fromJson)};
}

QJsonObject FriendListReply::toJson() const
{
    return {{QStringLiteral("friends"), toJsonArray(friends)}};
}

FriendListReply FriendListReply::fromJson(JsonReader &r)
{
    return {r.objectList<Friend>("friends", 1000000, &Friend::fromJson)};
}

QJsonObject FriendReply::toJson() const { return {{QStringLiteral("friend"), relation.toJson()}}; }

FriendReply FriendReply::fromJson(JsonReader &r)
{
    return {r.object<Friend>("friend", &Friend::fromJson)};
}

QJsonObject RoomListReply::toJson() const { return {{QStringLiteral("rooms"), toJsonArray(rooms)}}; }

RoomListReply RoomListReply::fromJson(JsonReader &r)
{
    return {r.objectList<Room>("rooms", 1000000, &Room::fromJson)};
}

QJsonObject SendReply::toJson() const
{
    return {{QStringLiteral("message"), message.toJson()},
            {QStringLiteral("duplicate"), duplicate}};
}

SendReply SendReply::fromJson(JsonReader &r)
{
    SendReply s;
    s.message = r.object<Message>("message", &Message::fromJson);
    s.duplicate = r.boolean("duplicate");
    return s;
}

QJsonObject MessagePageReply::toJson() const
{
    return {{QStringLiteral("messages"), toJsonArray(messages)}, {QStringLiteral("more"), more}};
}

MessagePageReply MessagePageReply::fromJson(JsonReader &r)
{
    MessagePageReply p;
    p.messages = r.objectList<Message>("messages", limits::maxSyncLimit, &Message::fromJson);
    p.more = r.boolean("more");
    return p;
}

QJsonObject HelloRequest::toJson() const
{
    return {{QStringLiteral("version"), version},
            {QStringLiteral("features"), QJsonArray::fromStringList(features)},
            {QStringLiteral("client"), client}};
}

HelloRequest HelloRequest::fromJson(JsonReader &r)
{
    HelloRequest h;
    h.version = int(r.integer("version", 1, 1 << 30));
    h.features = r.stringList("features", limits::maxFeatures, limits::maxFeatureLength);
    h.client = r.optionalString("client", 0, 128).value_or(QString());
    return h;
}

QJsonObject SignupRequest::toJson() const
{
    QJsonObject o = credentialsJson(*this);
    if (!inviteCode.isEmpty())
        o.insert(QStringLiteral("inviteCode"), inviteCode);
    return o;
}

SignupRequest SignupRequest::fromJson(JsonReader &r)
{
    SignupRequest s;
    readCredentials(r, s);
    s.inviteCode = r.optionalString("inviteCode", 1, limits::maxInviteCodeLength).value_or(QString());
    return s;
}

QJsonObject InviteCodeReply::toJson() const
{
    return {{QStringLiteral("code"), code}, {QStringLiteral("uses"), uses}, {QStringLiteral("expiresAt"), expiresAt}};
}

InviteCodeReply InviteCodeReply::fromJson(JsonReader &r)
{
    InviteCodeReply c;
    c.code = r.string("code", 1, limits::maxInviteCodeLength);
    c.uses = int(r.integer("uses", 1, limits::maxInviteCodeUses));
    c.expiresAt = r.integer("expiresAt", 0, maxInt);
    return c;
}

QJsonObject CreateInviteCodeRequest::toJson() const
{
    return {{QStringLiteral("uses"), uses}, {QStringLiteral("validHours"), validHours}};
}

CreateInviteCodeRequest CreateInviteCodeRequest::fromJson(JsonReader &r)
{
    CreateInviteCodeRequest c;
    c.uses = int(r.optionalInteger("uses", 1, limits::maxInviteCodeUses).value_or(1));
    c.validHours = int(r.optionalInteger("validHours", 1, limits::maxInviteCodeValidHours)
                           .value_or(limits::defaultInviteCodeValidHours));
    return c;
}

QJsonObject LoginRequest::toJson() const { return credentialsJson(*this); }

LoginRequest LoginRequest::fromJson(JsonReader &r)
{
    LoginRequest l;
    readCredentials(r, l);
    return l;
}

QJsonObject ResumeRequest::toJson() const { return {{QStringLiteral("token"), token}}; }

ResumeRequest ResumeRequest::fromJson(JsonReader &r)
{
    return {r.string("token", 1, limits::maxTokenLength)};
}

QJsonObject UserSearchRequest::toJson() const
{
    return {{QStringLiteral("query"), query}, {QStringLiteral("limit"), limit}};
}

UserSearchRequest UserSearchRequest::fromJson(JsonReader &r)
{
    UserSearchRequest s;
    s.query = r.string("query", 1, limits::maxSearchLength);
    s.limit = int(r.optionalInteger("limit", 1, limits::maxSearchResults).value_or(20));
    return s;
}

QJsonObject SendRequest::toJson() const
{
    QJsonObject o{{QStringLiteral("roomId"), roomId.value},
                  {QStringLiteral("clientMsgId"), clientMsgId},
                  {QStringLiteral("body"), body}};
    if (replyTo.isValid())
        o.insert(QStringLiteral("replyTo"), replyTo.value);
    if (!attachmentIds.isEmpty()) {
        QJsonArray ids;
        for (AttachmentId id : attachmentIds)
            ids.append(id.value);
        o.insert(QStringLiteral("attachmentIds"), ids);
    }
    return o;
}

SendRequest SendRequest::fromJson(JsonReader &r)
{
    SendRequest s;
    s.roomId = r.id<RoomIdTag>("roomId");
    s.clientMsgId = r.string("clientMsgId", 1, limits::maxClientMsgIdLength);
    if (r.has("attachmentIds")) {
        for (qint64 id : r.integerList("attachmentIds", limits::maxAttachmentsPerMessage, 1, maxInt)) {
            if (s.attachmentIds.contains(AttachmentId(id)))
                r.fail("attachmentIds", QStringLiteral("must not repeat an id"));
            s.attachmentIds.append(AttachmentId(id));
        }
    }
    s.body = r.string("body", 0, limits::maxBodyLength);
    if (r.ok() && s.body.trimmed().isEmpty() && s.attachmentIds.isEmpty())
        r.fail("body", QStringLiteral("must not be blank"));
    s.replyTo = MessageId(r.optionalInteger("replyTo", 1, maxInt).value_or(0));
    return s;
}

QJsonObject HistoryRequest::toJson() const
{
    return {{QStringLiteral("roomId"), roomId.value},
            {QStringLiteral("beforeSeq"), beforeSeq},
            {QStringLiteral("limit"), limit}};
}

HistoryRequest HistoryRequest::fromJson(JsonReader &r)
{
    HistoryRequest h;
    h.roomId = r.id<RoomIdTag>("roomId");
    h.beforeSeq = r.optionalInteger("beforeSeq", 0, maxInt).value_or(0);
    h.limit = int(r.optionalInteger("limit", 1, limits::maxHistoryLimit)
                      .value_or(limits::defaultHistoryLimit));
    return h;
}

QJsonObject SyncRequest::toJson() const
{
    return {{QStringLiteral("cursors"), toJsonArray(cursors)}, {QStringLiteral("limit"), limit}};
}

SyncRequest SyncRequest::fromJson(JsonReader &r)
{
    SyncRequest s;
    s.cursors = r.objectList<SyncCursor>("cursors", limits::maxSyncCursors, &SyncCursor::fromJson);
    s.limit = int(r.optionalInteger("limit", 1, limits::maxSyncLimit).value_or(limits::defaultSyncLimit));
    return s;
}

} // namespace natter
