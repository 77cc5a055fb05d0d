#include "storage/friendrepository.h"

#include <algorithm>

namespace natter::server {

namespace {
std::pair<qint64, qint64> ordered(UserId a, UserId b)
{
    return std::minmax(a.value, b.value);
}
} // namespace

FriendState FriendRepository::stateBetween(UserId me, UserId other)
{
    if (hasBlocked(me, other))
        return FriendState::Blocked;
    if (friendshipRoom(me, other).isValid())
        return FriendState::Friend;
    Statement q(m_cache, "SELECT from_user FROM friend_requests "
                         "WHERE (from_user = ? AND to_user = ?) OR (from_user = ? AND to_user = ?)");
    q.bind(me.value).bind(other.value).bind(other.value).bind(me.value).exec();
    if (!q.next())
        return FriendState::None;
    return q.integer(0) == me.value ? FriendState::Outgoing : FriendState::Incoming;
}

bool FriendRepository::hasBlocked(UserId blocker, UserId blocked)
{
    Statement q(m_cache, "SELECT 1 FROM blocks WHERE blocker = ? AND blocked = ?");
    return q.bind(blocker.value).bind(blocked.value).exec().next();
}

RoomId FriendRepository::friendshipRoom(UserId a, UserId b)
{
    const auto [lo, hi] = ordered(a, b);
    Statement q(m_cache, "SELECT room_id FROM friendships WHERE user_lo = ? AND user_hi = ?");
    return q.bind(lo).bind(hi).exec().next() ? RoomId(q.integer(0)) : RoomId();
}

void FriendRepository::addRequest(UserId from, UserId to, qint64 now)
{
    Statement q(m_cache, "INSERT INTO friend_requests (from_user, to_user, created_at) VALUES (?, ?, ?)");
    q.bind(from.value).bind(to.value).bind(now).exec();
}

bool FriendRepository::removeRequest(UserId from, UserId to)
{
    Statement q(m_cache, "DELETE FROM friend_requests WHERE from_user = ? AND to_user = ?");
    return q.bind(from.value).bind(to.value).exec().rowsAffected() > 0;
}

void FriendRepository::addFriendship(UserId a, UserId b, RoomId room, qint64 now)
{
    const auto [lo, hi] = ordered(a, b);
    Statement q(m_cache, "INSERT INTO friendships (user_lo, user_hi, room_id, created_at) VALUES (?, ?, ?, ?)");
    q.bind(lo).bind(hi).bind(room.value).bind(now).exec();
}

bool FriendRepository::removeFriendship(UserId a, UserId b)
{
    const auto [lo, hi] = ordered(a, b);
    Statement q(m_cache, "DELETE FROM friendships WHERE user_lo = ? AND user_hi = ?");
    return q.bind(lo).bind(hi).exec().rowsAffected() > 0;
}

void FriendRepository::addBlock(UserId blocker, UserId blocked, qint64 now)
{
    Statement q(m_cache, "INSERT OR IGNORE INTO blocks (blocker, blocked, created_at) VALUES (?, ?, ?)");
    q.bind(blocker.value).bind(blocked.value).bind(now).exec();
}

bool FriendRepository::removeBlock(UserId blocker, UserId blocked)
{
    Statement q(m_cache, "DELETE FROM blocks WHERE blocker = ? AND blocked = ?");
    return q.bind(blocker.value).bind(blocked.value).exec().rowsAffected() > 0;
}

QList<Friend> FriendRepository::listFor(UserId me)
{
    Statement q(m_cache,
                "SELECT u.id, u.username, 'friend', f.room_id, u.username_key FROM friendships f "
                "JOIN users u ON u.id = CASE WHEN f.user_lo = ? THEN f.user_hi ELSE f.user_lo END "
                "WHERE f.user_lo = ? OR f.user_hi = ? "
                "UNION ALL SELECT u.id, u.username, 'outgoing', NULL, u.username_key FROM friend_requests r "
                "JOIN users u ON u.id = r.to_user WHERE r.from_user = ? "
                "UNION ALL SELECT u.id, u.username, 'incoming', NULL, u.username_key FROM friend_requests r "
                "JOIN users u ON u.id = r.from_user WHERE r.to_user = ? "
                "UNION ALL SELECT u.id, u.username, 'blocked', NULL, u.username_key FROM blocks b "
                "JOIN users u ON u.id = b.blocked WHERE b.blocker = ? "
                "ORDER BY 5");
    for (int i = 0; i < 6; ++i)
        q.bind(me.value);
    q.exec();
    QList<Friend> out;
    while (q.next()) {
        Friend f;
        f.user = User{UserId(q.integer(0)), q.text(1)};
        friendStateFromName(q.text(2), &f.state);
        f.roomId = RoomId(q.integer(3));
        out.append(f);
    }
    return out;
}

} // namespace natter::server
