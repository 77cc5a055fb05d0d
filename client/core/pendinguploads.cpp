#include "core/pendinguploads.h"

#include "core/clientsession.h"
#include "core/outbox.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMimeDatabase>

namespace natter::client {

namespace {
Q_LOGGING_CATEGORY(lcUploads, "natter.client.uploads")
constexpr int rateLimitRetryMs = 1000;
constexpr int maxRestarts = 3; ///< per file, after bad_offset or conflict
} // namespace

PendingUploads::PendingUploads(ClientSession &session, LocalCache &cache, Outbox &outbox,
                               QObject *parent)
    : QObject(parent), m_session(session), m_cache(cache), m_outbox(outbox)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &PendingUploads::next);
    connect(&session, &ClientSession::synced, this, [this] {
        if (m_current && m_stalled) {
            m_stalled = false;
            m_current->resume(); // the server says where it stands
        } else {
            next();
        }
    });
    connect(&outbox, &Outbox::discarded, this, [this](const QString &id) { drop(id); });
    connect(&outbox, &Outbox::changed, this, [this](const OutboxEntry &e) {
        if (!e.failed && e.waitingFiles > 0)
            next(); // retried
    });
}

QString PendingUploads::send(RoomId room, const QString &body, const QStringList &paths,
                             MessageId replyTo, QString *error)
{
    QList<PendingUpload> files;
    const QMimeDatabase mime;
    for (const QString &path : paths) {
        QFile file(path);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file)) {
            if (error)
                *error = tr("Cannot read %1: %2").arg(path, file.errorString());
            return QString();
        }
        PendingUpload u;
        u.position = int(files.size());
        u.path = QFileInfo(path).absoluteFilePath();
        u.name = QFileInfo(path).fileName();
        u.mimeType = mime.mimeTypeForFile(path).name();
        u.size = file.size();
        u.sha256 = QString::fromLatin1(hash.result().toHex());
        files.append(u);
    }
    if (files.isEmpty())
        return m_outbox.enqueue(room, body, replyTo);
    const QString id = m_outbox.enqueueWithFiles(room, body, replyTo, files);
    for (PendingUpload &f : files)
        f.clientMsgId = id;
    m_queue.append(files);
    next();
    return id;
}

void PendingUploads::load()
{
    stopCurrent();
    m_queue = m_cache.pendingUploads();
    qCDebug(lcUploads) << m_queue.size() << "pending uploads";
    // An entry whose files were all uploaded before the app stopped (between the last file's
    // finish and the hand-over) goes on now; one whose files are gone from the cache fails
    // clearly: either would otherwise hold back every message after it.
    for (const OutboxEntry &e : m_outbox.entries()) {
        if (e.waitingFiles <= 0 || e.failed)
            continue;
        QList<AttachmentId> ids;
        bool complete = true;
        for (const PendingUpload &u : std::as_const(m_queue)) {
            if (u.clientMsgId == e.clientMsgId) {
                complete = complete && u.attachmentId.isValid();
                ids.append(u.attachmentId);
            }
        }
        if (ids.isEmpty()) {
            m_outbox.fail(e.clientMsgId, tr("The files of this message were lost; attach them again."));
        } else if (complete) {
            m_queue.removeIf([&e](const PendingUpload &u) { return u.clientMsgId == e.clientMsgId; });
            m_outbox.filesReady(e.clientMsgId, ids);
        }
    }
    next();
}

void PendingUploads::reportProgress(const QString &clientMsgId, int position, qint64 stored)
{
    qint64 done = 0, total = 0;
    for (const PendingUpload &u : std::as_const(m_queue)) {
        if (u.clientMsgId != clientMsgId)
            continue;
        total += u.size;
        if (u.attachmentId.isValid())
            done += u.size;
        else if (u.position == position)
            done += qMin(stored, u.size);
    }
    emit progress(clientMsgId, done, total);
}

