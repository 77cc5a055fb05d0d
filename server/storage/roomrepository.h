#pragma once

#include "protocol/grouprequests.h"
#include "protocol/types.h"
#include "storage/roomstatecache.h"
#include "storage/statement.h"

#include <optional>

namespace natter::server {

/// Rooms (direct and group), their settings and timeline counters. Membership is in
/// MembershipRepository.
class RoomRepository
{
public:
    RoomRepository(StatementCache &cache, RoomStateCache &states) : m_cache(cache), m_states(states) {}

    RoomId findDirect(UserId a, UserId b);
    RoomId createDirect(UserId a, UserId b, qint64 now);
    RoomId createGroup(const QString &name, const QString &topic, bool open,
                       HistoryVisibility visibility, qint64 now);
    void setClosed(RoomId room, bool closed);
    void rename(RoomId room, const QString &name);
    void setTopic(RoomId room, const QString &topic);
    void setOpen(RoomId room, bool open);
    void setHistoryVisibility(RoomId room, HistoryVisibility visibility);
    /// Deletes the room with its members, invitations and timeline (its attachments too, but not
    /// their contents: AttachmentRepository::detachRoom() first).
    void remove(RoomId room);

    /// The room with its active members and last message.
    std::optional<Room> load(RoomId room);
    /// The rooms `user` is an active member of, most recently active first.
    QList<Room> listFor(UserId user);
    std::optional<RoomSummary> summary(RoomId room);
    /// Open group rooms whose name contains `query` (case-insensitive), by name.
    QList<RoomSummary> directory(const QString &query, int limit);
    /// Reserves the next timeline position of a room and, unless `activity` is false (edits
    /// and deletes), marks it active at `now`.
    Seq allocateSeq(RoomId room, qint64 now, bool activity = true);
    /// Records that an entry was stored at `seq`, the room's next position (see
    /// MessageRepository::insertNext), and marks the room active at `now`.
    void advanceSeq(RoomId room, Seq seq, qint64 now);

private:
    void fillMembers(Room &room);
    void countUnread(Room &room, UserId user, const QString &username, Seq readFrom);
    Room readRoom(const Statement &q, Seq fromSeq);

    StatementCache &m_cache;
    RoomStateCache &m_states;
};

} // namespace natter::server
