// search.messages through real sockets: substring and non-Latin matches, every operator,
// phrases and exclusions, paging newest first, highlights, permission filtering by readable
// windows, and text that was edited or deleted away.
#include "../support/testserver.h"
#include "../support/testuser.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace natter;
using namespace natter::test;

namespace {

SearchRequest query(const QString &text, RoomId room = RoomId(), qint64 before = 0, int limit = 20)
{
    return SearchRequest{text, room, before, limit};
}

QList<qint64> idsOf(const SearchReply &reply)
{
    QList<qint64> out;
    for (const SearchHit &h : reply.results)
        out.append(h.messageId.value);
    return out;
}

qint64 utcMs(int y, int m, int d, int h = 0, int min = 0, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min, s, ms), Qt::UTC).toMSecsSinceEpoch();
}

} // namespace

class TestSearch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void findsSubstringsInAnyScript();
    void highlightsPointAtTheMatchedText();
    void fromAndInOperators();
    void dateOperatorsAreUtcDays();
    void phrasesAndExclusions();
    void pagesAreNewestFirstWithoutGapsOrDuplicates_data();
    void pagesAreNewestFirstWithoutGapsOrDuplicates();
    void nonMemberFindsNothing();
    void leftMemberFindsNothingPostedAfterLeaving();
    void joinedVisibilityHidesHistoryBeforeJoining();
    void editedAndDeletedTextIsNotFound();
    void malformedQueriesGetInvalidQuery();
    void timelineEventsAreNotFound();

private:
    /// Sends `body` as `who` and returns the stored message id.
    qint64 post(TestUser &who, RoomId room, const QString &body);
    SearchReply search(TestUser &who, const SearchRequest &req);
    RoomId createGroup(TestUser &owner, const QString &name, HistoryVisibility v, QList<TestUser *> members);
    /// Runs one statement on the server's database file from outside (as an edit would).
    void execOnDatabase(const QString &sql, const QVariantList &values);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestUser> alice, bob, carol, otto;
    RoomId m_direct; ///< alice and bob
};

void TestSearch::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    alice = std::make_unique<TestUser>(m_server->url());
    bob = std::make_unique<TestUser>(m_server->url());
    carol = std::make_unique<TestUser>(m_server->url());
    otto = std::make_unique<TestUser>(m_server->url());
    QVERIFY(alice->signup(QStringLiteral("alice")).ok());
    QVERIFY(bob->signup(QStringLiteral("Bob")).ok());
    QVERIFY(carol->signup(QStringLiteral("carol")).ok());
    QVERIFY(otto->signup(QStringLiteral("otto")).ok());
    m_direct = makeFriends(*alice, *bob);
    QVERIFY(m_direct.isValid());
    QVERIFY(makeFriends(*alice, *carol).isValid());
}

void TestSearch::cleanup()
{
    alice.reset();
    bob.reset();
    carol.reset();
    otto.reset();
    m_server.reset();
    QSqlDatabase::removeDatabase(QStringLiteral("tst_search_direct"));
}

qint64 TestSearch::post(TestUser &who, RoomId room, const QString &body)
{
    const auto sent = who.send(room, body);
    if (!sent.ok()) {
        qWarning() << "send failed:" << sent.error.message;
        return 0;
    }
    return sent.value->message.id.value;
}

SearchReply TestSearch::search(TestUser &who, const SearchRequest &req)
{
    const auto r = who.call(req);
    if (!r.ok()) {
        qWarning() << "search failed:" << req.query << r.error.message;
        return SearchReply{{}, -1};
    }
    return *r.value;
}

RoomId TestSearch::createGroup(TestUser &owner, const QString &name, HistoryVisibility v, QList<TestUser *> members)
{
    QList<UserId> invite;
    for (TestUser *m : members)
        invite.append(m->id());
    const auto created = owner.call(CreateRoomRequest{name, QString(), false, v, invite});
    if (!created.ok())
        return RoomId();
    const RoomId room = created.value->room.id;
    for (TestUser *m : members) {
        JoinRoomRequest join;
        join.roomId = room;
        if (!m->call(join).ok())
            return RoomId();
    }
    return room;
}

