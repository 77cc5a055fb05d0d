// The frames' JSON parser (common/protocol/jsontree.h): strict RFC 8259, and the same
// values as Qt's parser wherever it accepts a document.
#include "protocol/codec.h"
#include "protocol/jsontree.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QtTest>

using namespace natter;

namespace {

// Qt keeps integers as 64-bit integers; JsonTree holds every number as a double, which is how
// the protocol reads them (JsonReader rejects integers beyond 2^53). Qt keeps an escaped half of
// a surrogate pair in its string; JsonTree's strings are UTF-8, where it is U+FFFD.
QString wellFormed(const QString &s)
{
    QString out;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i).isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate()) {
            out.append(s.at(i)).append(s.at(i + 1));
            ++i;
        } else {
            out.append(s.at(i).isSurrogate() ? QChar(QChar::ReplacementCharacter) : s.at(i));
        }
    }
    return out;
}

QJsonValue normalized(const QJsonValue &v)
{
    if (v.isDouble())
        return v.toDouble();
    if (v.isString())
        return wellFormed(v.toString());
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : v.toArray())
            out.append(normalized(item));
        return out;
    }
    if (v.isObject()) {
        QJsonObject out;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(wellFormed(it.key()), normalized(it.value()));
        return out;
    }
    return v;
}

std::optional<QJsonValue> qtParse(const QByteArray &text)
{
    // QJsonDocument takes only arrays and objects at the top; wrap so scalars compare too.
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text + "]", &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1)
        return std::nullopt;
    return normalized(doc.array().at(0));
}

std::optional<QJsonValue> ourParse(const QByteArray &text, QString *error = nullptr)
{
    const std::optional<JsonTree> tree = JsonTree::parse(text, error);
    if (!tree)
        return std::nullopt;
    return tree->root().toQJsonValue();
}

} // namespace

class TestJsonTree : public QObject
{
    Q_OBJECT
private slots:
    void acceptsWhatQtReadsTheSame_data();
    void acceptsWhatQtReadsTheSame();
    void rejectsWhatRfc8259Forbids_data();
    void rejectsWhatRfc8259Forbids();
    void membersAndItems();
    void halvesOfSurrogatePairsReadAsReplacement();
    void requestsQtWritesAreRead();
    void nestingIsBounded();
    void agreesWithQtOnMutatedFrames();
};

void TestJsonTree::acceptsWhatQtReadsTheSame_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("frame") << QByteArray(R"({"type":"messages.send","id":7,"data":{"roomId":3,"clientMsgId":"a-b","body":"hi"}})");
    QTest::newRow("spaces") << QByteArray(" \t\r\n{ \"a\" : [ 1 , 2 ] , \"b\" : { } }\n ");
    QTest::newRow("literals") << QByteArray(R"([true,false,null,[],{}])");
    QTest::newRow("numbers") << QByteArray(R"([0,-0,1,-1,12.5,-0.25,1e2,1E+2,2e-3,123456789012345,1234567890123456789,9007199254740993,1e308,5e-324])");
    QTest::newRow("escapes") << QByteArray(R"(["\"\\\/\b\f\n\r\t","\u0041\u00e9\u20ac","\ud83d\ude00","\u0000"])");
    QTest::newRow("escaped key") << QByteArray(R"({"\u0061":1,"b\n":2})");
    QTest::newRow("utf-8") << QByteArray("[\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xef\xbf\xbf\xf4\x8f\xbf\xbf\x7f\"]");
    QTest::newRow("repeated key") << QByteArray(R"({"a":1,"a":2})");
    QTest::newRow("scalar") << QByteArray("42");
    QTest::newRow("string") << QByteArray(R"("x")");
    QTest::newRow("halves of surrogate pairs") << QByteArray(R"(["\ud800","\udc00\ud800x","\ud800\u0041","\ud83d\ud83d\ude00"])");
}

void TestJsonTree::acceptsWhatQtReadsTheSame()
{
    QFETCH(QByteArray, text);
    QString error;
    const std::optional<QJsonValue> ours = ourParse(text, &error);
    QVERIFY2(ours, qPrintable(error));
    const std::optional<QJsonValue> qt = qtParse(text);
    QVERIFY(qt);
    QCOMPARE(*ours, *qt);
    if (qt->isObject())
        QCOMPARE(JsonTree::fromQJsonObject(qt->toObject()).root().toQJsonValue(), *qt);
}

