#pragma once
// Messages the user wrote, kept until the server confirms them: persisted in the LocalCache,
// sent one at a time in the order written, retried after reconnects. The clientMsgId fixed at
// enqueue() makes every resend idempotent, so a message is stored once however often it is sent.

#include "core/localcache.h"

#include <QObject>
#include <QTimer>

namespace natter::client {

class ClientSession;

class Outbox : public QObject
{
    Q_OBJECT
public:
    /// Pending: waiting (or being sent). Failed: the server refused it for good; it stays until
    /// retry() or discard().
    enum class State { Pending, Failed };
    Q_ENUM(State)

    Outbox(ClientSession &session, LocalCache &cache, QObject *parent = nullptr);

    /// Loads what the cache holds (after a restart) and starts sending when online.
    void load();
    /// Adds a message, persists it before returning, and sends it as soon as possible.
    /// Returns its clientMsgId.
    /// `attachmentIds` are finished uploads (the caller waits for attachments.finish first).
    QString enqueue(RoomId room, const QString &body, MessageId replyTo = MessageId(),
                    const QList<AttachmentId> &attachmentIds = {});
    /// Like enqueue(), for a message whose files are still uploading (`files`, in order; their
    /// clientMsgId is filled in): persisted with them, shown at once, and held back (with the
    /// entries after it) until filesReady() or fail().
    QString enqueueWithFiles(RoomId room, const QString &body, MessageId replyTo,
                             QList<PendingUpload> files);
    /// The entry's files are uploaded: it is sent with `attachments` (in its turn).
    void filesReady(const QString &clientMsgId, const QList<AttachmentId> &attachments);
    /// Marks an entry failed for a reason found on this side (e.g. its file is gone).
    void fail(const QString &clientMsgId, const QString &error);
    /// Moves a failed entry back to pending and sends it.
    void retry(const QString &clientMsgId);
    /// Drops a failed (or pending, not yet sent) entry.
    void discard(const QString &clientMsgId);

    /// Entries not yet confirmed, in order (all rooms, or one).
    QList<OutboxEntry> entries() const { return m_entries; }
    QList<OutboxEntry> entries(RoomId room) const;
    std::optional<OutboxEntry> find(const QString &clientMsgId) const;
    int size() const { return int(m_entries.size()); }

    /// Sends the next pending entry if the session is Online and nothing is in flight. Entries
    /// go in the order written: one still waiting for its files holds back those after it.
    void flush();

signals:
    void added(const natter::client::OutboxEntry &entry);
    /// The entry's failed flag or error changed.
    void changed(const natter::client::OutboxEntry &entry);
    /// The server stored the entry as `message`; it is gone from the outbox.
    void confirmed(const QString &clientMsgId, const natter::Message &message);
    void discarded(const QString &clientMsgId, natter::RoomId room);

private:
    int indexOf(const QString &clientMsgId) const;
    OutboxEntry makeEntry(RoomId room, const QString &body, MessageId replyTo) const;
    void onReply(const QString &clientMsgId, bool ok, const Message &message,
                 const ProtocolError &error);

    ClientSession &m_session;
    LocalCache &m_cache;
    QList<OutboxEntry> m_entries;
    QString m_inFlight; ///< clientMsgId being sent, empty if none
    QTimer m_retryTimer; ///< after rate limiting
};

} // namespace natter::client
