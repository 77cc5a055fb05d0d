// TLS by default: natterd generates a self-signed certificate on first start (and keeps it),
// or serves the administrator's; clients connect over wss:// and see the fingerprint natterd
// reports. One case runs the real natterd binary (epoll dispatcher, printed fingerprint); the
// last checks that a wss:// reader that stops reading is dropped like a ws:// one.
#include "../support/rawclient.h"
#include "../support/stalledpeer.h"
#include "../support/testserver.h"

#include "tls/tlsidentity.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace natter;
using namespace natter::server;
using namespace natter::test;

namespace {

/// A client configuration that trusts exactly `certificate` (verification stays on).
QSslConfiguration trusting(const QSslCertificate &certificate)
{
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setCaCertificates({certificate});
    c.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return c;
}

QSslCertificate certificateIn(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QSslCertificate();
    return QSslCertificate(f.readAll(), QSsl::Pem);
}

bool helloWorks(RawClient &client)
{
    return client.hello();
}

std::unique_ptr<TestServer> tlsServer(const std::function<void(ServerConfig &)> &more = {})
{
    return std::make_unique<TestServer>([more](ServerConfig &c) {
        c.tls = true;
        if (more)
            more(c);
    });
}

const QRegularExpression kFingerprint(QStringLiteral("^([0-9A-F]{2}:){31}[0-9A-F]{2}$"));

} // namespace

class TestTls : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void generatesAndServesASelfSignedCertificate();
    void keepsItsCertificateAcrossRestarts();
    void plainWebSocketIsRefusedOnATlsPort();
    void tlsHandshakeIsRefusedAtOnceOnAPlainPort();
    void servesTheAdministratorsCertificate();
    void refusesAKeyOfAnotherCertificate();
    void refusesMissingOrHalfGivenFiles();
    void natterdPrintsTheFingerprintAndServesWss();
    void slowReaderOverTlsIsDropped();
};

void TestTls::generatesAndServesASelfSignedCertificate()
{
    auto server = tlsServer();
    QVERIFY2(server->start(), qPrintable(server->error()));
    QCOMPARE(server->url().scheme(), QStringLiteral("wss"));
    const QString certPath = QDir(server->dataDir()).filePath(QStringLiteral("tls/natterd.crt"));
    const QString keyPath = QDir(server->dataDir()).filePath(QStringLiteral("tls/natterd.key"));
    const QSslCertificate cert = certificateIn(certPath);
    QVERIFY(!cert.isNull());
    QCOMPARE(QFileInfo(keyPath).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    const QString fingerprint = server->server().tlsFingerprint();
    QVERIFY2(kFingerprint.match(fingerprint).hasMatch(), qPrintable(fingerprint));
    QCOMPARE(fingerprint, tlsFingerprint(cert));
    QVERIFY(cert.expiryDate() > QDateTime::currentDateTimeUtc().addYears(9));

    // A client trusting only this certificate connects with verification on (the
    // certificate names 127.0.0.1), and sees the fingerprint the server reported.
    RawClient client;
    client.socket().setSslConfiguration(trusting(cert));
    QVERIFY(client.connectTo(server->url()));
    QCOMPARE(tlsFingerprint(client.socket().sslConfiguration().peerCertificate()), fingerprint);
    QVERIFY(helloWorks(client));
}

void TestTls::keepsItsCertificateAcrossRestarts()
{
    auto server = tlsServer();
    QVERIFY2(server->start(), qPrintable(server->error()));
    const QString before = server->server().tlsFingerprint();
    QVERIFY(server->restart());
    QCOMPARE(server->server().tlsFingerprint(), before);
}

void TestTls::plainWebSocketIsRefusedOnATlsPort()
{
    auto server = tlsServer();
    QVERIFY2(server->start(), qPrintable(server->error()));
    RawClient plain;
    QUrl url = server->url();
    url.setScheme(QStringLiteral("ws"));
    QVERIFY(!plain.connectTo(url, 3000));

    // And a client that does not trust the certificate is refused by its own verification.
    RawClient untrusting;
    QVERIFY(!untrusting.connectTo(server->url(), 3000));
}

void TestTls::tlsHandshakeIsRefusedAtOnceOnAPlainPort()
{
    // Without TLS, a connection opening with a TLS handshake record gets a plain HTTP 400 and
    // is closed (not left waiting for the upgrade timeout), so wss:// clients can say why.
    TestServer server([](ServerConfig &c) { c.handshakeTimeoutMs = 600000; });
    QVERIFY2(server.start(), qPrintable(server.error()));
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(raw.waitForConnected(5000));
    raw.write(QByteArray::fromHex("160301002e01000100"), 9); // the start of a ClientHello
    QSignalSpy closed(&raw, &QTcpSocket::disconnected);
    QTRY_VERIFY_WITH_TIMEOUT(closed.count() == 1, 20000);
    QVERIFY(raw.readAll().startsWith("HTTP/1.1 400"));

    // A TLS client fails in its handshake, without ever seeing a certificate.
    QSslSocket tls;
    QSignalSpy errors(&tls, &QSslSocket::errorOccurred);
    QSignalSpy sslErrors(&tls, &QSslSocket::sslErrors);
    tls.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.port());
    QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 20000);
    QCOMPARE(errors.first().at(0).value<QAbstractSocket::SocketError>(),
             QAbstractSocket::SslHandshakeFailedError);
    QCOMPARE(sslErrors.count(), 0);

    // Plain WebSocket clients are unaffected.
    RawClient plain;
    QVERIFY(plain.connectTo(server.url(), 5000));
    QVERIFY(helloWorks(plain));
}

