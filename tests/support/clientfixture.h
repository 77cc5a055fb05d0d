#pragma once
// What the client-core tests share: a natterd in-process (request limits lifted) with alice and
// bob signed up and friends, a fresh cache root per test, and controllers that talk to it.
// A test class inherits it next to QObject and calls startServer()/stopServer() from its
// init()/cleanup() slots.
#include "testserver.h"
#include "testuser.h"

#include "core/clientcontroller.h"

#include <QTemporaryDir>

#include <memory>

namespace natter::test {

class ClientFixture
{
protected:
    /// Starts the server and signs up alice and bob as friends (m_room is their direct room);
    /// failures are reported through QtTest (check QTest::currentTestFailed()).
    void startServer();
    void stopServer();
    /// A controller with its own cache under m_cacheRoot and short reconnect delays.
    std::unique_ptr<client::ClientController> makeController();
    /// Logs `c` in as `name` (the default test password) and waits for its first sync.
    static bool login(client::ClientController &c, const QString &name);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_cacheRoot;
    std::unique_ptr<TestUser> bob;
    RoomId m_room;
};

} // namespace natter::test
