// Messaging through real sockets: delivery to every device, idempotent resend, history
// paging, the conversation list, lossless resume after missing messages, membership rules
// and slow readers.
#include "../support/stalledpeer.h"
#include "../support/testserver.h"
#include "../support/testuser.h"
#include "storage/storage.h"

#include <QtTest>

using namespace natter;
using namespace natter::test;

class TestMessaging : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void sendReachesTheOtherUsersDevices();
    void resendWithSameKeyIsStoredOnce();
    void historyPagesBackwards();
    void conversationListIsSortedByActivity();
    void reconnectDeliversExactlyTheMissedMessages();
    void largeBacklogSyncsInPages();
    void serverRestartIsLossless();
    void nonMemberIsDenied();
    void slowReaderIsDroppedWithoutHurtingOthers();
    void concurrentSendsShareCommits();

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestUser> alice, bob;
    RoomId m_room;
};

void TestMessaging::init()
{
    m_server = std::make_unique<TestServer>([](server::ServerConfig &c) {
        c.requestsPerSecond = 100000;
        c.requestBurst = 100000;
        c.maxOutgoingBytes = 512 * 1024;
        c.slowReaderGraceMs = 500;
    });
    QVERIFY(m_server->start());
    alice = std::make_unique<TestUser>(m_server->url());
    bob = std::make_unique<TestUser>(m_server->url());
    QVERIFY(alice->signup(QStringLiteral("alice")).ok());
    QVERIFY(bob->signup(QStringLiteral("bob")).ok());
    m_room = makeFriends(*alice, *bob);
    QVERIFY(m_room.isValid());
}

void TestMessaging::cleanup()
{
    alice.reset();
    bob.reset();
    m_server.reset();
}

void TestMessaging::sendReachesTheOtherUsersDevices()
{
    TestUser bobPhone(m_server->url());
    QVERIFY(bobPhone.login(QStringLiteral("bob")).ok());
    TestUser alicePhone(m_server->url());
    QVERIFY(alicePhone.login(QStringLiteral("alice")).ok());
    const auto sent = alice->send(m_room, QStringLiteral("hello bob ✓"));
    QVERIFY2(sent.ok(), qPrintable(sent.error.message));
    QCOMPARE(sent.value->message.seq, 1);
    QVERIFY(!sent.value->duplicate);
    QVERIFY(bob->waitMessages(1));
    QVERIFY(bobPhone.waitMessages(1));
    QVERIFY(alicePhone.waitMessages(1)); // the sender's other devices too
    QCOMPARE(bob->messages[0], sent.value->message);
    QCOMPARE(bob->messages[0].body, QStringLiteral("hello bob ✓"));
    QCOMPARE(bob->messages[0].senderId, alice->id());
    QCOMPARE(alice->messages.size(), 1); // own send delivered once, via the reply
    const auto reply = bob->send(m_room, QStringLiteral("hi alice"));
    QCOMPARE(reply.value->message.seq, 2);
    QVERIFY(alice->waitMessages(2));
    QCOMPARE(alice->messages[1].body, QStringLiteral("hi alice"));
}

void TestMessaging::resendWithSameKeyIsStoredOnce()
{
    const auto first = alice->send(m_room, QStringLiteral("only once"), QStringLiteral("key-1"));
    QVERIFY(first.ok());
    const auto again = alice->call(SendRequest{m_room, QStringLiteral("key-1"), QStringLiteral("only once")});
    QVERIFY(again.ok());
    QVERIFY(again.value->duplicate);
    QCOMPARE(again.value->message, first.value->message);
    QVERIFY(bob->waitMessages(1));
    QTest::qWait(200);
    QCOMPARE(bob->messages.size(), 1);
    const auto history = bob->call(HistoryRequest{m_room, 0, 50});
    QCOMPARE(history.value->messages.size(), 1);
    // The same key in another room is a conflict, not a silent duplicate.
    TestUser carol(m_server->url());
    QVERIFY(carol.signup(QStringLiteral("carol")).ok());
    const RoomId other = makeFriends(*alice, carol);
    QCOMPARE(alice->call(SendRequest{other, QStringLiteral("key-1"), QStringLiteral("x")}).error.code,
             ErrorCode::Conflict);
}