void TestJsonTree::rejectsWhatRfc8259Forbids_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("mentions");
    // Qt's parser takes the first six; a frame with them is not JSON.
    QTest::newRow("raw control character") << QByteArray("[\"a\x01\"]") << "control character";
    QTest::newRow("raw tab") << QByteArray("[\"a\tb\"]") << "control character";
    QTest::newRow("unknown escape") << QByteArray(R"(["\x"])") << "unknown escape";
    QTest::newRow("fraction without digits") << QByteArray("[1.]") << "digit";
    QTest::newRow("no integer part") << QByteArray("[.5]") << "invalid value";
    QTest::newRow("byte-order mark") << QByteArray("\xef\xbb\xbf{}") << "invalid value";
    // Qt rejects these too.
    QTest::newRow("empty") << QByteArray("") << "missing";
    QTest::newRow("leading zero") << QByteArray("[01]") << "','";
    QTest::newRow("plus") << QByteArray("[+1]") << "invalid value";
    QTest::newRow("bare exponent") << QByteArray("[1e]") << "exponent";
    QTest::newRow("overflow") << QByteArray("[1e400]") << "out of range";
    QTest::newRow("NaN") << QByteArray("[NaN]") << "invalid value";
    QTest::newRow("trailing comma") << QByteArray("[1,]") << "invalid value";
    QTest::newRow("member comma") << QByteArray(R"({"a":1,})") << "member name";
    QTest::newRow("no colon") << QByteArray(R"({"a" 1})") << "':'";
    QTest::newRow("unquoted key") << QByteArray("{a:1}") << "member name";
    QTest::newRow("unclosed string") << QByteArray("[\"abc") << "not closed";
    QTest::newRow("unclosed array") << QByteArray("[1") << "']'";
    QTest::newRow("garbage after") << QByteArray("{}x") << "after the value";
    QTest::newRow("short \\u") << QByteArray(R"(["\u12"])") << "four hexadecimal";
    QTest::newRow("invalid UTF-8") << QByteArray("[\"\xff\"]") << "UTF-8";
    QTest::newRow("overlong UTF-8") << QByteArray("[\"\xc0\x80\"]") << "UTF-8";
    QTest::newRow("UTF-8 surrogate") << QByteArray("[\"\xed\xa0\x80\"]") << "UTF-8";
    QTest::newRow("beyond U+10FFFF") << QByteArray("[\"\xf4\x90\x80\x80\"]") << "UTF-8";
    QTest::newRow("cut UTF-8") << QByteArray("[\"\xe2\x82") << "UTF-8";
    QTest::newRow("truncated literal") << QByteArray("[tru]") << "invalid value";
}

void TestJsonTree::rejectsWhatRfc8259Forbids()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, mentions);
    QString error;
    QVERIFY(!ourParse(text, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String(" at byte ")), qPrintable(error));
}

void TestJsonTree::membersAndItems()
{
    const std::optional<JsonTree> tree =
        JsonTree::parse(R"({"n":-2.5,"s":"a\"b","t":true,"z":null,"a":[1,{"x":[]},"y"],"o":{"k":1},"s":"last"})", nullptr);
    QVERIFY(tree);
    const JsonValue root = tree->root();
    QVERIFY(root.isObject());
    QCOMPARE(root.size(), 7);
    QCOMPARE(root.member("n").toDouble(), -2.5);
    QCOMPARE(root.member("s").toString(), QStringLiteral("last"));
    QCOMPARE(root.member("t").toBool(), true);
    QVERIFY(root.member("z").isNull());
    QVERIFY(root.member("missing").isUndefined());
    QVERIFY(root.member("o").member("k").isNumber());
    QVERIFY(root.member("n").member("k").isUndefined());
    const QList<JsonValue> items = root.member("a").items();
    QCOMPARE(items.size(), 3);
    QCOMPARE(items.at(0).toDouble(), 1.0);
    QVERIFY(items.at(1).member("x").isArray());
    QCOMPARE(items.at(1).member("x").size(), 0);
    QCOMPARE(items.at(2).toString(), QStringLiteral("y"));
    QVERIFY(root.member("a").member("x").isUndefined());
    QVERIFY(root.member("s").items().isEmpty());
}

void TestJsonTree::halvesOfSurrogatePairsReadAsReplacement()
{
    const std::optional<JsonTree> tree = JsonTree::parse(R"(["\ud800","a\udc00b","\ud800\u0041","\ud83d\ude00"])", nullptr);
    QVERIFY(tree);
    const QList<JsonValue> items = tree->root().items();
    QCOMPARE(items.size(), 4);
    const QChar fffd(0xFFFD);
    QCOMPARE(items.at(0).toString(), QString(fffd));
    QCOMPARE(items.at(1).toString(), QStringLiteral("a") + fffd + QStringLiteral("b"));
    QCOMPARE(items.at(2).toString(), fffd + QStringLiteral("A"));
    QCOMPARE(items.at(3).toString(), QString::fromUtf8("\xf0\x9f\x98\x80"));
}

