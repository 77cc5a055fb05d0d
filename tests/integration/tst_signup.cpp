// Sign-up modes through a real server: the first account of an empty server becomes its
// administrator in every mode; "closed" refuses everyone after it; "invite" needs a code an
// administrator created (admin.createInviteCode), used up after its number of uses; the hello
// reply announces the mode; the admin flag survives login and resume.
#include "../support/rawclient.h"
#include "../support/testserver.h"


#include <QtTest>

using namespace natter;
using namespace natter::server;
using namespace natter::test;

namespace {

/// One raw connection: hello, then requests answered in order.
class Peer
{
public:
    explicit Peer(const QUrl &url)
    {
        QVERIFY(m_client.connectTo(url));
        m_client.send(m_next, HelloRequest{1, {}, QStringLiteral("tst_signup")});
        const auto reply = m_client.waitReply(m_next++);
        QVERIFY(reply && reply->kind == ServerFrame::Kind::Result);
        hello = readData<HelloReply>(reply->data, nullptr).value_or(HelloReply{});
    }

    /// The reply or the error of one request.
    template <class Req>
    std::pair<std::optional<typename Req::Reply>, ErrorCode> call(const Req &request)
    {
        const RequestId id = m_next++;
        m_client.send(id, request);
        const auto reply = m_client.waitReply(id, 10000);
        if (!reply)
            return {std::nullopt, ErrorCode::Unavailable};
        if (reply->kind == ServerFrame::Kind::Error)
            return {std::nullopt, reply->error.code};
        return {readData<typename Req::Reply>(reply->data, nullptr), ErrorCode::Internal};
    }

    auto signup(const QString &name, const QString &inviteCode = QString())
    {
        SignupRequest req;
        req.username = name;
        req.password = QStringLiteral("a-good-password-42");
        req.inviteCode = inviteCode;
        return call(req);
    }

    HelloReply hello;

private:
    RawClient m_client;
    RequestId m_next = 1;
};

std::unique_ptr<TestServer> serverWith(SignupMode mode)
{
    auto server = std::make_unique<TestServer>([mode](ServerConfig &c) { c.signupMode = mode; });
    if (!server->start())
        qWarning() << server->error();
    return server;
}

} // namespace

class TestSignup : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void helloAnnouncesTheMode_data();
    void helloAnnouncesTheMode();
    void firstAccountIsTheAdministratorInOpenMode();
    void closedModeAcceptsOnlyTheFirstAccount();
    void inviteModeNeedsAValidCode();
    void inviteCodesAreUsedUpAndNormalised();
    void onlyAdministratorsCreateCodes();
    void takenNameDoesNotUseUpTheCode();
    void adminFlagSurvivesLoginAndResume();
};

void TestSignup::helloAnnouncesTheMode_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("name");
    QTest::newRow("open") << int(SignupMode::Open) << QStringLiteral("open");
    QTest::newRow("invite") << int(SignupMode::Invite) << QStringLiteral("invite");
    QTest::newRow("closed") << int(SignupMode::Closed) << QStringLiteral("closed");
}

void TestSignup::helloAnnouncesTheMode()
{
    QFETCH(int, mode);
    QFETCH(QString, name);
    auto server = serverWith(SignupMode(mode));
    Peer peer(server->url());
    QCOMPARE(peer.hello.signup, name);
    QVERIFY(peer.hello.features.contains(QStringLiteral("signup.v1")));
}

void TestSignup::firstAccountIsTheAdministratorInOpenMode()
{
    auto server = serverWith(SignupMode::Open);
    Peer first(server->url()), second(server->url());
    const auto a = first.signup(QStringLiteral("root"));
    QVERIFY(a.first);
    QVERIFY(a.first->admin);
    const auto b = second.signup(QStringLiteral("bea"));
    QVERIFY(b.first);
    QVERIFY(!b.first->admin);
}

void TestSignup::closedModeAcceptsOnlyTheFirstAccount()
{
    auto server = serverWith(SignupMode::Closed);
    Peer first(server->url()), second(server->url());
    const auto a = first.signup(QStringLiteral("root"));
    QVERIFY(a.first && a.first->admin);
    const auto b = second.signup(QStringLiteral("bea"));
    QVERIFY(!b.first);
    QCOMPARE(b.second, ErrorCode::SignupClosed);
    // An invite code does not open a closed server.
    const auto code = first.call(CreateInviteCodeRequest{});
    QVERIFY(code.first);
    QCOMPARE(second.signup(QStringLiteral("bea"), code.first->code).second, ErrorCode::SignupClosed);
}

