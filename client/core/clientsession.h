#pragma once
// The high-level client: logs in, keeps the session alive across connection drops, and delivers
// every room message exactly once, whatever the order in which it learns about them.

#include "core/backoff.h"
#include "core/connection.h"
#include "core/roomcursors.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <optional>

namespace natter::client {

/// Owns a Connection and drives it:
/// - signup()/login()/resume() connect if needed, authenticate, then sync: `rooms.list`, then
///   `messages.sync` pages from the per-room cursors until `more` is false; then Online and
///   synced().
/// - When the connection drops while a session is established, it reconnects with backoff,
///   resumes with the stored token and syncs again, delivering what was missed.
/// - Messages from live events, sync pages and sendMessage() replies all pass through one
///   RoomCursors, so messageReceived() fires exactly once per (room, seq).
/// On the first login of a session object with no cursors known (see setCursors()), rooms start
/// at their current lastSeq: the backlog is not replayed. Rooms first seen later start at 0.
class ClientSession : public QObject
{
    Q_OBJECT
public:
    /// Offline -> Connecting -> Authenticating -> Syncing -> Online for a user-initiated login.
    /// After an unexpected drop: Reconnecting (waiting, connecting and resuming) -> Syncing ->
    /// Online.
    enum class State { Offline, Connecting, Authenticating, Syncing, Online, Reconnecting };
    Q_ENUM(State)

    explicit ClientSession(QObject *parent = nullptr);
    ~ClientSession() override;

    Connection &connection() { return *m_connection; }
    State state() const { return m_state; }

    void setServerUrl(const QUrl &url) { m_url = url; }
    QUrl serverUrl() const { return m_url; }
    /// Backoff range for automatic reconnects (defaults 500 ms and 30 s).
    void setReconnectDelays(int minMs, int maxMs) { m_backoff.setRange(minMs, maxMs); }
    /// Whether a dropped session is re-established automatically (default true).
    void setAutoReconnect(bool on);
    bool autoReconnect() const { return m_autoReconnect; }
    /// Device label sent with signup and login (default empty).
    void setDeviceName(const QString &device) { m_device = device; }

    /// Authenticate, connecting first if needed. `callback` gets the server's answer; on success
    /// the token and user are stored and the sync sequence starts (watch synced()).
    void signup(const QString &username, const QString &password,
                ReplyCallback<SessionReply> callback);
    void login(const QString &username, const QString &password,
               ReplyCallback<SessionReply> callback);
    void resume(const QString &token, ReplyCallback<SessionReply> callback);
    /// Ends the session on the server, forgets the token and closes the connection.
    void logout(ReplyCallback<EmptyReply> callback);
    /// Closes the connection without reconnecting; token() is kept for reconnectNow().
    void disconnectFromServer();
    /// Reconnects and resumes now (skipping any backoff wait) if a token is known and the
    /// connection is closed; works even with autoReconnect off.
    void reconnectNow();
    /// The "Retry now" action while Reconnecting: same as reconnectNow().
    void retryNow() { reconnectNow(); }
    /// When the next automatic reconnect attempt starts (UTC); invalid while none is scheduled
    /// (online, offline, or an attempt is under way). The UI counts down to it.
    QDateTime nextAttemptAt() const;
    /// Milliseconds until nextAttemptAt() (0 when due, -1 when none is scheduled).
    qint64 msUntilNextAttempt() const;
    /// The delay the current (or last) wait was scheduled with; grows with each failed attempt
    /// (exponential backoff with jitter) and starts again after a successful session.
    int lastReconnectDelay() const { return m_lastDelay; }

    /// Sends a message, quoting `replyTo` if valid. `clientMsgId` (the idempotency key) is
    /// generated when empty. The stored message is delivered through messageReceived() once,
    /// before `callback` runs.
    void sendMessage(RoomId room, const QString &body, ReplyCallback<SendReply> callback,
                     const QString &clientMsgId = QString(), MessageId replyTo = MessageId(),
                     const QList<AttachmentId> &attachmentIds = {});
    /// Edits one's own message. The resulting `edited` entry is delivered through
    /// messageReceived() like any other entry (once), before `callback` runs.
    void editMessage(RoomId room, MessageId message, const QString &body, ReplyCallback<SendReply> callback);
    /// Deletes a message (one's own; any, for a group room's owner or admins); the `deleted`
    /// entry is delivered like editMessage()'s.
    void deleteMessage(RoomId room, MessageId message, ReplyCallback<SendReply> callback);

