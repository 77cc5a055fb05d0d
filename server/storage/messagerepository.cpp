#include "storage/messagerepository.h"

#include <algorithm>
#include <limits>

namespace natter::server {

namespace {
constexpr Seq noLimit = std::numeric_limits<qint64>::max();

QString excerpt(const QString &body)
{
    qsizetype n = qMin(body.size(), qsizetype(MessageRepository::replyPreviewLength));
    if (n < body.size() && n > 0 && body.at(n - 1).isHighSurrogate())
        --n; // never split a surrogate pair
    return body.left(n);
}
} // namespace

Message MessageRepository::readMessage(const Statement &q, int first, Seq fromSeq)
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
    // The reference columns are read only when there is a reference (history reads many rows).
    m.targetId = MessageId(q.integer(first + 9));
    m.editedAt = q.integer(first + 10);
    m.deleted = !q.value(first + 11).isNull();
    if (m.targetId.isValid() && q.integer(first + 12) < fromSeq)
        m.body = QStringLiteral(""); // the target lies before the reader's window
    if (m.body.isNull())
        m.body = QStringLiteral("");
    m.replyTo = MessageId(q.integer(first + 13));
    if (m.replyTo.isValid() && !q.value(first + 14).isNull() && q.integer(first + 17) >= fromSeq) {
        const bool gone = !q.value(first + 16).isNull();
        m.reply = ReplyPreview{m.replyTo, UserId(q.integer(first + 14)),
                               gone ? QStringLiteral("") : excerpt(q.text(first + 15)), gone};
    }
    return m;
}

std::optional<Message> MessageRepository::findByClientId(UserId sender, const QString &clientMsgId)
{
    Statement q(m_cache, "SELECT " NATTER_MESSAGE_COLUMNS_OF("m") " FROM messages m" NATTER_MESSAGE_JOINS_OF("m")
                         "WHERE m.sender_id = ? AND m.client_msg_id = ?");
    if (!q.bind(sender.value).bind(clientMsgId).exec().next())
        return std::nullopt;
    return readMessage(q);
}

std::optional<Message> MessageRepository::find(MessageId id, Seq fromSeq)
{
    Statement q(m_cache, "SELECT " NATTER_MESSAGE_COLUMNS_OF("m") " FROM messages m" NATTER_MESSAGE_JOINS_OF("m")
                         "WHERE m.id = ?");
    if (!q.bind(id.value).exec().next())
        return std::nullopt;
    return readMessage(q, 0, fromSeq);
}

