#pragma once
// The client facade the UI talks to: one account's session, local cache, outbox, user
// directory and models, wired together. No Widgets; the UI observes the models and signals
// and calls the methods below. Owns everything it hands out; no singletons.

#include "core/attachmenttransfer.h"
#include "core/clientsession.h"
#include "protocol/lifecyclerequests.h"
#include "core/localcache.h"
#include "core/models/conversationlistmodel.h"
#include "core/models/friendsmodel.h"
#include "core/models/membersmodel.h"
#include "core/models/roomsummarymodel.h"
#include "core/models/searchmodel.h"
#include "core/models/timelinemodel.h"
#include "core/outbox.h"
#include "core/pendinguploads.h"
#include "core/userdirectory.h"

#include <QObject>
#include <QTimer>
#include <map>
#include <memory>

namespace natter::client {

class ClientController : public QObject
{
    Q_OBJECT
public:
    /// Result of an action the user started: empty on success, else a message for the user.
    using Done = std::function<void(const std::optional<ProtocolError> &error)>;

    explicit ClientController(QObject *parent = nullptr);
    ~ClientController() override;

    /// Base folder for per-account caches (default: LocalCache::defaultPath's folder).
    void setCacheRoot(const QString &folder) { m_cacheRoot = folder; }
    void setServerUrl(const QUrl &url) { m_session.setServerUrl(url); }
    QUrl serverUrl() const { return m_session.serverUrl(); }

    /// Opens `username`'s cache and shows what it holds (rooms, cursors, outbox) before the
    /// server answers: the warm start. login()/signup()/resume() call it themselves.
    bool openAccount(const QString &username, QString *error = nullptr);
    QString cachePath() const { return m_cachePath; }

    void login(const QString &username, const QString &password,
               ReplyCallback<SessionReply> callback);
    void signup(const QString &username, const QString &password,
                ReplyCallback<SessionReply> callback);
    /// Resumes a remembered session (token from the keychain).
    void resume(const QString &username, const QString &token,
                ReplyCallback<SessionReply> callback);
    /// Ends the session on the server (when reachable), closes the cache and clears the models.
    void logout(Done done = {});

    ClientSession &session() { return m_session; }
    /// Pinned server certificates (trust on first use), in the application data folder; the
    /// session's connection checks self-signed certificates against it.
    TrustedServers &trustedServers() { return m_trusted; }
    LocalCache &cache() { return m_cache; }
    Outbox &outbox() { return *m_outbox; }
    /// Files of outbox messages still uploading (they survive a restart).
    PendingUploads &pendingUploads() { return *m_uploads; }
    UserDirectory &users() { return m_users; }
    User me() const { return m_session.user(); }

    ConversationListModel *conversations() { return &m_conversations; }
    FriendsModel *friends() { return &m_friends; }
    MembersModel *members() { return &m_members; }
    RoomSummaryModel *directory() { return &m_directory; }
    RoomSummaryModel *invites() { return &m_invites; }
    /// Message search results (search.messages); set the query on the model.
    SearchModel *search() { return &m_search; }
    /// The timeline of `room`, created on first use and kept while the account is open.
    TimelineModel *timeline(RoomId room);

    /// The room on screen (invalid: none): tells the server (no notifications for it),
    /// fills the members model, and marks the room read.
    void setCurrentRoom(RoomId room);
    RoomId currentRoom() const { return m_currentRoom; }
    /// Whether the user is looking at the window (unread counting and read markers).
    void setActive(bool active);
    void markRead(RoomId room);

    /// Writes a message into the outbox (quoting `replyTo` if valid); it shows as pending at once.
    /// `attachmentIds` are finished uploads (uploadAttachment()); text may then be empty.
    QString sendMessage(RoomId room, const QString &body, MessageId replyTo = MessageId(),
                        const QList<AttachmentId> &attachmentIds = {});

    /// Writes a message with the files at `paths` into the outbox at once, even offline; the
    /// files upload in the background (continuing after a restart) and the message is sent
    /// when they are done, in order with the outbox. A file gone by then fails the message.
    /// Returns the clientMsgId, or an empty string with `error` when a file cannot be read.
    QString sendMessageWithFiles(RoomId room, const QString &body, const QStringList &paths,
                                 MessageId replyTo = MessageId(), QString *error = nullptr)
    {
        return m_uploads->send(room, body, paths, replyTo, error);
    }

    // Attachments (docs/protocol.md §15)
    /// Starts uploading the file at `path` into `room` at once. The caller owns the uploader
    /// (parented to `owner`); its finished() gives the id to pass to sendMessage(). Failures
    /// (e.g. TooLarge: over the server's limit) arrive as failed(); resume() after a reconnect.
    AttachmentUploader *uploadAttachment(RoomId room, const QString &path, QObject *owner);
    /// Downloads `attachment` to `path`, checked against its SHA-256 (owned by `owner`).
    AttachmentDownloader *downloadAttachment(const Attachment &attachment, const QString &path,
                                             QObject *owner);
    /// The image thumbnail of `attachment`, from the account's disk cache (keyed by sha256) or
    /// fetched once; `done` gets its file path, or an empty string if there is none.
    void fetchThumbnail(const Attachment &attachment, std::function<void(const QString &path)> done);
    /// The cached thumbnail file of `attachment` if it exists, else an empty string.
    QString cachedThumbnail(const Attachment &attachment) const;
    /// Edits one's own message / deletes a message (docs/protocol.md §5.13). Online only: the
    /// change shows when the server's edited/deleted entry arrives.
    void editMessage(RoomId room, MessageId message, const QString &body, Done done = {});
    void deleteMessage(RoomId room, MessageId message, Done done = {});
    /// The earlier texts of an edited message, oldest first.
    void fetchRevisions(RoomId room, MessageId message,
                        std::function<void(const QList<Revision> &, const std::optional<ProtocolError> &)> done);
    void retryMessage(const QString &clientMsgId) { m_outbox->retry(clientMsgId); }
    void discardMessage(const QString &clientMsgId) { m_outbox->discard(clientMsgId); }
    void setTyping(RoomId room, bool typing);
    /// Sets this connection's status; "do not disturb" also silences every alert (notify()).
    void setPresence(Presence presence);
    /// Mutes or unmutes `room` on all the user's devices (rooms.setMuted, docs/protocol.md §7.9).
    /// Online only: the conversation list shows the change once the server committed it.
    void setRoomMuted(RoomId room, bool muted, Done done = {});

