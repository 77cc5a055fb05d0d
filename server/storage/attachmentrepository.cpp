#include "storage/attachmentrepository.h"

#include "storage/messagerepository.h"

#include <QHash>
#include <QSet>

namespace natter::server {

namespace {

#define NATTER_ATTACHMENT_COLUMNS                                                                  \
    "a.id, a.name, f.size, a.mime_type, a.sha256, f.width, f.height, f.thumbnail_size"

Attachment readAttachment(const Statement &q, int first = 0)
{
    Attachment a;
    a.id = AttachmentId(q.integer(first));
    a.name = q.text(first + 1);
    a.size = q.integer(first + 2);
    a.mimeType = q.text(first + 3);
    a.sha256 = q.text(first + 4);
    a.width = int(q.integer(first + 5));
    a.height = int(q.integer(first + 6));
    a.thumbnail = q.integer(first + 7) > 0;
    return a;
}

} // namespace

Attachment AttachmentRepository::insert(UserId uploader, RoomId room, const ContentFacts &content,
                                        const QString &name, const QString &mimeType, qint64 now)
{
    Statement file(m_cache, "INSERT INTO files (sha256, size, width, height, thumbnail_size, created_at) "
                            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING");
    file.bind(content.sha256).bind(content.size).bind(content.width).bind(content.height)
        .bind(content.thumbnailBytes).bind(now).exec();
    Statement q(m_cache, "INSERT INTO attachments (uploader_id, room_id, sha256, name, mime_type, created_at) "
                         "VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(uploader.value).bind(room.value).bind(content.sha256).bind(name).bind(mimeType).bind(now).exec();
    const AttachmentId id(q.lastInsertId());
    Statement back(m_cache, "SELECT " NATTER_ATTACHMENT_COLUMNS " FROM attachments a "
                            "JOIN files f ON f.sha256 = a.sha256 WHERE a.id = ?");
    back.bind(id.value).exec().next();
    return readAttachment(back);
}

std::optional<ProtocolError> AttachmentRepository::checkAttachable(const QList<AttachmentId> &ids,
                                                                   UserId sender, RoomId room)
{
    for (AttachmentId id : ids) {
        Statement q(m_cache, "SELECT uploader_id, room_id, message_id FROM attachments WHERE id = ?");
        if (!q.bind(id.value).exec().next() || UserId(q.integer(0)) != sender)
            return ProtocolError{ErrorCode::NotFound,
                                 QStringLiteral("attachment %1 is not one of your uploads").arg(id.value)};
        if (RoomId(q.integer(1)) != room)
            return ProtocolError{ErrorCode::Forbidden,
                                 QStringLiteral("attachment %1 was uploaded to another room").arg(id.value)};
        if (!q.value(2).isNull())
            return ProtocolError{ErrorCode::Conflict,
                                 QStringLiteral("attachment %1 was already sent").arg(id.value)};
    }
    return std::nullopt;
}

QList<Attachment> AttachmentRepository::attach(MessageId message, const QList<AttachmentId> &ids)
{
    for (int i = 0; i < ids.size(); ++i) {
        Statement q(m_cache, "UPDATE attachments SET message_id = ?, position = ? WHERE id = ?");
        q.bind(message.value).bind(i).bind(ids[i].value).exec();
    }
    Statement q(m_cache, "SELECT " NATTER_ATTACHMENT_COLUMNS " FROM attachments a "
                         "JOIN files f ON f.sha256 = a.sha256 WHERE a.message_id = ? ORDER BY a.position");
    q.bind(message.value).exec();
    QList<Attachment> out;
    while (q.next())
        out.append(readAttachment(q));
    return out;
}

void AttachmentRepository::fill(QList<Message> &messages)
{
    // One range query per room of the page: message_order and its tail find the messages, the
    // message_id index their attachments.
    QHash<RoomId, std::pair<Seq, Seq>> ranges;
    QHash<MessageId, Message *> byId;
    for (Message &m : messages) {
        auto it = ranges.find(m.roomId);
        if (it == ranges.end())
            ranges.insert(m.roomId, {m.seq, m.seq});
        else
            *it = {qMin(it->first, m.seq), qMax(it->second, m.seq)};
        byId.insert(m.id, &m);
    }
    for (auto it = ranges.cbegin(); it != ranges.cend(); ++it) {
        Statement q(m_cache, "SELECT a.message_id, " NATTER_ATTACHMENT_COLUMNS " FROM (SELECT id FROM message_order "
                             "WHERE room_id = ? AND seq BETWEEN ? AND ? UNION ALL SELECT id FROM messages "
                             "WHERE id > " NATTER_ORDER_TAIL " AND room_id = ? AND seq BETWEEN ? AND ?) m "
                             "JOIN attachments a ON a.message_id = m.id JOIN files f ON f.sha256 = a.sha256 "
                             "ORDER BY a.message_id, a.position");
        q.bind(it.key().value).bind(it->first).bind(it->second).bind(it.key().value).bind(it->first)
            .bind(it->second).exec();
        while (q.next()) {
            if (Message *m = byId.value(MessageId(q.integer(0))))
                m->attachments.append(readAttachment(q, 1));
        }
    }
}

std::optional<FetchTarget> AttachmentRepository::readable(AttachmentId id, UserId reader)
{
    Statement q(m_cache,
                "SELECT f.sha256, f.size, f.thumbnail_size FROM attachments a "
                "JOIN files f ON f.sha256 = a.sha256 "
                "LEFT JOIN messages m ON m.id = a.message_id "
                "LEFT JOIN room_members rm ON rm.room_id = a.room_id AND rm.user_id = ? "
                "WHERE a.id = ? AND ((a.message_id IS NULL AND a.uploader_id = ?) "
                "OR (m.id IS NOT NULL AND rm.user_id IS NOT NULL AND m.seq >= rm.read_from_seq "
                "AND (rm.active = 1 OR m.seq <= rm.read_until_seq)))");
    if (!q.bind(reader.value).bind(id.value).bind(reader.value).exec().next())
        return std::nullopt;
    return FetchTarget{q.text(0), q.integer(1), q.integer(2)};
}

int AttachmentRepository::detachMessage(MessageId message)
{
    Statement q(m_cache, "DELETE FROM attachments WHERE message_id = ? RETURNING sha256");
    return dropIfUnreferenced(q.bind(message.value).exec());
}

int AttachmentRepository::detachRoom(RoomId room)
{
    Statement q(m_cache, "DELETE FROM attachments WHERE room_id = ? RETURNING sha256");
    return dropIfUnreferenced(q.bind(room.value).exec());
}

int AttachmentRepository::purgeUnsent(qint64 before)
{
    Statement q(m_cache, "DELETE FROM attachments WHERE message_id IS NULL AND created_at < ? RETURNING sha256");
    return dropIfUnreferenced(q.bind(before).exec());
}

int AttachmentRepository::dropIfUnreferenced(Statement &deleted)
{
    // Only the contents of the attachments just removed can have lost their last reference:
    // one index lookup each (attachments_by_sha) instead of a walk of every stored content.
    QSet<QString> candidates;
    while (deleted.next())
        candidates.insert(deleted.text(0));
    int dropped = 0;
    for (const QString &sha : std::as_const(candidates)) {
        Statement used(m_cache, "SELECT 1 FROM attachments WHERE sha256 = ? LIMIT 1");
        if (used.bind(sha).exec().next())
            continue;
        dropContent(sha);
        ++dropped;
    }
    return dropped;
}

int AttachmentRepository::dropUnreferencedContent()
{
    QStringList gone;
    {
        Statement q(m_cache, "SELECT f.sha256 FROM files f WHERE NOT EXISTS "
                             "(SELECT 1 FROM attachments a WHERE a.sha256 = f.sha256)");
        q.exec();
        while (q.next())
            gone.append(q.text(0));
    }
    for (const QString &sha : std::as_const(gone))
        dropContent(sha);
    return int(gone.size());
}

void AttachmentRepository::dropContent(const QString &sha256)
{
    Statement d(m_cache, "DELETE FROM files WHERE sha256 = ?");
    d.bind(sha256).exec();
    m_store.removeContent(sha256);
}

} // namespace natter::server
