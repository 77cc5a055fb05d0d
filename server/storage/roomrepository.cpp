#include "storage/roomrepository.h"

#include "storage/messagerepository.h"
#include "storage/storageerror.h"

#include <algorithm>

namespace natter::server {

namespace {

QString directKey(UserId a, UserId b)
{
    const auto [lo, hi] = std::minmax(a.value, b.value);
    return QStringLiteral("%1:%2").arg(lo).arg(hi);
}

// Columns shared by load() and listFor(): room, then its last message (NULLs when empty).
#define NATTER_ROOM_COLUMNS                                                                        \
    "r.id, r.kind, r.name, r.closed, r.last_seq, r.last_activity, "                               \
    "m.id, m.room_id, m.seq, m.sender_id, m.client_msg_id, m.body, m.sent_at "
#define NATTER_ROOM_JOIN " LEFT JOIN messages m ON m.room_id = r.id AND m.seq = r.last_seq "

} // namespace

RoomId RoomRepository::findDirect(UserId a, UserId b)
{
    Statement q(m_cache, "SELECT id FROM rooms WHERE direct_key = ?");
    return q.bind(directKey(a, b)).exec().next() ? RoomId(q.integer(0)) : RoomId();
}

RoomId RoomRepository::createDirect(UserId a, UserId b, qint64 now)
{
    Statement insert(m_cache, "INSERT INTO rooms (kind, direct_key, last_activity, created_at) "
                              "VALUES ('direct', ?, ?, ?)");
    insert.bind(directKey(a, b)).bind(now).bind(now).exec();
    const RoomId room(insert.lastInsertId().toLongLong());
    for (UserId member : {a, b}) {
        Statement add(m_cache, "INSERT INTO room_members (room_id, user_id, joined_at) VALUES (?, ?, ?)");
        add.bind(room.value).bind(member.value).bind(now).exec();
    }
    return room;
}

void RoomRepository::setClosed(RoomId room, bool closed)
{
    Statement q(m_cache, "UPDATE rooms SET closed = ? WHERE id = ?");
    q.bind(closed ? 1 : 0).bind(room.value).exec();
}

RoomAccess RoomRepository::access(RoomId room, UserId user)
{
    Statement q(m_cache, "SELECT r.closed FROM room_members rm JOIN rooms r ON r.id = rm.room_id "
                         "WHERE rm.room_id = ? AND rm.user_id = ?");
    if (!q.bind(room.value).bind(user.value).exec().next())
        return RoomAccess::NotMember;
    return q.integer(0) != 0 ? RoomAccess::Closed : RoomAccess::Open;
}

QList<UserId> RoomRepository::memberIds(RoomId room)
{
    Statement q(m_cache, "SELECT user_id FROM room_members WHERE room_id = ?");
    q.bind(room.value).exec();
    QList<UserId> out;
    while (q.next())
        out.append(UserId(q.integer(0)));
    return out;
}

QList<User> RoomRepository::members(RoomId room)
{
    Statement q(m_cache, "SELECT u.id, u.username FROM room_members rm JOIN users u ON u.id = rm.user_id "
                         "WHERE rm.room_id = ? ORDER BY u.username_key");
    q.bind(room.value).exec();
    QList<User> out;
    while (q.next())
        out.append(User{UserId(q.integer(0)), q.text(1)});
    return out;
}

Room RoomRepository::readRoom(const Statement &q)
{
    Room room;
    room.id = RoomId(q.integer(0));
    room.kind = RoomKind::Direct;
    room.name = q.text(2);
    room.closed = q.integer(3) != 0;
    room.lastSeq = q.integer(4);
    room.lastActivity = q.integer(5);
    if (!q.value(6).isNull())
        room.lastMessage = MessageRepository::readMessage(q, 6);
    return room;
}

std::optional<Room> RoomRepository::load(RoomId id)
{
    Statement q(m_cache, "SELECT " NATTER_ROOM_COLUMNS "FROM rooms r" NATTER_ROOM_JOIN "WHERE r.id = ?");
    if (!q.bind(id.value).exec().next())
        return std::nullopt;
    Room room = readRoom(q);
    room.members = members(id);
    return room;
}

QList<Room> RoomRepository::listFor(UserId user)
{
    QList<Room> rooms;
    {
        Statement q(m_cache, "SELECT " NATTER_ROOM_COLUMNS "FROM room_members rm "
                             "JOIN rooms r ON r.id = rm.room_id" NATTER_ROOM_JOIN
                             "WHERE rm.user_id = ? ORDER BY r.last_activity DESC, r.id DESC");
        q.bind(user.value).exec();
        while (q.next())
            rooms.append(readRoom(q));
    }
    for (Room &room : rooms)
        room.members = members(room.id);
    return rooms;
}

Seq RoomRepository::allocateSeq(RoomId room, qint64 now)
{
    Statement q(m_cache, "UPDATE rooms SET last_seq = last_seq + 1, last_activity = ? WHERE id = ? "
                         "RETURNING last_seq");
    if (!q.bind(now).bind(room.value).exec().next())
        throw StorageError(QStringLiteral("room %1 vanished while sending").arg(room.value));
    return q.integer(0);
}

} // namespace natter::server