Message MessageRepository::insert(RoomId room, Seq seq, UserId sender, const QString &clientMsgId,
                                  const QString &body, qint64 now, const QString &kind, UserId subject,
                                  MessageId target, MessageId replyTo)
{
    Statement q(m_cache, "INSERT INTO messages (room_id, seq, sender_id, client_msg_id, body, sent_at, "
                         "kind, subject_id, target_id, reply_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(room.value).bind(seq).bind(sender.value).bind(clientMsgId)
        .bind(body.isNull() ? QStringLiteral("") : body).bind(now).bind(kind)
        .bind(subject.isValid() ? QVariant(subject.value) : QVariant())
        .bind(target.isValid() ? QVariant(target.value) : QVariant())
        .bind(replyTo.isValid() ? QVariant(replyTo.value) : QVariant()).exec();
    const MessageId id(q.lastInsertId());
    mark(room, seq, id);
    grewTail();
    if (!target.isValid() && !replyTo.isValid()) // nothing to join: skip the read-back
        return Message{id, room, seq, sender, clientMsgId, body.isNull() ? QStringLiteral("") : body,
                       now, kind, subject};
    return *find(id);
}

std::optional<Message> MessageRepository::insertNext(RoomId room, UserId sender, const QString &clientMsgId,
                                                    const QString &body, qint64 now)
{
    // A plain single-row INSERT: an INSERT ... SELECT or RETURNING (or a trigger) makes SQLite
    // keep a statement journal and a temporary table for every message, which cost more than
    // the insert itself.
    Statement last(m_cache, "SELECT last_seq FROM rooms WHERE id = ?");
    if (!last.bind(room.value).exec().next())
        return std::nullopt;
    const Seq seq = last.integer(0) + 1;
    Statement q(m_cache, "INSERT INTO messages (room_id, seq, sender_id, client_msg_id, body, sent_at, kind) "
                         "VALUES (?, ?, ?, ?, ?, ?, 'message') ON CONFLICT (client_msg_id, sender_id) DO NOTHING");
    q.bind(room.value).bind(seq).bind(sender.value).bind(clientMsgId).bind(body.isNull() ? QStringLiteral("") : body)
        .bind(now).exec();
    if (q.rowsAffected() != 1)
        return std::nullopt; // the key was used already
    const MessageId id(q.lastInsertId());
    mark(room, seq, id);
    grewTail();
    return Message{id, room, seq, sender, clientMsgId, body.isNull() ? QStringLiteral("") : body, now,
                   timeline::message, UserId()};
}

void MessageRepository::mark(RoomId room, Seq seq, MessageId id)
{
    if (seq % markEvery != 0)
        return;
    Statement q(m_cache, "INSERT INTO message_marks (room_id, id, seq) VALUES (?, ?, ?)");
    q.bind(room.value).bind(id.value).bind(seq).exec();
}

void MessageRepository::grewTail()
{
    if (m_tail++ == 0)
        m_tailSince.start();
}

bool MessageRepository::orderDue() const
{
    return m_tail >= orderTailLimit || (m_tail > 0 && m_tailSince.elapsed() >= orderTailAgeMs);
}

int MessageRepository::flushOrder()
{
    Statement move(m_cache, "INSERT INTO message_order (room_id, seq, id) SELECT room_id, seq, id FROM messages "
                            "WHERE id > " NATTER_ORDER_TAIL " ORDER BY room_id, seq");
    move.exec();
    const int moved = move.rowsAffected();
    if (moved > 0) {
        Statement mark(m_cache, "UPDATE message_order_state SET through = (SELECT MAX(id) FROM messages)");
        mark.exec();
    }
    m_tail = 0;
    return moved;
}

void MessageRepository::orderMoveRolledBack()
{
    if (m_tail == 0)
        grewTail();
}

// A page of a room's entries in a seq range, from message_order in its index's order (no
// temporary table, no sort; binds room, range..., limit) and from its tail (binds room,
// range...). `range` is NATTER_BELOW or NATTER_ABOVE: the range's two bounds on a table's seq.
#define NATTER_PAGE_SQL(range, order)                                                               \
    "SELECT " NATTER_MESSAGE_COLUMNS_OF("m") " FROM message_order o JOIN messages m ON m.id = o.id" \
    NATTER_MESSAGE_JOINS_OF("m") "WHERE o.room_id = ? AND " range(o) " ORDER BY o.seq " order " LIMIT ?"
#define NATTER_TAIL_PAGE_SQL(range, order)                                                          \
    "SELECT " NATTER_MESSAGE_COLUMNS_OF("m") " FROM messages m" NATTER_MESSAGE_JOINS_OF("m")         \
    "WHERE m.id > " NATTER_ORDER_TAIL " AND m.room_id = ? AND " range(m) " ORDER BY m.seq " order
#define NATTER_BELOW(t) #t ".seq < ? AND " #t ".seq >= ?"
#define NATTER_ABOVE(t) #t ".seq > ? AND " #t ".seq <= ?"

QList<Message> MessageRepository::page(const char *orderedSql, const char *tailSql, RoomId room, Seq first,
                                       Seq second, int limit, bool descending, Seq fromSeq)
{
    const auto read = [&](Statement &q, QList<Message> &out) {
        q.exec();
        while (out.size() < limit && q.next())
            out.append(readMessage(q, 0, fromSeq));
    };
    // The tail's statement has no LIMIT: with one SQLite keeps the first rows in a temporary
    // b-tree, opened (a pager and a table) on every run even when the tail is empty; without,
    // it sorts in its sorter, and only `limit` rows are read. It walks the whole tail either way.
    QList<Message> tail;
    Statement tailRows(m_cache, tailSql);
    tailRows.bind(room.value).bind(first).bind(second);
    read(tailRows, tail);
    QList<Message> out;
    out.reserve(std::min(limit, 64)); // a history page as clients ask for it (50 and one more)
    Statement orderedRows(m_cache, orderedSql);
    orderedRows.bind(room.value).bind(first).bind(second).bind(limit);
    read(orderedRows, out);
    if (tail.isEmpty())
        return out;
    // The tail usually holds a room's newest entries, but nothing here depends on it.
    QList<Message> merged;
    merged.reserve(std::min<qsizetype>(limit, out.size() + tail.size()));
    auto a = out.begin(), b = tail.begin();
    while (merged.size() < limit && (a != out.end() || b != tail.end())) {
        const bool fromTail = a == out.end()
            || (b != tail.end() && (descending ? b->seq > a->seq : b->seq < a->seq));
        merged.append(std::move(fromTail ? *b++ : *a++));
    }
    return merged;
}

QList<Message> MessageRepository::before(RoomId room, Seq beforeSeq, int limit, Seq fromSeq, Seq untilSeq)
{
    Seq upper = beforeSeq > 0 ? beforeSeq : noLimit;
    if (untilSeq > 0)
        upper = std::min(upper, untilSeq + 1);
    QList<Message> out = page(NATTER_PAGE_SQL(NATTER_BELOW, "DESC"), NATTER_TAIL_PAGE_SQL(NATTER_BELOW, "DESC"),
                              room, upper, fromSeq, limit, true, fromSeq);
    std::reverse(out.begin(), out.end());
    return out;
}

QList<Message> MessageRepository::after(RoomId room, Seq afterSeq, int limit, Seq fromSeq, Seq untilSeq)
{
    const Seq lower = std::max(afterSeq, fromSeq - 1);
    const Seq upper = untilSeq > 0 ? untilSeq : noLimit;
    return page(NATTER_PAGE_SQL(NATTER_ABOVE, "ASC"), NATTER_TAIL_PAGE_SQL(NATTER_ABOVE, "ASC"), room, lower,
                upper, limit, false, fromSeq);
}

std::optional<StoredMessage> MessageRepository::stored(RoomId room, MessageId id)
{
    Statement q(m_cache, "SELECT id, room_id, seq, sender_id, kind, body, sent_at, edited_at, deleted_at "
                         "FROM messages WHERE id = ? AND room_id = ?");
    if (!q.bind(id.value).bind(room.value).exec().next())
        return std::nullopt;
    return StoredMessage{MessageId(q.integer(0)), RoomId(q.integer(1)), q.integer(2), UserId(q.integer(3)),
                         q.text(4), q.text(5), q.integer(6), q.integer(7), !q.value(8).isNull()};
}

void MessageRepository::edit(const StoredMessage &message, const QString &body, qint64 now)
{
    Statement keep(m_cache, "INSERT INTO message_revisions (message_id, body, sent_at, replaced_at) "
                            "VALUES (?, ?, ?, ?)");
    keep.bind(message.id.value).bind(message.body)
        .bind(message.editedAt > 0 ? message.editedAt : message.sentAt).bind(now).exec();
    Statement update(m_cache, "UPDATE messages SET body = ?, edited_at = ? WHERE id = ?");
    update.bind(body).bind(now).bind(message.id.value).exec();
}

void MessageRepository::tombstone(MessageId id, qint64 now)
{
    Statement forget(m_cache, "DELETE FROM message_revisions WHERE message_id = ?");
    forget.bind(id.value).exec();
    Statement update(m_cache, "UPDATE messages SET body = '', deleted_at = ? WHERE id = ?");
    update.bind(now).bind(id.value).exec();
}

QList<Revision> MessageRepository::revisions(MessageId id)
{
    Statement q(m_cache, "SELECT body, sent_at, replaced_at FROM message_revisions WHERE message_id = ? "
                         "ORDER BY id");
    q.bind(id.value).exec();
    QList<Revision> out;
    while (q.next())
        out.append(Revision{q.text(0), q.integer(1), q.integer(2)});
    return out;
}

int MessageRepository::revisionCount(MessageId id)
{
    Statement q(m_cache, "SELECT COUNT(*) FROM message_revisions WHERE message_id = ?");
    return q.bind(id.value).exec().next() ? int(q.integer(0)) : 0;
}

} // namespace natter::server
