#include "clientfixture.h"

#include <QSignalSpy>
#include <QtTest>

namespace natter::test {

void ClientFixture::startServer()
{
    m_server = std::make_unique<TestServer>([](server::ServerConfig &c) {
        c.requestsPerSecond = 100000;
        c.requestBurst = 100000;
    });
    QVERIFY(m_server->start());
    m_cacheRoot = std::make_unique<QTemporaryDir>();
    auto alice = std::make_unique<TestUser>(m_server->url());
    bob = std::make_unique<TestUser>(m_server->url());
    QVERIFY(alice->signup(QStringLiteral("alice")).ok());
    QVERIFY(bob->signup(QStringLiteral("bob")).ok());
    m_room = makeFriends(*alice, *bob);
    QVERIFY(m_room.isValid());
}

void ClientFixture::stopServer()
{
    bob.reset();
    m_server.reset();
    m_cacheRoot.reset();
}

std::unique_ptr<client::ClientController> ClientFixture::makeController()
{
    auto c = std::make_unique<client::ClientController>();
    c->setCacheRoot(m_cacheRoot->path());
    c->setServerUrl(m_server->url());
    c->session().setReconnectDelays(20, 200);
    return c;
}

bool ClientFixture::login(client::ClientController &c, const QString &name)
{
    std::optional<client::Reply<SessionReply>> out;
    QSignalSpy synced(&c, &client::ClientController::synced);
    c.login(name, TestUser::defaultPassword(), [&out](const auto &r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000) || !out->ok())
        return false;
    return synced.count() > 0 || synced.wait(10000);
}

} // namespace natter::test
