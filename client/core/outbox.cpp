#include "core/outbox.h"

#include "core/clientsession.h"
#include "protocol/clientmsgid.h"

#include <QDateTime>
#include <QLoggingCategory>

namespace natter::client {

namespace {
Q_LOGGING_CATEGORY(lcOutbox, "natter.client.outbox")
constexpr int rateLimitRetryMs = 1000;
} // namespace

Outbox::Outbox(ClientSession &session, LocalCache &cache, QObject *parent)
    : QObject(parent), m_session(session), m_cache(cache)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &Outbox::flush);
    connect(&session, &ClientSession::synced, this, &Outbox::flush);
}

void Outbox::load()
{
    m_entries = m_cache.outbox();
    flush();
}

OutboxEntry Outbox::makeEntry(RoomId room, const QString &body, MessageId replyTo) const
{
    OutboxEntry e;
    e.replyTo = replyTo;
    e.clientMsgId = newClientMsgId();
    e.roomId = room;
    e.body = body;
    e.createdAt = QDateTime::currentMSecsSinceEpoch();
    return e;
}

QString Outbox::enqueueWithFiles(RoomId room, const QString &body, MessageId replyTo,
                                 QList<PendingUpload> files)
{
    OutboxEntry e = makeEntry(room, body, replyTo);
    e.waitingFiles = int(files.size());
    for (PendingUpload &f : files)
        f.clientMsgId = e.clientMsgId;
    m_cache.addOutbox(e, files);
    m_entries.append(e);
    emit added(e);
    flush();
    return e.clientMsgId;
}

void Outbox::filesReady(const QString &clientMsgId, const QList<AttachmentId> &attachments)
{
    const int i = indexOf(clientMsgId);
    if (i < 0)
        return;
    m_cache.completeUploads(clientMsgId, attachments);
    m_entries[i].attachmentIds = attachments;
    m_entries[i].waitingFiles = 0;
    emit changed(m_entries.at(i));
    flush();
}

void Outbox::fail(const QString &clientMsgId, const QString &error)
{
    const int i = indexOf(clientMsgId);
    if (i < 0 || m_entries.at(i).failed)
        return;
    m_entries[i].failed = true;
    m_entries[i].error = error;
    m_cache.setOutboxFailed(clientMsgId, true, error);
    emit changed(m_entries.at(i));
    flush();
}

QString Outbox::enqueue(RoomId room, const QString &body, MessageId replyTo,
                        const QList<AttachmentId> &attachmentIds)
{
    OutboxEntry e = makeEntry(room, body, replyTo);
    e.attachmentIds = attachmentIds;
    m_cache.addOutbox(e);
    m_entries.append(e);
    emit added(e);
    flush();
    return e.clientMsgId;
}

QList<OutboxEntry> Outbox::entries(RoomId room) const
{
    QList<OutboxEntry> out;
    for (const OutboxEntry &e : m_entries)
        if (e.roomId == room)
            out.append(e);
    return out;
}

std::optional<OutboxEntry> Outbox::find(const QString &clientMsgId) const
{
    const int i = indexOf(clientMsgId);
    return i < 0 ? std::nullopt : std::optional<OutboxEntry>(m_entries.at(i));
}

int Outbox::indexOf(const QString &clientMsgId) const
{
    for (int i = 0; i < m_entries.size(); ++i)
        if (m_entries.at(i).clientMsgId == clientMsgId)
            return i;
    return -1;
}

void Outbox::retry(const QString &clientMsgId)
{
    const int i = indexOf(clientMsgId);
    if (i < 0 || !m_entries.at(i).failed)
        return;
    m_entries[i].failed = false;
    m_entries[i].error.clear();
    m_cache.setOutboxFailed(clientMsgId, false, QString());
    emit changed(m_entries.at(i));
    flush();
}

void Outbox::discard(const QString &clientMsgId)
{
    const int i = indexOf(clientMsgId);
    if (i < 0 || clientMsgId == m_inFlight)
        return;
    const RoomId room = m_entries.at(i).roomId;
    m_entries.removeAt(i);
    m_cache.removeOutbox(clientMsgId);
    emit discarded(clientMsgId, room);
}

void Outbox::flush()
{
    if (!m_inFlight.isEmpty() || m_session.state() != ClientSession::State::Online)
        return;
    for (const OutboxEntry &e : std::as_const(m_entries)) {
        if (e.failed)
            continue;
        if (e.waitingFiles > 0)
            return; // in order: nothing overtakes a message whose files are uploading
        m_inFlight = e.clientMsgId;
        const QString id = e.clientMsgId;
        m_session.sendMessage(
            e.roomId, e.body,
            [this, id](const Reply<SendReply> &r) {
                onReply(id, r.ok(), r.ok() ? r.value->message : Message(), r.error);
            },
            id, e.replyTo, e.attachmentIds);
        return;
    }
}

void Outbox::onReply(const QString &clientMsgId, bool ok, const Message &message,
                     const ProtocolError &error)
{
    m_inFlight.clear();
    const int i = indexOf(clientMsgId);
    if (ok) {
        if (i >= 0)
            m_entries.removeAt(i);
        m_cache.removeOutbox(clientMsgId);
        emit confirmed(clientMsgId, message);
    } else if (error.code == ErrorCode::Unavailable) {
        qCDebug(lcOutbox) << "send deferred:" << error.message;
        return; // stays pending; flushed again after the next sync
    } else if (error.code == ErrorCode::RateLimited) {
        m_retryTimer.start(rateLimitRetryMs);
        return;
    } else if (i >= 0) {
        qCInfo(lcOutbox) << "send refused:" << error.message;
        m_entries[i].failed = true;
        m_entries[i].error = error.message;
        m_cache.setOutboxFailed(clientMsgId, true, error.message);
        emit changed(m_entries.at(i));
    }
    flush();
}

} // namespace natter::client
