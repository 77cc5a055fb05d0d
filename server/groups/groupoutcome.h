#pragma once

#include "protocol/grouprequests.h"

#include <optional>

namespace natter::server {

/// What a group action stored, and so what must be pushed once it is committed.
struct GroupOutcome
{
    std::optional<ProtocolError> error; ///< set before anything is written: nothing changed
    RoomId roomId;
    UserId actor;                       ///< who did it
    std::optional<Room> room;           ///< the room after the change, for `room` events
    QList<UserId> members;              ///< active members after the change
    bool settingsChanged = false;       ///< a setting without a timeline entry changed
    QList<Message> events;              ///< timeline entries written, in seq order
    QList<UserId> alsoTold;             ///< former members who get the events too (leaver, kicked)
    QList<std::pair<UserId, QString>> removed; ///< users who lost the room, with the reason
    QList<std::pair<UserId, Invite>> invites;
};

} // namespace natter::server
