#include "storage/searchrepository.h"

#include "storage/messagerepository.h"
#include "storage/storageerror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace natter::server {

void SearchRepository::prepareIndex(QSqlDatabase &db)
{
    execDirect(db, QStringLiteral("CREATE VIRTUAL TABLE IF NOT EXISTS search.message_search USING fts5(body, "
                                  "content='', tokenize='trigram', detail=none, columnsize=0)"));
    execDirect(db, QStringLiteral("CREATE TABLE IF NOT EXISTS search.search_state (source TEXT NOT NULL, "
                                  "indexed_through INTEGER NOT NULL, changes_through INTEGER NOT NULL)"));
    QSqlQuery q(db);
    // The same copy, and no further along than the database: a copy taken while natterd ran and
    // put back before its next start still has the token, but the index has then indexed ids
    // or applied logged changes the copy does not hold.
    if (!q.exec(QStringLiteral(
            "SELECT s.source = (SELECT token FROM search_source) "
            "AND s.changes_through <= COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'search_changes'), 0) "
            "AND s.indexed_through <= MAX(COALESCE((SELECT MAX(id) FROM messages), 0), "
            "    COALESCE((SELECT MAX(message_id) FROM search_changes WHERE seq > s.changes_through), 0)) "
            "FROM search.search_state s"))
        || (!q.next() && q.lastError().isValid()))
        throw StorageError(QStringLiteral("cannot read the search index's state: %1").arg(q.lastError().text()));
    const bool same = q.isValid() && q.value(0).toInt() == 1;
    q.finish();
    if (same) {
        // A new token at every start: a file copied or restored later names the old one, which
        // then matches no index (a crash between the two files' commits only costs a rebuild).
        execDirect(db, QStringLiteral("UPDATE search_source SET token = lower(hex(randomblob(16)))"));
        execDirect(db, QStringLiteral("UPDATE search.search_state SET source = (SELECT token FROM search_source)"));
        return;
    }
    // Missing, new, or made for another copy of the database: start again from the first message.
    execDirect(db, QStringLiteral("INSERT INTO search.message_search (message_search) VALUES ('delete-all')"));
    execDirect(db, QStringLiteral("INSERT INTO search.message_search (message_search, rank) VALUES ('automerge', 8)"));
    execDirect(db, QStringLiteral("DELETE FROM search.search_state"));
    execDirect(db, QStringLiteral("INSERT INTO search.search_state (source, indexed_through, changes_through) "
                                  "SELECT token, 0, 0 FROM search_source"));
    execDirect(db, QStringLiteral("DELETE FROM search_changes"));
}

int SearchRepository::indexPending(int limit)
{
    qint64 mark = 0;
    qint64 changesThrough = 0;
    {
        Statement state(m_cache, "SELECT indexed_through, changes_through FROM search.search_state");
        if (!state.exec().next())
            throw StorageError(QStringLiteral("the search index has no state"));
        mark = state.integer(0);
        changesThrough = state.integer(1);
    }
    const qint64 lastApplied = changesThrough;

    // Changes since the last pass, in order. `floor` is the lowest the highest id has been
    // since then: it starts at the mark and comes down with deletions (each logs the highest id
    // left). Ids above it were all deleted at some moment, so a change to such an id after
    // that belongs to a new message SQLite gave the id to, which the index never held: skipped,
    // the message is indexed as new below. At or below it, the first change of a message holds
    // the text the index has, which is forgotten; its current text (if any) is indexed again.
    qint64 floor = mark;
    QSet<qint64> changed;
    {
        Statement changes(m_cache, "SELECT seq, message_id, old_kind, old_body, floor FROM search_changes "
                                   "WHERE seq > ? ORDER BY seq");
        changes.bind(changesThrough).exec();
        while (changes.next()) {
            changesThrough = changes.integer(0);
            const qint64 id = changes.integer(1);
            if (id <= floor && !changed.contains(id)) {
                changed.insert(id);
                if (changes.text(2) == QLatin1String("message")) {
                    Statement forget(m_cache, "INSERT INTO search.message_search (message_search, rowid, body) "
                                              "VALUES ('delete', ?, ?)");
                    forget.bind(id).bind(changes.text(3)).exec();
                }
            }
            if (!changes.value(4).isNull())
                floor = std::min(floor, changes.integer(4));
        }
    }
    for (const qint64 id : std::as_const(changed)) {
        if (id > floor)
            continue; // deleted since, and any message with its id now is new
        Statement again(m_cache, "INSERT INTO search.message_search (rowid, body) "
                                 "SELECT id, body FROM messages WHERE id = ? AND kind = 'message'");
        again.bind(id).exec();
    }

    // New messages: those above the floor, at most `limit` of them.
    const qint64 from = floor;
    int count = 0;
    qint64 through = from;
    {
        Statement upto(m_cache, "SELECT COUNT(*), MAX(id) FROM (SELECT id FROM messages WHERE id > ? "
                                "ORDER BY id LIMIT ?)");
        upto.bind(from).bind(limit).exec().next();
        count = int(upto.integer(0));
        if (count > 0)
            through = upto.integer(1);
    }
    if (count > 0) {
        Statement add(m_cache, "INSERT INTO search.message_search (rowid, body) SELECT id, body FROM messages "
                               "WHERE id > ? AND id <= ? AND kind = 'message'");
        add.bind(from).bind(through).exec();
    }
    if (through != mark || changesThrough != lastApplied) { // else the pass writes nothing
        Statement set(m_cache, "UPDATE search.search_state SET indexed_through = ?, changes_through = ?");
        set.bind(through).bind(changesThrough).exec();
    }
    return count;
}