void TestSignup::inviteModeNeedsAValidCode()
{
    auto server = serverWith(SignupMode::Invite);
    Peer admin(server->url());
    QVERIFY(admin.signup(QStringLiteral("root")).first); // the first needs no code
    Peer guest(server->url());
    QCOMPARE(guest.signup(QStringLiteral("bea")).second, ErrorCode::InviteRequired);
    QCOMPARE(guest.signup(QStringLiteral("bea"), QStringLiteral("NOPE-NOPE-NOPE")).second, ErrorCode::InvalidInvite);
    const auto code = admin.call(CreateInviteCodeRequest{1, 24});
    QVERIFY(code.first);
    QCOMPARE(code.first->uses, 1);
    QVERIFY(code.first->expiresAt > QDateTime::currentMSecsSinceEpoch() + 23LL * 3600 * 1000);
    QVERIFY(code.first->expiresAt <= QDateTime::currentMSecsSinceEpoch() + 24LL * 3600 * 1000);
    QVERIFY(QRegularExpression(QStringLiteral("^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$")).match(code.first->code).hasMatch());
    const auto bea = guest.signup(QStringLiteral("bea"), code.first->code);
    QVERIFY(bea.first);
    QVERIFY(!bea.first->admin);
}

void TestSignup::inviteCodesAreUsedUpAndNormalised()
{
    auto server = serverWith(SignupMode::Invite);
    Peer admin(server->url());
    QVERIFY(admin.signup(QStringLiteral("root")).first);
    const auto code = admin.call(CreateInviteCodeRequest{2, 1});
    QVERIFY(code.first);
    QString typed = code.first->code.toLower();
    typed.replace(QLatin1Char('-'), QLatin1Char(' '));
    Peer one(server->url()), two(server->url()), three(server->url());
    QVERIFY(one.signup(QStringLiteral("one"), typed).first); // as read aloud: lower case, spaces
    QVERIFY(two.signup(QStringLiteral("two"), code.first->code).first);
    QCOMPARE(three.signup(QStringLiteral("three"), code.first->code).second, ErrorCode::InvalidInvite);
}

void TestSignup::onlyAdministratorsCreateCodes()
{
    auto server = serverWith(SignupMode::Open);
    Peer admin(server->url()), user(server->url());
    QVERIFY(admin.signup(QStringLiteral("root")).first);
    QVERIFY(user.signup(QStringLiteral("bea")).first);
    QCOMPARE(user.call(CreateInviteCodeRequest{}).second, ErrorCode::Forbidden);
    Peer anonymous(server->url());
    QCOMPARE(anonymous.call(CreateInviteCodeRequest{}).second, ErrorCode::NotAuthenticated);
}

void TestSignup::takenNameDoesNotUseUpTheCode()
{
    auto server = serverWith(SignupMode::Invite);
    Peer admin(server->url());
    QVERIFY(admin.signup(QStringLiteral("root")).first);
    const auto code = admin.call(CreateInviteCodeRequest{1, 1});
    QVERIFY(code.first);
    Peer guest(server->url());
    QCOMPARE(guest.signup(QStringLiteral("ROOT"), code.first->code).second, ErrorCode::UsernameTaken);
    QVERIFY(guest.signup(QStringLiteral("bea"), code.first->code).first);
}

void TestSignup::adminFlagSurvivesLoginAndResume()
{
    auto server = serverWith(SignupMode::Open);
    Peer first(server->url());
    const auto signup = first.signup(QStringLiteral("root"));
    QVERIFY(signup.first);
    Peer second(server->url());
    LoginRequest login;
    login.username = QStringLiteral("root");
    login.password = QStringLiteral("a-good-password-42");
    const auto loggedIn = second.call(login);
    QVERIFY(loggedIn.first && loggedIn.first->admin);
    Peer third(server->url());
    const auto resumed = third.call(ResumeRequest{signup.first->token});
    QVERIFY(resumed.first && resumed.first->admin);
}

QTEST_GUILESS_MAIN(TestSignup)
#include "tst_signup.moc"
