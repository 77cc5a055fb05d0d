#pragma once
// Server pushes. Events carry no request id; registry.h lists them all once.

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

} // namespace natter