    QString token() const { return m_token; }
    User user() const { return m_user; }
    /// Rooms from the last rooms.list, updated by room events and by messages.
    QList<Room> rooms() const { return m_rooms.values(); }

    /// Per-room "everything up to and including this seq was delivered" marks.
    QHash<RoomId, Seq> cursors() const { return m_cursors.snapshot(); }
    /// Restores persisted cursors; afterwards cursors count as known (no baseline at login).
    void setCursors(const QHash<RoomId, Seq> &cursors);

signals:
    void stateChanged(natter::client::ClientSession::State state);
    /// The sync after an authentication or resume finished; the session is Online.
    void synced();
    /// Every timeline entry, once: messages, membership events, and edited/deleted entries
    /// (apply those with applyMessageChange(), see messagechanges.h).
    void messageReceived(const natter::Message &message);
    void friendChanged(const natter::Friend &relation);
    void roomChanged(const natter::Room &room);
    /// The user left or was removed from a room, or it was deleted ("left", "kicked", "deleted").
    void roomRemoved(natter::RoomId room, const QString &reason);
    /// The connection dropped (or an attempt failed); the next attempt starts in `delayMs`, at
    /// nextAttemptAt().
    void reconnectScheduled(int delayMs);
    /// Resuming was refused (invalid_token), or the server closed with 4004 because the token
    /// was logged out elsewhere: the token is forgotten and reconnecting stops.
    void sessionInvalid(const natter::ProtocolError &error);

private:
    using ReadyWaiter = std::function<void(const std::optional<ProtocolError> &error)>;

    template <class Req>
    void authenticate(const Req &request, ReplyCallback<SessionReply> callback);
    void onAuthenticated(const SessionReply &session);
    void whenReady(ReadyWaiter waiter);
    void onConnectionReady();
    void onConnectionLost(int closeCode, const QString &reason);
    bool shouldReconnect() const;
    void scheduleReconnect();
    void attemptReconnect();
    void resumeSession();
    void invalidateSession(const ProtocolError &error);

    void startFullSync();
    void onRoomList(const Reply<RoomListReply> &reply, quint64 generation);
    void requestSyncPage(quint64 generation);
    void onSyncPage(const Reply<MessagePageReply> &reply, quint64 generation,
                    const QList<SyncCursor> &sent);
    void finishSync();
    void requestSync();
    void syncFailed(const ProtocolError &error);

    bool ingest(const Message &message);
    /// Sends a request whose reply carries a timeline entry, and ingests that entry.
    template <class Req>
    void sendEntryRequest(const Req &request, ReplyCallback<SendReply> callback);
    void onLiveMessage(const Message &message);
    void onRoomEvent(const Room &room);
    void setState(State state);

    Connection *m_connection;
    State m_state = State::Offline;
    QUrl m_url;
    QString m_device;
    bool m_autoReconnect = true;
    bool m_wantOnline = false; ///< a session is established or being re-established
    Backoff m_backoff;
    QTimer m_reconnectTimer;
    int m_lastDelay = 0;
    QList<ReadyWaiter> m_readyWaiters;
    std::optional<ProtocolError> m_handshakeError;
    quint64 m_generation = 0; ///< bumped per connection loss and per full sync

    QString m_token;
    User m_user;
    UserId m_cursorOwner; ///< whose rooms m_cursors describes
    RoomCursors m_cursors;
    bool m_cursorsKnown = false; ///< false until the first rooms.list or setCursors()
    QHash<RoomId, Room> m_rooms;

    bool m_syncRunning = false;
    bool m_fullSync = false;  ///< the running sync follows an authentication
    bool m_syncAgain = false; ///< something arrived during a sync that needs another round
};

} // namespace natter::client
