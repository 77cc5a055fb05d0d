#include "storage/messagerepository.h"

#include <algorithm>

namespace natter::server {

#define NATTER_MESSAGE_COLUMNS "id, room_id, seq, sender_id, client_msg_id, body, sent_at"

Message MessageRepository::readMessage(const Statement &q, int first)
{
    Message m;
    m.id = MessageId(q.integer(first));
    m.roomId = RoomId(q.integer(first + 1));
    m.seq = q.integer(first + 2);
    m.senderId = UserId(q.integer(first + 3));
    m.clientMsgId = q.text(first + 4);
    m.body = q.text(first + 5);
    m.sentAt = q.integer(first + 6);
    return m;
}

std::optional<Message> MessageRepository::findByClientId(UserId sender, const QString &clientMsgId)
{
    Statement q(m_cache, "SELECT " NATTER_MESSAGE_COLUMNS " FROM messages "
                         "WHERE sender_id = ? AND client_msg_id = ?");
    if (!q.bind(sender.value).bind(clientMsgId).exec().next())
        return std::nullopt;
    return readMessage(q);
}

Message MessageRepository::insert(RoomId room, Seq seq, UserId sender, const QString &clientMsgId,
                                  const QString &body, qint64 now)
{
    Statement q(m_cache, "INSERT INTO messages (room_id, seq, sender_id, client_msg_id, body, sent_at) "
                         "VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(room.value).bind(seq).bind(sender.value).bind(clientMsgId).bind(body).bind(now).exec();
    return Message{MessageId(q.lastInsertId().toLongLong()), room, seq, sender, clientMsgId, body, now};
}

QList<Message> MessageRepository::before(RoomId room, Seq beforeSeq, int limit)
{
    Statement q(m_cache, "SELECT " NATTER_MESSAGE_COLUMNS " FROM messages "
                         "WHERE room_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?");
    const Seq bound = beforeSeq > 0 ? beforeSeq : std::numeric_limits<qint64>::max();
    q.bind(room.value).bind(bound).bind(limit).exec();
    QList<Message> out;
    while (q.next())
        out.append(readMessage(q));
    std::reverse(out.begin(), out.end());
    return out;
}

QList<Message> MessageRepository::after(RoomId room, Seq afterSeq, int limit)
{
    Statement q(m_cache, "SELECT " NATTER_MESSAGE_COLUMNS " FROM messages "
                         "WHERE room_id = ? AND seq > ? ORDER BY seq ASC LIMIT ?");
    q.bind(room.value).bind(afterSeq).bind(limit).exec();
    QList<Message> out;
    while (q.next())
        out.append(readMessage(q));
    return out;
}

} // namespace natter::server
