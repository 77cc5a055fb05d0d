#include "protocol/liverequests.h"

#include "protocol/limits.h"

namespace natter {

namespace {
constexpr qint64 maxInt = limits::maxJsonInteger;
QJsonValue idOrNull(qint64 v) { return v > 0 ? QJsonValue(v) : QJsonValue(); }
} // namespace

QString presenceName(Presence p)
{
    switch (p) {
    case Presence::Offline: return QStringLiteral("offline");
    case Presence::Away: return QStringLiteral("away");
    case Presence::Online: return QStringLiteral("online");
    case Presence::DoNotDisturb: return QStringLiteral("dnd");
    }
    return QString();
}

bool presenceFromName(const QString &name, Presence *p)
{
    for (Presence x : {Presence::Offline, Presence::Away, Presence::Online, Presence::DoNotDisturb}) {
        if (presenceName(x) == name) {
            *p = x;
            return true;
        }
    }
    return false;
}

QJsonObject PresenceEntry::toJson() const
{
    return {{QStringLiteral("userId"), userId.value}, {QStringLiteral("status"), presenceName(status)}};
}

PresenceEntry PresenceEntry::fromJson(JsonReader &r)
{
    PresenceEntry e;
    e.userId = r.id<UserIdTag>("userId");
    const QString status = r.string("status", 1, 16);
    if (r.ok() && !presenceFromName(status, &e.status))
        r.fail("status", QStringLiteral("is not a known presence"));
    return e;
}

QJsonObject PresenceListReply::toJson() const
{
    QJsonArray a;
    for (const PresenceEntry &e : presence)
        a.append(e.toJson());
    return {{QStringLiteral("presence"), a}};
}

PresenceListReply PresenceListReply::fromJson(JsonReader &r)
{
    return {r.objectList<PresenceEntry>("presence", 10000, &PresenceEntry::fromJson)};
}

QJsonObject ReadMarkerReply::toJson() const
{
    return {{QStringLiteral("roomId"), roomId.value}, {QStringLiteral("readSeq"), readSeq}};
}

ReadMarkerReply ReadMarkerReply::fromJson(JsonReader &r)
{
    ReadMarkerReply m;
    m.roomId = r.id<RoomIdTag>("roomId");
    m.readSeq = r.integer("readSeq", 0, maxInt);
    return m;
}

SetPresenceRequest SetPresenceRequest::fromJson(JsonReader &r)
{
    SetPresenceRequest s;
    const QString status = r.string("status", 1, 16);
    if (r.ok() && (!presenceFromName(status, &s.status) || s.status == Presence::Offline))
        r.fail("status", QStringLiteral("must be \"online\", \"away\" or \"dnd\""));
    return s;
}

QJsonObject PresenceQueryRequest::toJson() const
{
    QJsonArray a;
    for (UserId u : userIds)
        a.append(u.value);
    return {{QStringLiteral("userIds"), a}};
}

PresenceQueryRequest PresenceQueryRequest::fromJson(JsonReader &r)
{
    PresenceQueryRequest q;
    for (qint64 id : r.integerList("userIds", 1000, 1, maxInt))
        q.userIds.append(UserId(id));
    return q;
}

TypingRequest TypingRequest::fromJson(JsonReader &r)
{
    TypingRequest t;
    t.roomId = r.id<RoomIdTag>("roomId");
    t.typing = r.boolean("typing");
    return t;
}

ViewRoomRequest ViewRoomRequest::fromJson(JsonReader &r)
{
    return {RoomId(r.integer("roomId", 0, maxInt))};
}

MarkReadRequest MarkReadRequest::fromJson(JsonReader &r)
{
    MarkReadRequest m;
    m.roomId = r.id<RoomIdTag>("roomId");
    m.seq = r.integer("seq", 0, maxInt);
    return m;
}

MutedReply MutedReply::fromJson(JsonReader &r)
{
    MutedReply m;
    m.roomId = r.id<RoomIdTag>("roomId");
    m.muted = r.boolean("muted");
    return m;
}

SetMutedRequest SetMutedRequest::fromJson(JsonReader &r)
{
    SetMutedRequest m;
    m.roomId = r.id<RoomIdTag>("roomId");
    m.muted = r.boolean("muted");
    return m;
}

QJsonObject TypingEvent::toJson() const
{
    return {{QStringLiteral("roomId"), roomId.value},
            {QStringLiteral("userId"), userId.value},
            {QStringLiteral("typing"), typing}};
}

TypingEvent TypingEvent::fromJson(JsonReader &r)
{
    TypingEvent t;
    t.roomId = r.id<RoomIdTag>("roomId");
    t.userId = r.id<UserIdTag>("userId");
    t.typing = r.boolean("typing");
    return t;
}

QJsonObject NotificationEvent::toJson() const
{
    return {{QStringLiteral("kind"), kind},
            {QStringLiteral("roomId"), idOrNull(roomId.value)},
            {QStringLiteral("userId"), idOrNull(userId.value)},
            {QStringLiteral("seq"), seq},
            {QStringLiteral("preview"), preview},
            {QStringLiteral("mention"), mention}};
}

NotificationEvent NotificationEvent::fromJson(JsonReader &r)
{
    NotificationEvent n;
    n.kind = r.string("kind", 1, 32);
    n.roomId = RoomId(r.optionalInteger("roomId", 1, maxInt).value_or(0));
    n.userId = UserId(r.optionalInteger("userId", 1, maxInt).value_or(0));
    n.seq = r.integer("seq", 0, maxInt);
    n.preview = r.string("preview", 0, 1000);
    n.mention = r.boolean("mention");
    return n;
}

} // namespace natter
