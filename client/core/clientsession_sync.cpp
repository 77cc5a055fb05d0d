// ClientSession, part two: the sync sequence and the single path every message takes.
// (Connection lifecycle and authentication are in clientsession.cpp.)

#include "core/clientsession.h"
#include "core/messagechanges.h"

#include <QSet>

#include "protocol/clientmsgid.h"
#include "protocol/limits.h"

#include <QLoggingCategory>
#include <algorithm>
#include <utility>

namespace natter::client {

namespace {

Q_LOGGING_CATEGORY(lcSession, "natter.client.session")

bool sameCursors(const QList<SyncCursor> &a, const QList<SyncCursor> &b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const SyncCursor &x, const SyncCursor &y) {
                          return x.roomId == y.roomId && x.afterSeq == y.afterSeq;
                      });
}

} // namespace

// ---- sync ---------------------------------------------------------------------------------

void ClientSession::startFullSync()
{
    const quint64 generation = ++m_generation;
    m_syncRunning = true;
    m_fullSync = true;
    m_syncAgain = false;
    setState(State::Syncing);
    m_connection->send(
        RoomListRequest{}, this,
        [this, generation](const Reply<RoomListReply> &reply) { onRoomList(reply, generation); });
}

void ClientSession::onRoomList(const Reply<RoomListReply> &reply, quint64 generation)
{
    if (generation != m_generation)
        return;
    if (!reply.ok()) {
        syncFailed(reply.error);
        return;
    }
    m_rooms.clear();
    for (const Room &room : reply.value->rooms) {
        m_rooms.insert(room.id, room);
        m_cursors.ensureRoom(room.id, m_cursorsKnown ? 0 : room.lastSeq);
    }
    m_cursorsKnown = true;
    requestSyncPage(generation);
}

void ClientSession::requestSyncPage(quint64 generation)
{
    SyncRequest request;
    request.cursors = m_cursors.syncCursors();
    request.limit = limits::defaultSyncLimit; // the server also cuts pages at ~512 KiB
    if (request.cursors.isEmpty()) {
        finishSync();
        return;
    }
    if (request.cursors.size() > limits::maxSyncCursors) {
        qCWarning(lcSession) << "more rooms than one sync request may name; syncing the first"
                             << limits::maxSyncCursors;
        request.cursors.resize(limits::maxSyncCursors);
    }
    m_connection->send(
        request, this,
        [this, generation, sent = request.cursors](const Reply<MessagePageReply> &reply) {
            onSyncPage(reply, generation, sent);
        });
}

void ClientSession::onSyncPage(const Reply<MessagePageReply> &reply, quint64 generation,
                               const QList<SyncCursor> &sent)
{
    if (generation != m_generation)
        return;
    if (!reply.ok()) {
        syncFailed(reply.error);
        return;
    }
    // Sync answers each room from its first readable entry after the cursor: anything before
    // that first entry lies outside the user's readable window and is passed over.
    QSet<RoomId> seen;
    for (const Message &message : reply.value->messages) {
        if (!seen.contains(message.roomId)) {
            seen.insert(message.roomId);
            m_cursors.skipTo(message.roomId, message.seq - 1);
        }
        ingest(message);
    }
    if (!reply.value->more) {
        finishSync();
        return;
    }
    QList<SyncCursor> now = m_cursors.syncCursors();
    now.resize(qMin(now.size(), sent.size()));
    if (sameCursors(sent, now)) {
        qCWarning(lcSession) << "sync page made no progress although more was announced";
        finishSync();
        return;
    }
    requestSyncPage(generation);
}

void ClientSession::finishSync()
{
    m_syncRunning = false;
    const quint64 generation = m_generation;
    if (m_fullSync) {
        m_fullSync = false;
        m_backoff.reset();
        setState(State::Online);
        emit synced();
    }
    if (generation != m_generation || m_state != State::Online)
        return; // a slot disconnected or re-authenticated meanwhile
    if (std::exchange(m_syncAgain, false)) {
        m_syncRunning = true;
        requestSyncPage(generation);
    }
}

void ClientSession::requestSync()
{
    if (m_syncRunning) {
        m_syncAgain = true;
        return;
    }
    if (m_state != State::Online)
        return; // every (re)authentication is followed by a full sync anyway
    m_syncRunning = true;
    requestSyncPage(m_generation);
}

void ClientSession::syncFailed(const ProtocolError &error)
{
    qCWarning(lcSession) << "sync failed:" << errorCodeName(error.code) << error.message;
    m_syncRunning = false;
    m_connection->close(); // onConnectionLost() reconnects (with backoff) if it may
}

// ---- messages and rooms -------------------------------------------------------------------

bool ClientSession::ingest(const Message &message)
{
    if (!m_cursors.knows(message.roomId))
        m_cursors.ensureRoom(message.roomId, m_cursorsKnown ? 0 : message.seq - 1);
    if (!m_cursors.accept(message))
        return false;
    const auto room = m_rooms.find(message.roomId);
    if (room != m_rooms.end() && isMessageChange(message)) {
        // Edits and deletes change the preview they name; they are not the room's last message.
        room->lastSeq = qMax(room->lastSeq, message.seq);
        if (room->lastMessage)
            applyMessageChange(*room->lastMessage, message);
    } else if (room != m_rooms.end() && message.seq > room->lastSeq) {
        room->lastSeq = message.seq;
        room->lastMessage = message;
        room->lastActivity = qMax(room->lastActivity, message.sentAt);
    }
    emit messageReceived(message);
    return true;
}

void ClientSession::onLiveMessage(const Message &message)
{
    ingest(message);
    if (m_cursors.hasGap(message.roomId))
        requestSync();
}

void ClientSession::onRoomEvent(const Room &room)
{
    const bool isNew = !m_cursors.knows(room.id);
    if (isNew)
        m_cursors.ensureRoom(room.id, m_cursorsKnown ? 0 : room.lastSeq);
    m_rooms.insert(room.id, room);
    emit roomChanged(room);
    const bool behind = room.lastSeq > m_cursors.contiguous(room.id);
    if (behind && (isNew || m_cursors.hasGap(room.id)))
        requestSync();
}

void ClientSession::sendMessage(RoomId room, const QString &body, ReplyCallback<SendReply> callback,
                                const QString &clientMsgId, MessageId replyTo,
                                const QList<AttachmentId> &attachmentIds)
{
    SendRequest request;
    request.roomId = room;
    request.body = body;
    request.clientMsgId =
        clientMsgId.isEmpty() ? newClientMsgId() : clientMsgId;
    request.replyTo = replyTo;
    request.attachmentIds = attachmentIds;
    sendEntryRequest(request, std::move(callback));
}

void ClientSession::editMessage(RoomId room, MessageId message, const QString &body,
                                ReplyCallback<SendReply> callback)
{
    sendEntryRequest(EditRequest{room, message, body}, std::move(callback));
}

void ClientSession::deleteMessage(RoomId room, MessageId message, ReplyCallback<SendReply> callback)
{
    sendEntryRequest(DeleteMessageRequest{room, message}, std::move(callback));
}

template <class Req>
void ClientSession::sendEntryRequest(const Req &request, ReplyCallback<SendReply> callback)
{
    m_connection->send(request, this, [this, callback](const Reply<SendReply> &reply) {
        if (reply.ok()) {
            ingest(reply.value->message);
            if (m_cursors.hasGap(reply.value->message.roomId))
                requestSync();
        }
        if (callback)
            callback(reply);
    });
}

} // namespace natter::client
