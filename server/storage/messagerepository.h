#pragma once

#include "protocol/types.h"
#include "storage/statement.h"

#include <optional>

namespace natter::server {

/// Timeline entries. (room_id, seq) is unique and indexed: history and sync are keyset scans.
class MessageRepository
{
public:
    explicit MessageRepository(StatementCache &cache) : m_cache(cache) {}

    /// The message a sender already stored under an idempotency key, if any.
    std::optional<Message> findByClientId(UserId sender, const QString &clientMsgId);
    Message insert(RoomId room, Seq seq, UserId sender, const QString &clientMsgId,
                   const QString &body, qint64 now);
    /// Up to `limit` entries with seq < beforeSeq (or the newest when beforeSeq is 0), ascending.
    QList<Message> before(RoomId room, Seq beforeSeq, int limit);
    /// Up to `limit` entries with seq > afterSeq, ascending.
    QList<Message> after(RoomId room, Seq afterSeq, int limit);

    /// Reads the seven message columns starting at `first` (id, room, seq, sender, client id,
    /// body, sent_at) — the column order every message query here uses.
    static Message readMessage(const Statement &q, int first = 0);

private:
    StatementCache &m_cache;
};

} // namespace natter::server
