#pragma once
// Server pushes. Events carry no request id; registry.h lists them all once.

#include "protocol/grouprequests.h"
#include "protocol/types.h"

namespace natter {

/// A new timeline entry in a room the receiver belongs to.
struct MessageEvent
{
    static constexpr const char *type = "message";
    Message message;
    QJsonObject toJson() const { return {{QStringLiteral("message"), message.toJson()}}; }
    static MessageEvent fromJson(JsonReader &r);
};

/// The receiver's relationship with another user changed (on any of the receiver's devices or
/// by the other user's action).
struct FriendEvent
{
    static constexpr const char *type = "friend";
    Friend relation;
    QJsonObject toJson() const { return {{QStringLiteral("friend"), relation.toJson()}}; }
    static FriendEvent fromJson(JsonReader &r);
};

/// A room the receiver belongs to was created, reopened, closed or otherwise changed.
struct RoomEvent
{
    static constexpr const char *type = "room";
    Room room;
    QJsonObject toJson() const { return {{QStringLiteral("room"), room.toJson()}}; }
    static RoomEvent fromJson(JsonReader &r);
};

/// The receiver was invited to a group room.
struct InviteEvent
{
    static constexpr const char *type = "invite";
    Invite invite;
    QJsonObject toJson() const { return {{QStringLiteral("invite"), invite.toJson()}}; }
    static InviteEvent fromJson(JsonReader &r);
};

/// A room is gone for the receiver: they left or were removed, or it was deleted.
struct RoomRemovedEvent
{
    static constexpr const char *type = "room.removed";
    RoomId roomId;
    QString reason; ///< "left", "kicked" or "deleted"
    QJsonObject toJson() const
    {
        return {{QStringLiteral("roomId"), roomId.value}, {QStringLiteral("reason"), reason}};
    }
    static RoomRemovedEvent fromJson(JsonReader &r);
};

} // namespace natter