qint64 SearchRepository::appliedChanges()
{
    Statement q(m_cache, "SELECT changes_through FROM search.search_state");
    return q.exec().next() ? q.integer(0) : 0;
}

void SearchRepository::forgetChanges(qint64 through)
{
    Statement(m_cache, "DELETE FROM search_changes WHERE seq <= ?").bind(through).exec();
}

namespace {

qint64 rawId(qint64 id) { return id; }
template <class Tag> qint64 rawId(Id<Tag> id) { return id.value; }

template <class T> QString idsAsJson(const QList<T> &ids)
{
    QJsonArray a;
    for (const T &id : ids)
        a.append(rawId(id));
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

/// The filters of one shape, on `m` (messages) and `rm` (the reader's membership).
QString searchFilters(const SearchFilter &f)
{
    QString sql = QStringLiteral("AND m.kind = 'message' AND m.body <> '' AND m.seq >= rm.read_from_seq "
                                 "AND (rm.active = 1 OR m.seq <= rm.read_until_seq) ");
    if (f.rooms)
        sql += QStringLiteral("AND rm.room_id IN (SELECT value FROM json_each(?)) ");
    if (f.senders)
        sql += QStringLiteral("AND m.sender_id IN (SELECT value FROM json_each(?)) ");
    if (f.sentBefore)
        sql += QStringLiteral("AND m.sent_at < ? ");
    if (f.sentAfter)
        sql += QStringLiteral("AND m.sent_at >= ? ");
    return sql;
}

/// The statement for one shape of filter; values are always bound, never spliced in. `among`:
/// the candidates are given ids (from the FTS index); otherwise the reader's memberships drive,
/// each room walked through message_order over the seq range that message_marks gives for the
/// id range (ids grow with seq within a room), and the order's tail (ids above its mark) by id.
QString searchSql(const SearchFilter &f, bool among)
{
    if (among) {
        return QStringLiteral("SELECT m.id, m.room_id, m.seq, m.sender_id, m.body, m.sent_at "
                              "FROM messages m CROSS JOIN room_members rm ON rm.room_id = "
                              "m.room_id AND rm.user_id = ? "
                              "WHERE m.id IN (SELECT value FROM json_each(?)) ")
            + searchFilters(f) + QStringLiteral("ORDER BY m.id DESC");
    }
    return QStringLiteral("SELECT m.id, m.room_id, m.seq, m.sender_id, m.body, m.sent_at "
                          "FROM room_members rm CROSS JOIN message_order o ON o.room_id = rm.room_id "
                          "CROSS JOIN messages m ON m.id = o.id "
                          "WHERE rm.user_id = ? AND m.id < ? AND m.id >= ? "
                          // The id window's seq range in this room, from message_marks.
                          "AND o.seq < COALESCE((SELECT k.seq FROM message_marks k WHERE k.room_id = "
                          "rm.room_id AND k.id >= ? ORDER BY k.id LIMIT 1), 9223372036854775807) "
                          "AND o.seq > MAX(rm.read_from_seq - 1, COALESCE((SELECT k.seq FROM "
                          "message_marks k WHERE k.room_id = rm.room_id AND k.id < ? ORDER BY k.id "
                          "DESC LIMIT 1), 0)) ")
        + searchFilters(f)
        + QStringLiteral("UNION ALL SELECT m.id, m.room_id, m.seq, m.sender_id, m.body, m.sent_at "
                         "FROM messages m CROSS JOIN room_members rm ON rm.room_id = m.room_id "
                         "AND rm.user_id = ? WHERE m.id < ? AND m.id > MAX(? - 1, " NATTER_ORDER_TAIL ") ")
        + searchFilters(f) + QStringLiteral("ORDER BY 1 DESC LIMIT ?");
}

} // namespace

QString SearchRepository::matchExpression(const QString &text)
{
    QList<qsizetype> starts; // where each code point begins
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!text.at(i).isLowSurrogate())
            starts.append(i);
    }
    const qsizetype count = starts.size() - 2; // trigrams in the text
    if (count < 1)
        return {};
    starts.append(text.size());
    const qsizetype wanted = std::min<qsizetype>(count, maxMatchTrigrams);
    QStringList parts;
    for (qsizetype k = 0; k < wanted; ++k) {
        const qsizetype at = wanted == 1 ? 0 : k * (count - 1) / (wanted - 1);
        QString trigram = text.mid(starts[at], starts[at + 3] - starts[at]);
        trigram.replace(QLatin1Char('"'), QLatin1String("\"\""));
        const QString quoted = QLatin1Char('"') + trigram + QLatin1Char('"');
        if (!parts.contains(quoted, Qt::CaseInsensitive))
            parts.append(quoted);
    }
    return parts.join(QLatin1String(" AND "));
}

