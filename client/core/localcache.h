#pragma once
// The per-account local cache: rooms, timeline entries, sync cursors, the outbox and small
// settings, in one SQLite file. It lets the client show the last state at once on start
// (warm start) and keeps unsent messages across restarts.

#include "protocol/types.h"

#include <QHash>
#include <QSet>
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
    /// Files still uploading (PendingUpload rows); the entry is not sent while this is > 0.
    int waitingFiles = 0;
};

/// One file of an outbox entry that was still uploading when it was written (cache migration
/// 5). Kept until the upload finished and the entry got its attachment ids.
struct PendingUpload
{
    QString clientMsgId; ///< the outbox entry it belongs to
    int position = 0;    ///< order among the entry's files
    QString path;        ///< the local file
    QString name;        ///< file name shown to readers
    QString mimeType;
    qint64 size = 0;     ///< bytes, and the SHA-256 (hex), when the file was attached
    QString sha256;
    QString uploadId;    ///< the server's upload, once begun (a new begin resumes it)
    qint64 stored = 0;   ///< bytes the server acknowledged, last we heard
    AttachmentId attachmentId; ///< valid once attachments.finish succeeded
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
    /// The stored message `id` of `room` in its stored state, if the cache holds it.
    std::optional<Message> message(RoomId room, MessageId id) const;

    QHash<RoomId, Seq> cursors() const;
    void saveCursors(const QHash<RoomId, Seq> &cursors);

    /// Outbox entries in the order they were written.
    QList<OutboxEntry> outbox() const;
    void addOutbox(const OutboxEntry &entry);
    /// Removes the entry and any pending uploads of it.
    void removeOutbox(const QString &clientMsgId);
    void setOutboxFailed(const QString &clientMsgId, bool failed, const QString &error);

    /// Writes an entry together with its still-uploading files, in one transaction.
    void addOutbox(const OutboxEntry &entry, const QList<PendingUpload> &uploads);
    /// Every pending upload, in outbox order, then by position.
    QList<PendingUpload> pendingUploads() const;
    void setUploadProgress(const QString &clientMsgId, int position, const QString &uploadId, qint64 stored);
    void setUploadFinished(const QString &clientMsgId, int position, AttachmentId attachment);
    /// All files of the entry are finished: it gets `attachments` and stops waiting; its pending
    /// rows go. One transaction.
    void completeUploads(const QString &clientMsgId, const QList<AttachmentId> &attachments);

    QString setting(const QString &key, const QString &fallback = QString()) const;
    void setSetting(const QString &key, const QString &value);

private:
    bool migrate(QString *error);
    /// The migrations recorded as applied (creating the record for an older cache).
    QSet<int> appliedMigrations();
    bool applyMigration(int version, const QString &file, QString *error);
    bool exec(const QString &sql, const QVariantList &values = {}) const;

    QString m_connectionName;
    QSqlDatabase m_db;
};

} // namespace natter::client
