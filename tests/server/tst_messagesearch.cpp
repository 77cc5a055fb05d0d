// The search loop (server/search/messagesearch.h) on a real database, checked against a brute
// force filter of everything stored: every way of finding candidates (the index, reading small
// rooms, id windows) and every budget (including ones so small that pages come back short)
// must page through exactly the same messages, newest first, without gaps or duplicates.
#include "search/messagesearch.h"
#include "search/snippet.h"
#include "storage/migrator.h"
#include "storage/repositories.h"
#include "storage/sqlconnection.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace natter;
using namespace natter::server;

namespace {

struct Stored
{
    qint64 id;
    RoomId room;
    Seq seq;
    UserId sender;
    QString body;
};

struct Window
{
    Seq from = 1;
    Seq until = 0; ///< 0: no end
};

} // namespace

class TestMessageSearch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyModeAndBudgetFindsTheSame_data();
    void everyModeAndBudgetFindsTheSame();
    void pagesNeverExceedTheLimit();
    void tinyBudgetsCutPagesShort();
    void matchExpressionQuotesAndSpreadsTrigrams();

private:
    QList<qint64> expected(const SearchQuery &q, RoomId room) const;
    QList<qint64> pageThrough(const SearchRequest &req, const SearchQuery &q, const SearchBudget &b,
                              int *shortPages);

    QTemporaryDir m_dir;
    std::unique_ptr<Repositories> m_repos;
    QList<User> m_users;
    QList<RoomId> m_rooms;
    QHash<RoomId, Window> m_readerWindows; ///< the reader (user 0) per room
    QList<Stored> m_stored;
    int m_shortPagesSeen = 0; ///< pages cut short by the tiny budgets (their cursors lost nothing)
};

void TestMessageSearch::initTestCase()
{
    StorageConfig config;
    config.sqlitePath = m_dir.filePath(QStringLiteral("natter.db"));
    QSqlDatabase db = openConnection(config, QStringLiteral("engine"));
    Migrator(db, QStringLiteral("sqlite")).migrate();
    m_repos = std::make_unique<Repositories>(db);
    Repositories &r = *m_repos;
    db.transaction();
    for (const char *name : {"reader", "Bob", "carol"})
        m_users.append(*r.users.create(QString::fromLatin1(name), QStringLiteral("h"), 0));
    // Room 0: the reader is a member throughout; room 1: joined at seq 40; room 2: left at
    // seq 60; room 3: never a member; room 4: a big one (more than the room-scan limit used).
    const QList<Window> windows{{1, 0}, {40, 0}, {1, 60}, {0, 0}, {1, 0}};
    for (int i = 0; i < windows.size(); ++i) {
        const RoomId room = r.rooms.createGroup(QStringLiteral("Room %1").arg(i), QStringLiteral(""), false,
                                                HistoryVisibility::Shared, 0);
        m_rooms.append(room);
        r.members.join(room, m_users[1].id, MemberRole::Owner, 1, 0);
        r.members.join(room, m_users[2].id, MemberRole::Member, 1, 0);
        if (windows[i].from > 0) {
            r.members.join(room, m_users[0].id, MemberRole::Member, windows[i].from, 0);
            if (windows[i].until > 0)
                r.members.leave(room, m_users[0].id, windows[i].until);
            m_readerWindows.insert(room, windows[i]);
        }
    }
    const QStringList words{QStringLiteral("alpha"), QStringLiteral("Beta"), QStringLiteral("gamma"),
                            QStringLiteral("ok"), QStringLiteral("東京"), QStringLiteral("Grüße"),
                            QStringLiteral("привет"), QStringLiteral("x"), QStringLiteral("delta"),
                            QStringLiteral("banan"), QStringLiteral("banana")};
    QRandomGenerator rng(7);
    QList<Seq> seqs(m_rooms.size(), 0);
    for (int i = 0; i < 900; ++i) {
        const int room = i % 3 == 0 ? 4 : rng.bounded(int(m_rooms.size()));
        QStringList body;
        for (int w = 0, n = 1 + rng.bounded(5); w < n; ++w)
            body << words[rng.bounded(int(words.size()))];
        const UserId sender = m_users[rng.bounded(int(m_users.size()))].id;
        const Seq seq = ++seqs[room];
        const bool event = rng.bounded(20) == 0;
        const Message m = r.messages.insert(m_rooms[room], seq, sender, QStringLiteral("c%1").arg(i),
                                            body.join(QLatin1Char(' ')), qint64(i) * 1000,
                                            event ? timeline::renamed : timeline::message);
        if (!event)
            m_stored.append(Stored{m.id.value, m.roomId, seq, sender, m.body});
    }
    r.search.indexPending(); // new messages join the search index, as SearchIndexer does
    QVERIFY(db.commit());
}

