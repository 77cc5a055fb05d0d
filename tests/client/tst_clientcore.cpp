// ClientController against a real natterd in-process: login, the conversation list and unread
// counts, sending through the outbox with local echo, warm start from the cache, the outbox
// across a client restart while the server is down, reconnect and resume, history paging,
// attachments (upload, send, receive, download, the size limit), per-room mute (alerts only for
// mentions, the unread total, the flag from another device and in the cache).
#include "../support/clientfixture.h"
#include "core/clientcontroller.h"
#include "protocol/lifecyclerequests.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace natter;
using namespace natter::client;
using namespace natter::test;

class TestClientCore : public QObject, private ClientFixture
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void loginFillsConversationsAndCountsUnread();
    void sendShowsLocalEchoThenStoredEntry();
    void warmStartShowsCachedStateBeforeTheServerAnswers();
    void outboxSurvivesRestartWhileServerIsDown();
    void reconnectAndResumeDeliverMissedMessages();
    void timelinePagesHistoryFromServerThenCache();
    void refusedSendIsFailedAndRetryable();
    void directoryInvitesAndJoiningFillTheModels();
    void presenceTypingAndNotificationsReachTheUi();
    void editDeleteAndReplyReachBothSidesAndTheCache();
    void attachmentIsSentReceivedAndDownloaded();
    void attachmentOverTheServerLimitFailsClearly();
    void mutedRoomsAlertOnlyForMentions();
    void muteFromAnotherDeviceReachesTheListAndTheCache();

private:
    int rowFlag(ClientController &c, RoomId room, int role);
};

void TestClientCore::init()
{
    startServer();
}

void TestClientCore::cleanup()
{
    stopServer();
}

