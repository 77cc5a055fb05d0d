#include "storage/messagerepository.h"

#include <algorithm>
#include <limits>

namespace natter::server {

namespace {
constexpr Seq noLimit = std::numeric_limits<qint64>::max();
}

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
    m.kind = q.text(first + 7);
    m.subjectId = UserId(q.integer(first + 8));
    return m;
}

std::optional<Message> MessageRepository::findByClientId(UserId sender, const QString &clientMsgId)
{
    Statement q(m_cache, "SELECT " NATTER_MESSAGE_COLUMNS_OF("m") " FROM messages m "
                         "WHERE m.sender_id = ? AND m.client_msg_id = ?");
    if (!q.bind(sender.value).bind(clientMsgId).exec().next())
        return std::nullopt;
    return readMessage(q);
}

Message MessageRepository::insert(RoomId room, Seq seq, UserId sender, const QString &clientMsgId,
                                  const QString &body, qint64 now, const QString &kind, UserId subject)
{
    Statement q(m_cache, "INSERT INTO messages (room_id, seq, sender_id, client_msg_id, body, sent_at, "
                         "kind, subject_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(room.value).bind(seq).bind(sender.value).bind(clientMsgId)
        .bind(body.isNull() ? QStringLiteral("") : body).bind(now).bind(kind)
        .bind(subject.isValid() ? QVariant(subject.value) : QVariant()).exec();
    return Message{MessageId(q.lastInsertId()), room, seq, sender, clientMsgId,
                   body.isNull() ? QStringLiteral("") : body, now, kind, subject};
}

std::optional<Message> MessageRepository::insertNext(RoomId room, UserId sender, const QString &clientMsgId,
                                                    const QString &body, qint64 now)
{
    // The WHERE clause is required: it keeps SQLite from reading ON CONFLICT as a join clause.
    Statement q(m_cache, "INSERT INTO messages (room_id, seq, sender_id, client_msg_id, body, sent_at, kind) "
                         "SELECT id, last_seq + 1, ?, ?, ?, ?, 'message' FROM rooms WHERE id = ? "
                         "ON CONFLICT (sender_id, client_msg_id) DO NOTHING RETURNING id, seq");
    if (!q.bind(sender.value).bind(clientMsgId).bind(body.isNull() ? QStringLiteral("") : body).bind(now)
             .bind(room.value).exec().next())
        return std::nullopt;
    return Message{MessageId(q.integer(0)), room, q.integer(1), sender, clientMsgId,
                   body.isNull() ? QStringLiteral("") : body, now, timeline::message, UserId()};
}

QList<Message> MessageRepository::before(RoomId room, Seq beforeSeq, int limit, Seq fromSeq, Seq untilSeq)
{
    Statement q(m_cache, "SELECT " NATTER_MESSAGE_COLUMNS_OF("m") " FROM messages m "
                         "WHERE m.room_id = ? AND m.seq < ? AND m.seq >= ? ORDER BY m.seq DESC LIMIT ?");
    Seq upper = beforeSeq > 0 ? beforeSeq : noLimit;
    if (untilSeq > 0)
        upper = std::min(upper, untilSeq + 1);
    q.bind(room.value).bind(upper).bind(fromSeq).bind(limit).exec();
    QList<Message> out;
    while (q.next())
        out.append(readMessage(q));
    std::reverse(out.begin(), out.end());
    return out;
}

QList<Message> MessageRepository::after(RoomId room, Seq afterSeq, int limit, Seq fromSeq, Seq untilSeq)
{
    Statement q(m_cache, "SELECT " NATTER_MESSAGE_COLUMNS_OF("m") " FROM messages m "
                         "WHERE m.room_id = ? AND m.seq > ? AND m.seq <= ? ORDER BY m.seq ASC LIMIT ?");
    q.bind(room.value).bind(std::max(afterSeq, fromSeq - 1)).bind(untilSeq > 0 ? untilSeq : noLimit)
        .bind(limit).exec();
    QList<Message> out;
    while (q.next())
        out.append(readMessage(q));
    return out;
}

} // namespace natter::server
