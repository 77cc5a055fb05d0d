#include "storage/membershiprepository.h"

namespace natter::server {

Membership MembershipRepository::membership(RoomId room, UserId user)
{
    Statement q(m_cache, "SELECT r.kind, r.closed, r.open, r.history_visibility, r.last_seq, "
                         "rm.active, rm.role, rm.read_from_seq, rm.read_until_seq "
                         "FROM rooms r LEFT JOIN room_members rm ON rm.room_id = r.id AND rm.user_id = ? "
                         "WHERE r.id = ?");
    Membership m;
    if (!q.bind(user.value).bind(room.value).exec().next())
        return m;
    m.exists = true;
    m.kind = q.text(0) == QLatin1String("group") ? RoomKind::Group : RoomKind::Direct;
    m.closed = q.integer(1) != 0;
    m.open = q.integer(2) != 0;
    historyVisibilityFromName(q.text(3), &m.visibility);
    m.lastSeq = q.integer(4);
    if (q.value(5).isNull())
        return m;
    m.active = q.integer(5) != 0;
    memberRoleFromName(q.text(6), &m.role);
    m.readFrom = q.integer(7);
    m.readUntil = m.active ? 0 : q.integer(8);
    return m;
}

void MembershipRepository::join(RoomId room, UserId user, MemberRole role, Seq readFrom, qint64 now)
{
    m_states.invalidate(room);
    Statement q(m_cache, "INSERT INTO room_members (room_id, user_id, joined_at, role, active, read_from_seq) "
                         "VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT (room_id, user_id) DO UPDATE SET "
                         "active = 1, role = excluded.role, joined_at = excluded.joined_at, "
                         "read_from_seq = excluded.read_from_seq, read_until_seq = NULL");
    q.bind(room.value).bind(user.value).bind(now).bind(memberRoleName(role)).bind(readFrom).exec();
}

void MembershipRepository::leave(RoomId room, UserId user, Seq readUntil)
{
    m_states.invalidate(room);
    Statement q(m_cache, "UPDATE room_members SET active = 0, role = 'member', read_until_seq = ? "
                         "WHERE room_id = ? AND user_id = ?");
    q.bind(readUntil).bind(room.value).bind(user.value).exec();
}

void MembershipRepository::setRole(RoomId room, UserId user, MemberRole role)
{
    Statement q(m_cache, "UPDATE room_members SET role = ? WHERE room_id = ? AND user_id = ?");
    q.bind(memberRoleName(role)).bind(room.value).bind(user.value).exec();
}

QList<UserId> MembershipRepository::activeMembers(RoomId room)
{
    Statement q(m_cache, "SELECT user_id FROM room_members WHERE room_id = ? AND active = 1");
    q.bind(room.value).exec();
    QList<UserId> out;
    while (q.next())
        out.append(UserId(q.integer(0)));
    return out;
}

QList<QPair<UserId, Seq>> MembershipRepository::activeWindows(RoomId room)
{
    Statement q(m_cache, "SELECT user_id, read_from_seq FROM room_members WHERE room_id = ? AND active = 1");
    q.bind(room.value).exec();
    QList<QPair<UserId, Seq>> out;
    while (q.next())
        out.append({UserId(q.integer(0)), q.integer(1)});
    return out;
}

void MembershipRepository::invite(RoomId room, UserId user, UserId inviter, qint64 now)
{
    Statement q(m_cache, "INSERT INTO room_invites (room_id, user_id, inviter_id, created_at) "
                         "VALUES (?, ?, ?, ?) ON CONFLICT (room_id, user_id) DO NOTHING");
    q.bind(room.value).bind(user.value).bind(inviter.value).bind(now).exec();
}

bool MembershipRepository::removeInvite(RoomId room, UserId user)
{
    Statement q(m_cache, "DELETE FROM room_invites WHERE room_id = ? AND user_id = ?");
    return q.bind(room.value).bind(user.value).exec().rowsAffected() > 0;
}

bool MembershipRepository::hasInvite(RoomId room, UserId user)
{
    Statement q(m_cache, "SELECT 1 FROM room_invites WHERE room_id = ? AND user_id = ?");
    return q.bind(room.value).bind(user.value).exec().next();
}

QList<Invite> MembershipRepository::invitesFor(UserId user)
{
    Statement q(m_cache, "SELECT r.id, r.name, r.topic, "
                         "(SELECT COUNT(*) FROM room_members rm WHERE rm.room_id = r.id AND rm.active = 1), "
                         "u.id, u.username FROM room_invites i JOIN rooms r ON r.id = i.room_id "
                         "JOIN users u ON u.id = i.inviter_id WHERE i.user_id = ? ORDER BY i.created_at");
    q.bind(user.value).exec();
    QList<Invite> out;
    while (q.next())
        out.append(Invite{RoomSummary{RoomId(q.integer(0)), q.text(1), q.text(2), int(q.integer(3))},
                          User{UserId(q.integer(4)), q.text(5)}});
    return out;
}

const RoomState *MembershipRepository::roomState(RoomId room)
{
    if (const RoomState *cached = m_states.find(room))
        return cached;
    Statement q(m_cache, "SELECT closed FROM rooms WHERE id = ?");
    if (!q.bind(room.value).exec().next())
        return nullptr;
    RoomState state;
    state.closed = q.integer(0) != 0;
    state.members = activeMemberUsers(room);
    for (const User &u : std::as_const(state.members))
        state.memberIds.insert(u.id);
    return m_states.put(room, std::move(state));
}

QList<User> MembershipRepository::activeMemberUsers(RoomId room)
{
    Statement q(m_cache, "SELECT u.id, u.username FROM room_members rm JOIN users u ON u.id = rm.user_id "
                         "WHERE rm.room_id = ? AND rm.active = 1");
    q.bind(room.value).exec();
    QList<User> out;
    while (q.next())
        out.append(User{UserId(q.integer(0)), q.text(1)});
    return out;
}

Seq MembershipRepository::markRead(RoomId room, UserId user, Seq seq)
{
    Statement update(m_cache, "UPDATE room_members SET read_seq = MAX(read_seq, MIN(?, "
                              "(SELECT last_seq FROM rooms WHERE id = ?))) "
                              "WHERE room_id = ? AND user_id = ? AND active = 1 RETURNING read_seq");
    if (!update.bind(seq).bind(room.value).bind(room.value).bind(user.value).exec().next())
        return -1;
    return update.integer(0);
}

bool MembershipRepository::setMuted(RoomId room, UserId user, bool muted)
{
    Statement update(m_cache, "UPDATE room_members SET muted = ? WHERE room_id = ? AND user_id = ? "
                              "AND active = 1 RETURNING muted");
    return update.bind(muted ? 1 : 0).bind(room.value).bind(user.value).exec().next();
}

QList<UserId> MembershipRepository::presenceAudience(UserId user)
{
    // Closed rooms (a direct room after unfriending or blocking) share nothing any more.
    Statement q(m_cache, "SELECT other.user_id FROM room_members mine "
                         "JOIN room_members other ON other.room_id = mine.room_id "
                         "JOIN rooms r ON r.id = mine.room_id AND r.closed = 0 "
                         "WHERE mine.user_id = ? AND mine.active = 1 AND other.active = 1 AND other.user_id <> ? "
                         "UNION SELECT CASE WHEN user_lo = ? THEN user_hi ELSE user_lo END FROM friendships "
                         "WHERE user_lo = ? OR user_hi = ?");
    for (int i = 0; i < 5; ++i)
        q.bind(user.value);
    q.exec();
    QList<UserId> out;
    while (q.next())
        out.append(UserId(q.integer(0)));
    return out;
}

} // namespace natter::server
