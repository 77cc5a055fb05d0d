#pragma once
// Files of outbox messages that are still uploading, kept in the LocalCache (cache migration 5)
// so that they survive the client quitting: at the next start they continue where the server
// stands (attachments.begin with the same file resumes the upload) or start again, and then the
// message they belong to is sent, in order with the rest of the outbox.

#include "core/attachmenttransfer.h"
#include "core/localcache.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace natter::client {

class ClientSession;
class Outbox;

class PendingUploads : public QObject
{
    Q_OBJECT
public:
    PendingUploads(ClientSession &session, LocalCache &cache, Outbox &outbox,
                   QObject *parent = nullptr);

    /// Reads the files of `paths` (size, SHA-256, type), then writes a message with them into
    /// the outbox; it shows at once and is sent once every file is uploaded. Returns its
    /// clientMsgId, or an empty string with `error` set when a file cannot be read.
    QString send(RoomId room, const QString &body, const QStringList &paths,
                 MessageId replyTo = MessageId(), QString *error = nullptr);
    /// Takes over the pending uploads the cache holds (after openAccount()); uploading starts
    /// once the session is online.
    void load();
    /// Files not yet uploaded (all messages).
    int count() const { return int(m_queue.size()); }

signals:
    /// The upload of `clientMsgId`'s files advanced: `stored` of the `total` bytes of all its
    /// files are on the server (the first report after a restart says where it resumed).
    void progress(const QString &clientMsgId, qint64 stored, qint64 total);

private:
    /// Starts the first unfinished upload of a message that has not failed, if none is running
    /// and the session is online. A file that is gone fails its message.
    void next();
    void onFinished(const Attachment &attachment);
    void onFailed(const ProtocolError &error);
    /// Stops and forgets the uploads of a message (discarded, or failed for good).
    void drop(const QString &clientMsgId);
    void stopCurrent();
    int indexOf(const QString &clientMsgId, int position) const;
    /// Reports progress() for a message whose file at `position` has `stored` bytes on the
    /// server; its files before and after count as finished or not by attachmentId.
    void reportProgress(const QString &clientMsgId, int position, qint64 stored);

    ClientSession &m_session;
    LocalCache &m_cache;
    Outbox &m_outbox;
    QList<PendingUpload> m_queue; ///< in outbox order; finished ones stay until their message is ready
    QPointer<AttachmentUploader> m_current;
    QString m_currentMsg;         ///< which file m_current uploads: its message and position
    int m_currentPosition = -1;
    bool m_stalled = false;       ///< m_current lost its connection; resume() after the next sync
    QTimer m_retryTimer;          ///< after rate limiting
    int m_restarts = 0;           ///< of m_current, after bad_offset or conflict
};

} // namespace natter::client
