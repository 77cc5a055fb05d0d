// Server building blocks with no network: credential rules, login throttling, rate limiting,
// session tokens, storage URLs, the message lifecycle options, command-line options and thumbnails.
#include "attachments/contentstore.h"
#include "auth/credentialpolicy.h"
#include "auth/loginthrottle.h"
#include "auth/sessiontokens.h"
#include "core/commandline.h"
#include "messages/mentions.h"
#include "net/ratelimiter.h"
#include "core/commandline.h"
#include "storage/storageconfig.h"

#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

using namespace natter::server;

class TestServerUnits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void usernameRules_data();
    void usernameRules();
    void passwordPolicy_data();
    void passwordPolicy();
    void throttleLocksAccountAfterFailures();
    void throttleLocksAddressAcrossAccounts();
    void throttleLockoutDoubles();
    void throttleCountsAttemptsInFlight();
    void rateLimiterRefills();
    void tokensAreRandomAndHashed();
    void storageUrls();
    void mentionsMatchWholeNames();
    void lifecycleOptions_data();
    void lifecycleOptions();
    void attachmentSizeOption();
    void thumbnailsAreBoundedAndBombsRefused();
};

void TestServerUnits::usernameRules_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << "alice" << true;
    QTest::newRow("digits and marks") << "a.b-c_9" << true;
    QTest::newRow("short") << "ab" << false;
    QTest::newRow("long") << QString(33, QLatin1Char('a')) << false;
    QTest::newRow("space") << "al ice" << false;
    QTest::newRow("leading dot") << ".alice" << false;
    QTest::newRow("non ascii") << "älice" << false;
    QTest::newRow("max") << QString(32, QLatin1Char('a')) << true;
}

void TestServerUnits::usernameRules()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(checkUsername(name).isEmpty(), valid);
}

void TestServerUnits::passwordPolicy_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("valid");
    QTest::newRow("good") << "correct horse battery" << true;
    QTest::newRow("short") << "short" << false;
    QTest::newRow("contains name") << "xxALICExx1234" << false;
    QTest::newRow("one char") << "aaaaaaaaaaaa" << false;
    QTest::newRow("too long") << QString(257, QLatin1Char('x')) + QLatin1Char('y') << false;
}

void TestServerUnits::passwordPolicy()
{
    QFETCH(QString, password);
    QFETCH(bool, valid);
    QCOMPARE(checkPassword(password, QStringLiteral("alice")).isEmpty(), valid);
}

void TestServerUnits::throttleLocksAccountAfterFailures()
{
    LoginThrottle t(3, 100, 60000, 1000);
    QCOMPARE(t.retryAfter(QStringLiteral("Bob"), QStringLiteral("1.1.1.1"), 0), 0);
    t.recordFailure(QStringLiteral("bob"), QStringLiteral("1.1.1.1"), 0);
    t.recordFailure(QStringLiteral("BOB"), QStringLiteral("2.2.2.2"), 10);
    QCOMPARE(t.retryAfter(QStringLiteral("bob"), QStringLiteral("3.3.3.3"), 20), 0);
    t.recordFailure(QStringLiteral("bob"), QStringLiteral("3.3.3.3"), 20);
    QCOMPARE(t.retryAfter(QStringLiteral("bob"), QStringLiteral("4.4.4.4"), 20), 1000);
    QCOMPARE(t.retryAfter(QStringLiteral("carol"), QStringLiteral("4.4.4.4"), 20), 0);
    QCOMPARE(t.retryAfter(QStringLiteral("bob"), QStringLiteral("4.4.4.4"), 1020), 0);
    t.recordSuccess(QStringLiteral("bob"));
    t.recordFailure(QStringLiteral("bob"), QStringLiteral("3.3.3.3"), 2000);
    QCOMPARE(t.retryAfter(QStringLiteral("bob"), QStringLiteral("3.3.3.3"), 2000), 0);
}

void TestServerUnits::throttleLocksAddressAcrossAccounts()
{
    LoginThrottle t(100, 3, 60000, 5000);
    for (int i = 0; i < 3; ++i)
        t.recordFailure(QStringLiteral("user%1").arg(i), QStringLiteral("9.9.9.9"), 0);
    QCOMPARE(t.retryAfter(QStringLiteral("fresh"), QStringLiteral("9.9.9.9"), 0), 5000);
    QCOMPARE(t.retryAfter(QStringLiteral("fresh"), QStringLiteral("8.8.8.8"), 0), 0);
}

void TestServerUnits::throttleLockoutDoubles()
{
    LoginThrottle t(2, 100, 60000, 1000);
    t.recordFailure(QStringLiteral("x"), QStringLiteral("a"), 0);
    t.recordFailure(QStringLiteral("x"), QStringLiteral("a"), 0);
    QCOMPARE(t.retryAfter(QStringLiteral("x"), QStringLiteral("b"), 0), 1000);
    t.recordFailure(QStringLiteral("x"), QStringLiteral("a"), 1000);
    QCOMPARE(t.retryAfter(QStringLiteral("x"), QStringLiteral("b"), 1000), 2000);
    t.recordFailure(QStringLiteral("x"), QStringLiteral("a"), 3000);
    QCOMPARE(t.retryAfter(QStringLiteral("x"), QStringLiteral("b"), 3000), 4000);
}