// The desktop client writes its requests with QJsonDocument, which escapes a lone surrogate
// (pasted text may hold one) as \ud800: such a message is stored, with U+FFFD in its place.
void TestJsonTree::requestsQtWritesAreRead()
{
    SendRequest send;
    send.roomId = RoomId(4);
    send.clientMsgId = QStringLiteral("k1");
    send.body = QStringLiteral("a") + QChar(0xD800) + QStringLiteral("b\x01\t\"\\/\u00e9") + QChar(0xDE00);
    const DecodedRequest decoded = decodeRequest(encodeRequest(9, send));
    QVERIFY2(!decoded.error, decoded.error ? qPrintable(decoded.error->message) : "");
    QCOMPARE(decoded.id, std::optional<RequestId>(9));
    const auto *read = std::get_if<SendRequest>(&decoded.request);
    QVERIFY(read);
    QCOMPARE(read->roomId, send.roomId);
    QCOMPARE(read->body, wellFormed(send.body));
    QVERIFY(read->body.contains(QChar(QChar::ReplacementCharacter)));
}

void TestJsonTree::nestingIsBounded()
{
    const auto nested = [](int depth) { return QByteArray(depth, '[') + QByteArray(depth, ']'); };
    QVERIFY(JsonTree::parse(nested(JsonTree::maxDepth), nullptr));
    QString error;
    QVERIFY(!JsonTree::parse(nested(JsonTree::maxDepth + 1), &error));
    QVERIFY2(error.contains(QLatin1String("nested too deeply")), qPrintable(error));
    // Far deeper than the stack would take if the parser did not stop early.
    QVERIFY(!JsonTree::parse(QByteArray(1 << 20, '['), &error));
    QVERIFY(!JsonTree::parse(QByteArray(1 << 20, '{'), &error));
}

// Mutated request frames, each parsed by both parsers: whatever ours accepts Qt accepts with the
// same value, and whatever Qt rejects ours rejects; fromQJsonObject keeps what both accept.
void TestJsonTree::agreesWithQtOnMutatedFrames()
{
    const QList<QByteArray> seeds = {
        R"({"type":"messages.send","id":12,"data":{"roomId":3,"clientMsgId":"0193a2b4-c5d6-7abc","body":"t=1 k=2 caf\u00e9 \ud83d\ude00"}})",
        R"({"type":"messages.sync","id":4,"data":{"cursors":[{"roomId":1,"afterSeq":-0},{"roomId":2,"afterSeq":1e3}]}})",
        "{\"type\":\"auth.login\",\"id\":1.0,\"data\":{\"username\":\"\xc3\xa9l\xc3\xa8ve\",\"password\":\"x\\\\y\\\"z\"}}",
        R"([true,false,null,-12.5e-3,"\/\b\f\n\r\t",{"a":[[],{}]}])",
    };
    const QByteArray alphabet = QByteArray("{}[]\",:\\-+.0123456789eEtrufalsn \t\nu") + "\xc3\xa9\x80\xff\x01";
    QRandomGenerator random(20261206);
    int accepted = 0;
    int rejected = 0;
    for (int n = 0; n < 60000; ++n) {
        QByteArray text = seeds.at(n % seeds.size());
        const int edits = 1 + int(random.bounded(3));
        for (int e = 0; e < edits && !text.isEmpty(); ++e) {
            const int at = int(random.bounded(text.size()));
            const char c = alphabet.at(int(random.bounded(alphabet.size())));
            switch (random.bounded(3)) {
            case 0: text[at] = c; break;
            case 1: text.insert(at, c); break;
            default: text.remove(at, 1 + int(random.bounded(3))); break;
            }
        }
        const std::optional<QJsonValue> ours = ourParse(text);
        const std::optional<QJsonValue> qt = qtParse(text);
        if (ours) {
            ++accepted;
            QVERIFY2(qt, text.constData());
            QVERIFY2(*ours == *qt, text.constData());
        } else {
            ++rejected;
        }
        if (!qt)
            QVERIFY2(!ours, text.constData());
        else if (qt->isObject())
            QVERIFY2(JsonTree::fromQJsonObject(qt->toObject()).root().toQJsonValue() == *qt, text.constData());
    }
    // Both outcomes were exercised many times.
    QVERIFY2(accepted > 5000 && rejected > 5000, qPrintable(QStringLiteral("%1 accepted, %2 rejected").arg(accepted).arg(rejected)));
}

QTEST_GUILESS_MAIN(TestJsonTree)
#include "tst_jsontree.moc"