void TestSearch::execOnDatabase(const QString &sql, const QVariantList &values)
{
    const QString name = QStringLiteral("tst_search_direct");
    QSqlDatabase db = QSqlDatabase::contains(name) ? QSqlDatabase::database(name)
                                                   : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    if (!db.isOpen()) {
        db.setDatabaseName(m_server->databasePath());
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        QVERIFY(db.open());
    }
    QSqlQuery q(db);
    QVERIFY(q.prepare(sql));
    for (const QVariant &v : values)
        q.addBindValue(v);
    QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
}

void TestSearch::findsSubstringsInAnyScript()
{
    const qint64 german = post(*alice, m_direct, QStringLiteral("Schöne Grüße aus München"));
    const qint64 japanese = post(*bob, m_direct, QStringLiteral("昨日は東京タワーに行きました"));
    const qint64 russian = post(*alice, m_direct, QStringLiteral("Привет, как дела?"));
    const qint64 english = post(*bob, m_direct, QStringLiteral("The weatherforecast looks fine"));
    post(*alice, m_direct, QStringLiteral("nothing to see"));
    QVERIFY(german && japanese && russian && english);

    struct Case { QString query; QList<qint64> expected; };
    const QList<Case> cases = {
        {QStringLiteral("forecast"), {english}},            // inside a word
        {QStringLiteral("WEATHER"), {english}},             // case-insensitive
        {QStringLiteral("münchen"), {german}},              // umlaut, case folded
        {QStringLiteral("GRÜSSE"), {}},                     // no ß/ss folding: not a substring
        {QStringLiteral("Grüße"), {german}},
        {QStringLiteral("ПРИВЕТ"), {russian}},              // Cyrillic, case folded
        {QStringLiteral("タワー"), {japanese}},             // three CJK characters: indexed
        {QStringLiteral("東京"), {japanese}},               // two: matched without the index
        {QStringLiteral("ö"), {german}},                    // one character
        {QStringLiteral("как дела"), {russian}},            // two terms, both required
        {QStringLiteral("как weather"), {}},
        {QStringLiteral("zebra"), {}},
    };
    for (const Case &c : cases) {
        const SearchReply reply = search(*alice, query(c.query));
        QCOMPARE(reply.nextBefore, 0);
        QVERIFY2(idsOf(reply) == c.expected, qPrintable(c.query));
        // Bob reads the same room and finds the same.
        QVERIFY2(idsOf(search(*bob, query(c.query, m_direct))) == c.expected, qPrintable(c.query));
    }
    // The jump target and the rest of the result.
    const SearchReply r = search(*alice, query(QStringLiteral("tower タワ")));
    QVERIFY(r.results.isEmpty());
    const SearchHit hit = search(*alice, query(QStringLiteral("東京"))).results.value(0);
    QCOMPARE(hit.roomId, m_direct);
    QCOMPARE(hit.seq, 2);
    QCOMPARE(hit.senderId, bob->id());
    QVERIFY(hit.sentAt > 0);
    QCOMPARE(hit.snippet, QStringLiteral("昨日は東京タワーに行きました"));
}

void TestSearch::highlightsPointAtTheMatchedText()
{
    post(*alice, m_direct, QStringLiteral("Lunch? Let's do LUNCH at the lunchroom, ok"));
    const QString longBody = QString(400, QLatin1Char('x')) + QStringLiteral(" Grüße ") + QString(400, QLatin1Char('y'));
    post(*alice, m_direct, longBody);
    const SearchReply lunch = search(*bob, query(QStringLiteral("lunch ok")));
    QCOMPARE(lunch.results.size(), 1);
    const SearchHit &h = lunch.results[0];
    QStringList marked;
    for (const SearchHighlight &x : h.highlights)
        marked << h.snippet.mid(x.start, x.length);
    QCOMPARE(marked, (QStringList{QStringLiteral("Lunch"), QStringLiteral("LUNCH"), QStringLiteral("lunch"),
                                  QStringLiteral("ok")}));
    const SearchReply cut = search(*bob, query(QStringLiteral("grüße")));
    QCOMPARE(cut.results.size(), 1);
    const SearchHit &c = cut.results[0];
    QVERIFY(c.snippet.size() < longBody.size());
    QVERIFY(c.snippet.startsWith(QChar(0x2026)) && c.snippet.endsWith(QChar(0x2026)));
    QCOMPARE(c.highlights.size(), 1);
    QCOMPARE(c.snippet.mid(c.highlights[0].start, c.highlights[0].length), QStringLiteral("Grüße"));
}

