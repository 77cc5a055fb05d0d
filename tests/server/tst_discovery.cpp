// LAN discovery on loopback: natterd's UDP responder answers a probe with its name, port and
// certificate fingerprint; the client core's ServerBrowser collects the answers; malformed
// probes and probes from outside the local network get no answer; the off switch binds nothing.
#include "../support/testserver.h"

#include "core/serverbrowser.h"
#include "discovery/discoveryresponder.h"

#include <QNetworkDatagram>
#include <QSignalSpy>
#include <QUdpSocket>
#include <QtTest>

using namespace natter;
using namespace natter::server;
using namespace natter::test;

class TestDiscovery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void serverAnswersAProbe();
    void malformedProbesGetNoAnswer();
    void browserListsEachServerOnce();
    void offSwitchBindsNothing();
    void onlyLocalNetworksAreAnswered_data();
    void onlyLocalNetworksAreAnswered();
};

namespace {

std::unique_ptr<TestServer> discoverable(bool tls)
{
    auto server = std::make_unique<TestServer>([tls](ServerConfig &c) {
        c.tls = tls;
        c.discovery = true;
        c.discoveryPort = 0;
        c.displayName = QStringLiteral("Office chat");
    });
    if (!server->start())
        qWarning() << server->error();
    return server;
}

/// Sends `datagram` to the responder and returns the first answer, if any.
std::optional<QByteArray> ask(quint16 port, const QByteArray &datagram, int timeoutMs = 5000)
{
    QUdpSocket socket;
    if (!socket.bind(QHostAddress::LocalHost, 0))
        return std::nullopt;
    socket.writeDatagram(datagram, QHostAddress::LocalHost, port);
    if (!QTest::qWaitFor([&] { return socket.hasPendingDatagrams(); }, timeoutMs))
        return std::nullopt;
    return socket.receiveDatagram().data();
}

} // namespace

void TestDiscovery::serverAnswersAProbe()
{
    auto server = discoverable(true);
    const quint16 udp = server->server().discoveryPort();
    QVERIFY(udp != 0);
    const auto answer = ask(udp, DiscoveryProbe{}.toDatagram());
    QVERIFY(answer);
    ProtocolError error;
    const auto a = DiscoveryAnnouncement::fromDatagram(*answer, &error);
    QVERIFY2(a, qPrintable(error.message));
    QCOMPARE(a->name, QStringLiteral("Office chat"));
    QCOMPARE(a->port, server->port());
    QVERIFY(a->tls);
    QCOMPARE(a->fingerprint, server->server().tlsFingerprint());
    QVERIFY(a->server.startsWith(QLatin1String("natterd/")));

    auto plain = discoverable(false);
    const auto plainAnswer = ask(plain->server().discoveryPort(), DiscoveryProbe{}.toDatagram());
    QVERIFY(plainAnswer);
    const auto p = DiscoveryAnnouncement::fromDatagram(*plainAnswer, nullptr);
    QVERIFY(p && !p->tls && p->fingerprint.isEmpty());
}

void TestDiscovery::malformedProbesGetNoAnswer()
{
    auto server = discoverable(true);
    const quint16 udp = server->server().discoveryPort();
    QUdpSocket socket;
    QVERIFY(socket.bind(QHostAddress::LocalHost, 0));
    for (const QByteArray &bad : {QByteArray("hello"), QByteArray(R"({"type":"natter.discover"})"),
                                  QByteArray(R"({"type":"natter.discover","version":"1"})"),
                                  QByteArray(R"({"type":"other","version":1})"), QByteArray(4096, '{')})
        socket.writeDatagram(bad, QHostAddress::LocalHost, udp);
    // Then a valid probe: its answer must be the only datagram that comes back.
    socket.writeDatagram(DiscoveryProbe{}.toDatagram(), QHostAddress::LocalHost, udp);
    QVERIFY(QTest::qWaitFor([&] { return socket.hasPendingDatagrams(); }, 5000));
    QVERIFY(DiscoveryAnnouncement::fromDatagram(socket.receiveDatagram().data(), nullptr));
    // The server is still serving after the garbage.
    QVERIFY(ask(udp, DiscoveryProbe{}.toDatagram()));
    QVERIFY(!socket.hasPendingDatagrams());
}

void TestDiscovery::browserListsEachServerOnce()
{
    auto first = discoverable(true);
    auto second = discoverable(false);
    client::ServerBrowser browser;
    QSignalSpy found(&browser, &client::ServerBrowser::serverFound);
    browser.probe(first->server().discoveryPort(), {QHostAddress(QHostAddress::LocalHost)});
    browser.probe(second->server().discoveryPort(), {QHostAddress(QHostAddress::LocalHost)});
    QVERIFY(QTest::qWaitFor([&] { return browser.servers().size() == 2; }, 5000));
    browser.probe(first->server().discoveryPort(), {QHostAddress(QHostAddress::LocalHost)}); // answered again
    QVERIFY(ask(first->server().discoveryPort(), DiscoveryProbe{}.toDatagram())); // let the answer arrive
    QTest::qWait(0);
    QCOMPARE(browser.servers().size(), 2);
    QCOMPARE(found.size(), 2);
    QStringList urls;
    for (const auto &s : browser.servers())
        urls << s.url().toString();
    urls.sort();
    QCOMPARE(urls, (QStringList{QStringLiteral("ws://127.0.0.1:%1").arg(second->port()),
                                QStringLiteral("wss://127.0.0.1:%1").arg(first->port())}));
    for (const auto &s : browser.servers()) {
        if (s.announcement.tls)
            QCOMPARE(s.announcement.fingerprint, first->server().tlsFingerprint());
    }
}

void TestDiscovery::offSwitchBindsNothing()
{
    TestServer server([](ServerConfig &c) { c.discovery = false; });
    QVERIFY(server.start());
    QCOMPARE(server.server().discoveryPort(), quint16(0));
}

void TestDiscovery::onlyLocalNetworksAreAnswered_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("local");
    QTest::newRow("loopback") << "127.0.0.1" << true;
    QTest::newRow("10/8") << "10.1.2.3" << true;
    QTest::newRow("172.16/12") << "172.31.255.1" << true;
    QTest::newRow("172.32 is public") << "172.32.0.1" << false;
    QTest::newRow("192.168/16") << "192.168.1.20" << true;
    QTest::newRow("link-local") << "169.254.3.4" << true;
    QTest::newRow("mapped private") << "::ffff:192.168.1.20" << true;
    QTest::newRow("public v4") << "8.8.8.8" << false;
    QTest::newRow("ula v6") << "fd12:3456::1" << true;
    QTest::newRow("link-local v6") << "fe80::1" << true;
    QTest::newRow("public v6") << "2001:db8::1" << false;
}

void TestDiscovery::onlyLocalNetworksAreAnswered()
{
    QFETCH(QString, address);
    QFETCH(bool, local);
    QCOMPARE(DiscoveryResponder::isLocalNetwork(QHostAddress(address)), local);
}

QTEST_GUILESS_MAIN(TestDiscovery)
#include "tst_discovery.moc"
