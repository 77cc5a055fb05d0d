// Client-core certificate pinning against a real natterd over wss:// on loopback: a new
// server's self-signed certificate is refused as Unknown until accepted; once accepted the
// connection succeeds; a different certificate is refused as Changed, showing both
// fingerprints, until the user explicitly accepts the new one.
#include "../support/testserver.h"

#include "core/connection.h"
#include "core/trustedservers.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QWebSocket>
#include <QtTest>

using namespace natter;
using namespace natter::client;
using namespace natter::test;

namespace {

struct Attempt
{
    bool connected = false;
    std::optional<PinCheck> refusal;
};

Attempt connectPinned(const QUrl &url, const TrustedServers &trusted)
{
    QWebSocket socket;
    CertificatePinner pinner(&socket, trusted);
    Attempt a;
    QObject::connect(&pinner, &CertificatePinner::refused, [&](const PinCheck &c) { a.refusal = c; });
    socket.open(url);
    (void)QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState || a.refusal.has_value(); },
                          10000);
    a.connected = socket.state() == QAbstractSocket::ConnectedState;
    socket.close();
    return a;
}

} // namespace

class TestTrustedServers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void trustOnFirstUseThenRefuseAChange();
    void pinsArePerServerAndPersist();
    void connectionRefusesUntilAcceptedThenIsReady();
};

void TestTrustedServers::trustOnFirstUseThenRefuseAChange()
{
    TestServer server([](server::ServerConfig &c) { c.tls = true; });
    QVERIFY2(server.start(), qPrintable(server.error()));
    QTemporaryDir dir;
    TrustedServers trusted(dir.filePath(QStringLiteral("trusted.ini")));

    // First use: refused, and the user is shown the fingerprint natterd printed.
    Attempt first = connectPinned(server.url(), trusted);
    QVERIFY(!first.connected);
    QVERIFY(first.refusal);
    QCOMPARE(first.refusal->verdict, TrustedServers::Verdict::Unknown);
    QCOMPARE(first.refusal->presented, server.server().tlsFingerprint());
    QVERIFY(first.refusal->pinned.isEmpty());

    // Accepted explicitly: connects.
    trusted.accept(server.url(), first.refusal->presented);
    Attempt second = connectPinned(server.url(), trusted);
    QVERIFY(second.connected);
    QVERIFY(!second.refusal);

    // Another certificate at the same address: refused as a change.
    const QString other = QStringLiteral("AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:"
                                         "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99");
    trusted.accept(server.url(), other);
    Attempt changed = connectPinned(server.url(), trusted);
    QVERIFY(!changed.connected);
    QVERIFY(changed.refusal);
    QCOMPARE(changed.refusal->verdict, TrustedServers::Verdict::Changed);
    QCOMPARE(changed.refusal->pinned, other);
    QCOMPARE(changed.refusal->presented, server.server().tlsFingerprint());

    // Only the user's explicit accept of the new fingerprint lets it through again.
    trusted.accept(server.url(), changed.refusal->presented);
    QVERIFY(connectPinned(server.url(), trusted).connected);
}

void TestTrustedServers::pinsArePerServerAndPersist()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("trusted.ini"));
    const QUrl a(QStringLiteral("wss://Chat.lan:7447")), b(QStringLiteral("wss://chat.lan:7450"));
    {
        TrustedServers trusted(path);
        trusted.accept(a, QStringLiteral("ab:cd"));
    }
    TrustedServers reopened(path);
    QCOMPARE(reopened.check(QUrl(QStringLiteral("wss://chat.lan:7447")), QStringLiteral("AB:CD")),
             TrustedServers::Verdict::Trusted);
    QCOMPARE(reopened.check(b, QStringLiteral("AB:CD")), TrustedServers::Verdict::Unknown);
    reopened.forget(a);
    QCOMPARE(reopened.check(a, QStringLiteral("AB:CD")), TrustedServers::Verdict::Unknown);
}

void TestTrustedServers::connectionRefusesUntilAcceptedThenIsReady()
{
    TestServer server([](server::ServerConfig &c) { c.tls = true; });
    QVERIFY2(server.start(), qPrintable(server.error()));
    QTemporaryDir dir;
    TrustedServers trusted(dir.filePath(QStringLiteral("trusted.ini")));
    Connection connection;
    connection.setTrustedServers(&trusted);
    QSignalSpy refused(&connection, &Connection::certificateRefused);
    QSignalSpy ready(&connection, &Connection::ready);
    connection.open(server.url());
    QVERIFY(refused.wait(10000));
    const auto check = refused.first().first().value<PinCheck>();
    QCOMPARE(check.verdict, TrustedServers::Verdict::Unknown);
    QCOMPARE(check.presented, server.server().tlsFingerprint());
    QVERIFY(QTest::qWaitFor([&] { return connection.state() == Connection::State::Disconnected; }, 10000));
    QCOMPARE(ready.size(), 0);

    trusted.accept(server.url(), check.presented);
    connection.open(server.url());
    QVERIFY(ready.wait(10000));
    QCOMPARE(connection.serverHello().signup, QStringLiteral("open"));
    QCOMPARE(refused.size(), 1);
}

QTEST_GUILESS_MAIN(TestTrustedServers)
#include "tst_trustedservers.moc"
