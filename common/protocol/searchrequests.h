#pragma once
// Full-text message search (search.messages). The query language is parsed by
// search/searchquery.h; docs/protocol.md documents both.

#include "protocol/requests.h"

namespace natter {

/// A highlighted range of a search snippet, in UTF-16 units.
struct SearchHighlight
{
    int start = 0;
    int length = 0;
    QJsonObject toJson() const;
    static SearchHighlight fromJson(JsonReader &r);
    friend bool operator==(const SearchHighlight &a, const SearchHighlight &b)
    {
        return a.start == b.start && a.length == b.length;
    }
};

/// One message that matched: where to jump to, and a piece of its text with the matches.
struct SearchHit
{
    MessageId messageId;
    RoomId roomId;
    Seq seq = 0; ///< the jump target within the room
    UserId senderId;
    qint64 sentAt = 0;
    QString snippet;                   ///< part of the body; "…" marks where it was cut
    QList<SearchHighlight> highlights; ///< sorted, non-overlapping, inside the snippet
    QJsonObject toJson() const;
    static SearchHit fromJson(JsonReader &r);
};

struct SearchReply
{
    QList<SearchHit> results; ///< newest first
    qint64 nextBefore = 0;    ///< cursor of the next page; 0 (null on the wire): no more
    QJsonObject toJson() const;
    static SearchReply fromJson(JsonReader &r);
};

/// Searches the messages the caller may read, in one room or in all of them.
struct SearchRequest
{
    static constexpr const char *type = "search.messages";
    using Reply = SearchReply;
    QString query;
    RoomId roomId;     ///< invalid: every readable room
    qint64 before = 0; ///< paging cursor: a previous reply's nextBefore; 0: from the newest
    int limit = 20;
    QJsonObject toJson() const;
    static SearchRequest fromJson(JsonReader &r);
};

} // namespace natter
