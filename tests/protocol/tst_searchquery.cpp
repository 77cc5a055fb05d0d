// The search query language (common/search/searchquery.h) and snippet highlighting
// (common/search/snippet.h), which server and clients share.
#include "search/searchquery.h"
#include "search/snippet.h"

#include <QDateTime>
#include <QtTest>

using namespace natter;

namespace {

SearchQuery parsed(const QString &text)
{
    ProtocolError error;
    const std::optional<SearchQuery> q = SearchQuery::parse(text, &error);
    if (!q)
        qWarning() << "parse failed:" << error.message;
    return q.value_or(SearchQuery{});
}

SearchText term(const QString &t) { return SearchText{t, false}; }
SearchText phrase(const QString &t) { return SearchText{t, true}; }

} // namespace

class TestSearchQuery : public QObject
{
    Q_OBJECT
private slots:
    void plainTermsAreAllRequired();
    void phrasesKeepTheirSpaces();
    void exclusions();
    void operators();
    void operatorNamesIgnoreCaseAndValuesMayBeQuoted();
    void datesAreUtcDaysBeforeExclusiveAfterInclusive();
    void repeatedDatesNarrow();
    void wordsWithUnknownPrefixesAreText();
    void malformedQueriesAreRefused_data();
    void malformedQueriesAreRefused();
    void shortAndNonLatinTermsAreKept();
    void occurrencesIgnoreCaseAndMerge();
    void snippetOfAShortBodyIsTheBody();
    void snippetOfALongBodyIsCutAroundTheMatch();
    void snippetNeverSplitsASurrogatePair();
};

void TestSearchQuery::plainTermsAreAllRequired()
{
    const SearchQuery q = parsed(QStringLiteral("  lunch   tomorrow "));
    QCOMPARE(q.include, (QList<SearchText>{term(QStringLiteral("lunch")), term(QStringLiteral("tomorrow"))}));
    QVERIFY(q.exclude.isEmpty());
    QVERIFY(q.fromUsers.isEmpty() && q.inRooms.isEmpty() && !q.before && !q.after);
}

void TestSearchQuery::phrasesKeepTheirSpaces()
{
    const SearchQuery q = parsed(QStringLiteral("\"see you  soon\" ok"));
    QCOMPARE(q.include, (QList<SearchText>{phrase(QStringLiteral("see you  soon")), term(QStringLiteral("ok"))}));
    QCOMPARE(q.includedTexts(), (QStringList{QStringLiteral("see you  soon"), QStringLiteral("ok")}));
}

void TestSearchQuery::exclusions()
{
    const SearchQuery q = parsed(QStringLiteral("pizza -pineapple -\"cold one\" - x-ray"));
    QCOMPARE(q.include, (QList<SearchText>{term(QStringLiteral("pizza")), term(QStringLiteral("-")),
                                           term(QStringLiteral("x-ray"))}));
    QCOMPARE(q.exclude, (QList<SearchText>{term(QStringLiteral("pineapple")), phrase(QStringLiteral("cold one"))}));
}

void TestSearchQuery::operators()
{
    const SearchQuery q = parsed(QStringLiteral("from:alice in:team from:Bob plan"));
    QCOMPARE(q.fromUsers, (QStringList{QStringLiteral("alice"), QStringLiteral("Bob")}));
    QCOMPARE(q.inRooms, QStringList{QStringLiteral("team")});
    QCOMPARE(q.include, QList<SearchText>{term(QStringLiteral("plan"))});
    // A filter alone is a query.
    QCOMPARE(parsed(QStringLiteral("from:alice")).fromUsers, QStringList{QStringLiteral("alice")});
}

void TestSearchQuery::operatorNamesIgnoreCaseAndValuesMayBeQuoted()
{
    const SearchQuery q = parsed(QStringLiteral("FROM:alice In:\"Team Chat\" After:2024-02-29"));
    QCOMPARE(q.fromUsers, QStringList{QStringLiteral("alice")});
    QCOMPARE(q.inRooms, QStringList{QStringLiteral("Team Chat")});
    QCOMPARE(q.after, std::optional<QDate>(QDate(2024, 2, 29)));
}

