#pragma once

#include "protocol/types.h"
#include "storage/statement.h"

#include <optional>

namespace natter::server {

enum class RoomAccess { NotMember, Open, Closed };

/// Rooms, their members and their timeline counters.
class RoomRepository
{
public:
    explicit RoomRepository(StatementCache &cache) : m_cache(cache) {}

    RoomId findDirect(UserId a, UserId b);
    RoomId createDirect(UserId a, UserId b, qint64 now);
    void setClosed(RoomId room, bool closed);
    RoomAccess access(RoomId room, UserId user);
    QList<UserId> memberIds(RoomId room);
    std::optional<Room> load(RoomId room);
    /// The user's rooms, most recently active first, with members and last message.
    QList<Room> listFor(UserId user);
    /// Reserves the next timeline position of a room and marks it active at `now`.
    Seq allocateSeq(RoomId room, qint64 now);

private:
    QList<User> members(RoomId room);
    Room readRoom(const Statement &q);

    StatementCache &m_cache;
};

} // namespace natter::server
