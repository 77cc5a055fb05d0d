#pragma once
// The per-account local cache: rooms, timeline entries, sync cursors, the outbox and small
// settings, in one SQLite file. It lets the client show the last state at once on start
// (warm start) and keeps unsent messages across restarts.

#include "protocol/types.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>

namespace natter::client {

/// A message the user wrote that the server has not yet confirmed.
struct OutboxEntry
{
    QString clientMsgId; ///< idempotency key, fixed when the user pressed send
    RoomId roomId;
    QString body;
    qint64 createdAt = 0; ///< ms since epoch, local clock
    bool failed = false;  ///< the server refused it; waits for the user's retry or discard
    QString error;        ///< why it failed
    MessageId replyTo;    ///< the message it quotes, if any
    QList<AttachmentId> attachmentIds = {}; ///< finished uploads sent with it (attachments.finish)
};

/// One SQLite database per account. Every method runs on the calling thread; writes are small
/// (a row or one transaction per batch), so the GUI thread may call them directly.
/// Schema changes are numbered, immutable migrations in client/core/sql/, compiled in as
/// resources and applied in order, each in its own transaction.
class LocalCache
{
public:
    LocalCache();
    ~LocalCache();
    LocalCache(const LocalCache &) = delete;
    LocalCache &operator=(const LocalCache &) = delete;

    /// Opens (creating if needed) the database at `path` and migrates it. Refuses a database
    /// whose schema is newer than this build. On failure returns false and sets `error`.
    bool open(const QString &path, QString *error = nullptr);
    bool isOpen() const { return m_db.isOpen(); }
    void close();
    /// Schema version after open(); the number of the last applied migration.
    int schemaVersion() const;
    /// The newest migration this build knows.
    static int latestSchemaVersion();
    /// Where an account's cache lives by default: AppDataLocation/cache/<server>/<user>.sqlite.
    static QString defaultPath(const QString &server, const QString &username);

    QList<Room> rooms() const;
    void saveRooms(const QList<Room> &rooms); ///< replaces the whole list
    void saveRoom(const Room &room);
    void removeRoom(RoomId room);             ///< and its messages

    /// Stores entries, replacing any with the same (room, seq); one transaction.
    void saveMessages(const QList<Message> &messages);
    /// Up to `limit` entries of `room` with seq < beforeSeq (0: the newest), ascending.
    QList<Message> messagesBefore(RoomId room, Seq beforeSeq, int limit) const;
    /// Applies an edited/deleted entry (see messagechanges.h) to the stored message it names
    /// and to stored replies quoting it.
    void applyChange(const Message &entry);
    int messageCount(RoomId room) const;

    QHash<RoomId, Seq> cursors() const;
    void saveCursors(const QHash<RoomId, Seq> &cursors);

    /// Outbox entries in the order they were written.
    QList<OutboxEntry> outbox() const;
    void addOutbox(const OutboxEntry &entry);
    void removeOutbox(const QString &clientMsgId);
    void setOutboxFailed(const QString &clientMsgId, bool failed, const QString &error);

    QString setting(const QString &key, const QString &fallback = QString()) const;
    void setSetting(const QString &key, const QString &value);

private:
    bool migrate(QString *error);
    bool exec(const QString &sql, const QVariantList &values = {}) const;

    QString m_connectionName;
    QSqlDatabase m_db;
};

} // namespace natter::client