int PendingUploads::indexOf(const QString &clientMsgId, int position) const
{
    for (int i = 0; i < m_queue.size(); ++i)
        if (m_queue.at(i).clientMsgId == clientMsgId && m_queue.at(i).position == position)
            return i;
    return -1;
}

void PendingUploads::next()
{
    if (m_current || m_session.state() != ClientSession::State::Online)
        return;
    for (const PendingUpload &u : std::as_const(m_queue)) {
        if (u.attachmentId.isValid())
            continue;
        const auto entry = m_outbox.find(u.clientMsgId);
        if (!entry || entry->failed)
            continue;
        if (!QFileInfo::exists(u.path)) {
            // Failing the message may re-enter next(); start again from the top then.
            m_outbox.fail(u.clientMsgId, tr("The file %1 is no longer there.").arg(u.path));
            return next();
        }
        m_currentMsg = u.clientMsgId;
        m_currentPosition = u.position;
        m_stalled = false;
        auto *uploader = new AttachmentUploader(m_session.connection(), this);
        m_current = uploader;
        const QString id = u.clientMsgId;
        const int position = u.position;
        connect(uploader, &AttachmentUploader::progress, this,
                [this, uploader, id, position](qint64 stored, qint64 total) {
                    Q_UNUSED(total) // the file's size, known from when it was attached
                    m_cache.setUploadProgress(id, position, uploader->uploadId(), stored);
                    reportProgress(id, position, stored);
                });
        connect(uploader, &AttachmentUploader::finished, this, &PendingUploads::onFinished);
        connect(uploader, &AttachmentUploader::failed, this, &PendingUploads::onFailed);
        uploader->start(u.path, entry->roomId, u.mimeType, u.name, u.sha256);
        return;
    }
}

void PendingUploads::onFinished(const Attachment &attachment)
{
    const QString id = m_currentMsg;
    const int i = indexOf(id, m_currentPosition);
    stopCurrent();
    if (i >= 0) {
        m_queue[i].attachmentId = attachment.id;
        m_cache.setUploadFinished(id, m_queue.at(i).position, attachment.id);
        reportProgress(id, m_queue.at(i).position, m_queue.at(i).size);
    }
    QList<AttachmentId> ids;
    bool complete = true;
    for (const PendingUpload &u : std::as_const(m_queue)) {
        if (u.clientMsgId != id)
            continue;
        complete = complete && u.attachmentId.isValid();
        ids.append(u.attachmentId);
    }
    if (complete) {
        m_queue.removeIf([&id](const PendingUpload &u) { return u.clientMsgId == id; });
        m_outbox.filesReady(id, ids);
    }
    next();
}

void PendingUploads::onFailed(const ProtocolError &error)
{
    if (error.code == ErrorCode::Unavailable) {
        m_stalled = true; // resumed after the next sync
        return;
    }
    if ((error.code == ErrorCode::BadOffset || error.code == ErrorCode::Conflict)
        && m_current && m_restarts < maxRestarts) {
        // Another uploader of the same file (e.g. the composer's, handed over) still had
        // chunks on the way: ask the server again where the upload stands.
        ++m_restarts;
        m_current->resume();
        return;
    }
    const QString id = m_currentMsg;
    stopCurrent();
    if (error.code == ErrorCode::RateLimited) {
        m_retryTimer.start(rateLimitRetryMs);
        return;
    }
    qCInfo(lcUploads) << "upload failed:" << error.message;
    m_outbox.fail(id, tr("A file could not be uploaded: %1").arg(error.message));
    next();
}

void PendingUploads::drop(const QString &clientMsgId)
{
    if (m_currentMsg == clientMsgId && m_current) {
        m_current->cancel();
        stopCurrent();
    }
    m_queue.removeIf([&clientMsgId](const PendingUpload &u) { return u.clientMsgId == clientMsgId; });
    next();
}

void PendingUploads::stopCurrent()
{
    if (m_current)
        m_current->deleteLater();
    m_current = nullptr;
    m_currentMsg.clear();
    m_currentPosition = -1;
    m_stalled = false;
    m_restarts = 0;
}

} // namespace natter::client
