#pragma once

#include "protocol/grouprequests.h"
#include "storage/roomstatecache.h"
#include "storage/statement.h"

#include <optional>

namespace natter::server {

/// What one user may do in one room.
struct Membership
{
    bool exists = false;   ///< the room exists
    bool active = false;   ///< a current member
    RoomKind kind = RoomKind::Direct;
    MemberRole role = MemberRole::Member;
    bool closed = false;
    bool open = false;
    HistoryVisibility visibility = HistoryVisibility::Shared;
    Seq readFrom = 1;      ///< first readable seq
    Seq readUntil = 0;     ///< last readable seq for a former member; 0 = no limit
    Seq lastSeq = 0;

    bool canRead() const { return active || readUntil > 0; }
};

/// Room members, their roles and readable windows, and invitations.
class MembershipRepository
{
public:
    MembershipRepository(StatementCache &cache, RoomStateCache &states) : m_cache(cache), m_states(states) {}

    Membership membership(RoomId room, UserId user);
    /// Adds or reactivates a member who may read from `readFrom` on.
    void join(RoomId room, UserId user, MemberRole role, Seq readFrom, qint64 now);
    /// Ends a membership; the former member keeps reading up to `readUntil`.
    void leave(RoomId room, UserId user, Seq readUntil);
    void setRole(RoomId room, UserId user, MemberRole role);
    /// Active members' ids.
    QList<UserId> activeMembers(RoomId room);

    void invite(RoomId room, UserId user, UserId inviter, qint64 now);
    bool removeInvite(RoomId room, UserId user);
    bool hasInvite(RoomId room, UserId user);
    QList<Invite> invitesFor(UserId user);
    /// Active members with the first seq each may read.
    QList<QPair<UserId, Seq>> activeWindows(RoomId room);
    /// Active members with their names (for mentions and notifications).
    QList<User> activeMemberUsers(RoomId room);

    /// Moves the read marker forward to `seq` (never back, never past the room's end);
    /// returns the marker afterwards.
    Seq markRead(RoomId room, UserId user, Seq seq);
    /// Sets the member's mute flag; false when `user` is not a current member of `room`.
    bool setMuted(RoomId room, UserId user, bool muted);
    /// Users who may see `user`'s presence: friends and fellow members of any room.
    QList<UserId> presenceAudience(UserId user);

    /// The room's send state, from the cache or loaded (nothing when the room does not exist).
    const RoomState *roomState(RoomId room);

private:
    StatementCache &m_cache;
    RoomStateCache &m_states;
};

} // namespace natter::server
