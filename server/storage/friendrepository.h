#pragma once

#include "protocol/types.h"
#include "storage/statement.h"

namespace natter::server {

/// Friend requests, friendships and blocks between pairs of users.
class FriendRepository
{
public:
    explicit FriendRepository(StatementCache &cache) : m_cache(cache) {}

    /// The relationship as `me` sees it (Blocked means `me` blocked `other`).
    FriendState stateBetween(UserId me, UserId other);
    bool hasBlocked(UserId blocker, UserId blocked);
    /// The direct room of a friendship, invalid when the two are not friends.
    RoomId friendshipRoom(UserId a, UserId b);

    void addRequest(UserId from, UserId to, qint64 now);
    bool removeRequest(UserId from, UserId to);
    void addFriendship(UserId a, UserId b, RoomId room, qint64 now);
    bool removeFriendship(UserId a, UserId b);
    void addBlock(UserId blocker, UserId blocked, qint64 now);
    bool removeBlock(UserId blocker, UserId blocked);

    /// Every relationship of `me` other than None, with the other user and direct room.
    QList<Friend> listFor(UserId me);

private:
    StatementCache &m_cache;
};

} // namespace natter::server
