// Connection hardening through real sockets: phases, malformed and oversized frames, rate
// limits, hello and ping deadlines. Every bad input gets an error code or a close code,
// never a crash, and the server keeps serving.
#include "../support/rawclient.h"
#include "../support/stalledpeer.h"
#include "../support/testserver.h"
#include "net/clientconnection.h"
#include "protocol/limits.h"

#include <QtTest>

using namespace natter;
using namespace natter::test;

namespace {
ErrorCode errorOf(const std::optional<ServerFrame> &f)
{
    return f && f->kind == ServerFrame::Kind::Error ? f->error.code : ErrorCode::Internal;
}
} // namespace

class TestHardening : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void requestsBeforeHelloAreRefused();
    void incompatibleVersionIsRefused();
    void malformedFramesGetErrorsAndConnectionSurvives();
    void oversizedFrames();
    void phaseRules();
    void helloDeadline();
    void silentPeerIsDropped();
    void floodIsLimitedThenDisconnected();
    void serverSurvivesAbruptDisconnectMidRequest();
};

void TestHardening::requestsBeforeHelloAreRefused()
{
    TestServer server;
    QVERIFY2(server.start(), qPrintable(server.error()));
    RawClient c;
    QVERIFY(c.connectTo(server.url()));
    c.send(1, ResumeRequest{QStringLiteral("x")});
    QCOMPARE(errorOf(c.waitReply(1)), ErrorCode::HandshakeRequired);
    QVERIFY(c.hello());
    c.send(2, HelloRequest{1, {}, {}});
    QCOMPARE(errorOf(c.waitReply(2)), ErrorCode::AlreadyHandshaken);
}

void TestHardening::incompatibleVersionIsRefused()
{
    TestServer server;
    QVERIFY(server.start());
    RawClient c;
    QVERIFY(c.connectTo(server.url()));
    c.send(1, HelloRequest{99, {}, {}});
    const auto reply = c.waitReply(1);
    QCOMPARE(errorOf(reply), ErrorCode::UnsupportedVersion);
    QVERIFY(reply->error.message.contains(QStringLiteral("version 1")));
    QVERIFY(c.hello()); // a compatible retry on the same connection works
}

void TestHardening::malformedFramesGetErrorsAndConnectionSurvives()
{
    TestServer server;
    QVERIFY(server.start());
    RawClient c;
    QVERIFY(c.connectTo(server.url()));
    QVERIFY(c.hello());
    c.sendText("this is not json");
    c.sendText(R"({"id":5,"type":"no.such.thing","data":{}})");
    c.sendText(R"({"id":6,"type":"auth.login","data":{"username":7,"password":"x"}})");
    c.socket().sendBinaryMessage(R"({"id":7,"type":"auth.resume","data":{"token":"unknown"}})");
    QVERIFY(QTest::qWaitFor([&] { return c.frames.size() >= 5; }, 5000)); // hello + 4
    const ServerFrame &anonymous = c.frames[1];
    QCOMPARE(anonymous.kind, ServerFrame::Kind::Error);
    QCOMPARE(anonymous.error.code, ErrorCode::BadFrame);
    QVERIFY(!anonymous.id);
    QCOMPARE(errorOf(c.waitReply(5)), ErrorCode::UnknownType);
    const auto invalid = c.waitReply(6);
    QCOMPARE(errorOf(invalid), ErrorCode::InvalidField);
    QVERIFY(invalid->error.message.contains(QStringLiteral("data.username")));
    QCOMPARE(errorOf(c.waitReply(7)), ErrorCode::InvalidToken); // binary frames are read too
    QVERIFY(c.isConnected());
}

void TestHardening::oversizedFrames()
{
    TestServer server;
    QVERIFY(server.start());
    RawClient c;
    QVERIFY(c.connectTo(server.url()));
    QVERIFY(c.hello());
    // Over the protocol limit: an error, and the connection stays.
    const QByteArray big = R"({"id":9,"type":"auth.resume","data":{"token":")"
        + QByteArray(limits::maxFrameBytes, 'a') + "\"}}";
    c.sendText(big);
    QVERIFY(QTest::qWaitFor([&] { return !c.frames.isEmpty() && c.frames.last().kind == ServerFrame::Kind::Error; }, 5000));
    QCOMPARE(c.frames.last().error.code, ErrorCode::FrameTooLarge);
    QVERIFY(c.isConnected());
    // Over the WebSocket message limit: the socket is closed with 1009 (too big).
    c.sendText(QByteArray(2 * 1024 * 1024, 'x'));
    QVERIFY(c.waitDisconnected());
    QCOMPARE(c.closeCode(), int(QWebSocketProtocol::CloseCodeTooMuchData));
    // The server still serves others.
    RawClient other;
    QVERIFY(other.connectTo(server.url()));
    QVERIFY(other.hello());
}

