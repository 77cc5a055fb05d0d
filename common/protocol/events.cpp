#include "protocol/events.h"

namespace natter {

MessageEvent MessageEvent::fromJson(JsonReader &r)
{
    return {r.object<Message>("message", &Message::fromJson)};
}

FriendEvent FriendEvent::fromJson(JsonReader &r)
{
    return {r.object<Friend>("friend", &Friend::fromJson)};
}

RoomEvent RoomEvent::fromJson(JsonReader &r)
{
    return {r.object<Room>("room", &Room::fromJson)};
}

InviteEvent InviteEvent::fromJson(JsonReader &r)
{
    return {r.object<Invite>("invite", &Invite::fromJson)};
}

RoomRemovedEvent RoomRemovedEvent::fromJson(JsonReader &r)
{
    RoomRemovedEvent e;
    e.roomId = r.id<RoomIdTag>("roomId");
    e.reason = r.string("reason", 1, 32);
    return e;
}

} // namespace natter