void TestMessageSearch::cleanupTestCase()
{
    m_repos.reset();
    closeConnection(QStringLiteral("engine"));
}

QList<qint64> TestMessageSearch::expected(const SearchQuery &q, RoomId room) const
{
    QList<qint64> out;
    for (const Stored &m : m_stored) {
        const auto w = m_readerWindows.constFind(m.room);
        if (w == m_readerWindows.constEnd() || m.seq < w->from || (w->until > 0 && m.seq > w->until))
            continue;
        if (room.isValid() && m.room != room)
            continue;
        bool ok = true;
        for (const SearchText &t : q.include)
            ok = ok && containsText(m.body, t.text);
        for (const SearchText &t : q.exclude)
            ok = ok && !containsText(m.body, t.text);
        if (!q.fromUsers.isEmpty()) {
            bool any = false;
            for (const QString &name : q.fromUsers) {
                for (const User &u : m_users)
                    any = any || (u.id == m.sender && u.username.compare(name, Qt::CaseInsensitive) == 0);
            }
            ok = ok && any;
        }
        if (ok)
            out.prepend(m.id);
    }
    return out;
}

QList<qint64> TestMessageSearch::pageThrough(const SearchRequest &first, const SearchQuery &q,
                                             const SearchBudget &b, int *shortPages)
{
    QList<qint64> seen;
    SearchRequest req = first;
    int pages = 0;
    *shortPages = 0;
    do {
        const SearchOutcome out = searchMessages(*m_repos, m_users[0].id, req, q, b);
        if (out.error) {
            qWarning() << out.error->message;
            return {-1};
        }
        if (out.reply.results.size() > req.limit)
            return {-2};
        for (const SearchHit &h : out.reply.results)
            seen.append(h.messageId.value);
        req.before = out.reply.nextBefore;
        *shortPages += out.reply.results.size() < req.limit && req.before != 0;
        if (++pages > 2000)
            return {-3};
    } while (req.before != 0);
    return seen;
}

void TestMessageSearch::everyModeAndBudgetFindsTheSame_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("room"); ///< index into m_rooms, -1: all
    const QList<QPair<const char *, QString>> queries{
        {"common term", QStringLiteral("alpha")},
        {"case folded", QStringLiteral("BETA gamma")},
        {"non-latin", QStringLiteral("grüße привет")},
        {"short CJK", QStringLiteral("東京")},
        {"one letter", QStringLiteral("x")},
        {"exclusion", QStringLiteral("delta -alpha -ok")},
        {"phrase", QStringLiteral("\"alpha beta\"")},
        {"sender", QStringLiteral("alpha from:bob")},
        {"sender only", QStringLiteral("from:CAROL")},
        {"short and long", QStringLiteral("ok gamma")},
        // "banan" holds every trigram of "anana" but not the text: only "banana" may be found.
        {"trigrams without the text", QStringLiteral("anana")},
    };
    for (const auto &[name, text] : queries) {
        for (int room : {-1, 0, 1, 2, 4})
            QTest::addRow("%s, room %d", name, room) << text << room;
    }
}

