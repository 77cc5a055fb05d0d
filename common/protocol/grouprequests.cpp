#include "protocol/grouprequests.h"

#include "protocol/limits.h"

namespace natter {

namespace {

std::optional<HistoryVisibility> readVisibility(JsonReader &r)
{
    const std::optional<QString> name = r.optionalString("historyVisibility", 1, 16);
    if (!name)
        return std::nullopt;
    HistoryVisibility v;
    if (!historyVisibilityFromName(*name, &v)) {
        r.fail("historyVisibility", QStringLiteral("must be \"shared\" or \"joined\""));
        return std::nullopt;
    }
    return v;
}

void checkName(JsonReader &r, const QString &name)
{
    if (r.ok() && name.trimmed().isEmpty())
        r.fail("name", QStringLiteral("must not be blank"));
}
} // namespace

QJsonObject Invite::toJson() const
{
    return {{QStringLiteral("room"), room.toJson()}, {QStringLiteral("inviter"), inviter.toJson()}};
}

Invite Invite::fromJson(JsonReader &r)
{
    Invite i;
    i.room = r.object<RoomSummary>("room", &RoomSummary::fromJson);
    i.inviter = r.object<User>("inviter", &User::fromJson);
    return i;
}

RoomReply RoomReply::fromJson(JsonReader &r) { return {r.object<Room>("room", &Room::fromJson)}; }

QJsonObject RoomSummaryListReply::toJson() const { return {{QStringLiteral("rooms"), toJsonArray(rooms)}}; }

RoomSummaryListReply RoomSummaryListReply::fromJson(JsonReader &r)
{
    return {r.objectList<RoomSummary>("rooms", 1000, &RoomSummary::fromJson)};
}

QJsonObject InviteListReply::toJson() const { return {{QStringLiteral("invites"), toJsonArray(invites)}}; }

InviteListReply InviteListReply::fromJson(JsonReader &r)
{
    return {r.objectList<Invite>("invites", 100000, &Invite::fromJson)};
}

QJsonObject CreateRoomRequest::toJson() const
{
    QJsonArray ids;
    for (UserId u : invite)
        ids.append(u.value);
    return {{QStringLiteral("name"), name},
            {QStringLiteral("topic"), topic},
            {QStringLiteral("open"), open},
            {QStringLiteral("historyVisibility"), historyVisibilityName(historyVisibility)},
            {QStringLiteral("invite"), ids}};
}

CreateRoomRequest CreateRoomRequest::fromJson(JsonReader &r)
{
    CreateRoomRequest c;
    c.name = r.string("name", 1, limits::maxRoomNameLength);
    checkName(r, c.name);
    c.topic = r.optionalString("topic", 0, limits::maxTopicLength).value_or(QStringLiteral(""));
    c.open = r.optionalBoolean("open").value_or(false);
    c.historyVisibility = readVisibility(r).value_or(HistoryVisibility::Shared);
    if (r.has("invite")) {
        for (qint64 id : r.integerList("invite", limits::maxInviteesAtCreation, 1, limits::maxJsonInteger))
            c.invite.append(UserId(id));
    }
    return c;
}

QJsonObject UpdateRoomRequest::toJson() const
{
    QJsonObject o{{QStringLiteral("roomId"), roomId.value}};
    if (name)
        o.insert(QStringLiteral("name"), *name);
    if (topic)
        o.insert(QStringLiteral("topic"), *topic);
    if (open)
        o.insert(QStringLiteral("open"), *open);
    if (historyVisibility)
        o.insert(QStringLiteral("historyVisibility"), historyVisibilityName(*historyVisibility));
    return o;
}

UpdateRoomRequest UpdateRoomRequest::fromJson(JsonReader &r)
{
    UpdateRoomRequest u;
    u.roomId = r.id<RoomIdTag>("roomId");
    u.name = r.optionalString("name", 1, limits::maxRoomNameLength);
    if (u.name)
        checkName(r, *u.name);
    u.topic = r.optionalString("topic", 0, limits::maxTopicLength);
    u.open = r.optionalBoolean("open");
    u.historyVisibility = readVisibility(r);
    return u;
}

QString memberRoleName(MemberRole role)
{
    switch (role) {
    case MemberRole::Member: return QStringLiteral("member");
    case MemberRole::Admin: return QStringLiteral("admin");
    case MemberRole::Owner: return QStringLiteral("owner");
    }
    return QString();
}

bool memberRoleFromName(const QString &name, MemberRole *role)
{
    for (MemberRole r : {MemberRole::Member, MemberRole::Admin, MemberRole::Owner}) {
        if (memberRoleName(r) == name) {
            *role = r;
            return true;
        }
    }
    return false;
}

QJsonObject SetRoleRequest::toJson() const
{
    return {{QStringLiteral("roomId"), roomId.value},
            {QStringLiteral("userId"), userId.value},
            {QStringLiteral("role"), memberRoleName(role)}};
}

SetRoleRequest SetRoleRequest::fromJson(JsonReader &r)
{
    SetRoleRequest s;
    s.roomId = r.id<RoomIdTag>("roomId");
    s.userId = r.id<UserIdTag>("userId");
    const QString role = r.string("role", 1, 16);
    if (r.ok() && (!memberRoleFromName(role, &s.role) || s.role == MemberRole::Owner))
        r.fail("role", QStringLiteral("must be \"admin\" or \"member\""));
    return s;
}

QJsonObject DirectoryRequest::toJson() const
{
    return {{QStringLiteral("query"), query}, {QStringLiteral("limit"), limit}};
}

DirectoryRequest DirectoryRequest::fromJson(JsonReader &r)
{
    DirectoryRequest d;
    d.query = r.optionalString("query", 0, limits::maxSearchLength).value_or(QString());
    d.limit = int(r.optionalInteger("limit", 1, 200).value_or(50));
    return d;
}

} // namespace natter
