#include "core/roomcursors.h"

#include <algorithm>

namespace natter::client {

void RoomCursors::ensureRoom(RoomId room, Seq startAt)
{
    if (!room.isValid() || m_rooms.contains(room))
        return;
    m_rooms.insert(room, Track{qMax<Seq>(0, startAt), {}});
}

bool RoomCursors::knows(RoomId room) const
{
    return m_rooms.contains(room);
}

bool RoomCursors::accept(const Message &message)
{
    if (!message.roomId.isValid() || message.seq < 1)
        return false;
    Track &track = m_rooms[message.roomId];
    if (message.seq <= track.contiguous || track.ahead.contains(message.seq))
        return false;
    if (message.seq == track.contiguous + 1)
        track.contiguous = message.seq;
    else
        track.ahead.insert(message.seq);
    while (track.ahead.remove(track.contiguous + 1))
        ++track.contiguous;
    return true;
}

void RoomCursors::skipTo(RoomId room, Seq seq)
{
    auto it = m_rooms.find(room);
    if (it == m_rooms.end() || seq <= it->contiguous)
        return;
    it->contiguous = seq;
    for (auto a = it->ahead.begin(); a != it->ahead.end();)
        a = *a <= seq ? it->ahead.erase(a) : std::next(a);
    while (it->ahead.remove(it->contiguous + 1))
        ++it->contiguous;
}

Seq RoomCursors::contiguous(RoomId room) const
{
    const auto it = m_rooms.constFind(room);
    return it == m_rooms.constEnd() ? 0 : it->contiguous;
}

bool RoomCursors::hasGap(RoomId room) const
{
    const auto it = m_rooms.constFind(room);
    return it != m_rooms.constEnd() && !it->ahead.isEmpty();
}

QList<SyncCursor> RoomCursors::syncCursors() const
{
    QList<SyncCursor> out;
    out.reserve(m_rooms.size());
    for (auto it = m_rooms.constBegin(); it != m_rooms.constEnd(); ++it)
        out.append(SyncCursor{it.key(), it->contiguous});
    std::sort(out.begin(), out.end(),
              [](const SyncCursor &a, const SyncCursor &b) { return a.roomId < b.roomId; });
    return out;
}

QHash<RoomId, Seq> RoomCursors::snapshot() const
{
    QHash<RoomId, Seq> out;
    out.reserve(m_rooms.size());
    for (auto it = m_rooms.constBegin(); it != m_rooms.constEnd(); ++it)
        out.insert(it.key(), it->contiguous);
    return out;
}

void RoomCursors::reset(const QHash<RoomId, Seq> &cursors)
{
    m_rooms.clear();
    for (auto it = cursors.constBegin(); it != cursors.constEnd(); ++it)
        ensureRoom(it.key(), it.value());
}

} // namespace natter::client
