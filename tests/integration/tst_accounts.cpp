// Accounts through a real server and real client-core sessions: sign up, log in, wrong
// password, throttling, token resume, log out.
#include "../support/testserver.h"
#include "../support/testuser.h"

#include <QtTest>

using namespace natter;
using namespace natter::test;

class TestAccounts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void signupThenLogin();
    void signupRules();
    void wrongPasswordAndUnknownUser();
    void failedLoginsAreThrottled();
    void tokenResumesOnANewConnection();
    void logoutRevokesTheToken();
    void expiredTokenIsRefused();

private:
    std::unique_ptr<TestServer> m_server;
};

void TestAccounts::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->start(), qPrintable(m_server->error()));
}

void TestAccounts::cleanup() { m_server.reset(); }

void TestAccounts::signupThenLogin()
{
    TestUser alice(m_server->url());
    const auto signup = alice.signup(QStringLiteral("Alice"));
    QVERIFY2(signup.ok(), qPrintable(signup.error.message));
    QCOMPARE(signup.value->user.username, QStringLiteral("Alice"));
    QVERIFY(signup.value->user.id.isValid());
    QCOMPARE(signup.value->token.size(), 43);
    QVERIFY(signup.value->expiresAt > QDateTime::currentMSecsSinceEpoch() + 29LL * 24 * 3600 * 1000);
    QCOMPARE(alice.session.state(), client::ClientSession::State::Online);

    TestUser laptop(m_server->url());
    const auto login = laptop.login(QStringLiteral("alice")); // case-insensitive name
    QVERIFY2(login.ok(), qPrintable(login.error.message));
    QCOMPARE(login.value->user.id, signup.value->user.id);
    QCOMPARE(login.value->user.username, QStringLiteral("Alice"));
    QVERIFY(login.value->token != signup.value->token); // one session per device
}

void TestAccounts::signupRules()
{
    TestUser first(m_server->url());
    QVERIFY(first.signup(QStringLiteral("dana")).ok());
    TestUser u(m_server->url());
    QCOMPARE(u.signup(QStringLiteral("DANA")).error.code, ErrorCode::UsernameTaken);
    QCOMPARE(u.signup(QStringLiteral("x")).error.code, ErrorCode::InvalidUsername);
    QCOMPARE(u.signup(QStringLiteral("has space")).error.code, ErrorCode::InvalidUsername);
    QCOMPARE(u.signup(QStringLiteral("erin"), QStringLiteral("short")).error.code, ErrorCode::WeakPassword);
    QCOMPARE(u.signup(QStringLiteral("erin"), QStringLiteral("erin-is-my-password")).error.code,
             ErrorCode::WeakPassword);
    const auto ok = u.signup(QStringLiteral("erin"));
    QVERIFY2(ok.ok(), qPrintable(ok.error.message));
}

void TestAccounts::wrongPasswordAndUnknownUser()
{
    TestUser owner(m_server->url());
    QVERIFY(owner.signup(QStringLiteral("frank")).ok());
    TestUser other(m_server->url());
    const auto wrong = other.login(QStringLiteral("frank"), QStringLiteral("not-the-password"));
    QCOMPARE(wrong.error.code, ErrorCode::InvalidCredentials);
    const auto unknown = other.login(QStringLiteral("nobody-here"), QStringLiteral("whatever-password"));
    QCOMPARE(unknown.error.code, ErrorCode::InvalidCredentials);
    QCOMPARE(unknown.error.message, wrong.error.message); // no hint which part was wrong
    QVERIFY(other.login(QStringLiteral("frank")).ok());
}

void TestAccounts::failedLoginsAreThrottled()
{
    TestUser owner(m_server->url());
    QVERIFY(owner.signup(QStringLiteral("grace")).ok());
    TestUser attacker(m_server->url());
    for (int i = 0; i < 5; ++i)
        QCOMPARE(attacker.login(QStringLiteral("grace"), QStringLiteral("guess-number-%1").arg(i)).error.code,
                 ErrorCode::InvalidCredentials);
    // Locked now: even the right password is refused without being checked.
    const auto locked = attacker.login(QStringLiteral("grace"));
    QCOMPARE(locked.error.code, ErrorCode::RateLimited);
    QVERIFY(locked.error.message.contains(QStringLiteral("retry in")));
    // Another account from the same address is not locked by this account's failures.
    TestUser henry(m_server->url());
    QVERIFY(henry.signup(QStringLiteral("henry")).ok());
    TestUser henry2(m_server->url());
    QVERIFY(henry2.login(QStringLiteral("henry")).ok());
}

void TestAccounts::tokenResumesOnANewConnection()
{
    TestUser ivan(m_server->url());
    const auto s = ivan.signup(QStringLiteral("ivan"));
    QVERIFY(s.ok());
    TestUser again(m_server->url());
    const auto resumed = again.resume(s.value->token);
    QVERIFY2(resumed.ok(), qPrintable(resumed.error.message));
    QCOMPARE(resumed.value->user, s.value->user);
    QCOMPARE(resumed.value->token, s.value->token);
    QVERIFY(resumed.value->expiresAt >= s.value->expiresAt);
    QCOMPARE(again.call(RoomListRequest{}).ok(), true);
    TestUser forged(m_server->url());
    QCOMPARE(forged.resume(s.value->token + QLatin1Char('x')).error.code, ErrorCode::InvalidToken);
}

void TestAccounts::logoutRevokesTheToken()
{
    TestUser judy(m_server->url());
    const auto s = judy.signup(QStringLiteral("judy"));
    QVERIFY(s.ok());
    TestUser sameToken(m_server->url());
    sameToken.session.setAutoReconnect(false);
    QVERIFY(sameToken.resume(s.value->token).ok());

    std::optional<client::Reply<EmptyReply>> out;
    judy.session.logout([&](const client::Reply<EmptyReply> &r) { out = r; });
    QTRY_VERIFY(out.has_value());
    QVERIFY2(out->ok(), qPrintable(out->error.message));
    // The other connection that used the same token is closed with it.
    QTRY_VERIFY(sameToken.session.connection().state() == client::Connection::State::Disconnected);
    TestUser later(m_server->url());
    QCOMPARE(later.resume(s.value->token).error.code, ErrorCode::InvalidToken);
    QVERIFY(later.login(QStringLiteral("judy")).ok()); // the account itself is fine
}

void TestAccounts::expiredTokenIsRefused()
{
    TestServer shortLived([](server::ServerConfig &c) { c.sessionLifetimeMs = 300; });
    QVERIFY(shortLived.start());
    TestUser kim(shortLived.url());
    const auto s = kim.signup(QStringLiteral("kim"));
    QVERIFY(s.ok());
    QTest::qWait(500);
    TestUser later(shortLived.url());
    QCOMPARE(later.resume(s.value->token).error.code, ErrorCode::InvalidToken);
}

QTEST_GUILESS_MAIN(TestAccounts)
#include "tst_accounts.moc"