void TestHardening::phaseRules()
{
    TestServer server;
    QVERIFY(server.start());
    RawClient c;
    QVERIFY(c.connectTo(server.url()));
    QVERIFY(c.hello());
    c.send(1, RoomListRequest{});
    QCOMPARE(errorOf(c.waitReply(1)), ErrorCode::NotAuthenticated);
    c.send(2, SendRequest{RoomId(1), QStringLiteral("x"), QStringLiteral("hi")});
    QCOMPARE(errorOf(c.waitReply(2)), ErrorCode::NotAuthenticated);
    SignupRequest signup;
    signup.username = QStringLiteral("phases");
    signup.password = QStringLiteral("pass-word-123");
    c.send(3, signup);
    QVERIFY(c.waitReply(3)->kind == ServerFrame::Kind::Result);
    LoginRequest login;
    login.username = signup.username;
    login.password = signup.password;
    c.send(4, login);
    QCOMPARE(errorOf(c.waitReply(4)), ErrorCode::AlreadyAuthenticated);
    c.send(5, RoomListRequest{});
    QCOMPARE(c.waitReply(5)->kind, ServerFrame::Kind::Result);
    c.send(6, LogoutRequest{});
    QCOMPARE(c.waitReply(6)->kind, ServerFrame::Kind::Result);
    c.send(7, RoomListRequest{});
    QCOMPARE(errorOf(c.waitReply(7)), ErrorCode::NotAuthenticated);
}

void TestHardening::helloDeadline()
{
    TestServer server([](server::ServerConfig &c) { c.helloTimeoutMs = 300; });
    QVERIFY(server.start());
    RawClient late;
    QVERIFY(late.connectTo(server.url()));
    QVERIFY(late.waitDisconnected(5000));
    QCOMPARE(late.closeCode(), server::closecode::helloTimeout);
    RawClient prompt;
    QVERIFY(prompt.connectTo(server.url()));
    QVERIFY(prompt.hello());
    QTest::qWait(800);
    QVERIFY(prompt.isConnected());
}

void TestHardening::silentPeerIsDropped()
{
    TestServer server([](server::ServerConfig &c) {
        c.pingIntervalMs = 200;
        c.helloTimeoutMs = 60000;
    });
    QVERIFY(server.start());
    RawClient live; // QWebSocket answers pings: it stays
    QVERIFY(live.connectTo(server.url()));
    QVERIFY(live.hello());
    StalledPeer silent; // reads, but never answers pings
    QVERIFY(silent.open(server.port()));
    QVERIFY(silent.waitDisconnected(5000));
    QVERIFY(live.isConnected());
}

void TestHardening::floodIsLimitedThenDisconnected()
{
    TestServer server([](server::ServerConfig &c) {
        c.requestsPerSecond = 5;
        c.requestBurst = 10;
        c.maxRejectedRequests = 50;
    });
    QVERIFY(server.start());
    RawClient c;
    QVERIFY(c.connectTo(server.url()));
    QVERIFY(c.hello());
    for (int i = 0; i < 20; ++i)
        c.send(100 + i, RoomListRequest{});
    QVERIFY(QTest::qWaitFor([&] { return c.frames.size() >= 21; }, 5000));
    int limited = 0;
    for (const ServerFrame &f : std::as_const(c.frames))
        limited += f.kind == ServerFrame::Kind::Error && f.error.code == ErrorCode::RateLimited ? 1 : 0;
    QVERIFY2(limited >= 10, qPrintable(QString::number(limited)));
    for (int i = 0; i < 200 && c.isConnected(); ++i)
        c.send(500 + i, RoomListRequest{});
    QVERIFY(c.waitDisconnected());
    QCOMPARE(c.closeCode(), server::closecode::flooding);
}

void TestHardening::serverSurvivesAbruptDisconnectMidRequest()
{
    TestServer server;
    QVERIFY(server.start());
    for (int i = 0; i < 5; ++i) {
        RawClient c;
        QVERIFY(c.connectTo(server.url()));
        QVERIFY(c.hello());
        SignupRequest signup;
        signup.username = QStringLiteral("gone%1").arg(i);
        signup.password = QStringLiteral("pass-word-123");
        c.send(1, signup); // hashing and storage are in flight when the socket vanishes
        c.socket().abort();
    }
    QTest::qWait(300);
    RawClient after;
    QVERIFY(after.connectTo(server.url()));
    QVERIFY(after.signup(QStringLiteral("survivor")));
    // Whether or not an abandoned signup got stored, the name now behaves consistently:
    // it can be signed up exactly once more or is taken, never an internal error.
    for (int i = 0; i < 5; ++i) {
        SignupRequest again;
        again.username = QStringLiteral("gone%1").arg(i);
        again.password = QStringLiteral("pass-word-123");
        after.send(10 + i, LogoutRequest{});
        QVERIFY(after.waitReply(10 + i));
        after.send(20 + i, again);
        const auto reply = after.waitReply(20 + i);
        QVERIFY(reply);
        QVERIFY(reply->kind == ServerFrame::Kind::Result || reply->error.code == ErrorCode::UsernameTaken);
    }
}

QTEST_GUILESS_MAIN(TestHardening)
#include "tst_hardening.moc"
