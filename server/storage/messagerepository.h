#pragma once

#include "protocol/lifecyclerequests.h"
#include "protocol/types.h"
#include "storage/statement.h"

#include <QElapsedTimer>

#include <optional>

/// The message columns every message query selects, in the order readMessage() expects; the
/// query must also join NATTER_MESSAGE_JOINS_OF(t). An edited/deleted entry is served with its
/// target's current body, editedAt and deleted flag (t "x" is the target), a reply with an
/// excerpt of the message it quotes (t "q").
#define NATTER_MESSAGE_COLUMNS_OF(t)                                                               \
    t ".id, " t ".room_id, " t ".seq, " t ".sender_id, " t ".client_msg_id, "                       \
    "CASE WHEN " t ".target_id IS NULL THEN " t ".body ELSE " t "x.body END, "                    \
    t ".sent_at, " t ".kind, " t ".subject_id, " t ".target_id, "                                 \
    "CASE WHEN " t ".target_id IS NULL THEN " t ".edited_at ELSE " t "x.edited_at END, "          \
    "CASE WHEN " t ".target_id IS NULL THEN " t ".deleted_at ELSE " t "x.deleted_at END, "        \
    t "x.seq, " t ".reply_to, " t "q.sender_id, substr(" t "q.body, 1, 200), " t "q.deleted_at, " \
    t "q.seq"
#define NATTER_MESSAGE_JOINS_OF(t)                                                                 \
    " LEFT JOIN messages " t "x ON " t "x.id = " t ".target_id "                                  \
    "LEFT JOIN messages " t "q ON " t "q.id = " t ".reply_to "

namespace natter::server {

/// A message's stored state, for the lifecycle rules.
struct StoredMessage
{
    MessageId id;
    RoomId roomId;
    Seq seq = 0;
    UserId senderId;
    QString kind;
    QString body;
    qint64 sentAt = 0;
    qint64 editedAt = 0;
    bool deleted = false;
};

/// The tail of message_order (migration 18): the messages not yet moved into it, found by their
/// ids. A query by (room_id, seq) reads message_order and, in a UNION ALL or a statement of its
/// own, the messages with `id > ` this (a rowid range of at most
/// MessageRepository::orderTailLimit rows).
#define NATTER_ORDER_TAIL "(SELECT through FROM message_order_state)"

/// Timeline entries. (room_id, seq) is unique (allocated by RoomRepository, one writer) and
/// ordered through message_order plus its tail (NATTER_ORDER_TAIL): history and sync are keyset
/// scans, always bounded by the reader's window [fromSeq, untilSeq]. Whatever lies before a reader's
/// window stays hidden even when an entry refers to it: an edited/deleted entry whose target is
/// older than fromSeq is served without text, a reply to such a message without its preview.
class MessageRepository
{
public:
    explicit MessageRepository(StatementCache &cache) : m_cache(cache) {}

    /// Columns selected by NATTER_MESSAGE_COLUMNS_OF.
    static constexpr int columnCount = 18;
    /// Longest reply preview body, in UTF-16 units.
    static constexpr int replyPreviewLength = 120;

    /// The entry a sender already stored under an idempotency key, if any.
    std::optional<Message> findByClientId(UserId sender, const QString &clientMsgId);
    /// One entry as served to a reader whose window starts at `fromSeq`.
    std::optional<Message> find(MessageId id, Seq fromSeq = 1);
    /// Every entry whose seq is a multiple of this is noted in message_marks (migration 14),
    /// which lets a search walk a room's (room_id, seq) index in a window of ids.
    static constexpr Seq markEvery = 128;

    /// Stores an entry at `seq` (from RoomRepository::allocateSeq) and returns it as served.
    Message insert(RoomId room, Seq seq, UserId sender, const QString &clientMsgId,
                   const QString &body, qint64 now, const QString &kind = timeline::message,
                   UserId subject = UserId(), MessageId target = MessageId(), MessageId replyTo = MessageId());
    /// Stores a user's message (no reply) at the room's next seq, unless the sender already
    /// used `clientMsgId` (then nothing is stored and nullopt is returned). The caller must then
    /// record the new seq with RoomRepository::advanceSeq in the same job.
    std::optional<Message> insertNext(RoomId room, UserId sender, const QString &clientMsgId,
                                      const QString &body, qint64 now);
    /// Up to `limit` entries with fromSeq <= seq < beforeSeq (beforeSeq 0: no upper bound
    /// besides untilSeq), the newest of them, ascending. untilSeq 0 means no limit.
    /// before() and after() read message_order and its tail in two statements: call them in a
    /// transaction (as every storage job runs), so that both see one snapshot (SQLite's
    /// transactions do; PostgreSQL's would need REPEATABLE READ).
    QList<Message> before(RoomId room, Seq beforeSeq, int limit, Seq fromSeq = 1, Seq untilSeq = 0);
    /// Up to `limit` entries with max(afterSeq + 1, fromSeq) <= seq <= untilSeq, ascending.
    QList<Message> after(RoomId room, Seq afterSeq, int limit, Seq fromSeq = 1, Seq untilSeq = 0);

    /// The stored state of entry `id` in `room`, if it exists there.
    std::optional<StoredMessage> stored(RoomId room, MessageId id);
    /// Replaces the text of a message, keeping the previous text as a revision.
    void edit(const StoredMessage &message, const QString &body, qint64 now);
    /// Removes a message's text and its revisions, leaving a tombstone.
    void tombstone(MessageId id, qint64 now);
    /// Earlier texts of a message, oldest first.
    QList<Revision> revisions(MessageId id);
    int revisionCount(MessageId id);

    /// The writer moves the tail into message_order, in the transaction of a write batch, once
    /// this many messages were stored on its connection since the last move, or once the first
    /// of them has waited orderTailAgeMs; and after a second without writes, and when it opens
    /// (StorageWorker). A query that walks the whole tail (a room with nothing in it) reads at
    /// most about this many rows. A move of 4,096 messages takes about 10 ms.
    static constexpr int orderTailLimit = 4096;
    static constexpr qint64 orderTailAgeMs = 1000;
    /// Messages stored on this connection since the last flushOrder().
    int orderTail() const { return m_tail; }
    /// True when flushOrder() is due (see orderTailLimit).
    bool orderDue() const;
    /// Moves every message above the tail's mark into message_order, sorted by room so that
    /// each room's leaf is written once, and moves the mark; returns how many moved. In a write
    /// transaction.
    int flushOrder();
    /// The transaction of a flushOrder() was rolled back: its messages are in the tail again,
    /// so a move is due again (at the latest orderTailAgeMs from now) though none was stored.
    void orderMoveRolledBack();

    /// Reads the columns of NATTER_MESSAGE_COLUMNS_OF starting at `first`, as served to a
    /// reader whose window starts at `fromSeq`.
    static Message readMessage(const Statement &q, int first = 0, Seq fromSeq = 1);

private:
    /// Notes entry `id` at `seq` in message_marks when seq is a multiple of markEvery.
    void mark(RoomId room, Seq seq, MessageId id);
    /// Counts a stored message into the tail.
    void grewTail();
    /// Up to `limit` entries by two statements, one on message_order binding (room, first,
    /// second, limit) and one on its tail binding (room, first, second), merged in seq order
    /// (descending or ascending).
    QList<Message> page(const char *orderedSql, const char *tailSql, RoomId room, Seq first, Seq second,
                        int limit, bool descending, Seq fromSeq);
    StatementCache &m_cache;
    int m_tail = 0;
    QElapsedTimer m_tailSince;
};

} // namespace natter::server