    // Friends (docs/protocol.md §5.8)
    void searchUsers(const QString &query, std::function<void(const QList<User> &)> done);
    template <class Req> void friendAction(UserId user, Done done = {});

    // Groups (docs/protocol.md §6)
    void createGroup(const CreateRoomRequest &request, std::function<void(RoomId)> created,
                     Done failed = {});
    void updateGroup(const UpdateRoomRequest &request, Done done = {});
    template <class Req> void roomAction(RoomId room, Done done = {});
    template <class Req> void memberAction(RoomId room, UserId user, Done done = {});
    void setRole(RoomId room, UserId user, MemberRole role, Done done = {});
    void refreshDirectory(const QString &query = QString());
    void refreshInvites();

    /// Users typing in `room` right now (not the user themself).
    QList<UserId> typingIn(RoomId room) const { return m_typing.value(room); }

signals:
    void stateChanged(natter::client::ClientSession::State state);
    void synced();
    /// Something to alert the user about (tray message): a title, a text, and the room to open.
    /// Muted rooms' messages alert only when they mention the user; nothing alerts in
    /// do-not-disturb (shouldAlert()).
    void notify(const QString &title, const QString &text, natter::RoomId room, bool mention);
    void typingChanged(natter::RoomId room);
    /// An action failed in the background (e.g. a refresh); for the status bar.
    void problem(const QString &message);
    void sessionInvalid(const QString &message);
    void roomRemoved(natter::RoomId room, const QString &reason);

private:
    template <class Req> void authenticate(const QString &username, Req start,
                                           ReplyCallback<SessionReply> callback);
    void wireSession();
    /// Asks rooms.list for the muted flag of a room that arrived by a room event (re-joined).
    void fetchMutedFlag(RoomId room);
    void wireOutbox();
    void onSynced();
    void onMessage(const Message &message);
    /// A `deleted` entry arrived live: the target stops counting as unread (and as a mention).
    void uncountDeleted(const Message &entry);
    void onNotification(const NotificationEvent &event);
    void onTyping(const TypingEvent &event);
    void loadOlder(RoomId room, Seq beforeSeq, int limit,
                   std::function<void(const QList<Message> &, bool, bool)> done);
    void scheduleFlush();
    void flushCache();
    void queryPresence();
    void closeAccount();
    template <class Req> void run(const Req &request, Done done);

    TrustedServers m_trusted;
    ClientSession m_session;
    LocalCache m_cache;
    UserDirectory m_users;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<PendingUploads> m_uploads;
    ConversationListModel m_conversations;
    FriendsModel m_friends;
    MembersModel m_members;
    RoomSummaryModel m_directory;
    RoomSummaryModel m_invites;
    SearchModel m_search;
    std::map<qint64, std::unique_ptr<TimelineModel>> m_timelines;
    QHash<RoomId, QList<UserId>> m_typing;

    QString m_cacheRoot;
    QString m_cachePath;
    QString m_account;
    RoomId m_currentRoom;
    bool m_active = true;
    Presence m_presence = Presence::Online;
    QList<Message> m_unsaved; ///< received, not yet written to the cache
    bool m_roomsDirty = false;
    QTimer m_flushTimer;
    quint64 m_directoryGeneration = 0;
    /// Thumbnails being fetched, by sha256, with who waits for them.
    QHash<QString, QList<std::function<void(const QString &)>>> m_thumbnailWaiters;
};

// ---- templates ----------------------------------------------------------------------------

template <class Req> void ClientController::run(const Req &request, Done done)
{
    m_session.connection().send(request, this,
                                [done](const Reply<typename Req::Reply> &reply) {
                                    if (done)
                                        done(reply.ok() ? std::nullopt
                                                        : std::optional(reply.error));
                                });
}

template <class Req> void ClientController::friendAction(UserId user, Done done)
{
    Req request;
    request.userId = user;
    m_session.connection().send(request, this, [this, done](const Reply<FriendReply> &reply) {
        if (reply.ok())
            m_friends.apply(reply.value->relation);
        if (done)
            done(reply.ok() ? std::nullopt : std::optional(reply.error));
    });
}

template <class Req> void ClientController::roomAction(RoomId room, Done done)
{
    Req request;
    request.roomId = room;
    m_session.connection().send(request, this,
                                [this, room, done](const Reply<typename Req::Reply> &reply) {
                                    if (reply.ok())
                                        m_invites.remove(room);
                                    if (done)
                                        done(reply.ok() ? std::nullopt
                                                        : std::optional(reply.error));
                                });
}

template <class Req> void ClientController::memberAction(RoomId room, UserId user, Done done)
{
    Req request;
    request.roomId = room;
    request.userId = user;
    run(request, std::move(done));
}

} // namespace natter::client
