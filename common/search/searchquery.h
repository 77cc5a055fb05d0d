#pragma once
// The message search query language, parsed the same way by the server and by clients.
//
//   term          a substring that must occur (case-insensitive); several terms all must
//   "a phrase"    a substring with spaces that must occur exactly as written (case aside)
//   -term         must not occur; also -"a phrase"
//   from:name     sent by that user (username, case-insensitive); repeated: any of them
//   in:name       in that group room, or in the direct room with that friend; repeated: any
//   before:DATE   sent before DATE began (UTC, YYYY-MM-DD): DATE itself is excluded
//   after:DATE    sent on DATE or later (UTC): DATE itself is included
//
// Operator values may be quoted (in:"team chat"). Words of the form x:y whose x is not one of
// the four operator names are ordinary terms (so 10:30 or re:plan can be searched for).

#include "protocol/errorcode.h"
#include "protocol/limits.h"

#include <QDate>
#include <QList>
#include <QStringList>
#include <optional>

namespace natter {

/// One piece of text a message must (or must not) contain.
struct SearchText
{
    QString text;
    bool phrase = false; ///< written in quotes
    friend bool operator==(const SearchText &a, const SearchText &b)
    {
        return a.text == b.text && a.phrase == b.phrase;
    }
};

struct SearchQuery
{
    /// Shortest text the server's trigram index can look up; shorter texts are still matched,
    /// by scanning candidates that the other conditions select.
    static constexpr int minIndexedLength = 3;
    static constexpr int maxQueryLength = limits::maxSearchQueryLength; ///< UTF-16 units
    static constexpr int maxItems = 16;                                 ///< texts plus operators

    QList<SearchText> include;   ///< all must occur
    QList<SearchText> exclude;   ///< none may occur
    QStringList fromUsers;       ///< any of these senders (empty: anyone)
    QStringList inRooms;         ///< any of these rooms (empty: every readable room)
    std::optional<QDate> before; ///< sent before this UTC day began
    std::optional<QDate> after;  ///< sent on this UTC day or later

    /// Parses `text`; on failure returns nothing and sets `error` (code InvalidQuery).
    static std::optional<SearchQuery> parse(const QString &text, ProtocolError *error);

    /// The bounds as ms since the epoch: sent_at < beforeMs() and sent_at >= afterMs().
    std::optional<qint64> beforeMs() const;
    std::optional<qint64> afterMs() const;
    /// The included texts, for highlighting.
    QStringList includedTexts() const;
};

} // namespace natter
