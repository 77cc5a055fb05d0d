#include "storage/roomrepository.h"

#include "messages/mentions.h"
#include "storage/messagerepository.h"
#include "storage/storageerror.h"

#include <algorithm>
#include <limits>

namespace natter::server {

namespace {

QString directKey(UserId a, UserId b)
{
    const auto [lo, hi] = std::minmax(a.value, b.value);
    return QStringLiteral("%1:%2").arg(lo).arg(hi);
}

// Columns shared by load() and listFor(): room, then its last entry (NULLs when empty).
#define NATTER_ROOM_COLUMNS                                                                        \
    "r.id, r.kind, r.name, r.topic, r.open, r.history_visibility, r.closed, r.last_seq, "         \
    "r.last_activity, " NATTER_MESSAGE_COLUMNS_OF("m") " "
// The last entry that is not an edit or delete, in its current state: the conversation list's
// preview follows edits and deletes without showing them as entries of their own.
// Within a room ids grow with seq, and the order's tail holds the newest entries: the tail is
// read first, newest first, message_order only when the tail has none of this room's.
#define NATTER_ROOM_JOIN                                                                           \
    " LEFT JOIN messages m ON m.id = COALESCE((SELECT t.id FROM messages t WHERE t.id > "         \
    NATTER_ORDER_TAIL " AND t.room_id = r.id AND t.target_id IS NULL ORDER BY t.id DESC LIMIT 1), " \
    "(SELECT o.id FROM message_order o JOIN messages l ON l.id = o.id WHERE o.room_id = r.id "     \
    "AND l.target_id IS NULL ORDER BY o.seq DESC LIMIT 1))" NATTER_MESSAGE_JOINS_OF("m")
constexpr int messageColumn = 9;
constexpr int afterMessage = messageColumn + MessageRepository::columnCount;
/// Room events go to every member alike, so their lastMessage shows nothing from before any
/// member's window (no reply preview).
constexpr Seq hideReferences = std::numeric_limits<Seq>::max();

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
    const RoomId room(insert.lastInsertId());
    for (UserId member : {a, b}) {
        Statement add(m_cache, "INSERT INTO room_members (room_id, user_id, joined_at) VALUES (?, ?, ?)");
        add.bind(room.value).bind(member.value).bind(now).exec();
    }
    return room;
}

RoomId RoomRepository::createGroup(const QString &name, const QString &topic, bool open,
                                   HistoryVisibility visibility, qint64 now)
{
    Statement insert(m_cache, "INSERT INTO rooms (kind, name, topic, open, history_visibility, "
                              "last_activity, created_at) VALUES ('group', ?, ?, ?, ?, ?, ?)");
    insert.bind(name).bind(topic).bind(open ? 1 : 0).bind(historyVisibilityName(visibility))
        .bind(now).bind(now).exec();
    return RoomId(insert.lastInsertId());
}

void RoomRepository::setClosed(RoomId room, bool closed)
{
    m_states.invalidate(room);
    Statement q(m_cache, "UPDATE rooms SET closed = ? WHERE id = ?");
    q.bind(closed ? 1 : 0).bind(room.value).exec();
}

void RoomRepository::rename(RoomId room, const QString &name)
{
    Statement q(m_cache, "UPDATE rooms SET name = ? WHERE id = ?");
    q.bind(name).bind(room.value).exec();
}

void RoomRepository::setTopic(RoomId room, const QString &topic)
{
    Statement q(m_cache, "UPDATE rooms SET topic = ? WHERE id = ?");
    q.bind(topic.isNull() ? QStringLiteral("") : topic).bind(room.value).exec();
}

void RoomRepository::setOpen(RoomId room, bool open)
{
    Statement q(m_cache, "UPDATE rooms SET open = ? WHERE id = ?");
    q.bind(open ? 1 : 0).bind(room.value).exec();
}

void RoomRepository::setHistoryVisibility(RoomId room, HistoryVisibility visibility)
{
    Statement q(m_cache, "UPDATE rooms SET history_visibility = ? WHERE id = ?");
    q.bind(historyVisibilityName(visibility)).bind(room.value).exec();
}

void RoomRepository::remove(RoomId room)
{
    m_states.invalidate(room);
    // messages.room_id has no index a cascade could use (migration 18): the room's entries are
    // found through message_order and its tail. The tail's mark never stays above the highest
    // id left, since SQLite gives the ids above that again.
    Statement entries(m_cache, "DELETE FROM messages WHERE id IN (SELECT id FROM message_order WHERE room_id = ? "
                               "UNION ALL SELECT id FROM messages WHERE id > " NATTER_ORDER_TAIL " AND room_id = ?)");
    entries.bind(room.value).bind(room.value).exec();
    Statement q(m_cache, "DELETE FROM rooms WHERE id = ?");
    q.bind(room.value).exec();
    Statement mark(m_cache, "UPDATE message_order_state SET through = MIN(through, "
                            "(SELECT COALESCE(MAX(id), 0) FROM messages))");
    mark.exec();
}

void RoomRepository::fillMembers(Room &room)
{
    Statement q(m_cache, "SELECT u.id, u.username, rm.role FROM room_members rm "
                         "JOIN users u ON u.id = rm.user_id "
                         "WHERE rm.room_id = ? AND rm.active = 1 ORDER BY u.username_key");
    q.bind(room.id.value).exec();
    while (q.next()) {
        const User user{UserId(q.integer(0)), q.text(1)};
        room.members.append(user);
        if (room.kind == RoomKind::Group && q.text(2) == QLatin1String("owner"))
            room.ownerId = user.id;
        else if (room.kind == RoomKind::Group && q.text(2) == QLatin1String("admin"))
            room.adminIds.append(user.id);
    }
}

Room RoomRepository::readRoom(const Statement &q, Seq fromSeq)
{
    Room room;
    room.id = RoomId(q.integer(0));
    room.kind = q.text(1) == QLatin1String("group") ? RoomKind::Group : RoomKind::Direct;
    room.name = q.text(2);
    room.topic = q.text(3);
    room.open = q.integer(4) != 0;
    historyVisibilityFromName(q.text(5), &room.historyVisibility);
    room.closed = q.integer(6) != 0;
    room.lastSeq = q.integer(7);
    room.lastActivity = q.integer(8);
    if (!q.value(messageColumn).isNull())
        room.lastMessage = MessageRepository::readMessage(q, messageColumn, fromSeq);
    return room;
}

std::optional<Room> RoomRepository::load(RoomId id)
{
    Statement q(m_cache, "SELECT " NATTER_ROOM_COLUMNS "FROM rooms r" NATTER_ROOM_JOIN "WHERE r.id = ?");
    if (!q.bind(id.value).exec().next())
        return std::nullopt;
    Room room = readRoom(q, hideReferences);
    fillMembers(room);
    return room;
}

QList<Room> RoomRepository::listFor(UserId user)
{
    QList<Room> rooms;
    QList<Seq> readFrom;
    {
        Statement q(m_cache, "SELECT " NATTER_ROOM_COLUMNS ", rm.read_seq, rm.read_from_seq, rm.muted "
                             "FROM room_members rm JOIN rooms r ON r.id = rm.room_id" NATTER_ROOM_JOIN
                             "WHERE rm.user_id = ? AND rm.active = 1 "
                             "ORDER BY r.last_activity DESC, r.id DESC");
        q.bind(user.value).exec();
        while (q.next()) {
            readFrom.append(q.integer(afterMessage + 1));
            rooms.append(readRoom(q, readFrom.last()));
            rooms.last().readSeq = q.integer(afterMessage);
            rooms.last().muted = q.integer(afterMessage + 2) != 0;
        }
    }
    const QString username = [&] {
        Statement q(m_cache, "SELECT username FROM users WHERE id = ?");
        return q.bind(user.value).exec().next() ? q.text(0) : QString();
    }();
    for (int i = 0; i < rooms.size(); ++i) {
        fillMembers(rooms[i]);
        countUnread(rooms[i], user, username, readFrom[i]);
    }
    return rooms;
}

void RoomRepository::countUnread(Room &room, UserId user, const QString &username, Seq readFrom)
{
    // Walks the unread range in message_order and its tail; bodies are checked for mentions
    // here because "@name" must not match longer names.
    Statement q(m_cache, "SELECT m.body FROM message_order o JOIN messages m ON m.id = o.id "
                         "WHERE o.room_id = ? AND o.seq > ? AND m.kind = 'message' AND m.sender_id <> ? "
                         "AND m.deleted_at IS NULL UNION ALL "
                         "SELECT body FROM messages WHERE id > " NATTER_ORDER_TAIL " AND room_id = ? "
                         "AND seq > ? AND kind = 'message' AND sender_id <> ? AND deleted_at IS NULL");
    const Seq after = std::max(*room.readSeq, readFrom - 1);
    q.bind(room.id.value).bind(after).bind(user.value).bind(room.id.value).bind(after).bind(user.value).exec();
    while (q.next()) {
        ++room.unreadCount;
        if (mentions(q.text(0), username))
            ++room.mentionCount;
    }
}

std::optional<RoomSummary> RoomRepository::summary(RoomId room)
{
    Statement q(m_cache, "SELECT r.id, r.name, r.topic, "
                         "(SELECT COUNT(*) FROM room_members rm WHERE rm.room_id = r.id AND rm.active = 1) "
                         "FROM rooms r WHERE r.id = ? AND r.kind = 'group'");
    if (!q.bind(room.value).exec().next())
        return std::nullopt;
    return RoomSummary{RoomId(q.integer(0)), q.text(1), q.text(2), int(q.integer(3))};
}

QList<RoomSummary> RoomRepository::directory(const QString &query, int limit)
{
    // Matched here rather than in SQL: SQLite's lower() folds ASCII only. Open rooms are few
    // enough on a LAN site to scan (the partial index rooms_open holds just them).
    const QString needle = query.toCaseFolded();
    Statement q(m_cache, "SELECT r.id, r.name, r.topic, "
                         "(SELECT COUNT(*) FROM room_members rm WHERE rm.room_id = r.id AND rm.active = 1) "
                         "FROM rooms r WHERE r.open = 1 AND r.kind = 'group'");
    q.exec();
    QList<RoomSummary> out;
    while (q.next()) {
        const QString name = q.text(1);
        if (name.toCaseFolded().contains(needle))
            out.append(RoomSummary{RoomId(q.integer(0)), name, q.text(2), int(q.integer(3))});
    }
    std::sort(out.begin(), out.end(), [](const RoomSummary &a, const RoomSummary &b) {
        const int c = QString::compare(a.name, b.name, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a.id < b.id;
    });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

Seq RoomRepository::allocateSeq(RoomId room, qint64 now, bool activity)
{
    if (!activity) {
        Statement q(m_cache, "UPDATE rooms SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq");
        if (!q.bind(room.value).exec().next())
            throw StorageError(QStringLiteral("room %1 vanished while writing to it").arg(room.value));
        return q.integer(0);
    }
    Statement q(m_cache, "UPDATE rooms SET last_seq = last_seq + 1, last_activity = ? WHERE id = ? "
                         "RETURNING last_seq");
    if (!q.bind(now).bind(room.value).exec().next())
        throw StorageError(QStringLiteral("room %1 vanished while writing to it").arg(room.value));
    return q.integer(0);
}

void RoomRepository::advanceSeq(RoomId room, Seq seq, qint64 now)
{
    Statement q(m_cache, "UPDATE rooms SET last_seq = ?, last_activity = ? WHERE id = ? AND last_seq = ?");
    q.bind(seq).bind(now).bind(room.value).bind(seq - 1).exec();
    if (q.rowsAffected() != 1)
        throw StorageError(QStringLiteral("room %1 moved past seq %2 while writing to it").arg(room.value).arg(seq));
}

} // namespace natter::server
