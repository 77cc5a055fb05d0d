#pragma once

#include "protocol/types.h"
#include "storage/statement.h"

#include <optional>

/// The message columns every message query selects, in the order readMessage() expects.
#define NATTER_MESSAGE_COLUMNS_OF(t)                                                               \
    t ".id, " t ".room_id, " t ".seq, " t ".sender_id, " t ".client_msg_id, " t ".body, " t         \
    ".sent_at, " t ".kind, " t ".subject_id"

namespace natter::server {

/// Timeline entries. (room_id, seq) is unique and indexed: history and sync are keyset scans,
/// always bounded by the reader's window [fromSeq, untilSeq].
class MessageRepository
{
public:
    explicit MessageRepository(StatementCache &cache) : m_cache(cache) {}

    /// The entry a sender already stored under an idempotency key, if any.
    std::optional<Message> findByClientId(UserId sender, const QString &clientMsgId);
    /// Stores an entry at `seq` (from RoomRepository::allocateSeq).
    Message insert(RoomId room, Seq seq, UserId sender, const QString &clientMsgId,
                   const QString &body, qint64 now, const QString &kind = timeline::message,
                   UserId subject = UserId());
    /// Stores a user's message at the room's next seq in one statement, unless the sender
    /// already used `clientMsgId` (then nothing is stored and nullopt is returned). The caller
    /// must then record the new seq with RoomRepository::advanceSeq in the same job.
    std::optional<Message> insertNext(RoomId room, UserId sender, const QString &clientMsgId,
                                      const QString &body, qint64 now);
    /// Up to `limit` entries with fromSeq <= seq < beforeSeq (beforeSeq 0: no upper bound
    /// besides untilSeq), the newest of them, ascending. untilSeq 0 means no limit.
    QList<Message> before(RoomId room, Seq beforeSeq, int limit, Seq fromSeq = 1, Seq untilSeq = 0);
    /// Up to `limit` entries with max(afterSeq + 1, fromSeq) <= seq <= untilSeq, ascending.
    QList<Message> after(RoomId room, Seq afterSeq, int limit, Seq fromSeq = 1, Seq untilSeq = 0);

    static Message readMessage(const Statement &q, int first = 0);

private:
    StatementCache &m_cache;
};

} // namespace natter::server