void TestSearch::fromAndInOperators()
{
    const RoomId team = createGroup(*alice, QStringLiteral("Team Chat"), HistoryVisibility::Shared, {bob.get(), carol.get()});
    const RoomId other = createGroup(*carol, QStringLiteral("Книжный клуб"), HistoryVisibility::Shared, {});
    QVERIFY(team.isValid() && other.isValid());
    const qint64 aDirect = post(*alice, m_direct, QStringLiteral("plan: direct from alice"));
    const qint64 bDirect = post(*bob, m_direct, QStringLiteral("plan: direct from bob"));
    const qint64 aTeam = post(*alice, team, QStringLiteral("plan: team from alice"));
    const qint64 bTeam = post(*bob, team, QStringLiteral("plan: team from bob"));
    const qint64 cTeam = post(*carol, team, QStringLiteral("plan: team from carol"));
    const qint64 cClub = post(*carol, other, QStringLiteral("plan: club from carol"));
    QVERIFY(aDirect && bDirect && aTeam && bTeam && cTeam && cClub);

    struct Case { QString query; QList<qint64> expected; };
    const QList<Case> forAlice = {
        {QStringLiteral("plan"), {cTeam, bTeam, aTeam, bDirect, aDirect}},
        {QStringLiteral("plan from:bob"), {bTeam, bDirect}},                 // name case-insensitive
        {QStringLiteral("plan from:BOB from:carol"), {cTeam, bTeam, bDirect}}, // any of them
        {QStringLiteral("from:alice"), {aTeam, aDirect}},                    // a filter alone
        {QStringLiteral("plan in:\"team chat\""), {cTeam, bTeam, aTeam}},
        {QStringLiteral("plan in:bob"), {bDirect, aDirect}},                 // direct room by friend
        {QStringLiteral("in:bob in:\"Team Chat\" from:bob"), {bTeam, bDirect}},
        {QStringLiteral("plan in:\"книжный КЛУБ\""), {}},                     // not alice's room
        {QStringLiteral("plan from:nobody"), {}},
        {QStringLiteral("plan in:nowhere"), {}},
        {QStringLiteral("pl from:carol"), {cTeam}},                          // short term + filter
    };
    for (const Case &c : forAlice)
        QVERIFY2(idsOf(search(*alice, query(c.query))) == c.expected, qPrintable(c.query));
    QCOMPARE(idsOf(search(*carol, query(QStringLiteral("plan in:\"книжный КЛУБ\"")))), QList<qint64>{cClub});
    // roomId and in: together: both must hold.
    QCOMPARE(idsOf(search(*alice, query(QStringLiteral("plan in:bob"), team))), QList<qint64>{});
    QCOMPARE(idsOf(search(*alice, query(QStringLiteral("plan from:alice"), team))), QList<qint64>{aTeam});
}

