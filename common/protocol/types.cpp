#include "protocol/types.h"

#include "protocol/jsonwriter.h"

#include <QJsonDocument>

#include "protocol/limits.h"

namespace natter {

namespace {
constexpr qint64 maxInt = limits::maxJsonInteger;
}

QJsonObject User::toJson() const
{
    return {{QStringLiteral("id"), id.value}, {QStringLiteral("username"), username}};
}

User User::fromJson(JsonReader &r)
{
    User u;
    u.id = r.id<UserIdTag>("id");
    u.username = r.string("username", 1, limits::maxUsernameLength);
    return u;
}

QJsonObject ReplyPreview::toJson() const
{
    return {{QStringLiteral("id"), id.value},
            {QStringLiteral("senderId"), senderId.value},
            {QStringLiteral("body"), body},
            {QStringLiteral("deleted"), deleted}};
}

ReplyPreview ReplyPreview::fromJson(JsonReader &r)
{
    ReplyPreview p;
    p.id = r.id<MessageIdTag>("id");
    p.senderId = r.id<UserIdTag>("senderId");
    p.body = r.string("body", 0, limits::maxBodyLength);
    p.deleted = r.boolean("deleted");
    return p;
}

QJsonObject Attachment::toJson() const
{
    return {{QStringLiteral("id"), id.value},
            {QStringLiteral("name"), name},
            {QStringLiteral("size"), size},
            {QStringLiteral("mimeType"), mimeType},
            {QStringLiteral("sha256"), sha256},
            {QStringLiteral("width"), width},
            {QStringLiteral("height"), height},
            {QStringLiteral("thumbnail"), thumbnail}};
}

Attachment Attachment::fromJson(JsonReader &r)
{
    Attachment a;
    a.id = r.id<AttachmentIdTag>("id");
    a.name = r.string("name", 1, limits::maxFileNameLength);
    a.size = r.integer("size", 0, maxInt);
    a.mimeType = r.string("mimeType", 1, limits::maxMimeTypeLength);
    a.sha256 = r.sha256("sha256");
    a.width = int(r.integer("width", 0, 1 << 30));
    a.height = int(r.integer("height", 0, 1 << 30));
    a.thumbnail = r.boolean("thumbnail");
    return a;
}

QJsonObject Message::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id.value},
            {QStringLiteral("roomId"), roomId.value},
            {QStringLiteral("seq"), seq},
            {QStringLiteral("senderId"), senderId.value},
            {QStringLiteral("clientMsgId"), clientMsgId},
            {QStringLiteral("body"), body},
            {QStringLiteral("sentAt"), sentAt},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("subjectId"), subjectId.isValid() ? QJsonValue(subjectId.value) : QJsonValue()}};
    // Lifecycle fields appear only when set, so plain messages look as they always did.
    if (targetId.isValid())
        o.insert(QStringLiteral("targetId"), targetId.value);
    if (editedAt > 0)
        o.insert(QStringLiteral("editedAt"), editedAt);
    if (deleted)
        o.insert(QStringLiteral("deleted"), true);
    if (replyTo.isValid())
        o.insert(QStringLiteral("replyTo"), replyTo.value);
    if (reply)
        o.insert(QStringLiteral("reply"), reply->toJson());
    if (!attachments.isEmpty())
        o.insert(QStringLiteral("attachments"), toJsonArray(attachments));
    return o;
}

void Message::writeJson(JsonWriter &w) const
{
    // Keys in the order QJsonDocument writes them (sorted), so the bytes are the same.
    w.beginObject();
    if (!attachments.isEmpty()) // rare enough for the generic writer
        w.key("attachments").raw(QJsonDocument(toJsonArray(attachments)).toJson(QJsonDocument::Compact));
    w.key("body").value(body);
    w.key("clientMsgId").value(clientMsgId);
    if (deleted)
        w.key("deleted").value(true);
    if (editedAt > 0)
        w.key("editedAt").value(editedAt);
    w.key("id").value(id.value);
    w.key("kind").value(kind);
    if (reply) {
        w.key("reply").beginObject();
        w.key("body").value(reply->body);
        w.key("deleted").value(reply->deleted);
        w.key("id").value(reply->id.value);
        w.key("senderId").value(reply->senderId.value);
        w.endObject();
    }
    if (replyTo.isValid())
        w.key("replyTo").value(replyTo.value);
    w.key("roomId").value(roomId.value);
    w.key("senderId").value(senderId.value);
    w.key("sentAt").value(sentAt);
    w.key("seq").value(seq);
    if (subjectId.isValid())
        w.key("subjectId").value(subjectId.value);
    else
        w.key("subjectId").null();
    if (targetId.isValid())
        w.key("targetId").value(targetId.value);
    w.endObject();
}