QSqlQuery &SearchRepository::prepared(const QString &sql)
{
    auto it = m_queries.find(sql);
    if (it == m_queries.end()) {
        QSqlQuery q(m_cache.database());
        q.setForwardOnly(true);
        if (!q.prepare(sql))
            throw StorageError(
                QStringLiteral("cannot prepare a search: %1").arg(q.lastError().text()));
        it = m_queries.insert(sql, q);
    }
    return *it;
}

QList<qint64> SearchRepository::matchingIds(const QString &match, qint64 beforeId, int limit)
{
    Statement q(m_cache, "SELECT rowid FROM search.message_search WHERE message_search MATCH ? "
                         "AND rowid < ? ORDER BY rowid DESC LIMIT ?");
    q.bind(match).bind(beforeId).bind(limit).exec();
    QList<qint64> out;
    while (q.next())
        out.append(q.integer(0));
    return out;
}

QList<SearchRow> SearchRepository::find(const SearchFilter &f, qint64 beforeId, qint64 lowerId,
                                        int limit)
{
    return run(f, false, {}, beforeId, lowerId, limit);
}

QList<SearchRow> SearchRepository::findAmong(const SearchFilter &f, const QList<qint64> &ids)
{
    return run(f, true, ids, 0, 0, 0);
}

QList<SearchRow> SearchRepository::run(const SearchFilter &f, bool among, const QList<qint64> &ids,
                                       qint64 beforeId, qint64 lowerId, int limit)
{
    QSqlQuery &q = prepared(searchSql(f, among));
    int i = 0;
    const auto bindFilters = [&] {
        if (f.rooms)
            q.bindValue(i++, idsAsJson(*f.rooms));
        if (f.senders)
            q.bindValue(i++, idsAsJson(*f.senders));
        if (f.sentBefore)
            q.bindValue(i++, *f.sentBefore);
        if (f.sentAfter)
            q.bindValue(i++, *f.sentAfter);
    };
    q.bindValue(i++, f.reader.value);
    if (among) {
        q.bindValue(i++, idsAsJson(ids));
        bindFilters();
    } else {
        q.bindValue(i++, beforeId);
        q.bindValue(i++, lowerId);
        q.bindValue(i++, beforeId); // the marks around the window
        q.bindValue(i++, lowerId);
        bindFilters();
        q.bindValue(i++, f.reader.value); // the tail
        q.bindValue(i++, beforeId);
        q.bindValue(i++, lowerId);
        bindFilters();
        q.bindValue(i++, limit);
    }
    if (!q.exec())
        throw StorageError(QStringLiteral("search failed: %1").arg(q.lastError().text()));
    QList<SearchRow> out;
    while (q.next()) {
        out.append(SearchRow{MessageId(q.value(0).toLongLong()), RoomId(q.value(1).toLongLong()),
                             q.value(2).toLongLong(), UserId(q.value(3).toLongLong()),
                             q.value(4).toString(), q.value(5).toLongLong()});
    }
    q.finish();
    return out;
}

qint64 SearchRepository::newestId()
{
    Statement q(m_cache, "SELECT COALESCE(MAX(id), 0) FROM messages");
    return q.exec().next() ? q.integer(0) : 0;
}

qint64 SearchRepository::timelineLength(const QList<RoomId> &rooms)
{
    Statement q(m_cache, "SELECT COALESCE(SUM(last_seq), 0) FROM rooms WHERE id IN (SELECT value "
                         "FROM json_each(?))");
    return q.bind(idsAsJson(rooms)).exec().next() ? q.integer(0) : 0;
}

QList<SearchableRoom> SearchRepository::roomsOf(UserId reader)
{
    Statement q(m_cache,
                "SELECT r.id, r.kind, r.name, (SELECT u.username FROM room_members o "
                "JOIN users u ON u.id = o.user_id WHERE o.room_id = r.id AND o.user_id <> ? "
                "LIMIT 1) FROM room_members rm JOIN rooms r ON r.id = rm.room_id "
                "WHERE rm.user_id = ?");
    q.bind(reader.value).bind(reader.value).exec();
    QList<SearchableRoom> out;
    while (q.next()) {
        SearchableRoom room;
        room.id = RoomId(q.integer(0));
        room.kind = q.text(1) == QLatin1String("group") ? RoomKind::Group : RoomKind::Direct;
        if (room.kind == RoomKind::Group)
            room.name = q.text(2);
        else
            room.otherMember = q.text(3);
        out.append(room);
    }
    return out;
}

} // namespace natter::server
