#pragma once

#include "attachments/contentstore.h"
#include "protocol/types.h"
#include "storage/statement.h"

#include <optional>

namespace natter::server {

/// Where an attachment's bytes are, for a reader allowed to fetch them.
struct FetchTarget
{
    QString sha256;
    qint64 size = 0;
    qint64 thumbnailBytes = 0;
};

/// Stored contents (`files`, one row per SHA-256) and attachments (one upload of a content
/// into a room, attached to at most one message). Removing the last reference to a content
/// also removes its file from disk, inside the same write job, so a content is on disk exactly
/// while a row refers to it (a concurrent upload of the same bytes re-creates both in order).
/// (Should that job's commit fail after a file was removed, the row outlives its file and a
/// fetch of it fails with `internal`; the next sweep does not repair that.)
class AttachmentRepository
{
public:
    AttachmentRepository(StatementCache &cache, const QString &dataDir)
        : m_cache(cache), m_store(dataDir)
    {
    }

    /// Records a finished upload whose content was just committed to disk.
    Attachment insert(UserId uploader, RoomId room, const ContentFacts &content, const QString &name,
                      const QString &mimeType, qint64 now);

    /// Why `ids` cannot be attached by `sender` to a new message in `room`, or nothing when
    /// they all can (finished uploads by the sender to that room, not yet sent).
    std::optional<ProtocolError> checkAttachable(const QList<AttachmentId> &ids, UserId sender, RoomId room);
    /// Attaches the (checked) ids to a message in the given order; returns their metadata.
    QList<Attachment> attach(MessageId message, const QList<AttachmentId> &ids);
    /// Fills in `attachments` of each message (timeline pages, duplicates of a send).
    void fill(QList<Message> &messages);

    /// The attachment's file if `reader` may fetch it: as a member whose readable window holds
    /// the message it was sent with, or as its uploader before it is sent.
    std::optional<FetchTarget> readable(AttachmentId id, UserId reader);

    /// For message deletion: removes the message's attachments and those of their contents no
    /// other attachment refers to (rows and files). Returns how many contents were removed.
    /// Call inside the write job that deletes or blanks the message.
    int detachMessage(MessageId message);
    /// For group deletion: removes the room's attachments and the contents left unreferenced,
    /// as detachMessage() does. Call inside the write job that deletes the room, before it (the
    /// room's ON DELETE CASCADE would remove the attachments without naming their contents).
    int detachRoom(RoomId room);
    /// Removes attachments uploaded before `before` and never sent, then the contents left
    /// unreferenced.
    int purgeUnsent(qint64 before);
    /// Removes every content no attachment refers to (rows and files); returns the count. Walks
    /// all of `files`: the removals above look only at the contents they unreference, so this is
    /// for contents an older version left behind (it dropped them only in the hourly purge).
    int dropUnreferencedContent();

    const ContentStore &store() const { return m_store; }

private:
    /// Reads the sha256 column of a DELETE ... RETURNING sha256 and drops those contents no
    /// attachment refers to any more; returns how many were dropped.
    int dropIfUnreferenced(Statement &deleted);
    void dropContent(const QString &sha256);

    StatementCache &m_cache;
    ContentStore m_store;
};

} // namespace natter::server