void TestClientCore::loginFillsConversationsAndCountsUnread()
{
    QVERIFY(bob->send(m_room, QStringLiteral("before login")).ok());
    auto alice = makeController();
    QAbstractItemModelTester tester(alice->conversations(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(login(*alice, QStringLiteral("alice")));
    ConversationListModel *list = alice->conversations();
    QCOMPARE(list->rowCount(), 1);
    QCOMPARE(list->index(0).data(Qt::DisplayRole).toString(), QStringLiteral("bob"));
    QCOMPARE(list->index(0).data(ConversationListModel::UnreadRole).toInt(), 1);
    QTRY_COMPARE(alice->friends()->rowCount(), 1);

    QVERIFY(bob->send(m_room, QStringLiteral("hey @alice")).ok());
    QTRY_COMPARE(list->index(0).data(ConversationListModel::UnreadRole).toInt(), 2);
    QCOMPARE(list->index(0).data(ConversationListModel::MentionRole).toInt(), 1);

    alice->setCurrentRoom(m_room); // reading clears the counters, on the server too
    QCOMPARE(list->index(0).data(ConversationListModel::UnreadRole).toInt(), 0);
    QVERIFY(bob->send(m_room, QStringLiteral("seen at once")).ok());
    QTRY_COMPARE(list->index(0).data(ConversationListModel::LastSeqRole).toLongLong(), 3);
    QCOMPARE(list->index(0).data(ConversationListModel::UnreadRole).toInt(), 0);
    TestUser otherDevice(m_server->url());
    QVERIFY(otherDevice.login(QStringLiteral("alice")).ok());
    QTRY_COMPARE(otherDevice.call(RoomListRequest{}).value->rooms.value(0).unreadCount, 0);
}

void TestClientCore::sendShowsLocalEchoThenStoredEntry()
{
    auto alice = makeController();
    QVERIFY(login(*alice, QStringLiteral("alice")));
    TimelineModel *timeline = alice->timeline(m_room);
    QAbstractItemModelTester tester(timeline, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int before = bob->messages.size();
    const QString id = alice->sendMessage(m_room, QStringLiteral("  hello bob  "));
    QVERIFY(!id.isEmpty());
    const int row = timeline->rowCount() - 1;
    QCOMPARE(timeline->index(row).data(TimelineModel::BodyRole).toString(), QStringLiteral("hello bob"));
    QCOMPARE(TimelineModel::Delivery(timeline->index(row).data(TimelineModel::DeliveryRole).toInt()),
             TimelineModel::Delivery::Pending);
    QTRY_COMPARE(TimelineModel::Delivery(timeline->index(row).data(TimelineModel::DeliveryRole).toInt()),
                 TimelineModel::Delivery::Sent);
    QCOMPARE(timeline->rowCount(), row + 1);
    QCOMPARE(timeline->index(row).data(TimelineModel::ClientMsgIdRole).toString(), id);
    QVERIFY(bob->waitMessages(before + 1));
    QCOMPARE(bob->messages.last().body, QStringLiteral("hello bob"));
    QCOMPARE(alice->outbox().size(), 0);
    QCOMPARE(alice->sendMessage(m_room, QStringLiteral("   ")), QString()); // nothing to send
}

void TestClientCore::warmStartShowsCachedStateBeforeTheServerAnswers()
{
    for (int i = 0; i < 5; ++i)
        QVERIFY(bob->send(m_room, QStringLiteral("cached %1").arg(i)).ok());
    {
        auto alice = makeController();
        QVERIFY(login(*alice, QStringLiteral("alice")));
        TimelineModel *t = alice->timeline(m_room);
        t->fetchMore();
        QTRY_COMPARE(t->rowCount(), 5);
    } // the controller writes its cache when it goes away
    m_server->stop();

    auto alice = makeController();
    QVERIFY(alice->openAccount(QStringLiteral("alice")));
    QCOMPARE(alice->conversations()->rowCount(), 1);
    QCOMPARE(alice->conversations()->index(0).data(Qt::DisplayRole).toString(), QStringLiteral("bob"));
    TimelineModel *t = alice->timeline(m_room);
    t->fetchMore(); // served by the cache: the server is down
    QTRY_COMPARE(t->rowCount(), 5);
    QCOMPARE(t->index(4).data(TimelineModel::BodyRole).toString(), QStringLiteral("cached 4"));
}

void TestClientCore::outboxSurvivesRestartWhileServerIsDown()
{
    {
        auto alice = makeController();
        QVERIFY(login(*alice, QStringLiteral("alice")));
        m_server->stop();
        QTRY_VERIFY(alice->session().state() == ClientSession::State::Reconnecting);
        alice->sendMessage(m_room, QStringLiteral("first while offline"));
        alice->sendMessage(m_room, QStringLiteral("second while offline"));
        QCOMPARE(alice->outbox().size(), 2);
        QCOMPARE(alice->timeline(m_room)->rowCount(), 2);
    } // the client quits with two unsent messages
    QVERIFY(m_server->restart());
    bob = std::make_unique<TestUser>(m_server->url());
    QVERIFY(bob->login(QStringLiteral("bob")).ok());

    auto alice = makeController();
    QVERIFY(alice->openAccount(QStringLiteral("alice")));
    QCOMPARE(alice->outbox().size(), 2); // shown as pending before the login
    QCOMPARE(alice->timeline(m_room)->rowCount(), 2);
    QVERIFY(login(*alice, QStringLiteral("alice")));
    QTRY_COMPARE(alice->outbox().size(), 0);
    QVERIFY(bob->waitMessages(2));
    QCOMPARE(bob->messages.size(), 2);
    QCOMPARE(bob->messages.at(0).body, QStringLiteral("first while offline"));
    QCOMPARE(bob->messages.at(1).body, QStringLiteral("second while offline"));
}

void TestClientCore::reconnectAndResumeDeliverMissedMessages()
{
    auto alice = makeController();
    QVERIFY(login(*alice, QStringLiteral("alice")));
    TimelineModel *t = alice->timeline(m_room);
    QAbstractItemModelTester tester(t, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(m_server->restart());
    QTRY_VERIFY_WITH_TIMEOUT(alice->session().state() == ClientSession::State::Online, 10000);
    bob = std::make_unique<TestUser>(m_server->url());
    QVERIFY(bob->login(QStringLiteral("bob")).ok());
    alice->session().disconnectFromServer();
    QVERIFY(bob->send(m_room, QStringLiteral("while you were away")).ok());
    QSignalSpy synced(alice.get(), &ClientController::synced);
    alice->session().reconnectNow();
    QVERIFY(synced.wait(10000));
    QCOMPARE(t->rowCount(), 1);
    QCOMPARE(t->index(0).data(TimelineModel::BodyRole).toString(), QStringLiteral("while you were away"));
    QCOMPARE(alice->conversations()->index(0).data(ConversationListModel::UnreadRole).toInt(), 1);
}

void TestClientCore::timelinePagesHistoryFromServerThenCache()
{
    for (int i = 1; i <= 120; ++i)
        QVERIFY(bob->send(m_room, QStringLiteral("m%1").arg(i)).ok());
    auto alice = makeController();
    QVERIFY(login(*alice, QStringLiteral("alice")));
    TimelineModel *t = alice->timeline(m_room);
    QAbstractItemModelTester tester(t, QAbstractItemModelTester::FailureReportingMode::QtTest);
    t->setPageSize(50);
    while (t->canFetchMore() || t->isLoading()) {
        if (!t->isLoading())
            t->fetchMore();
        QTest::qWait(5);
    }
    QCOMPARE(t->rowCount(), 120);
    for (int row = 0; row < 120; ++row)
        QCOMPARE(t->index(row).data(TimelineModel::SeqRole).toLongLong(), row + 1);
    QCOMPARE(t->rowForSeq(60), 59);
    QCOMPARE(alice->cache().messageCount(m_room), 120);
}

void TestClientCore::refusedSendIsFailedAndRetryable()
{
    auto alice = makeController();
    QVERIFY(login(*alice, QStringLiteral("alice")));
    FriendRemoveRequest unfriend;
    unfriend.userId = alice->me().id;
    QVERIFY(bob->call(unfriend).ok()); // the direct room closes
    QTRY_VERIFY(alice->conversations()->index(0).data(ConversationListModel::ClosedRole).toBool());
    const QString id = alice->sendMessage(m_room, QStringLiteral("anyone?"));
    TimelineModel *t = alice->timeline(m_room);
    const int row = t->rowForClientMsgId(id);
    QTRY_COMPARE(TimelineModel::Delivery(t->index(row).data(TimelineModel::DeliveryRole).toInt()),
                 TimelineModel::Delivery::Failed);
    QVERIFY(!t->index(row).data(TimelineModel::ErrorRole).toString().isEmpty());
    QVERIFY(alice->outbox().find(id)->failed);
    alice->discardMessage(id);
    QCOMPARE(t->rowForClientMsgId(id), -1);
    QCOMPARE(alice->cache().outbox().size(), 0);
}

void TestClientCore::directoryInvitesAndJoiningFillTheModels()
{
    auto alice = makeController();
    QVERIFY(login(*alice, QStringLiteral("alice")));
    QAbstractItemModelTester dirTester(alice->directory(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester invTester(alice->invites(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester memTester(alice->members(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    CreateRoomRequest lobby;
    lobby.name = QStringLiteral("Lobby");
    lobby.open = true;
    QVERIFY(bob->call(lobby).ok());
    CreateRoomRequest team;
    team.name = QStringLiteral("Team");
    team.invite = {alice->me().id};
    const auto created = bob->call(team);
    QVERIFY(created.ok());
    const RoomId teamId = created.value->room.id;

    QTRY_COMPARE(alice->invites()->rowCount(), 1); // the invite event
    QCOMPARE(alice->invites()->index(0).data(RoomSummaryModel::InviterRole).toString(), QStringLiteral("bob"));
    alice->refreshDirectory(QStringLiteral("lob"));
    QTRY_COMPARE(alice->directory()->rowCount(), 1);
    QCOMPARE(alice->directory()->index(0).data(Qt::DisplayRole).toString(), QStringLiteral("Lobby"));

    std::optional<std::optional<ProtocolError>> joined;
    alice->roomAction<JoinRoomRequest>(teamId, [&joined](const auto &e) { joined = e; });
    QTRY_VERIFY(joined.has_value());
    QVERIFY(!joined->has_value());
    QCOMPARE(alice->invites()->rowCount(), 0);
    QTRY_VERIFY(alice->conversations()->rowOf(teamId) >= 0);
    alice->setCurrentRoom(teamId);
    QCOMPARE(alice->members()->rowCount(), 2);
    QCOMPARE(alice->members()->roleOf(bob->id()), MemberRole::Owner);
    SetRoleRequest promote;
    promote.roomId = teamId;
    promote.userId = alice->me().id;
    promote.role = MemberRole::Admin;
    QVERIFY(bob->call(promote).ok());
    QTRY_COMPARE(alice->members()->roleOf(alice->me().id), MemberRole::Admin);
}

void TestClientCore::presenceTypingAndNotificationsReachTheUi()
{
    auto alice = makeController();
    QVERIFY(login(*alice, QStringLiteral("alice")));
    QTRY_COMPARE(alice->users().presence(bob->id()), Presence::Online);
    QSignalSpy notified(alice.get(), &ClientController::notify);
    QVERIFY(bob->send(m_room, QStringLiteral("ping @alice")).ok());
    QTRY_COMPARE(notified.count(), 1);
    QCOMPARE(notified.last().at(0).toString(), QStringLiteral("bob"));
    QCOMPARE(notified.last().at(1).toString(), QStringLiteral("ping @alice"));
    QCOMPARE(notified.last().at(2).value<RoomId>(), m_room);
    QVERIFY(notified.last().at(3).toBool()); // a mention

    TypingRequest typing;
    typing.roomId = m_room;
    QVERIFY(bob->call(typing).ok());
    QTRY_COMPARE(alice->typingIn(m_room), QList<UserId>{bob->id()});
    typing.typing = false;
    QVERIFY(bob->call(typing).ok());
    QTRY_VERIFY(alice->typingIn(m_room).isEmpty());

    bob->session.disconnectFromServer();
    QTRY_COMPARE(alice->users().presence(bob->id()), Presence::Offline);
    const int row = alice->friends()->rowOf(bob->id());
    QCOMPARE(Presence(alice->friends()->index(row).data(FriendsModel::PresenceRole).toInt()), Presence::Offline);
}

void TestClientCore::editDeleteAndReplyReachBothSidesAndTheCache()
{
    QVERIFY(bob->send(m_room, QStringLiteral("lunch at 12?")).ok());
    MessageId bobsId;
    {
        auto alice = makeController();
        QVERIFY(login(*alice, QStringLiteral("alice")));
        TimelineModel *t = alice->timeline(m_room);
        QAbstractItemModelTester tester(t, QAbstractItemModelTester::FailureReportingMode::QtTest);
        t->fetchMore();
        QTRY_COMPARE(t->rowCount(), 1);
        bobsId = MessageId(t->index(0).data(TimelineModel::MessageIdRole).toLongLong());

        const int before = bob->messages.size();
        alice->sendMessage(m_room, QStringLiteral("make it 1"), bobsId);
        QVERIFY(bob->waitMessages(before + 1));
        QCOMPARE(bob->messages.last().replyTo, bobsId);
        QCOMPARE(bob->messages.last().reply->body, QStringLiteral("lunch at 12?"));
        QTRY_COMPARE(TimelineModel::Delivery(t->index(1).data(TimelineModel::DeliveryRole).toInt()),
                     TimelineModel::Delivery::Sent);
        const MessageId mine(t->index(1).data(TimelineModel::MessageIdRole).toLongLong());

        std::optional<std::optional<ProtocolError>> edited;
        alice->editMessage(m_room, mine, QStringLiteral("make it 1:30"), [&](const auto &e) { edited = e; });
        QTRY_VERIFY(edited.has_value());
        QVERIFY(!edited->has_value());
        QCOMPARE(t->rowCount(), 2);
        QCOMPARE(t->index(1).data(TimelineModel::BodyRole).toString(), QStringLiteral("make it 1:30"));
        QVERIFY(t->index(1).data(TimelineModel::EditedRole).toBool());
        QVERIFY(bob->waitMessages(before + 2));
        QCOMPARE(bob->messages.last().kind, timeline::edited);

        // Bob deletes his message: alice's row and the quote in her reply follow.
        DeleteMessageRequest del;
        del.roomId = m_room;
        del.messageId = bobsId;
        QVERIFY(bob->call(del).ok());
        QTRY_VERIFY(t->index(0).data(TimelineModel::DeletedRole).toBool());
        QVERIFY(t->index(1).data(TimelineModel::ReplyDeletedRole).toBool());
        // Her own reply, her edit and bob's delete add nothing unread; his first message was
        // unread, and its deletion takes it off the count at once.
        QTRY_COMPARE(alice->conversations()->index(0).data(ConversationListModel::UnreadRole).toInt(), 0);

        std::optional<QList<Revision>> revisions;
        alice->fetchRevisions(m_room, mine, [&](const auto &r, const auto &) { revisions = r; });
        QTRY_VERIFY(revisions.has_value());
        QCOMPARE(revisions->size(), 1);
        QCOMPARE(revisions->first().body, QStringLiteral("make it 1"));
    }
    m_server->stop();
    auto alice = makeController(); // the cache holds the changed state
    QVERIFY(alice->openAccount(QStringLiteral("alice")));
    TimelineModel *t = alice->timeline(m_room);
    t->fetchMore();
    QTRY_COMPARE(t->rowCount(), 2);
    QVERIFY(t->index(0).data(TimelineModel::DeletedRole).toBool());
    QCOMPARE(t->index(1).data(TimelineModel::BodyRole).toString(), QStringLiteral("make it 1:30"));
    QVERIFY(t->index(1).data(TimelineModel::ReplyDeletedRole).toBool());
}

namespace {
/// Uploads `path` through the controller; the finished attachment, or nothing on failure.
std::optional<Attachment> upload(ClientController &c, RoomId room, const QString &path,
                                 std::optional<ProtocolError> *error = nullptr)
{
    QObject owner;
    AttachmentUploader *up = c.uploadAttachment(room, path, &owner);
    std::optional<Attachment> done;
    std::optional<ProtocolError> failed;
    QObject::connect(up, &AttachmentUploader::finished, [&](const Attachment &a) { done = a; });
    QObject::connect(up, &AttachmentUploader::failed, [&](const ProtocolError &e) { failed = e; });
    (void)QTest::qWaitFor([&] { return done || failed; }, 20000); // the caller checks the result
    if (error)
        *error = failed;
    return done;
}
} // namespace

void TestClientCore::attachmentIsSentReceivedAndDownloaded()
{
    QTemporaryDir files;
    QByteArray bytes;
    for (int i = 0; i < 300000; ++i)
        bytes.append(char((qint64(i) * 7919) % 251));
    const QString path = files.filePath(QStringLiteral("report.bin"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    const QString sha = QString::fromLatin1(
        QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    auto alice = makeController();
    QVERIFY(login(*alice, QStringLiteral("alice")));
    auto bobClient = makeController();
    QVERIFY(login(*bobClient, QStringLiteral("bob")));
    TimelineModel *bobs = bobClient->timeline(m_room);
    QAbstractItemModelTester tester(bobs, QAbstractItemModelTester::FailureReportingMode::QtTest);

    const auto uploaded = upload(*alice, m_room, path);
    QVERIFY(uploaded.has_value());
    QCOMPARE(uploaded->size, qint64(bytes.size()));
    QCOMPARE(uploaded->sha256, sha);

    // Files alone make a message; the outbox sends it with their ids.
    const QString id = alice->sendMessage(m_room, QString(), MessageId(), {uploaded->id});
    QVERIFY(!id.isEmpty());
    TimelineModel *mine = alice->timeline(m_room);
    const int row = mine->rowForClientMsgId(id);
    QCOMPARE(mine->index(row).data(TimelineModel::PendingAttachmentsRole).toInt(), 1);
    QTRY_COMPARE(TimelineModel::Delivery(mine->index(row).data(TimelineModel::DeliveryRole).toInt()),
                 TimelineModel::Delivery::Sent);

    QTRY_VERIFY(bobs->rowCount() > 0);
    const QModelIndex received = bobs->index(bobs->rowCount() - 1);
    const auto got = received.data(TimelineModel::AttachmentsRole).value<QList<Attachment>>();
    QCOMPARE(got.size(), 1);
    QCOMPARE(got.first().name, QStringLiteral("report.bin"));
    QCOMPARE(got.first().size, qint64(bytes.size()));
    QCOMPARE(got.first().sha256, sha);
    QCOMPARE(got.first().mimeType, QStringLiteral("application/octet-stream"));
    QVERIFY(!got.first().thumbnail);
    QCOMPARE(bobClient->cachedThumbnail(got.first()), QString()); // not an image

    QObject owner;
    const QString target = files.filePath(QStringLiteral("copy.bin"));
    AttachmentDownloader *down = bobClient->downloadAttachment(got.first(), target, &owner);
    QSignalSpy finished(down, &AttachmentDownloader::finished);
    QSignalSpy failed(down, &AttachmentDownloader::failed);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() > 0, 20000);
    QCOMPARE(failed.count(), 0);
    QFile copy(target);
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), bytes);

    // Deleting the message removes its files from both timelines.
    std::optional<std::optional<ProtocolError>> deleted;
    alice->deleteMessage(m_room, MessageId(mine->index(row).data(TimelineModel::MessageIdRole).toLongLong()),
                         [&](const auto &e) { deleted = e; });
    QTRY_VERIFY(deleted.has_value());
    QVERIFY(!deleted->has_value());
    QTRY_VERIFY(bobs->index(received.row()).data(TimelineModel::DeletedRole).toBool());
    QVERIFY(bobs->index(received.row()).data(TimelineModel::AttachmentsRole).value<QList<Attachment>>().isEmpty());

    // The outbox keeps attachment ids across a restart.
    m_server->stop();
    alice.reset();
    alice = makeController();
    QVERIFY(alice->openAccount(QStringLiteral("alice")));
    alice->sendMessage(m_room, QStringLiteral("later"), MessageId(), {AttachmentId(77), AttachmentId(78)});
    alice.reset();
    alice = makeController();
    QVERIFY(alice->openAccount(QStringLiteral("alice")));
    QCOMPARE(alice->outbox().size(), 1);
    QCOMPARE(alice->outbox().entries().first().attachmentIds,
             QList<AttachmentId>({AttachmentId(77), AttachmentId(78)}));
}

void TestClientCore::attachmentOverTheServerLimitFailsClearly()
{
    QTemporaryDir files;
    const QString path = files.filePath(QStringLiteral("huge.iso"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(limits::defaultMaxAttachmentBytes + 1));
    }
    auto alice = makeController();
    QVERIFY(login(*alice, QStringLiteral("alice")));
    std::optional<ProtocolError> error;
    QVERIFY(!upload(*alice, m_room, path, &error).has_value());
    QVERIFY(error.has_value());
    QCOMPARE(error->code, ErrorCode::TooLarge);
    QVERIFY(!error->message.isEmpty());
}

int TestClientCore::rowFlag(ClientController &c, RoomId room, int role)
{
    const int row = c.conversations()->rowOf(room);
    return row < 0 ? -1 : c.conversations()->index(row).data(role).toInt();
}

void TestClientCore::mutedRoomsAlertOnlyForMentions()
{
    auto alice = makeController();
    QAbstractItemModelTester tester(alice->conversations(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(login(*alice, QStringLiteral("alice")));
    // A group with bob, which alice mutes too.
    RoomId group;
    CreateRoomRequest create{QStringLiteral("Team"), QString(), false, HistoryVisibility::Shared, {bob->id()}};
    alice->createGroup(create, [&group](RoomId r) { group = r; });
    QTRY_VERIFY(group.isValid());
    JoinRoomRequest join;
    join.roomId = group;
    QVERIFY(bob->call(join).ok());
    QTRY_VERIFY(alice->conversations()->rowOf(group) >= 0);

    std::optional<std::optional<ProtocolError>> done;
    alice->setRoomMuted(m_room, true, [&done](const auto &e) { done = e; });
    QTRY_VERIFY(done.has_value());
    QVERIFY(!done->has_value());
    QCOMPARE(rowFlag(*alice, m_room, ConversationListModel::MutedRole), 1);
    done.reset();
    alice->setRoomMuted(group, true, [&done](const auto &e) { done = e; });
    QTRY_VERIFY(done.has_value());
    QCOMPARE(rowFlag(*alice, group, ConversationListModel::MutedRole), 1);

    QSignalSpy alerts(alice.get(), &ClientController::notify);
    QSignalSpy received(&alice->session().connection(), &Connection::notificationReceived);
    QVERIFY(bob->send(m_room, QStringLiteral("muted direct message")).ok());
    QVERIFY(bob->send(group, QStringLiteral("plain group message")).ok());
    QVERIFY(bob->send(group, QStringLiteral("look, @alice")).ok());
    // Notifications reach one connection in order: when the mention's alert is there, the two
    // earlier notifications have been decided (and dropped).
    QTRY_COMPARE(alerts.count(), 1);
    QCOMPARE(received.count(), 3);
    QCOMPARE(alerts.first().at(2).value<RoomId>(), group);
    QCOMPARE(alerts.first().at(3).toBool(), true);
    QVERIFY(alerts.first().at(1).toString().contains(QStringLiteral("@alice")));
    // Unread in the rows, but the total counts only the mention.
    QTRY_COMPARE(rowFlag(*alice, m_room, ConversationListModel::UnreadRole), 1);
    QCOMPARE(rowFlag(*alice, group, ConversationListModel::UnreadRole), 2);
    QCOMPARE(alice->conversations()->totalUnread(), 1);

    // Unmuted, the direct room alerts again.
    done.reset();
    alice->setRoomMuted(m_room, false, [&done](const auto &e) { done = e; });
    QTRY_VERIFY(done.has_value());
    QVERIFY(bob->send(m_room, QStringLiteral("heard")).ok());
    QTRY_COMPARE(alerts.count(), 2);
    QCOMPARE(alerts.last().at(2).value<RoomId>(), m_room);
    QCOMPARE(alice->conversations()->totalUnread(), 2 + 1);

    // A failure is reported, not swallowed: a room alice is not in.
    done.reset();
    alice->setRoomMuted(RoomId(987654), true, [&done](const auto &e) { done = e; });
    QTRY_VERIFY(done.has_value());
    QVERIFY(done->has_value());
    QCOMPARE((*done)->code, ErrorCode::Forbidden);
}

void TestClientCore::muteFromAnotherDeviceReachesTheListAndTheCache()
{
    {
        auto alice = makeController();
        QVERIFY(login(*alice, QStringLiteral("alice")));
        QCOMPARE(rowFlag(*alice, m_room, ConversationListModel::MutedRole), 0);
        TestUser phone(m_server->url());
        QVERIFY(phone.login(QStringLiteral("alice")).ok());
        QVERIFY(phone.call(SetMutedRequest{m_room, true}).ok());
        QTRY_COMPARE(rowFlag(*alice, m_room, ConversationListModel::MutedRole), 1);
        QTest::qWait(0);
    } // the controller flushes its cache when destroyed

    // Warm start: the cache alone says the room is muted, before any server answer.
    m_server->stop();
    auto again = makeController();
    QVERIFY(again->openAccount(QStringLiteral("alice")));
    QCOMPARE(rowFlag(*again, m_room, ConversationListModel::MutedRole), 1);
}

QTEST_GUILESS_MAIN(TestClientCore)
#include "tst_clientcore.moc"