Message Message::fromJson(JsonReader &r)
{
    Message m;
    m.id = r.id<MessageIdTag>("id");
    m.roomId = r.id<RoomIdTag>("roomId");
    m.seq = r.integer("seq", 1, maxInt);
    m.senderId = r.id<UserIdTag>("senderId");
    m.clientMsgId = r.string("clientMsgId", 1, limits::maxClientMsgIdLength);
    m.body = r.string("body", 0, limits::maxBodyLength);
    m.sentAt = r.integer("sentAt", 0, maxInt);
    m.kind = r.string("kind", 1, 32);
    m.subjectId = UserId(r.optionalInteger("subjectId", 1, maxInt).value_or(0));
    m.targetId = MessageId(r.optionalInteger("targetId", 1, maxInt).value_or(0));
    m.editedAt = r.optionalInteger("editedAt", 0, maxInt).value_or(0);
    m.deleted = r.optionalBoolean("deleted").value_or(false);
    m.replyTo = MessageId(r.optionalInteger("replyTo", 1, maxInt).value_or(0));
    m.reply = r.optionalObject<ReplyPreview>("reply", &ReplyPreview::fromJson);
    if (r.ok() && (m.kind == timeline::edited || m.kind == timeline::deleted) && !m.targetId.isValid())
        r.fail("targetId", QStringLiteral("is required for %1 entries").arg(m.kind));
    if (r.ok() && m.reply && m.reply->id != m.replyTo)
        r.fail("reply", QStringLiteral("must preview the message named by replyTo"));
    if (r.has("attachments"))
        m.attachments = r.objectList<Attachment>("attachments", limits::maxAttachmentsPerMessage,
                                                 &Attachment::fromJson);
    return m;
}

QString roomKindName(RoomKind kind)
{
    switch (kind) {
    case RoomKind::Direct:
        return QStringLiteral("direct");
    case RoomKind::Group:
        return QStringLiteral("group");
    }
    return QString();
}

QString historyVisibilityName(HistoryVisibility v)
{
    return v == HistoryVisibility::Shared ? QStringLiteral("shared") : QStringLiteral("joined");
}

bool historyVisibilityFromName(const QString &name, HistoryVisibility *v)
{
    if (name == QLatin1String("shared"))
        *v = HistoryVisibility::Shared;
    else if (name == QLatin1String("joined"))
        *v = HistoryVisibility::Joined;
    else
        return false;
    return true;
}

QJsonObject Room::toJson() const
{
    QJsonArray memberArray;
    for (const User &u : members)
        memberArray.append(u.toJson());
    QJsonArray admins;
    for (UserId a : adminIds)
        admins.append(a.value);
    QJsonObject o{{QStringLiteral("id"), id.value},
                  {QStringLiteral("kind"), roomKindName(kind)},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("topic"), topic},
                  {QStringLiteral("open"), open},
                  {QStringLiteral("historyVisibility"), historyVisibilityName(historyVisibility)},
                  {QStringLiteral("ownerId"), ownerId.isValid() ? QJsonValue(ownerId.value) : QJsonValue()},
                  {QStringLiteral("adminIds"), admins},
                  {QStringLiteral("members"), memberArray},
                  {QStringLiteral("closed"), closed},
                  {QStringLiteral("lastSeq"), lastSeq},
                  {QStringLiteral("lastActivity"), lastActivity}};
    o.insert(QStringLiteral("lastMessage"),
             lastMessage ? QJsonValue(lastMessage->toJson()) : QJsonValue(QJsonValue::Null));
    if (readSeq) {
        o.insert(QStringLiteral("readSeq"), *readSeq);
        o.insert(QStringLiteral("unreadCount"), unreadCount);
        o.insert(QStringLiteral("mentionCount"), mentionCount);
        o.insert(QStringLiteral("muted"), muted);
    }
    return o;
}

