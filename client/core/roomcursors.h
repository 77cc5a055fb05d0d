#pragma once
// Lossless, exactly-once delivery bookkeeping for room timelines.

#include "protocol/types.h"

#include <QHash>
#include <QList>
#include <QSet>

namespace natter::client {

/// Tracks, per room, the highest seq up to which every entry has been seen (`contiguous`) and
/// the seqs seen beyond it. Every message the client learns about, from whatever source, passes
/// through accept(); it says whether the message is new, so each (room, seq) is delivered once.
class RoomCursors
{
public:
    /// Registers a room whose entries up to and including `startAt` count as already seen.
    /// Does nothing if the room is already known.
    void ensureRoom(RoomId room, Seq startAt);
    bool knows(RoomId room) const;

    /// Records `message` and returns true if it was not seen before. A message for an unknown
    /// room registers that room at 0 first. Messages with an invalid room or seq < 1 are rejected.
    bool accept(const Message &message);

    /// Marks every entry up to `seq` as passed over (e.g. before the user's readable window,
    /// which the server reveals by answering a sync from further on).
    void skipTo(RoomId room, Seq seq);

    /// Highest seq such that every entry 1..seq of the room has been seen (or skipped at
    /// registration); 0 for unknown rooms.
    Seq contiguous(RoomId room) const;
    /// True if entries beyond contiguous() were seen while some before them are still missing.
    bool hasGap(RoomId room) const;

    /// One cursor per known room (afterSeq = contiguous), sorted by room id.
    QList<SyncCursor> syncCursors() const;
    /// contiguous() of every known room, e.g. for persisting.
    QHash<RoomId, Seq> snapshot() const;
    /// Replaces all state by the given cursors (no entries ahead of them).
    void reset(const QHash<RoomId, Seq> &cursors = {});
    int roomCount() const { return int(m_rooms.size()); }

private:
    struct Track
    {
        Seq contiguous = 0;
        QSet<Seq> ahead; ///< seen seqs > contiguous + 1
    };
    QHash<RoomId, Track> m_rooms;
};

} // namespace natter::client
