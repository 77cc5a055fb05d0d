#pragma once

#include "protocol/types.h"
#include "storage/statement.h"

#include <QHash>
#include <optional>

namespace natter::server {

/// Which messages a search may return: always only kind 'message' with a non-empty body,
/// inside the reader's readable window of a room they are or were a member of.
struct SearchFilter
{
    UserId reader;
    QString match;               ///< FTS5 expression built from quoted texts only; empty: none
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

/// Message search over the FTS5 trigram index message_search (migration 6). Each call is one
/// bounded query; the search loop (server/search) pages through them newest first.
class SearchRepository
{
public:
    explicit SearchRepository(StatementCache &cache) : m_cache(cache) {}

    /// Up to `limit` matches of `filter` among ids in [lowerId, beforeId), newest (highest id)
    /// first. Without a match expression lowerId bounds the work; with one it may be 0.
    QList<SearchRow> find(const SearchFilter &filter, qint64 beforeId, qint64 lowerId, int limit);
    /// The highest message id (0 for none): where a search without an index starts.
    qint64 newestId();
    /// How many entries the rooms' timelines hold together.
    qint64 timelineLength(const QList<RoomId> &rooms);
    /// Every room in which `reader` holds a membership row (current or former).
    QList<SearchableRoom> roomsOf(UserId reader);

    /// `text` as an FTS5 string literal: quoted, with quotes doubled, so no user text is
    /// ever read as FTS5 syntax.
    static QString quoteForMatch(const QString &text);

private:
    QSqlQuery &prepared(const QString &sql);

    StatementCache &m_cache;
    QHash<QString, QSqlQuery> m_queries; ///< one per shape of filter (a handful)
};

} // namespace natter::server