void TestSearchQuery::datesAreUtcDaysBeforeExclusiveAfterInclusive()
{
    const SearchQuery q = parsed(QStringLiteral("after:2024-03-01 before:2024-03-02"));
    const qint64 dayStart = QDateTime(QDate(2024, 3, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    QCOMPARE(q.afterMs(), std::optional<qint64>(dayStart));
    QCOMPARE(q.beforeMs(), std::optional<qint64>(dayStart + 24 * 3600 * 1000));
    QVERIFY(!parsed(QStringLiteral("x")).beforeMs());
}

void TestSearchQuery::repeatedDatesNarrow()
{
    const SearchQuery q = parsed(QStringLiteral("before:2024-05-01 before:2024-04-01 after:2023-01-01 after:2023-06-01"));
    QCOMPARE(q.before, std::optional<QDate>(QDate(2024, 4, 1)));
    QCOMPARE(q.after, std::optional<QDate>(QDate(2023, 6, 1)));
}

void TestSearchQuery::wordsWithUnknownPrefixesAreText()
{
    const SearchQuery q = parsed(QStringLiteral("10:30 re:plan http://x fromage:bleu"));
    QCOMPARE(q.include.size(), 4);
    QCOMPARE(q.include[0], term(QStringLiteral("10:30")));
    QCOMPARE(q.include[3], term(QStringLiteral("fromage:bleu")));
    QVERIFY(q.fromUsers.isEmpty());
}

void TestSearchQuery::malformedQueriesAreRefused_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("empty") << QString() << "empty";
    QTest::newRow("blank") << QStringLiteral("   \t ") << "empty";
    QTest::newRow("only exclusions") << QStringLiteral("-a -\"b c\"") << "only excludes";
    QTest::newRow("unclosed quote") << QStringLiteral("\"open phrase") << "quote";
    QTest::newRow("empty phrase") << QStringLiteral("x \"  \"") << "empty";
    QTest::newRow("bad date") << QStringLiteral("before:2024-13-01") << "before:";
    QTest::newRow("not a date") << QStringLiteral("after:yesterday") << "YYYY-MM-DD";
    QTest::newRow("short date") << QStringLiteral("after:2024-1-1") << "YYYY-MM-DD";
    QTest::newRow("no value") << QStringLiteral("x from:") << "from: needs a value";
    QTest::newRow("excluded operator") << QStringLiteral("x -from:bob") << "cannot be excluded";
    QTest::newRow("too many parts") << QStringLiteral("a b c d e f g h i j k l m n o p q") << "more than 16";
    QTest::newRow("too long") << QString(SearchQuery::maxQueryLength + 1, QLatin1Char('x')) << "longer";
    QTest::newRow("control character") << QStringLiteral("a\u0001b") << "control";
}

void TestSearchQuery::malformedQueriesAreRefused()
{
    QFETCH(QString, query);
    QFETCH(QString, mentions);
    ProtocolError error;
    QVERIFY(!SearchQuery::parse(query, &error));
    QCOMPARE(error.code, ErrorCode::InvalidQuery);
    QCOMPARE(errorCodeName(error.code), QStringLiteral("invalid_query"));
    QVERIFY2(error.message.contains(mentions), qPrintable(error.message));
}

void TestSearchQuery::shortAndNonLatinTermsAreKept()
{
    const SearchQuery q = parsed(QStringLiteral("東京 ü Привет \"😀 ok\""));
    QCOMPARE(q.includedTexts(), (QStringList{QStringLiteral("東京"), QStringLiteral("ü"),
                                             QStringLiteral("Привет"), QStringLiteral("😀 ok")}));
}

void TestSearchQuery::occurrencesIgnoreCaseAndMerge()
{
    const QString text = QStringLiteral("Grüße aus MÜNCHEN, grüße! Привет, ПРИВЕТ");
    const QList<TextRange> found = findOccurrences(text, {QStringLiteral("GRÜSSE"), QStringLiteral("grüße"),
                                                          QStringLiteral("münchen"), QStringLiteral("привет")});
    QCOMPARE(found, (QList<TextRange>{{0, 5}, {10, 7}, {19, 5}, {26, 6}, {34, 6}}));
    // Overlapping and touching occurrences become one range.
    QCOMPARE(findOccurrences(QStringLiteral("abcdef"), {QStringLiteral("abc"), QStringLiteral("bcd"), QStringLiteral("ef")}),
             (QList<TextRange>{{0, 6}}));
    QVERIFY(containsText(QStringLiteral("東京タワー"), QStringLiteral("京")));
    QVERIFY(!containsText(QStringLiteral("東京タワー"), QStringLiteral("大阪")));
}

void TestSearchQuery::snippetOfAShortBodyIsTheBody()
{
    const Snippet s = makeSnippet(QStringLiteral("Lunch at noon? lunch!"), {QStringLiteral("LUNCH")});
    QCOMPARE(s.text, QStringLiteral("Lunch at noon? lunch!"));
    QCOMPARE(s.highlights, (QList<TextRange>{{0, 5}, {15, 5}}));
    QCOMPARE(makeSnippet(QStringLiteral("no match"), {QStringLiteral("x")}).highlights.size(), 0);
}

void TestSearchQuery::snippetOfALongBodyIsCutAroundTheMatch()
{
    const QString body = QString(300, QLatin1Char('a')) + QStringLiteral("NEEDLE") + QString(300, QLatin1Char('b'));
    const Snippet s = makeSnippet(body, {QStringLiteral("needle")}, 100);
    QVERIFY(s.text.startsWith(QChar(0x2026)));
    QVERIFY(s.text.endsWith(QChar(0x2026)));
    QCOMPARE(s.text.size(), 102);
    QCOMPARE(s.highlights.size(), 1);
    QCOMPARE(s.text.mid(s.highlights[0].start, s.highlights[0].length), QStringLiteral("NEEDLE"));
    // A match at the very end: the snippet ends with the body, no closing mark.
    const Snippet tail = makeSnippet(QString(300, QLatin1Char('a')) + QStringLiteral("end"), {QStringLiteral("END")}, 50);
    QVERIFY(!tail.text.endsWith(QChar(0x2026)));
    QCOMPARE(tail.text.mid(tail.highlights[0].start, tail.highlights[0].length), QStringLiteral("end"));
}

void TestSearchQuery::snippetNeverSplitsASurrogatePair()
{
    QString body;
    for (int i = 0; i < 200; ++i)
        body += QStringLiteral("😀");
    body += QStringLiteral("needle");
    for (int start = 0; start < 4; ++start) {
        const QString text = (start % 2 ? QStringLiteral("x") : QString()) + body;
        const Snippet s = makeSnippet(text, {QStringLiteral("needle")}, 100 + start / 2);
        for (int i = 0; i < s.text.size(); ++i) {
            if (s.text.at(i).isHighSurrogate())
                QVERIFY(i + 1 < s.text.size() && s.text.at(i + 1).isLowSurrogate());
            if (s.text.at(i).isLowSurrogate())
                QVERIFY(i > 0 && s.text.at(i - 1).isHighSurrogate());
        }
        QCOMPARE(s.text.mid(s.highlights.last().start, 6), QStringLiteral("needle"));
    }
}

QTEST_GUILESS_MAIN(TestSearchQuery)
#include "tst_searchquery.moc"