void TestSearch::dateOperatorsAreUtcDays()
{
    const qint64 early = post(*alice, m_direct, QStringLiteral("dated early"));
    const qint64 noon = post(*alice, m_direct, QStringLiteral("dated noon"));
    const qint64 midnight = post(*alice, m_direct, QStringLiteral("dated midnight"));
    const qint64 today = post(*alice, m_direct, QStringLiteral("dated today"));
    const auto setSentAt = [&](qint64 id, qint64 ms) {
        execOnDatabase(QStringLiteral("UPDATE messages SET sent_at = ? WHERE id = ?"), {ms, id});
    };
    setSentAt(early, utcMs(2024, 2, 29, 23, 59, 59, 999));
    setSentAt(noon, utcMs(2024, 3, 1, 12));
    setSentAt(midnight, utcMs(2024, 3, 2));

    struct Case { QString query; QList<qint64> expected; };
    const QList<Case> cases = {
        {QStringLiteral("dated after:2024-03-01"), {today, midnight, noon}},     // the day itself counts
        {QStringLiteral("dated before:2024-03-02"), {noon, early}},              // the day itself does not
        {QStringLiteral("dated after:2024-03-01 before:2024-03-02"), {noon}},    // exactly one day
        {QStringLiteral("after:2024-02-29 before:2024-03-01"), {early}},         // leap day, no text
        {QStringLiteral("dated before:2024-02-29"), {}},
        {QStringLiteral("dated after:2024-03-02 before:2024-03-01"), {}},
        {QStringLiteral("da before:2024-03-03"), {midnight, noon, early}},       // short term
    };
    for (const Case &c : cases)
        QVERIFY2(idsOf(search(*bob, query(c.query))) == c.expected, qPrintable(c.query));
}

void TestSearch::phrasesAndExclusions()
{
    const qint64 one = post(*alice, m_direct, QStringLiteral("See you soon at the station"));
    const qint64 two = post(*alice, m_direct, QStringLiteral("you see, soon it will be done"));
    const qint64 three = post(*alice, m_direct, QStringLiteral("soon: I will see you there, it is ok"));
    const qint64 four = post(*alice, m_direct, QStringLiteral("a \"quoted\" word, see"));
    QVERIFY(one && two && three && four);

    struct Case { QString query; QList<qint64> expected; };
    const QList<Case> cases = {
        {QStringLiteral("\"see you\""), {three, one}},
        {QStringLiteral("\"SEE YOU SOON\""), {one}},
        {QStringLiteral("see you"), {three, two, one}},            // terms in any order
        {QStringLiteral("soon -station"), {three, two}},
        {QStringLiteral("soon -\"see you\""), {two}},
        {QStringLiteral("soon -it"), {one}},                       // short exclusion
        {QStringLiteral("see -\"you see\" -station"), {four, three}},
        {QStringLiteral("quoted\" see"), {four}},                  // a quote inside a word is text
        {QStringLiteral("\"e you s\""), {one}},                    // a phrase may cut words
    };
    for (const Case &c : cases)
        QVERIFY2(idsOf(search(*bob, query(c.query))) == c.expected, qPrintable(c.query));
}

void TestSearch::pagesAreNewestFirstWithoutGapsOrDuplicates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("perRoom");
    QTest::newRow("indexed, global") << QStringLiteral("paging") << false;
    QTest::newRow("indexed, per room") << QStringLiteral("paging") << true;
    QTest::newRow("short term, global") << QStringLiteral("pg") << false;
    QTest::newRow("short term, per room") << QStringLiteral("pg") << true;
    QTest::newRow("filter only") << QStringLiteral("from:alice in:alice") << false;
}

void TestSearch::pagesAreNewestFirstWithoutGapsOrDuplicates()
{
    QFETCH(QString, text);
    QFETCH(bool, perRoom);
    const RoomId team = createGroup(*alice, QStringLiteral("Team"), HistoryVisibility::Shared, {bob.get()});
    QList<qint64> expected;
    for (int i = 0; i < 47; ++i) {
        const bool direct = i % 3 != 0;
        const qint64 id = post(*alice, direct ? m_direct : team, QStringLiteral("paging pg %1").arg(i));
        QVERIFY(id);
        if (direct || !perRoom)
            expected.prepend(id);
        if (i % 5 == 0)
            QVERIFY(post(*bob, m_direct, QStringLiteral("unrelated %1").arg(i)));
    }
    if (text.startsWith(QLatin1String("from:"))) {
        expected.clear();
        const auto history = bob->call(HistoryRequest{m_direct, 0, 200});
        for (const Message &m : history.value->messages) {
            if (m.senderId == alice->id() && m.kind == timeline::message)
                expected.prepend(m.id.value);
        }
    }
    QList<qint64> seen;
    qint64 cursor = 0;
    int pages = 0;
    do {
        const SearchReply page = search(*bob, query(text, perRoom ? m_direct : RoomId(), cursor, 10));
        QVERIFY(page.nextBefore >= 0);
        QVERIFY(page.results.size() <= 10);
        seen += idsOf(page);
        cursor = page.nextBefore;
        QVERIFY(++pages < 50);
    } while (cursor != 0);
    QCOMPARE(seen, expected);
    QCOMPARE(pages, (int(expected.size()) + 9) / 10);
}

