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

} // namespace natter
