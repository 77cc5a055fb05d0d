#include "core/clientcontroller.h"

#include "core/mentions.h"
#include "core/messagechanges.h"
#include "core/notificationpolicy.h"

#include "protocol/limits.h"

#include <QStandardPaths>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>

namespace natter::client {

namespace {
Q_LOGGING_CATEGORY(lcController, "natter.client.controller")
constexpr int cacheFlushDelayMs = 100;
constexpr int typingExpiryMs = 8000;
constexpr int maxPresenceQuery = 1000;
const QString keyCursorsKnown = QStringLiteral("cursorsKnown");
const QString keyUserId = QStringLiteral("userId");
const QString keyUsername = QStringLiteral("username");
} // namespace

ClientController::ClientController(QObject *parent)
    : QObject(parent),
      m_trusted(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                + QStringLiteral("/trusted-servers.ini")),
      m_conversations(m_users),
      m_friends(m_users),
      m_members(m_users),
      m_search(m_users)
{
    m_session.connection().setTrustedServers(&m_trusted);
    m_search.setSearcher([this](const SearchRequest &request, auto done) {
        m_session.connection().send(request, this, [done](const Reply<SearchReply> &r) {
            done(r.ok() ? std::optional(*r.value) : std::nullopt, r.ok() ? QString() : r.error.message);
        });
    });
    m_search.setRoomTitles([this](RoomId room) {
        const auto r = m_conversations.room(room);
        return r ? m_conversations.title(*r) : QString();
    });
    m_outbox = std::make_unique<Outbox>(m_session, m_cache);
    m_uploads = std::make_unique<PendingUploads>(m_session, m_cache, *m_outbox);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(cacheFlushDelayMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &ClientController::flushCache);
    wireSession();
    wireOutbox();
}

ClientController::~ClientController()
{
    flushCache();
    m_session.connection().disconnect(this);
    m_session.disconnect(this);
}

void ClientController::fetchMutedFlag(RoomId room)
{
    m_session.connection().send(RoomListRequest{}, this, [this, room](const Reply<RoomListReply> &reply) {
        if (!reply.ok())
            return; // the next rooms.list (on reconnect) brings it
        for (const Room &r : reply.value->rooms) {
            if (r.id == room && r.muted && m_conversations.room(room)) {
                m_conversations.setMuted(room, true);
                m_roomsDirty = true;
                scheduleFlush();
            }
        }
    });
}

void ClientController::wireSession()
{
    Connection &c = m_session.connection();
    connect(&m_session, &ClientSession::stateChanged, this, &ClientController::stateChanged);
    connect(&m_session, &ClientSession::synced, this, &ClientController::onSynced);
    connect(&m_session, &ClientSession::messageReceived, this, &ClientController::onMessage);
    connect(&m_session, &ClientSession::friendChanged, &m_friends, &FriendsModel::apply);
    connect(&m_session, &ClientSession::roomChanged, this, [this](const Room &room) {
        const bool added = !m_conversations.room(room.id).has_value();
        m_conversations.upsertRoom(room);
        if (added)
            fetchMutedFlag(room.id); // room events never carry it; a re-joined room keeps its own
        if (room.id == m_currentRoom)
            m_members.setRoom(room);
        m_roomsDirty = true;
        scheduleFlush();
    });
    connect(&m_session, &ClientSession::roomRemoved, this,
            [this](RoomId room, const QString &reason) {
                m_conversations.removeRoom(room);
                m_roomsDirty = true;
                scheduleFlush();
                if (room == m_currentRoom)
                    m_members.clear();
                emit roomRemoved(room, reason);
            });
    connect(&m_session, &ClientSession::sessionInvalid, this,
            [this](const ProtocolError &e) { emit sessionInvalid(e.message); });
    connect(&c, &Connection::invited, &m_invites, &RoomSummaryModel::addInvite);
    connect(&c, &Connection::presenceChanged, this, [this](const PresenceEntry &p) {
        m_users.setPresence(p.userId, p.status);
    });
    connect(&c, &Connection::typingChanged, this, &ClientController::onTyping);
    connect(&c, &Connection::readMarkerMoved, this, [this](const ReadMarkerReply &m) {
        m_conversations.setReadSeq(m.roomId, m.readSeq);
        m_roomsDirty = true;
        scheduleFlush();
    });
    connect(&c, &Connection::mutedChanged, this, [this](const MutedReply &m) {
        m_conversations.setMuted(m.roomId, m.muted);
        m_roomsDirty = true;
        scheduleFlush();
    });
    connect(&c, &Connection::notificationReceived, this, &ClientController::onNotification);
}

void ClientController::wireOutbox()
{
    connect(m_outbox.get(), &Outbox::added, this, [this](const OutboxEntry &e) {
        timeline(e.roomId)->addPending(e);
    });
    connect(m_outbox.get(), &Outbox::changed, this, [this](const OutboxEntry &e) {
        timeline(e.roomId)->updatePending(e);
    });
    connect(m_outbox.get(), &Outbox::confirmed, this,
            [this](const QString &id, const Message &m) {
                TimelineModel *t = timeline(m.roomId);
                t->addMessages({m});
                t->removePending(id);
            });
    connect(m_outbox.get(), &Outbox::discarded, this, [this](const QString &id, RoomId room) {
        timeline(room)->removePending(id);
    });
    connect(m_uploads.get(), &PendingUploads::progress, this,
            [this](const QString &id, qint64 stored, qint64 total) {
                if (const auto entry = m_outbox->find(id))
                    timeline(entry->roomId)->setUploadProgress(id, stored, total);
            });
}

// ---- account ------------------------------------------------------------------------------

bool ClientController::openAccount(const QString &username, QString *error)
{
    const QString account = username.toLower();
    if (m_cache.isOpen() && account == m_account)
        return true;
    closeAccount();
    QString path = LocalCache::defaultPath(m_session.serverUrl().authority(), account);
    if (!m_cacheRoot.isEmpty())
        path = m_cacheRoot + QLatin1Char('/') + QFileInfo(path).dir().dirName()
            + QLatin1Char('/') + QFileInfo(path).fileName();
    if (!m_cache.open(path, error))
        return false;
    m_account = account;
    m_cachePath = path;
    const UserId me(m_cache.setting(keyUserId).toLongLong());
    m_conversations.setOwnUser(me);
    if (me.isValid())
        m_users.addUser({me, m_cache.setting(keyUsername)});
    m_conversations.setRooms(m_cache.rooms());
    if (m_cache.setting(keyCursorsKnown) == QLatin1String("1"))
        m_session.setCursors(m_cache.cursors());
    m_outbox->load();
    m_uploads->load();
    qCInfo(lcController) << "opened cache with" << m_conversations.rowCount() << "rooms and"
                         << m_outbox->size() << "unsent messages";
    return true;
}

void ClientController::closeAccount()
{
    flushCache();
    m_cache.close();
    m_account.clear();
    m_cachePath.clear();
    m_timelines.clear();
    m_currentRoom = RoomId();
    m_conversations.setRooms({});
    m_friends.setFriends({});
    m_members.clear();
    m_directory.setRooms({});
    m_invites.setInvites({});
    m_search.setQuery(QString());
    m_outbox->load(); // the closed cache yields nothing
    m_uploads->load();
}

template <class Start>
void ClientController::authenticate(const QString &username, Start start,
                                    ReplyCallback<SessionReply> callback)
{
    QString error;
    if (!openAccount(username, &error))
        qCWarning(lcController) << "cache unavailable, continuing without:" << error;
    start([this, callback](const Reply<SessionReply> &reply) {
        if (reply.ok()) {
            const User me = reply.value->user;
            m_users.addUser(me);
            m_conversations.setOwnUser(me.id);
            m_cache.setSetting(keyUserId, QString::number(me.id.value));
            m_cache.setSetting(keyUsername, me.username);
            for (auto &[id, t] : m_timelines)
                t->setOwnUser(me);
        }
        if (callback)
            callback(reply);
    });
}

void ClientController::login(const QString &username, const QString &password,
                             ReplyCallback<SessionReply> callback)
{
    authenticate(username, [&](auto cb) { m_session.login(username, password, cb); },
                 std::move(callback));
}

void ClientController::signup(const QString &username, const QString &password,
                              ReplyCallback<SessionReply> callback)
{
    authenticate(username, [&](auto cb) { m_session.signup(username, password, cb); },
                 std::move(callback));
}

void ClientController::resume(const QString &username, const QString &token,
                              ReplyCallback<SessionReply> callback)
{
    authenticate(username, [&](auto cb) { m_session.resume(token, cb); }, std::move(callback));
}

void ClientController::logout(Done done)
{
    if (m_session.connection().state() != Connection::State::Ready) {
        m_session.disconnectFromServer();
        closeAccount();
        if (done)
            done(std::nullopt);
        return;
    }
    m_session.logout([this, done](const Reply<EmptyReply> &reply) {
        if (!reply.ok())
            m_session.disconnectFromServer();
        closeAccount();
        if (done)
            done(std::nullopt);
    });
}

// ---- sync and live events -----------------------------------------------------------------

void ClientController::onSynced()
{
    m_conversations.setOwnUser(me().id);
    m_conversations.setRooms(m_session.rooms());
    if (m_currentRoom.isValid()) {
        if (auto room = m_conversations.room(m_currentRoom))
            m_members.setRoom(*room);
        if (m_active) {
            markRead(m_currentRoom);
            m_session.connection().send(ViewRoomRequest{m_currentRoom}, this, {});
        }
    }
    m_cache.setSetting(keyCursorsKnown, QStringLiteral("1"));
    m_roomsDirty = true;
    flushCache();
    m_session.connection().send(FriendListRequest{}, this,
                                [this](const Reply<FriendListReply> &r) {
                                    if (r.ok()) {
                                        m_friends.setFriends(r.value->friends);
                                        queryPresence();
                                    }
                                });
    refreshInvites();
    queryPresence();
    emit synced();
}

void ClientController::queryPresence()
{
    PresenceQueryRequest request;
    for (const UserId &u : m_users.knownUsers())
        if (u != me().id && request.userIds.size() < maxPresenceQuery)
            request.userIds.append(u);
    if (request.userIds.isEmpty())
        return;
    m_session.connection().send(request, this, [this](const Reply<PresenceListReply> &r) {
        if (r.ok())
            for (const PresenceEntry &p : r.value->presence)
                m_users.setPresence(p.userId, p.status);
    });
}

void ClientController::onMessage(const Message &message)
{
    m_unsaved.append(message);
    const bool live = m_session.state() == ClientSession::State::Online;
    if (isMessageChange(message)) {
        flushCache(); // the target may still be waiting to be written
        if (live && message.kind == timeline::deleted)
            uncountDeleted(message); // before the change blanks the target's text
        m_cache.applyChange(message);
    }
    scheduleFlush();
    const auto it = m_timelines.find(message.roomId.value);
    if (it != m_timelines.end())
        it->second->addMessages({message});
    const bool onScreen = message.roomId == m_currentRoom && m_active;
    const bool mention = message.kind == timeline::message && message.senderId != me().id
        && mentions(message.body, me().username);
    m_conversations.addMessage(message, live && !onScreen, mention);
    m_roomsDirty = true;
    if (live && onScreen)
        markRead(message.roomId);
}

void ClientController::uncountDeleted(const Message &entry)
{
    // The server no longer counts a deleted message as unread (docs/protocol.md §4.3); the list
    // follows at once. Entries served during a sync are already reflected in rooms.list.
    if (const auto target = m_cache.message(entry.roomId, entry.targetId)) {
        if (target->kind == timeline::message && !target->deleted && target->senderId != me().id)
            m_conversations.removeUnread(entry.roomId, target->seq,
                                         mentions(target->body, me().username));
        return;
    }
    const auto room = m_conversations.room(entry.roomId);
    if (!room || room->unreadCount == 0)
        return;
    // Not in the cache (sent before this device's first sync): ask for the counts.
    m_session.connection().send(RoomListRequest{}, this, [this](const Reply<RoomListReply> &r) {
        if (r.ok())
            for (const Room &fresh : r.value->rooms)
                m_conversations.setCounts(fresh);
    });
}

void ClientController::onNotification(const NotificationEvent &e)
{
    const QString who = m_users.name(e.userId);
    const auto room = m_conversations.room(e.roomId);
    const QString roomTitle = room ? m_conversations.title(*room) : e.preview;
    if (!shouldAlert(e, {room && room->muted, m_presence == Presence::DoNotDisturb}))
        return;
    if (e.kind == QLatin1String("message"))
        emit notify(roomTitle, room && room->kind == RoomKind::Group
                                   ? tr("%1: %2").arg(who, e.preview) : e.preview,
                    e.roomId, e.mention);
    else if (e.kind == QLatin1String("friend_request"))
        emit notify(tr("Friend request"), tr("%1 wants to be your friend").arg(e.preview),
                    RoomId(), false);
    else if (e.kind == QLatin1String("friend_accepted"))
        emit notify(tr("New friend"), tr("%1 accepted your friend request").arg(e.preview),
                    e.roomId, false);
    else if (e.kind == QLatin1String("invited"))
        emit notify(tr("Invitation"), tr("%1 invited you to %2").arg(who, e.preview), RoomId(),
                    false);
    else if (e.kind == QLatin1String("removed"))
        emit notify(tr("Removed"), tr("%1 removed you from a group").arg(who), RoomId(), false);
    else if (e.kind == QLatin1String("room_deleted"))
        emit notify(tr("Group deleted"), tr("%1 deleted a group you were in").arg(who), RoomId(),
                    false);
}

void ClientController::onTyping(const TypingEvent &e)
{
    QList<UserId> &users = m_typing[e.roomId];
    users.removeAll(e.userId);
    if (e.typing) {
        users.append(e.userId);
        // Forget a typist whose "stopped" never comes (e.g. their connection dropped).
        QTimer::singleShot(typingExpiryMs, this, [this, e] {
            if (m_typing[e.roomId].removeAll(e.userId) > 0)
                emit typingChanged(e.roomId);
        });
    }
    emit typingChanged(e.roomId);
}

// ---- timelines ----------------------------------------------------------------------------

TimelineModel *ClientController::timeline(RoomId room)
{
    auto it = m_timelines.find(room.value);
    if (it != m_timelines.end())
        return it->second.get();
    auto model = std::make_unique<TimelineModel>(room, m_users);
    User own = me();
    if (!own.id.isValid())
        own = {UserId(m_cache.setting(keyUserId).toLongLong()), m_cache.setting(keyUsername)};
    model->setOwnUser(own);
    model->setLoader([this, room](Seq beforeSeq, int limit, auto done) {
        loadOlder(room, beforeSeq, limit, std::move(done));
    });
    for (const OutboxEntry &e : m_outbox->entries(room))
        model->addPending(e);
    TimelineModel *raw = model.get();
    m_timelines.emplace(room.value, std::move(model));
    return raw;
}

void ClientController::loadOlder(RoomId room, Seq beforeSeq, int limit,
                                 std::function<void(const QList<Message> &, bool, bool)> done)
{
    // The cache serves a page when it holds a gapless run right below beforeSeq (or, for the
    // newest page, ending at the sync cursor); anything else comes from messages.history.
    Seq expected = beforeSeq > 0 ? beforeSeq - 1 : m_session.cursors().value(room, 0);
    if (beforeSeq == 0 && expected == 0)
        expected = m_cache.setting(keyCursorsKnown) == QLatin1String("1")
            ? m_cache.cursors().value(room, 0) : 0;
    flushCache();
    const QList<Message> cached = m_cache.messagesBefore(room, beforeSeq, limit);
    QList<Message> run;
    for (auto it = cached.rbegin(); it != cached.rend() && expected > 0 && it->seq == expected;
         ++it, --expected)
        run.prepend(*it);
    if (!run.isEmpty()) {
        // Delivered from the event loop like a server page, never inside the caller.
        const bool more = run.first().seq > 1;
        QTimer::singleShot(0, this, [done, run, more] { done(run, more, true); });
        return;
    }
    HistoryRequest request;
    request.roomId = room;
    request.beforeSeq = beforeSeq;
    request.limit = qBound(1, limit, limits::maxHistoryLimit);
    m_session.connection().send(request, this,
                                [this, done](const Reply<MessagePageReply> &reply) {
                                    if (!reply.ok()) {
                                        done({}, true, false);
                                        return;
                                    }
                                    m_cache.saveMessages(reply.value->messages);
                                    done(reply.value->messages, reply.value->more, true);
                                });
}

void ClientController::scheduleFlush()
{
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void ClientController::flushCache()
{
    m_flushTimer.stop();
    if (!m_cache.isOpen())
        return;
    // Entries first, then the cursors that cover them: a crash in between only re-syncs.
    if (!m_unsaved.isEmpty())
        m_cache.saveMessages(std::exchange(m_unsaved, {}));
    if (m_session.state() == ClientSession::State::Online
        || m_session.state() == ClientSession::State::Syncing)
        m_cache.saveCursors(m_session.cursors());
    if (m_roomsDirty) {
        m_roomsDirty = false;
        m_cache.saveRooms(m_conversations.rooms());
    }
}

} // namespace natter::client