void TestTls::servesTheAdministratorsCertificate()
{
    QTemporaryDir own;
    const QString cert = own.filePath(QStringLiteral("server.pem"));
    const QString key = own.filePath(QStringLiteral("server.key"));
    QString error;
    QVERIFY2(generateSelfSignedCertificate(cert, key, QStringLiteral("chat.example.lan"), &error), qPrintable(error));
    auto server = tlsServer([&](ServerConfig &c) {
        c.tlsCertFile = cert;
        c.tlsKeyFile = key;
    });
    QVERIFY2(server->start(), qPrintable(server->error()));
    const QSslCertificate served = certificateIn(cert);
    QCOMPARE(server->server().tlsFingerprint(), tlsFingerprint(served));
    QVERIFY(served.subjectInfo(QSslCertificate::CommonName).contains(QStringLiteral("chat.example.lan")));
    QVERIFY(!QFileInfo::exists(QDir(server->dataDir()).filePath(QStringLiteral("tls")))); // nothing generated
    RawClient client;
    client.socket().setSslConfiguration(trusting(served));
    QVERIFY(client.connectTo(server->url()));
    QVERIFY(helloWorks(client));
}

void TestTls::refusesAKeyOfAnotherCertificate()
{
    QTemporaryDir own;
    QString error;
    QVERIFY(generateSelfSignedCertificate(own.filePath(QStringLiteral("a.pem")), own.filePath(QStringLiteral("a.key")),
                                          QStringLiteral("a"), &error));
    QVERIFY(generateSelfSignedCertificate(own.filePath(QStringLiteral("b.pem")), own.filePath(QStringLiteral("b.key")),
                                          QStringLiteral("b"), &error));
    auto server = tlsServer([&](ServerConfig &c) {
        c.tlsCertFile = own.filePath(QStringLiteral("a.pem"));
        c.tlsKeyFile = own.filePath(QStringLiteral("b.key"));
    });
    QVERIFY(!server->start());
    QVERIFY2(server->error().contains(QLatin1String("does not belong")), qPrintable(server->error()));
}

void TestTls::refusesMissingOrHalfGivenFiles()
{
    QTemporaryDir own;
    auto missing = tlsServer([&](ServerConfig &c) {
        c.tlsCertFile = own.filePath(QStringLiteral("none.pem"));
        c.tlsKeyFile = own.filePath(QStringLiteral("none.key"));
    });
    QVERIFY(!missing->start());
    QVERIFY2(missing->error().contains(QLatin1String("none.pem")), qPrintable(missing->error()));
    auto half = tlsServer([&](ServerConfig &c) { c.tlsCertFile = own.filePath(QStringLiteral("x.pem")); });
    QVERIFY(!half->start());
    QVERIFY2(half->error().contains(QLatin1String("both")), qPrintable(half->error()));
}

