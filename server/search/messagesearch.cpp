#include "search/messagesearch.h"

#include "search/snippet.h"
#include "storage/repositories.h"

#include <QSet>
#include <algorithm>

namespace natter::server {

namespace {

constexpr qint64 noCursor = limits::maxJsonInteger + 1;

int codePoints(const QString &text)
{
    int n = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!text.at(i).isLowSurrogate())
            ++n;
    }
    return n;
}

/// What the database cannot check: texts too short for the index, and exclusions.
struct RowCheck
{
    QStringList mustContain;
    QStringList mustNotContain;

    bool accepts(const QString &body) const
    {
        for (const QString &t : mustContain) {
            if (!containsText(body, t))
                return false;
        }
        for (const QString &t : mustNotContain) {
            if (containsText(body, t))
                return false;
        }
        return true;
    }
};

/// Resolves in: names to the reader's rooms; the request's roomId narrows further.
std::optional<QList<RoomId>> roomsToSearch(Repositories &repos, UserId reader,
                                           const SearchRequest &req, const SearchQuery &q)
{
    if (q.inRooms.isEmpty())
        return req.roomId.isValid() ? std::optional<QList<RoomId>>(QList<RoomId>{req.roomId})
                                    : std::nullopt;
    QList<RoomId> out;
    for (const SearchableRoom &room : repos.search.roomsOf(reader)) {
        if (req.roomId.isValid() && room.id != req.roomId)
            continue;
        const QString &name = room.kind == RoomKind::Group ? room.name : room.otherMember;
        for (const QString &wanted : q.inRooms) {
            if (!name.isEmpty() && name.compare(wanted, Qt::CaseInsensitive) == 0) {
                out.append(room.id);
                break;
            }
        }
    }
    return out;
}

std::optional<QList<UserId>> sendersToSearch(Repositories &repos, const SearchQuery &q)
{
    if (q.fromUsers.isEmpty())
        return std::nullopt;
    QList<UserId> out;
    for (const QString &name : q.fromUsers) {
        if (const std::optional<UserRecord> u = repos.users.findByName(name))
            out.append(u->user.id);
    }
    return out;
}

SearchHit toHit(const SearchRow &row, const QStringList &needles)
{
    const Snippet s = makeSnippet(row.body, needles);
    SearchHit hit{row.id, row.roomId, row.seq, row.senderId, row.sentAt, s.text, {}};
    for (const TextRange &r : s.highlights)
        hit.highlights.append(SearchHighlight{r.start, r.length});
    return hit;
}

/// How the candidates are found.
enum class Mode {
    Index,    ///< the FTS index drives, newest first; the database checks the indexable texts
    Rooms,    ///< the named (small) rooms are read newest first; every text checked here
    IdWindows ///< the readable (or named) rooms, window by window of ids; texts checked here
};

/// Picks the mode and splits the query's texts between the FTS expression and the row check.
Mode plan(Repositories &repos, const SearchQuery &q, const SearchBudget &budget,
          SearchFilter &filter, RowCheck &check)
{
    QStringList matchParts;
    QStringList allTexts;
    for (const SearchText &t : q.include) {
        allTexts.append(t.text);
        if (codePoints(t.text) >= SearchQuery::minIndexedLength)
            matchParts.append(SearchRepository::quoteForMatch(t.text));
        else
            check.mustContain.append(t.text);
    }
    for (const SearchText &t : q.exclude)
        check.mustNotContain.append(t.text);
    // In small rooms reading the room is cheaper than walking a common text's whole index.
    const bool smallRooms = filter.rooms
        && repos.search.timelineLength(*filter.rooms) <= budget.roomScanLimit;
    if (!matchParts.isEmpty() && !smallRooms) {
        filter.match = matchParts.join(QStringLiteral(" AND "));
        return Mode::Index;
    }
    if (smallRooms) {
        check.mustContain = allTexts;
        return Mode::Rooms;
    }
    return Mode::IdWindows; // nothing indexable: short texts or filters only
}

} // namespace

SearchOutcome searchMessages(Repositories &repos, UserId reader, const SearchRequest &req,
                             const SearchQuery &q, const SearchBudget &budget)
{
    SearchOutcome out;
    if (req.roomId.isValid() && !repos.members.membership(req.roomId, reader).canRead()) {
        out.error = ProtocolError{ErrorCode::Forbidden, QStringLiteral("you are not a member of this room")};
        return out;
    }
    SearchFilter filter;
    filter.reader = reader;
    filter.rooms = roomsToSearch(repos, reader, req, q);
    filter.senders = sendersToSearch(repos, q);
    filter.sentBefore = q.beforeMs();
    filter.sentAfter = q.afterMs();
    if ((filter.rooms && filter.rooms->isEmpty()) || (filter.senders && filter.senders->isEmpty()))
        return out; // a name that matches nothing finds nothing
    RowCheck check;
    const Mode mode = plan(repos, q, budget, filter, check);
    const bool checked = !check.mustContain.isEmpty() || !check.mustNotContain.isEmpty();
    const QStringList needles = q.includedTexts();
    const int batch = checked ? 200 : req.limit + 1;

    qint64 cursor = req.before > 0 ? req.before : noCursor;
    if (mode == Mode::IdWindows && cursor == noCursor)
        cursor = repos.search.newestId() + 1;
    const qint64 spanStart = cursor;
    QList<SearchHit> &hits = out.reply.results;
    while (true) {
        const qint64 lower = mode == Mode::IdWindows ? std::max<qint64>(0, cursor - budget.idWindow) : 0;
        const QList<SearchRow> rows = repos.search.find(filter, cursor, lower, batch);
        for (const SearchRow &row : rows) {
            cursor = row.id.value;
            ++out.examined;
            if (!check.accepts(row.body))
                continue;
            if (hits.size() == req.limit) {
                out.reply.nextBefore = hits.last().messageId.value;
                return out;
            }
            hits.append(toHit(row, needles));
        }
        if (rows.size() < batch) {
            if (lower == 0)
                return out; // nothing older anywhere
            cursor = lower; // this id window is done
        }
        const bool spent = out.examined >= budget.maxExamined
            || (mode == Mode::IdWindows && spanStart - cursor >= budget.maxIdSpan);
        if (spent) {
            out.reply.nextBefore = cursor;
            return out;
        }
    }
}

} // namespace natter::server