void TestSearch::nonMemberFindsNothing()
{
    const RoomId team = createGroup(*alice, QStringLiteral("Secret"), HistoryVisibility::Shared, {bob.get()});
    QVERIFY(post(*alice, m_direct, QStringLiteral("classified direct words")));
    QVERIFY(post(*bob, team, QStringLiteral("classified team words")));
    for (const QString &q : {QStringLiteral("classified"), QStringLiteral("cl"), QStringLiteral("words"),
                             QStringLiteral("from:alice"), QStringLiteral("in:Secret"), QStringLiteral("in:bob")})
        QVERIFY2(search(*otto, query(q)).results.isEmpty(), qPrintable(q));
    // Naming the room is refused, not answered with an empty list.
    for (const RoomId room : {m_direct, team}) {
        const auto r = otto->call(query(QStringLiteral("classified"), room));
        QCOMPARE(r.error.code, ErrorCode::Forbidden);
    }
    QCOMPARE(search(*bob, query(QStringLiteral("classified"))).results.size(), 2);
    QCOMPARE(otto->call(query(QStringLiteral("x"), RoomId(999999))).error.code, ErrorCode::Forbidden);
}

void TestSearch::leftMemberFindsNothingPostedAfterLeaving()
{
    const RoomId team = createGroup(*alice, QStringLiteral("Team"), HistoryVisibility::Shared, {bob.get(), carol.get()});
    const qint64 before = post(*alice, team, QStringLiteral("budget before carol left"));
    QVERIFY(before);
    LeaveRoomRequest leave;
    leave.roomId = team;
    QVERIFY(carol->call(leave).ok());
    const qint64 after = post(*alice, team, QStringLiteral("budget after carol left"));
    QVERIFY(post(*bob, team, QStringLiteral("bu short after")));
    QVERIFY(after);
    QCOMPARE(idsOf(search(*carol, query(QStringLiteral("budget")))), QList<qint64>{before});
    QCOMPARE(idsOf(search(*carol, query(QStringLiteral("budget"), team))), QList<qint64>{before});
    QCOMPARE(idsOf(search(*carol, query(QStringLiteral("bu")))), QList<qint64>{before});
    QCOMPARE(idsOf(search(*carol, query(QStringLiteral("in:Team after:2000-01-01")))), QList<qint64>{before});
    QCOMPARE(idsOf(search(*bob, query(QStringLiteral("budget")))), (QList<qint64>{after, before}));
}

void TestSearch::joinedVisibilityHidesHistoryBeforeJoining()
{
    const RoomId room = createGroup(*alice, QStringLiteral("Fresh"), HistoryVisibility::Joined, {bob.get()});
    const qint64 early = post(*alice, room, QStringLiteral("window early"));
    InviteRequest invite;
    invite.roomId = room;
    invite.userId = carol->id();
    QVERIFY(alice->call(invite).ok());
    JoinRoomRequest join;
    join.roomId = room;
    QVERIFY(carol->call(join).ok());
    const qint64 late = post(*alice, room, QStringLiteral("window late"));
    QVERIFY(early && late);
    QCOMPARE(idsOf(search(*carol, query(QStringLiteral("window")))), QList<qint64>{late});
    QCOMPARE(idsOf(search(*carol, query(QStringLiteral("wi"), room))), QList<qint64>{late});
    QCOMPARE(idsOf(search(*bob, query(QStringLiteral("window")))), (QList<qint64>{late, early}));
}

