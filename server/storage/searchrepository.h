#pragma once

#include "protocol/types.h"
#include "storage/statement.h"

#include <QHash>
#include <limits>
#include <optional>

namespace natter::server {

/// Which messages a search may return: always only kind 'message' with a non-empty body,
/// inside the reader's readable window of a room they are or were a member of.
struct SearchFilter
{
    UserId reader;
    std::optional<QList<RoomId>> rooms;   ///< only these rooms (still only readable ones)
    std::optional<QList<UserId>> senders; ///< only these senders
    std::optional<qint64> sentBefore;     ///< sent_at < this
    std::optional<qint64> sentAfter;      ///< sent_at >= this
};

/// A message a search found, with what a result needs.
struct SearchRow
{
    MessageId id;
    RoomId roomId;
    Seq seq = 0;
    UserId senderId;
    QString body;
    qint64 sentAt = 0;
};

/// A room the reader may search, with the names `in:` can give it.
struct SearchableRoom
{
    RoomId id;
    RoomKind kind = RoomKind::Direct;
    QString name;        ///< group rooms: the room's name
    QString otherMember; ///< direct rooms: the other member's username
};

/// Message search over the FTS5 trigram index search.message_search (migration 16). Each call is one
/// bounded query; the search loop (server/search) pages through them newest first.
class SearchRepository
{
public:
    explicit SearchRepository(StatementCache &cache) : m_cache(cache) {}

    /// Creates the search index in the attached `search` schema (sqlconnection.h) where it is
    /// missing, and empties it where it was built for another copy of the database (migration
    /// 16's search_source): indexPending() then builds it again from the first message. A kept
    /// index and the database take a new token together, so that a copy of the database made
    /// before (by any means) never matches the index again.
    /// Migrator::migrate() calls it once the schema is current.
    static void prepareIndex(QSqlDatabase &db);
    /// Brings the index up to date with the messages, in the caller's transaction: applies the
    /// changes logged since the last call (migration 16's search_changes) to indexed messages,
    /// then indexes up to `limit` new messages (above search_state.indexed_through, or above
    /// the highest id left by a deletion since) with their current text. Returns how many new
    /// messages it took; `limit` of them means more wait.
    /// SearchIndexer runs it on a thread of its own; tools and tests call it directly.
    int indexPending(int limit = std::numeric_limits<int>::max());
    /// The last logged change the index has applied (search_state.changes_through).
    qint64 appliedChanges();
    /// Deletes the logged changes up to `through`, once the index that applied them has
    /// committed: a writer job does, which SearchIndexer asks for after such a pass (a crash in
    /// between leaves changes the index skips). Needs no `search` schema.
    void forgetChanges(qint64 through);

    /// Ids below `beforeId` of messages whose text matches the FTS5 expression `match` (built
    /// with matchExpression() only), highest first, at most `limit`. Candidates only: a match
    /// holds every trigram of the texts, not necessarily the texts themselves (the caller
    /// confirms them), and nothing else is filtered yet. The work is bounded by `limit`.
    QList<qint64> matchingIds(const QString &match, qint64 beforeId, int limit);
    /// The messages among `ids` that pass `filter`, highest id first.
    QList<SearchRow> findAmong(const SearchFilter &filter, const QList<qint64> &ids);
    /// Up to `limit` messages passing `filter` with ids in [lowerId, beforeId), highest first,
    /// read room by room through (room_id, seq) within message_marks' bounds (the id range,
    /// widened by at most 2 x MessageRepository::markEvery per room, bounds the work).
    QList<SearchRow> find(const SearchFilter &filter, qint64 beforeId, qint64 lowerId, int limit);
    /// The highest message id (0 for none): where a search without an index starts.
    qint64 newestId();
    /// How many entries the rooms' timelines hold together.
    qint64 timelineLength(const QList<RoomId> &rooms);
    /// Every room in which `reader` holds a membership row (current or former).
    QList<SearchableRoom> roomsOf(UserId reader);

    /// The FTS5 expression for a text of at least three code points: the AND of its distinct
    /// trigrams (at most maxMatchTrigrams, spread over the text, the first and last always),
    /// each a quoted string literal so no user text is ever read as FTS5 syntax. The index
    /// (migration 16, detail=none) holds no positions, so this names candidates only.
    static QString matchExpression(const QString &text);
    static constexpr int maxMatchTrigrams = 12;

private:
    QSqlQuery &prepared(const QString &sql);
    QList<SearchRow> run(const SearchFilter &filter, bool among, const QList<qint64> &ids,
                         qint64 beforeId, qint64 lowerId, int limit);

    StatementCache &m_cache;
    QHash<QString, QSqlQuery> m_queries; ///< one per shape of filter (a handful)
};

} // namespace natter::server