void TestMessaging::historyPagesBackwards()
{
    for (int i = 1; i <= 120; ++i)
        alice->session.sendMessage(m_room, QStringLiteral("m%1").arg(i), {});
    QVERIFY(bob->waitMessages(120));
    QList<Seq> seen;
    Seq before = 0;
    QList<int> sizes;
    for (;;) {
        const auto page = bob->call(HistoryRequest{m_room, before, 50});
        QVERIFY(page.ok());
        sizes << int(page.value->messages.size());
        for (int i = int(page.value->messages.size()) - 1; i >= 0; --i)
            seen.append(page.value->messages[i].seq);
        if (!page.value->more)
            break;
        before = page.value->messages.first().seq;
    }
    QCOMPARE(sizes, (QList<int>{50, 50, 20}));
    QCOMPARE(seen.size(), 120);
    for (int i = 0; i < 120; ++i)
        QCOMPARE(seen[i], Seq(120 - i));
}

void TestMessaging::conversationListIsSortedByActivity()
{
    TestUser carol(m_server->url());
    QVERIFY(carol.signup(QStringLiteral("carol")).ok());
    const RoomId carolRoom = makeFriends(*alice, carol);
    QVERIFY(alice->send(m_room, QStringLiteral("to bob")).ok());
    QTest::qWait(5);
    QVERIFY(alice->send(carolRoom, QStringLiteral("to carol")).ok());
    auto rooms = alice->call(RoomListRequest{}).value->rooms;
    QCOMPARE(rooms.size(), 2);
    QCOMPARE(rooms[0].id, carolRoom);
    QCOMPARE(rooms[0].lastMessage->body, QStringLiteral("to carol"));
    QTest::qWait(5);
    QVERIFY(bob->send(m_room, QStringLiteral("bob again")).ok());
    rooms = alice->call(RoomListRequest{}).value->rooms;
    QCOMPARE(rooms[0].id, m_room);
    QCOMPARE(rooms[0].lastMessage->body, QStringLiteral("bob again"));
    QCOMPARE(rooms[0].lastSeq, 2);
}

void TestMessaging::reconnectDeliversExactlyTheMissedMessages()
{
    QVERIFY(alice->send(m_room, QStringLiteral("seen")).ok());
    QVERIFY(bob->waitMessages(1));
    bob->session.disconnectFromServer();
    QTRY_VERIFY(bob->session.state() == client::ClientSession::State::Offline);
    for (int i = 0; i < 30; ++i)
        QVERIFY(alice->send(m_room, QStringLiteral("missed %1").arg(i)).ok());
    QCOMPARE(bob->messages.size(), 1);
    bob->session.reconnectNow();
    QVERIFY(bob->waitSynced());
    QCOMPARE(bob->messages.size(), 31);
    for (int i = 0; i < 30; ++i) {
        QCOMPARE(bob->messages[i + 1].seq, Seq(i + 2));
        QCOMPARE(bob->messages[i + 1].body, QStringLiteral("missed %1").arg(i));
    }
    // Live delivery continues after the resume, still exactly once.
    QVERIFY(alice->send(m_room, QStringLiteral("live again")).ok());
    QVERIFY(bob->waitMessages(32));
    QTest::qWait(100);
    QCOMPARE(bob->messages.size(), 32);
}

void TestMessaging::largeBacklogSyncsInPages()
{
    bob->session.disconnectFromServer();
    const int count = 1200; // more than two sync pages
    int acked = 0;
    for (int i = 0; i < count; ++i)
        alice->session.sendMessage(m_room, QStringLiteral("backlog %1").arg(i),
                                   [&acked](const auto &r) { acked += r.ok() ? 1 : 0; });
    QTRY_COMPARE_WITH_TIMEOUT(acked, count, 30000);
    bob->session.reconnectNow();
    QVERIFY(bob->waitSynced(30000));
    QCOMPARE(bob->messages.size(), count);
    for (int i = 0; i < count; ++i)
        QCOMPARE(bob->messages[i].seq, Seq(i + 1));
}