void TestSearch::editedAndDeletedTextIsNotFound()
{
    const qint64 edited = post(*alice, m_direct, QStringLiteral("the meeting is on Tuesday"));
    const qint64 deleted = post(*alice, m_direct, QStringLiteral("the meeting password is swordfish"));
    const qint64 kept = post(*alice, m_direct, QStringLiteral("meeting notes follow"));
    QCOMPARE(idsOf(search(*bob, query(QStringLiteral("meeting")))), (QList<qint64>{kept, deleted, edited}));
    EditRequest edit;
    edit.roomId = m_direct;
    edit.messageId = MessageId(edited);
    edit.body = QStringLiteral("the gathering is on Wednesday");
    QVERIFY(alice->call(edit).ok());
    QVERIFY(alice->call(DeleteMessageRequest{m_direct, MessageId(deleted)}).ok());
    for (const QString &q : {QStringLiteral("Tuesday"), QStringLiteral("swordfish"), QStringLiteral("Tu"),
                             QStringLiteral("\"on Tuesday\"")})
        QVERIFY2(search(*bob, query(q)).results.isEmpty(), qPrintable(q));
    QCOMPARE(idsOf(search(*bob, query(QStringLiteral("meeting")))), QList<qint64>{kept});
    QCOMPARE(idsOf(search(*bob, query(QStringLiteral("Wednesday")))), QList<qint64>{edited});
    QCOMPARE(search(*bob, query(QStringLiteral("gathering"))).results.value(0).snippet,
             QStringLiteral("the gathering is on Wednesday"));
    // A filter-only search lists no blanked message either.
    QVERIFY(!idsOf(search(*bob, query(QStringLiteral("from:alice")))).contains(deleted));
    // A row removed behind the index's back is no result: every candidate is confirmed against
    // the messages (how deletions reach the index itself: tst_searchindex).
    execOnDatabase(QStringLiteral("DELETE FROM messages WHERE id = ?"), {kept});
    QVERIFY(search(*bob, query(QStringLiteral("notes"))).results.isEmpty());
}

void TestSearch::malformedQueriesGetInvalidQuery()
{
    for (const QString &q : {QStringLiteral("   "), QStringLiteral("-only -exclusions"),
                             QStringLiteral("before:2024-02-30"), QStringLiteral("\"unclosed"),
                             QStringLiteral("x -in:Team")}) {
        const auto r = alice->call(query(q));
        QCOMPARE(r.error.code, ErrorCode::InvalidQuery);
        QVERIFY(!r.error.message.isEmpty());
    }
    // FTS5 syntax in user text is just text.
    const qint64 id = post(*alice, m_direct, QStringLiteral("weird: NEAR(a b) OR \"x\" * ^col AND NOT"));
    for (const QString &q : {QStringLiteral("NEAR(a"), QStringLiteral("OR"), QStringLiteral("\"x\" *"),
                             QStringLiteral("^col"), QStringLiteral("* ^"), QStringLiteral("AND NOT")}) {
        const auto r = alice->call(query(q));
        QVERIFY2(r.ok(), qPrintable(q + QStringLiteral(": ") + r.error.message));
    }
    QCOMPARE(idsOf(search(*alice, query(QStringLiteral("NEAR(a b) OR")))), QList<qint64>{id});
    QCOMPARE(idsOf(search(*alice, query(QStringLiteral("^col AND")))), QList<qint64>{id});
}

void TestSearch::timelineEventsAreNotFound()
{
    // The room name is stored as the body of its created and renamed entries: never a result.
    const RoomId room = createGroup(*alice, QStringLiteral("Zanzibar"), HistoryVisibility::Shared, {bob.get()});
    QVERIFY(room.isValid());
    QVERIFY(search(*alice, query(QStringLiteral("Zanzibar"))).results.isEmpty());
    QVERIFY(search(*alice, query(QStringLiteral("Za"))).results.isEmpty());
    QVERIFY(search(*alice, query(QStringLiteral("in:Zanzibar"))).results.isEmpty());
}

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
