#include "search/snippet.h"

#include <algorithm>

namespace natter {

namespace {
const QChar ellipsis(0x2026);
constexpr int contextBefore = 40; ///< units of text shown before the first match
} // namespace

bool containsText(QStringView text, QStringView needle)
{
    return text.indexOf(needle, 0, Qt::CaseInsensitive) >= 0;
}

QList<TextRange> findOccurrences(QStringView text, const QStringList &needles)
{
    QList<TextRange> found;
    for (const QString &needle : needles) {
        if (needle.isEmpty())
            continue;
        for (qsizetype at = text.indexOf(needle, 0, Qt::CaseInsensitive); at >= 0;
             at = text.indexOf(needle, at + 1, Qt::CaseInsensitive))
            found.append(TextRange{int(at), int(needle.size())});
    }
    std::sort(found.begin(), found.end(),
              [](const TextRange &a, const TextRange &b) { return a.start < b.start; });
    QList<TextRange> merged;
    for (const TextRange &r : std::as_const(found)) {
        if (!merged.isEmpty() && r.start <= merged.last().start + merged.last().length) {
            TextRange &last = merged.last();
            last.length = std::max(last.start + last.length, r.start + r.length) - last.start;
        } else {
            merged.append(r);
        }
    }
    return merged;
}

Snippet makeSnippet(const QString &body, const QStringList &needles, int maxLength)
{
    const QList<TextRange> all = findOccurrences(body, needles);
    const int size = int(body.size());
    int start = 0;
    int end = size;
    if (size > maxLength) {
        const int first = all.isEmpty() ? 0 : all.first().start;
        start = std::clamp(first - contextBefore, 0, size - maxLength);
        end = start + maxLength;
        if (start > 0 && body.at(start).isLowSurrogate())
            ++start;
        if (end < size && body.at(end - 1).isHighSurrogate())
            --end;
    }
    Snippet s;
    const int shift = (start > 0 ? 1 : 0) - start;
    if (start > 0)
        s.text += ellipsis;
    s.text += QStringView(body).mid(start, end - start);
    if (end < size)
        s.text += ellipsis;
    for (const TextRange &r : all) {
        const int from = std::max(r.start, start);
        const int to = std::min(r.start + r.length, end);
        if (from < to)
            s.highlights.append(TextRange{from + shift, to - from});
    }
    return s;
}

} // namespace natter