Room Room::fromJson(JsonReader &r)
{
    Room room;
    room.id = r.id<RoomIdTag>("id");
    const QString kind = r.string("kind", 1, 16);
    if (r.ok() && kind != QLatin1String("direct") && kind != QLatin1String("group"))
        r.fail("kind", QStringLiteral("must be \"direct\" or \"group\""));
    room.kind = kind == QLatin1String("group") ? RoomKind::Group : RoomKind::Direct;
    room.name = r.string("name", 0, limits::maxRoomNameLength);
    room.topic = r.string("topic", 0, limits::maxTopicLength);
    room.open = r.boolean("open");
    const QString visibility = r.string("historyVisibility", 1, 16);
    if (r.ok() && !historyVisibilityFromName(visibility, &room.historyVisibility))
        r.fail("historyVisibility", QStringLiteral("must be \"shared\" or \"joined\""));
    room.ownerId = UserId(r.optionalInteger("ownerId", 1, maxInt).value_or(0));
    for (qint64 admin : r.integerList("adminIds", 10000, 1, maxInt))
        room.adminIds.append(UserId(admin));
    room.members = r.objectList<User>("members", 10000, &User::fromJson);
    room.closed = r.boolean("closed");
    room.lastSeq = r.integer("lastSeq", 0, maxInt);
    room.lastActivity = r.integer("lastActivity", 0, maxInt);
    room.lastMessage = r.optionalObject<Message>("lastMessage", &Message::fromJson);
    room.readSeq = r.optionalInteger("readSeq", 0, maxInt);
    room.unreadCount = int(r.optionalInteger("unreadCount", 0, 1 << 30).value_or(0));
    room.mentionCount = int(r.optionalInteger("mentionCount", 0, 1 << 30).value_or(0));
    room.muted = r.optionalBoolean("muted").value_or(false);
    return room;
}

QString friendStateName(FriendState state)
{
    switch (state) {
    case FriendState::None: return QStringLiteral("none");
    case FriendState::Friend: return QStringLiteral("friend");
    case FriendState::Incoming: return QStringLiteral("incoming");
    case FriendState::Outgoing: return QStringLiteral("outgoing");
    case FriendState::Blocked: return QStringLiteral("blocked");
    }
    return QString();
}

bool friendStateFromName(const QString &name, FriendState *state)
{
    for (FriendState s : {FriendState::None, FriendState::Friend, FriendState::Incoming,
                          FriendState::Outgoing, FriendState::Blocked}) {
        if (friendStateName(s) == name) {
            *state = s;
            return true;
        }
    }
    return false;
}

QJsonObject Friend::toJson() const
{
    QJsonObject o{{QStringLiteral("user"), user.toJson()},
                  {QStringLiteral("state"), friendStateName(state)}};
    o.insert(QStringLiteral("roomId"), roomId.isValid() ? QJsonValue(roomId.value) : QJsonValue());
    return o;
}

Friend Friend::fromJson(JsonReader &r)
{
    Friend f;
    f.user = r.object<User>("user", &User::fromJson);
    const QString state = r.string("state", 1, 16);
    if (r.ok() && !friendStateFromName(state, &f.state))
        r.fail("state", QStringLiteral("is not a known friend state"));
    f.roomId = RoomId(r.optionalInteger("roomId", 1, maxInt).value_or(0));
    return f;
}

QJsonObject RoomSummary::toJson() const
{
    return {{QStringLiteral("id"), id.value},
            {QStringLiteral("name"), name},
            {QStringLiteral("topic"), topic},
            {QStringLiteral("memberCount"), memberCount}};
}

RoomSummary RoomSummary::fromJson(JsonReader &r)
{
    RoomSummary s;
    s.id = r.id<RoomIdTag>("id");
    s.name = r.string("name", 0, limits::maxRoomNameLength);
    s.topic = r.string("topic", 0, limits::maxTopicLength);
    s.memberCount = int(r.integer("memberCount", 0, 1 << 30));
    return s;
}

QJsonObject SyncCursor::toJson() const
{
    return {{QStringLiteral("roomId"), roomId.value}, {QStringLiteral("afterSeq"), afterSeq}};
}

SyncCursor SyncCursor::fromJson(JsonReader &r)
{
    SyncCursor c;
    c.roomId = r.id<RoomIdTag>("roomId");
    c.afterSeq = r.integer("afterSeq", 0, maxInt);
    return c;
}

} // namespace natter
