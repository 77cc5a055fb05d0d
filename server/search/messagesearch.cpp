#include "search/messagesearch.h"

#include "search/snippet.h"
#include "storage/repositories.h"

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

/// What the database cannot check: the texts themselves (the index only names messages holding
/// their trigrams), and exclusions.
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
    Index,    ///< the FTS index names candidates, newest first; every text checked here
    Rooms,    ///< the named (small) rooms are read newest first; every text checked here
    IdWindows ///< the readable (or named) rooms, window by window of ids; texts checked here
};

/// Picks the mode and splits the query's texts between the FTS expression (`match`) and the
/// row check.
Mode plan(Repositories &repos, const SearchQuery &q, const SearchBudget &budget,
          const SearchFilter &filter, QString *match, RowCheck &check)
{
    QStringList matchParts;
    for (const SearchText &t : q.include) {
        check.mustContain.append(t.text);
        if (codePoints(t.text) >= SearchQuery::minIndexedLength)
            matchParts.append(SearchRepository::matchExpression(t.text));
    }
    for (const SearchText &t : q.exclude)
        check.mustNotContain.append(t.text);
    // In small rooms reading the room is cheaper than walking a common text's whole index.
    if (filter.rooms && repos.search.timelineLength(*filter.rooms) <= budget.roomScanLimit)
        return Mode::Rooms;
    if (!matchParts.isEmpty()) {
        *match = matchParts.join(QStringLiteral(" AND "));
        return Mode::Index;
    }
    return Mode::IdWindows; // nothing indexable: short texts or filters only
}

/// One page being collected: takes candidates newest first until it holds limit + 1.
struct PageCollector
{
    const SearchRequest &req;
    const RowCheck &check;
    QStringList needles;
    SearchOutcome &out;

    /// False once the page is full (nextBefore is then set).
    bool take(const SearchRow &row)
    {
        if (!check.accepts(row.body))
            return true;
        QList<SearchHit> &hits = out.reply.results;
        if (hits.size() == req.limit) {
            out.reply.nextBefore = hits.last().messageId.value;
            return false;
        }
        hits.append(toHit(row, needles));
        return true;
    }
};

/// The index names candidates in growing batches; the database then filters each batch by
/// permission and operators. Work is bounded by the number of index matches examined.
void searchIndexed(Repositories &repos, const SearchFilter &filter, const QString &match,
                   const SearchBudget &budget, PageCollector &page)
{
    qint64 cursor = page.req.before > 0 ? page.req.before : noCursor;
    int batch = 4 * (page.req.limit + 1);
    while (true) {
        const QList<qint64> ids = repos.search.matchingIds(match, cursor, batch);
        if (!ids.isEmpty()) {
            for (const SearchRow &row : repos.search.findAmong(filter, ids)) {
                if (!page.take(row))
                    return;
            }
        }
        page.out.examined += ids.size();
        if (ids.size() < batch)
            return; // the index has nothing older
        cursor = ids.last();
        if (page.out.examined >= budget.maxExamined) {
            page.out.reply.nextBefore = cursor;
            return;
        }
        batch = std::min(batch * 4, 2000);
    }
}

/// Reads messages newest first (the named small rooms, or every readable room window by window
/// of ids) and checks every text here. Work is bounded by rows examined and ids walked.
void searchScanned(Repositories &repos, const SearchFilter &filter, Mode mode,
                   const SearchBudget &budget, PageCollector &page)
{
    const bool checked = !page.check.mustContain.isEmpty() || !page.check.mustNotContain.isEmpty();
    // Each statement sorts what is left of its rooms or window: batches grow so that a long
    // scan takes few of them.
    int batch = checked ? 200 : page.req.limit + 1;
    qint64 cursor = page.req.before > 0 ? page.req.before : noCursor;
    if (mode == Mode::IdWindows && cursor == noCursor)
        cursor = repos.search.newestId() + 1;
    const qint64 spanStart = cursor;
    while (true) {
        const qint64 lower =
            mode == Mode::IdWindows ? std::max<qint64>(0, cursor - budget.idWindow) : 0;
        const QList<SearchRow> rows = repos.search.find(filter, cursor, lower, batch);
        for (const SearchRow &row : rows) {
            cursor = row.id.value;
            ++page.out.examined;
            if (!page.take(row))
                return;
        }
        if (rows.size() < batch) {
            if (lower == 0)
                return; // nothing older anywhere
            cursor = lower; // this id window is done
        }
        if (checked)
            batch = std::min(batch * 4, 3200);
        if (page.out.examined >= budget.maxExamined ||
            (mode == Mode::IdWindows && spanStart - cursor >= budget.maxIdSpan)) {
            page.out.reply.nextBefore = cursor;
            return;
        }
    }
}

} // namespace

SearchOutcome searchMessages(Repositories &repos, UserId reader, const SearchRequest &req,
                             const SearchQuery &q, const SearchBudget &budget)
{
    SearchOutcome out;
    if (req.roomId.isValid() && !repos.members.membership(req.roomId, reader).canRead()) {
        out.error = ProtocolError{ErrorCode::Forbidden,
                                  QStringLiteral("you are not a member of this room")};
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
    QString match;
    const Mode mode = plan(repos, q, budget, filter, &match, check);
    PageCollector page{req, check, q.includedTexts(), out};
    if (mode == Mode::Index)
        searchIndexed(repos, filter, match, budget, page);
    else
        searchScanned(repos, filter, mode, budget, page);
    return out;
}

} // namespace natter::server