void TestMessaging::serverRestartIsLossless()
{
    QVERIFY(alice->send(m_room, QStringLiteral("before restart")).ok());
    QVERIFY(bob->waitMessages(1));
    QVERIFY(m_server->restart());
    QTRY_VERIFY(alice->session.state() != client::ClientSession::State::Online);
    QTRY_VERIFY(bob->session.state() != client::ClientSession::State::Online);
    // Both sessions reconnect by themselves (backoff) and resume with their tokens.
    QTRY_VERIFY_WITH_TIMEOUT(alice->session.state() == client::ClientSession::State::Online, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(bob->session.state() == client::ClientSession::State::Online, 10000);
    const auto after = alice->send(m_room, QStringLiteral("after restart"));
    QVERIFY2(after.ok(), qPrintable(after.error.message));
    QVERIFY(bob->waitMessages(2));
    QCOMPARE(bob->messages[1].body, QStringLiteral("after restart"));
    QCOMPARE(bob->messages[1].seq, 2);
}

void TestMessaging::nonMemberIsDenied()
{
    QVERIFY(alice->send(m_room, QStringLiteral("private")).ok());
    TestUser mallory(m_server->url());
    QVERIFY(mallory.signup(QStringLiteral("mallory")).ok());
    QCOMPARE(mallory.call(SendRequest{m_room, QStringLiteral("m1"), QStringLiteral("let me in")}).error.code,
             ErrorCode::Forbidden);
    QCOMPARE(mallory.call(HistoryRequest{m_room, 0, 50}).error.code, ErrorCode::Forbidden);
    const auto sync = mallory.call(SyncRequest{{SyncCursor{m_room, 0}}, 100});
    QVERIFY(sync.ok());
    QVERIFY(sync.value->messages.isEmpty());
    QCOMPARE(mallory.call(SendRequest{RoomId(424242), QStringLiteral("m2"), QStringLiteral("x")}).error.code,
             ErrorCode::Forbidden);
    QCOMPARE(bob->call(HistoryRequest{m_room, 0, 50}).value->messages.size(), 1);
}

void TestMessaging::slowReaderIsDroppedWithoutHurtingOthers()
{
    // A third connection of bob's that stops reading.
    StalledPeer stalled;
    QVERIFY(stalled.open(m_server->port()));
    stalled.sendText(encodeRequest(1, HelloRequest{1, {}, {}}));
    stalled.sendText(encodeRequest(2, ResumeRequest{bob->session.token()}));
    QTest::qWait(200);
    stalled.stopReading();
    const int connectionsBefore = m_server->server().connectionCount();
    const QString big(8000, QLatin1Char('x'));
    int acked = 0;
    const int count = 600; // ~5 MB towards each of bob's connections
    for (int i = 0; i < count; ++i)
        alice->session.sendMessage(m_room, big, [&acked](const auto &r) { acked += r.ok() ? 1 : 0; });
    QTRY_COMPARE_WITH_TIMEOUT(acked, count, 30000);
    QVERIFY(bob->waitMessages(count, 30000)); // the reading device got everything
    QTRY_VERIFY_WITH_TIMEOUT(m_server->server().connectionCount() < connectionsBefore, 15000);
}

void TestMessaging::concurrentSendsShareCommits()
{
    const server::WriteStats before = m_server->server().storage().writeStats();
    const int count = 400;
    int acked = 0;
    for (int i = 0; i < count; ++i)
        alice->session.sendMessage(m_room, QStringLiteral("burst %1").arg(i), [&acked](const auto &r) { acked += r.ok() ? 1 : 0; });
    QTRY_COMPARE_WITH_TIMEOUT(acked, count, 30000);
    const server::WriteStats after = m_server->server().storage().writeStats();
    const qint64 batches = after.batches - before.batches;
    qInfo() << count << "messages stored in" << batches << "commits";
    QVERIFY(batches < count / 4);
}

QTEST_GUILESS_MAIN(TestMessaging)
#include "tst_messaging.moc"
