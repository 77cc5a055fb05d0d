#pragma once

#include "protocol/types.h"

#include <QHash>
#include <QSet>

namespace natter::server {

/// What sending a message needs to know about a room: whether it is closed and who its active
/// members are.
struct RoomState
{
    bool closed = false;
    QList<User> members;
    QSet<UserId> memberIds;
};

/// The writer connection's cache of RoomState, so a message costs no membership queries.
/// Only the writer changes membership, and every change invalidates its room; the worker
/// clears the whole cache whenever a job or a commit fails, so nothing rolled back survives.
class RoomStateCache
{
public:
    const RoomState *find(RoomId room) const
    {
        const auto it = m_states.constFind(room);
        return it == m_states.constEnd() ? nullptr : &*it;
    }
    const RoomState *put(RoomId room, RoomState state)
    {
        if (m_states.size() >= maxRooms)
            m_states.clear();
        return &*m_states.insert(room, std::move(state));
    }
    void invalidate(RoomId room) { m_states.remove(room); }
    void clear() { m_states.clear(); }

    static constexpr int maxRooms = 20000;

private:
    QHash<RoomId, RoomState> m_states;
};

} // namespace natter::server