void TestMessageSearch::everyModeAndBudgetFindsTheSame()
{
    QFETCH(QString, query);
    QFETCH(int, room);
    ProtocolError error;
    const std::optional<SearchQuery> q = SearchQuery::parse(query, &error);
    QVERIFY(q);
    const RoomId roomId = room >= 0 ? m_rooms[room] : RoomId();
    const QList<qint64> want = expected(*q, roomId);
    QVERIFY2(!want.isEmpty() || room == 1, "the fixture should give every case something to find");

    SearchBudget readRooms;          // rooms are small: read them
    readRooms.roomScanLimit = 1000000;
    SearchBudget useIndex;           // never read rooms: the index or id windows
    useIndex.roomScanLimit = 0;
    SearchBudget tiny = useIndex;    // pages come back short
    tiny.maxExamined = 3;
    tiny.idWindow = 17;
    tiny.maxIdSpan = 40;
    SearchBudget tinyRooms = tiny;
    tinyRooms.roomScanLimit = 1000000;
    for (const SearchBudget &b : {SearchBudget{}, readRooms, useIndex, tiny, tinyRooms}) {
        int shortPages = 0;
        const QList<qint64> got = pageThrough(SearchRequest{query, roomId, 0, 7}, *q, b, &shortPages);
        QCOMPARE(got, want);
        if (b.maxExamined == tiny.maxExamined)
            m_shortPagesSeen += shortPages;
    }
}

void TestMessageSearch::pagesNeverExceedTheLimit()
{
    ProtocolError error;
    const SearchQuery q = *SearchQuery::parse(QStringLiteral("a"), &error);
    const SearchOutcome out = searchMessages(*m_repos, m_users[0].id, SearchRequest{QStringLiteral("a"), RoomId(), 0, 5}, q);
    QCOMPARE(out.reply.results.size(), 5);
    QVERIFY(out.reply.nextBefore > 0);
    QCOMPARE(out.reply.nextBefore, out.reply.results.last().messageId.value);
    // Not a member: refused.
    const SearchOutcome refused = searchMessages(*m_repos, m_users[0].id,
                                                 SearchRequest{QStringLiteral("a"), m_rooms[3], 0, 5}, q);
    QVERIFY(refused.error);
    QCOMPARE(refused.error->code, ErrorCode::Forbidden);
}

void TestMessageSearch::tinyBudgetsCutPagesShort()
{
    // The comparisons above ran through pages that stopped early with a cursor.
    QVERIFY2(m_shortPagesSeen > 20, qPrintable(QString::number(m_shortPagesSeen)));
}

void TestMessageSearch::matchExpressionQuotesAndSpreadsTrigrams()
{
    QVERIFY(SearchRepository::matchExpression(QStringLiteral("ab")).isEmpty());
    QCOMPARE(SearchRepository::matchExpression(QStringLiteral("abc")), QStringLiteral("\"abc\""));
    // Quotes are doubled inside each literal; a repeated trigram (any case) is named once.
    QCOMPARE(SearchRepository::matchExpression(QStringLiteral("a\"b\"")),
             QStringLiteral("\"a\"\"b\" AND \"\"\"b\"\"\""));
    QCOMPARE(SearchRepository::matchExpression(QStringLiteral("abcABC")),
             QStringLiteral("\"abc\" AND \"bcA\" AND \"cAB\""));
    // A character outside the BMP is one code point, never split between trigrams.
    QCOMPARE(SearchRepository::matchExpression(QStringLiteral("x\U0001F600yz")),
             QStringLiteral("\"x\U0001F600y\" AND \"\U0001F600yz\""));
    // A long text: at most maxMatchTrigrams, the first and the last among them.
    const QString text = QStringLiteral("abcdefghijklmnopqrstuvwxyz0123456789");
    const QStringList parts = SearchRepository::matchExpression(text).split(QStringLiteral(" AND "));
    QCOMPARE(parts.size(), SearchRepository::maxMatchTrigrams);
    QCOMPARE(parts.first(), QStringLiteral("\"abc\""));
    QCOMPARE(parts.last(), QStringLiteral("\"789\""));
}

QTEST_GUILESS_MAIN(TestMessageSearch)
#include "tst_messagesearch.moc"
