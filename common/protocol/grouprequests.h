#pragma once
// Group room requests: creation, settings, membership and roles. See docs/protocol.md §5.

#include "protocol/requests.h"

namespace natter {

struct Invite
{
    RoomSummary room;
    User inviter;
    QJsonObject toJson() const;
    static Invite fromJson(JsonReader &r);
};

struct RoomReply
{
    Room room;
    QJsonObject toJson() const { return {{QStringLiteral("room"), room.toJson()}}; }
    static RoomReply fromJson(JsonReader &r);
};

struct RoomSummaryListReply
{
    QList<RoomSummary> rooms;
    QJsonObject toJson() const;
    static RoomSummaryListReply fromJson(JsonReader &r);
};

struct InviteListReply
{
    QList<Invite> invites;
    QJsonObject toJson() const;
    static InviteListReply fromJson(JsonReader &r);
};

struct CreateRoomRequest
{
    static constexpr const char *type = "rooms.create";
    using Reply = RoomReply;
    QString name;
    QString topic;
    bool open = false;
    HistoryVisibility historyVisibility = HistoryVisibility::Shared;
    QList<UserId> invite; ///< invited right away (each must be a friend unless the room is open)
    QJsonObject toJson() const;
    static CreateRoomRequest fromJson(JsonReader &r);
};

/// Changes only the fields that are present.
struct UpdateRoomRequest
{
    static constexpr const char *type = "rooms.update";
    using Reply = RoomReply;
    RoomId roomId;
    std::optional<QString> name;
    std::optional<QString> topic;
    std::optional<bool> open;
    std::optional<HistoryVisibility> historyVisibility;
    QJsonObject toJson() const;
    static UpdateRoomRequest fromJson(JsonReader &r);
};

/// Requests that name only a room.
template <class Self, class R>
struct RoomAction
{
    using Reply = R;
    RoomId roomId;
    QJsonObject toJson() const { return {{QStringLiteral("roomId"), roomId.value}}; }
    static Self fromJson(JsonReader &r)
    {
        Self s;
        s.roomId = r.id<RoomIdTag>("roomId");
        return s;
    }
};

/// Requests that name a room and a user.
template <class Self>
struct RoomMemberAction
{
    using Reply = EmptyReply;
    RoomId roomId;
    UserId userId;
    QJsonObject toJson() const
    {
        return {{QStringLiteral("roomId"), roomId.value}, {QStringLiteral("userId"), userId.value}};
    }
    static Self fromJson(JsonReader &r)
    {
        Self s;
        s.roomId = r.id<RoomIdTag>("roomId");
        s.userId = r.id<UserIdTag>("userId");
        return s;
    }
};

struct JoinRoomRequest : RoomAction<JoinRoomRequest, RoomReply>
{
    static constexpr const char *type = "rooms.join";
};
struct DeclineInviteRequest : RoomAction<DeclineInviteRequest, EmptyReply>
{
    static constexpr const char *type = "rooms.decline";
};
struct LeaveRoomRequest : RoomAction<LeaveRoomRequest, EmptyReply>
{
    static constexpr const char *type = "rooms.leave";
};
struct DeleteRoomRequest : RoomAction<DeleteRoomRequest, EmptyReply>
{
    static constexpr const char *type = "rooms.delete";
};
struct InviteRequest : RoomMemberAction<InviteRequest>
{
    static constexpr const char *type = "rooms.invite";
};
struct KickRequest : RoomMemberAction<KickRequest>
{
    static constexpr const char *type = "rooms.kick";
};
struct TransferOwnershipRequest : RoomMemberAction<TransferOwnershipRequest>
{
    static constexpr const char *type = "rooms.transfer";
};

enum class MemberRole { Member, Admin, Owner };
QString memberRoleName(MemberRole role);
bool memberRoleFromName(const QString &name, MemberRole *role);

struct SetRoleRequest
{
    static constexpr const char *type = "rooms.setRole";
    using Reply = EmptyReply;
    RoomId roomId;
    UserId userId;
    MemberRole role = MemberRole::Member; ///< admin or member; ownership moves by rooms.transfer
    QJsonObject toJson() const;
    static SetRoleRequest fromJson(JsonReader &r);
};

struct DirectoryRequest
{
    static constexpr const char *type = "rooms.directory";
    using Reply = RoomSummaryListReply;
    QString query; ///< case-insensitive part of the name; empty lists all open rooms
    int limit = 50;
    QJsonObject toJson() const;
    static DirectoryRequest fromJson(JsonReader &r);
};

struct InviteListRequest
{
    static constexpr const char *type = "rooms.invites";
    using Reply = InviteListReply;
    QJsonObject toJson() const { return {}; }
    static InviteListRequest fromJson(JsonReader &) { return {}; }
};

} // namespace natter
