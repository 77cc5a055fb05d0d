#pragma once
// Finding search texts in a message body and cutting a highlighted snippet out of it. Offsets
// are UTF-16 units into the string they refer to, never markup, so a client draws highlights
// itself. Matching is case-insensitive, like the server's index.

#include <QList>
#include <QString>
#include <QStringList>

namespace natter {

struct TextRange
{
    int start = 0;
    int length = 0;
    friend bool operator==(const TextRange &a, const TextRange &b)
    {
        return a.start == b.start && a.length == b.length;
    }
};

/// Whether `text` contains `needle`, ignoring case.
bool containsText(QStringView text, QStringView needle);

/// Every occurrence of any of `needles` in `text`, ignoring case: sorted by start, with
/// overlapping or touching occurrences merged into one range.
QList<TextRange> findOccurrences(QStringView text, const QStringList &needles);

struct Snippet
{
    QString text;                ///< part of the body; "…" marks a cut at either end
    QList<TextRange> highlights; ///< ranges of `text` that matched
};

/// The part of `body` around its first occurrence of a needle, at most `maxLength` units of
/// the body (plus the "…" marks), never splitting a surrogate pair; the whole body when short.
Snippet makeSnippet(const QString &body, const QStringList &needles, int maxLength = 200);

} // namespace natter