void TestServerUnits::throttleCountsAttemptsInFlight()
{
    LoginThrottle t(3, 100, 60000, 1000);
    t.recordFailure(QStringLiteral("eve"), QStringLiteral("a"), 0);
    t.beginAttempt(QStringLiteral("eve"), QStringLiteral("a"));
    QCOMPARE(t.retryAfter(QStringLiteral("eve"), QStringLiteral("a"), 0), 0);
    t.beginAttempt(QStringLiteral("eve"), QStringLiteral("a"));
    // One failure plus two unverified attempts could already reach the limit of 3.
    QVERIFY(t.retryAfter(QStringLiteral("eve"), QStringLiteral("a"), 0) > 0);
    t.endAttempt(QStringLiteral("eve"), QStringLiteral("a"));
    QCOMPARE(t.retryAfter(QStringLiteral("eve"), QStringLiteral("a"), 0), 0);
}

void TestServerUnits::rateLimiterRefills()
{
    RateLimiter limiter(10, 5);
    int admitted = 0;
    for (int i = 0; i < 20; ++i)
        admitted += limiter.take(1000) ? 1 : 0;
    QCOMPARE(admitted, 5);
    QVERIFY(!limiter.take(1050));
    QVERIFY(limiter.take(1100)); // 100 ms at 10/s = one token
    QVERIFY(!limiter.take(1100));
}

void TestServerUnits::tokensAreRandomAndHashed()
{
    const QString a = newSessionToken();
    const QString b = newSessionToken();
    QCOMPARE(a.size(), 43); // 32 bytes, base64url, no padding
    QVERIFY(a != b);
    QVERIFY(!a.contains(QLatin1Char('+')) && !a.contains(QLatin1Char('/')) && !a.contains(QLatin1Char('=')));
    QCOMPARE(hashSessionToken(a).size(), 32);
    QCOMPARE(hashSessionToken(a), hashSessionToken(a));
    QVERIFY(hashSessionToken(a) != hashSessionToken(b));
}

void TestServerUnits::storageUrls()
{
    StorageConfig c;
    QString error;
    QVERIFY(StorageConfig::fromUrl(QStringLiteral("data/natter.db"), &c, &error));
    QCOMPARE(c.backend, StorageConfig::Backend::Sqlite);
    QCOMPARE(c.sqlitePath, QStringLiteral("data/natter.db"));
    QVERIFY(StorageConfig::fromUrl(QStringLiteral("postgresql://nat:secret@db.lan:5433/natter"), &c, &error));
    QCOMPARE(c.backend, StorageConfig::Backend::Postgres);
    QCOMPARE(c.host, QStringLiteral("db.lan"));
    QCOMPARE(c.port, 5433);
    QCOMPARE(c.databaseName, QStringLiteral("natter"));
    QCOMPARE(c.user, QStringLiteral("nat"));
    QCOMPARE(c.password, QStringLiteral("secret"));
    QVERIFY(!StorageConfig::fromUrl(QStringLiteral("postgresql://host"), &c, &error));
    QVERIFY(!StorageConfig::fromUrl(QString(), &c, &error));
}

void TestServerUnits::mentionsMatchWholeNames()
{
    QVERIFY(mentions(QStringLiteral("hi @bob"), QStringLiteral("bob")));
    QVERIFY(mentions(QStringLiteral("@BOB, look"), QStringLiteral("bob")));
    QVERIFY(mentions(QStringLiteral("thanks @bob."), QStringLiteral("bob")));
    QVERIFY(!mentions(QStringLiteral("hi @bobby"), QStringLiteral("bob")));
    QVERIFY(!mentions(QStringLiteral("hi @bob"), QStringLiteral("bobby")));
    QVERIFY(!mentions(QStringLiteral("mail bob@example.org"), QStringLiteral("example")));
    QVERIFY(!mentions(QStringLiteral("hi bob"), QStringLiteral("bob")));
    QVERIFY(mentions(QStringLiteral("@a.b-c please"), QStringLiteral("a.b-c")));
}