void TestTls::natterdPrintsTheFingerprintAndServesWss()
{
    QTemporaryDir data;
    QProcess natterd;
    natterd.start(QStringLiteral(NATTERD_PATH), {QStringLiteral("--listen"), QStringLiteral("127.0.0.1"),
                                                 QStringLiteral("--port"), QStringLiteral("0"),
                                                 QStringLiteral("--data-dir"), data.path(),
                                                 QStringLiteral("--log-level"), QStringLiteral("warning")});
    QVERIFY(natterd.waitForStarted(5000));
    static const QRegularExpression listening(QStringLiteral("listening on [^:]+:(\\d+)"));
    static const QRegularExpression printed(QStringLiteral("fingerprint: (\\S+)"));
    QByteArray out;
    quint16 port = 0;
    QVERIFY(QTest::qWaitFor([&] {
        out += natterd.readAllStandardOutput();
        const auto m = listening.match(QString::fromUtf8(out));
        if (m.hasMatch())
            port = quint16(m.captured(1).toUInt());
        return port != 0 || natterd.state() == QProcess::NotRunning;
    }, 15000));
    QVERIFY2(port != 0, out.constData());
    const QString fingerprint = printed.match(QString::fromUtf8(out)).captured(1);
    QVERIFY2(kFingerprint.match(fingerprint).hasMatch(), out.constData());
    const QSslCertificate cert = certificateIn(data.filePath(QStringLiteral("tls/natterd.crt")));
    QCOMPARE(fingerprint, tlsFingerprint(cert));

    RawClient client;
    client.socket().setSslConfiguration(trusting(cert));
    QVERIFY(client.connectTo(QUrl(QStringLiteral("wss://127.0.0.1:%1").arg(port))));
    const auto session = client.signup(QStringLiteral("alice"));
    QVERIFY(session.has_value());
    QVERIFY(session->admin);
    natterd.terminate();
    QVERIFY(natterd.waitForFinished(10000));
    QCOMPARE(natterd.exitCode(), 0);

    // The administrator can read the fingerprint back without starting the server.
    QProcess print;
    print.start(QStringLiteral(NATTERD_PATH), {QStringLiteral("--data-dir"), data.path(), QStringLiteral("tls-fingerprint")});
    QVERIFY(print.waitForFinished(10000));
    QCOMPARE(print.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(print.readAllStandardOutput()).trimmed(), fingerprint);
    QProcess check;
    check.start(QStringLiteral(NATTERD_PATH), {QStringLiteral("--data-dir"), data.path(), QStringLiteral("check")});
    QVERIFY(check.waitForFinished(10000));
    QCOMPARE(check.exitCode(), 0);
    QVERIFY(QString::fromUtf8(check.readAllStandardOutput()).contains(fingerprint));
}

void TestTls::slowReaderOverTlsIsDropped()
{
    // Over TLS the backlog of a stalled reader is mostly encrypted bytes, past what
    // QSslSocket::bytesToWrite() counts: the server must still see it and drop the reader.
    auto server = tlsServer([](ServerConfig &c) {
        c.requestsPerSecond = 100000;
        c.requestBurst = 100000;
        c.maxOutgoingBytes = 512 * 1024;
        c.slowReaderGraceMs = 500;
    });
    QVERIFY2(server->start(), qPrintable(server->error()));
    RawClient alice;
    alice.socket().setSslConfiguration(
        trusting(certificateIn(QDir(server->dataDir()).filePath(QStringLiteral("tls/natterd.crt")))));
    QVERIFY(alice.connectTo(server->url()));
    const std::optional<SessionReply> session = alice.signup(QStringLiteral("alice"));
    QVERIFY(session);
    alice.send(1, CreateRoomRequest{QStringLiteral("echo"), {}, false, HistoryVisibility::Shared, {}});
    const std::optional<ServerFrame> created = alice.waitReply(1);
    QVERIFY(created && created->kind == ServerFrame::Kind::Result);
    const std::optional<RoomReply> room = readData<RoomReply>(created->data, nullptr);
    QVERIFY(room);

    // A second connection of alice's, over TLS, that stops reading: every message alice sends
    // from her first connection is pushed to it.
    StalledPeer stalled;
    QVERIFY(stalled.open(server->port(), 5000, StalledPeer::Transport::Tls));
    stalled.sendText(encodeRequest(1, HelloRequest{1, {}, {}}));
    stalled.sendText(encodeRequest(2, ResumeRequest{session->token}));
    QTest::qWait(200);
    stalled.stopReading();
    const int connectionsBefore = server->server().connectionCount();
    const QString big(8000, QLatin1Char('x'));
    const int count = 600; // ~5 MB towards the stalled connection
    for (int i = 0; i < count; ++i)
        alice.send(RequestId(100 + i), SendRequest{room->room.id, QStringLiteral("slow-%1").arg(i), big});
    const std::optional<ServerFrame> last = alice.waitReply(RequestId(100 + count - 1), 30000);
    QVERIFY(last && last->kind == ServerFrame::Kind::Result);
    QTRY_VERIFY_WITH_TIMEOUT(server->server().connectionCount() < connectionsBefore, 15000);
    QVERIFY(alice.isConnected()); // the sender, reading its replies, stays
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