void TestServerUnits::lifecycleOptions_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("history"); ///< EditHistory when valid
    QTest::addColumn<qint64>("editWindow");
    QTest::addColumn<qint64>("deleteWindow");
    QTest::newRow("defaults") << QStringList() << true << int(EditHistory::Everyone) << qint64(0) << qint64(0);
    QTest::newRow("author, windows")
        << QStringList{QStringLiteral("--edit-history"), QStringLiteral("author"), QStringLiteral("--edit-window"),
                       QStringLiteral("900"), QStringLiteral("--delete-window"), QStringLiteral("3600")}
        << true << int(EditHistory::Author) << qint64(900) << qint64(3600);
    QTest::newRow("admins") << QStringList{QStringLiteral("--edit-history=admins")} << true
                            << int(EditHistory::Admins) << qint64(0) << qint64(0);
    QTest::newRow("unknown audience") << QStringList{QStringLiteral("--edit-history=nobody")} << false << 0 << qint64(0) << qint64(0);
    QTest::newRow("negative window") << QStringList{QStringLiteral("--edit-window=-5")} << false << 0 << qint64(0) << qint64(0);
    QTest::newRow("not a number") << QStringList{QStringLiteral("--delete-window=soon")} << false << 0 << qint64(0) << qint64(0);
}

void TestServerUnits::lifecycleOptions()
{
    QFETCH(QStringList, options);
    QFETCH(bool, valid);
    QTemporaryDir dir;
    ServerConfig config;
    QString error;
    bool exitNow = false;
    const QStringList arguments = QStringList{QStringLiteral("natterd"), QStringLiteral("--data-dir"), dir.path()} + options;
    QCOMPARE(parseCommandLine(arguments, &config, &error, &exitNow), valid);
    if (!valid) {
        QVERIFY2(error.startsWith(QLatin1String("--")), qPrintable(error));
        return;
    }
    QFETCH(int, history);
    QFETCH(qint64, editWindow);
    QFETCH(qint64, deleteWindow);
    QCOMPARE(int(config.lifecycle.editHistory), history);
    QCOMPARE(config.lifecycle.editWindowSeconds, editWindow);
    QCOMPARE(config.lifecycle.deleteWindowSeconds, deleteWindow);
}

void TestServerUnits::attachmentSizeOption()
{
    QTemporaryDir dir;
    const QString app = QStringLiteral("natterd");
    const QString dataDir = QStringLiteral("--data-dir=") + dir.path();
    auto parse = [&](const QStringList &extra, ServerConfig *config, QString *error) {
        bool exitNow = false;
        return parseCommandLine(QStringList{app, dataDir} + extra, config, error, &exitNow);
    };
    ServerConfig config;
    QString error;
    QVERIFY(parse({}, &config, &error));
    QCOMPARE(config.maxAttachmentBytes, qint64(25) * 1024 * 1024);
    QCOMPARE(config.storage.dataDir, dir.path());
    QVERIFY(parse({QStringLiteral("--max-attachment-bytes=1000")}, &config, &error));
    QCOMPARE(config.maxAttachmentBytes, 1000);
    QVERIFY(!parse({QStringLiteral("--max-attachment-bytes=-5")}, &config, &error));
    QVERIFY(error.contains(QStringLiteral("--max-attachment-bytes")));
    QVERIFY(!parse({QStringLiteral("--max-attachment-bytes=lots")}, &config, &error));
}

void TestServerUnits::thumbnailsAreBoundedAndBombsRefused()
{
    QTemporaryDir dir;
    const QString wide = dir.filePath(QStringLiteral("wide.png"));
    const QString thumb = dir.filePath(QStringLiteral("wide.thumb.jpg"));
    QImage image(1000, 10, QImage::Format_ARGB32);
    image.fill(qRgba(10, 200, 30, 128));
    QVERIFY(image.save(wide, "PNG"));
    const ContentFacts facts = makeThumbnail(wide, thumb, 320);
    QCOMPARE(facts.width, 1000);
    QCOMPARE(facts.height, 10);
    QVERIFY(facts.thumbnailBytes > 0);
    const QImage small(thumb, "JPEG");
    QCOMPARE(small.size(), QSize(320, 3));
    // Tiny on disk, huge when decoded: no thumbnail, no dimensions, nothing written.
    const QString bomb = dir.filePath(QStringLiteral("bomb.png"));
    const QString bombThumb = dir.filePath(QStringLiteral("bomb.thumb.jpg"));
    QImage huge(20000, 2, QImage::Format_Mono);
    huge.fill(0);
    QVERIFY(huge.save(bomb, "PNG"));
    QVERIFY(QFileInfo(bomb).size() < 10000);
    const ContentFacts refused = makeThumbnail(bomb, bombThumb, 320);
    QCOMPARE(refused.width, 0);
    QCOMPARE(refused.thumbnailBytes, 0);
    QVERIFY(!QFileInfo::exists(bombThumb));
    // Vector images are not rendered.
    const QString svg = dir.filePath(QStringLiteral("text.svg"));
    QFile f(svg);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"(<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><text x="1" y="20">hi</text></svg>)");
    f.close();
    QCOMPARE(makeThumbnail(svg, dir.filePath(QStringLiteral("svg.jpg")), 320).width, 0);
}

QTEST_GUILESS_MAIN(TestServerUnits)
#include "tst_serverunits.moc"
