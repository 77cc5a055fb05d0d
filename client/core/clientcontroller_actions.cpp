// ClientController: what the user does (open a room, send, friend and group actions).
#include "core/clientcontroller.h"

#include "protocol/limits.h"

namespace natter::client {

void ClientController::setCurrentRoom(RoomId room)
{
    if (room == m_currentRoom)
        return;
    m_currentRoom = room;
    if (m_session.state() == ClientSession::State::Online && m_active)
        m_session.connection().send(ViewRoomRequest{room}, this, {});
    const auto info = m_conversations.room(room);
    if (info)
        m_members.setRoom(*info);
    else
        m_members.clear();
    if (room.isValid() && m_active)
        markRead(room);
}

void ClientController::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    // While the window is in the background the server should notify about the open room too.
    if (m_session.state() == ClientSession::State::Online)
        m_session.connection().send(ViewRoomRequest{active ? m_currentRoom : RoomId()}, this, {});
    if (active && m_currentRoom.isValid())
        markRead(m_currentRoom);
}

void ClientController::markRead(RoomId room)
{
    const auto info = m_conversations.room(room);
    if (!info || info->lastSeq <= info->readSeq.value_or(0)
        || m_session.state() != ClientSession::State::Online)
        return;
    MarkReadRequest request;
    request.roomId = room;
    request.seq = info->lastSeq;
    m_conversations.setReadSeq(room, info->lastSeq); // optimistic; the server keeps the maximum
    m_roomsDirty = true;
    scheduleFlush();
    m_session.connection().send(request, this, {});
}

QString ClientController::sendMessage(RoomId room, const QString &body, MessageId replyTo,
                                      const QList<AttachmentId> &attachmentIds)
{
    const QString text = body.trimmed();
    if ((text.isEmpty() && attachmentIds.isEmpty()) || !room.isValid())
        return QString();
    setTyping(room, false);
    return m_outbox->enqueue(room, text.left(limits::maxBodyLength), replyTo,
                             attachmentIds.mid(0, limits::maxAttachmentsPerMessage));
}

void ClientController::editMessage(RoomId room, MessageId message, const QString &body, Done done)
{
    const QString text = body.trimmed().left(limits::maxBodyLength);
    if (text.isEmpty()) {
        if (done)
            done(ProtocolError{ErrorCode::InvalidField, tr("A message cannot be empty.")});
        return;
    }
    m_session.editMessage(room, message, text, [done](const Reply<SendReply> &r) {
        if (done)
            done(r.ok() ? std::nullopt : std::optional(r.error));
    });
}

void ClientController::deleteMessage(RoomId room, MessageId message, Done done)
{
    m_session.deleteMessage(room, message, [done](const Reply<SendReply> &r) {
        if (done)
            done(r.ok() ? std::nullopt : std::optional(r.error));
    });
}

void ClientController::fetchRevisions(
    RoomId room, MessageId message,
    std::function<void(const QList<Revision> &, const std::optional<ProtocolError> &)> done)
{
    RevisionsRequest request;
    request.roomId = room;
    request.messageId = message;
    m_session.connection().send(request, this, [done](const Reply<RevisionListReply> &r) {
        done(r.ok() ? r.value->revisions : QList<Revision>{},
             r.ok() ? std::nullopt : std::optional(r.error));
    });
}

void ClientController::setTyping(RoomId room, bool typing)
{
    if (m_session.state() != ClientSession::State::Online || !room.isValid())
        return;
    TypingRequest request;
    request.roomId = room;
    request.typing = typing;
    m_session.connection().send(request, this, {});
}

void ClientController::setPresence(Presence presence)
{
    m_presence = presence;
    SetPresenceRequest request;
    request.status = presence;
    run(request, {});
}

void ClientController::setRoomMuted(RoomId room, bool muted, Done done)
{
    m_session.connection().send(SetMutedRequest{room, muted}, this,
                                [this, done](const Reply<MutedReply> &reply) {
                                    if (reply.ok()) {
                                        m_conversations.setMuted(reply.value->roomId, reply.value->muted);
                                        m_roomsDirty = true;
                                        scheduleFlush();
                                    }
                                    if (done)
                                        done(reply.ok() ? std::nullopt : std::optional(reply.error));
                                });
}

void ClientController::searchUsers(const QString &query,
                                   std::function<void(const QList<User> &)> done)
{
    UserSearchRequest request;
    request.query = query.trimmed().left(limits::maxSearchLength);
    request.limit = limits::maxSearchResults;
    if (request.query.isEmpty()) {
        done({});
        return;
    }
    m_session.connection().send(request, this, [this, done](const Reply<UserListReply> &r) {
        if (r.ok())
            m_users.addUsers(r.value->users);
        done(r.ok() ? r.value->users : QList<User>{});
    });
}

void ClientController::createGroup(const CreateRoomRequest &request,
                                   std::function<void(RoomId)> created, Done failed)
{
    m_session.connection().send(request, this, [this, created, failed](const Reply<RoomReply> &r) {
        if (r.ok()) {
            m_conversations.upsertRoom(r.value->room);
            if (created)
                created(r.value->room.id);
        } else if (failed) {
            failed(r.error);
        }
    });
}

void ClientController::updateGroup(const UpdateRoomRequest &request, Done done)
{
    m_session.connection().send(request, this, [this, done](const Reply<RoomReply> &r) {
        if (r.ok())
            m_conversations.upsertRoom(r.value->room);
        if (done)
            done(r.ok() ? std::nullopt : std::optional(r.error));
    });
}

void ClientController::setRole(RoomId room, UserId user, MemberRole role, Done done)
{
    SetRoleRequest request;
    request.roomId = room;
    request.userId = user;
    request.role = role;
    run(request, std::move(done));
}

void ClientController::refreshDirectory(const QString &query)
{
    DirectoryRequest request;
    request.query = query.trimmed().left(limits::maxSearchLength);
    const quint64 generation = ++m_directoryGeneration;
    m_session.connection().send(
        request, this, [this, generation](const Reply<RoomSummaryListReply> &r) {
            if (generation != m_directoryGeneration)
                return; // a newer query is on its way
            if (r.ok())
                m_directory.setRooms(r.value->rooms);
            else
                emit problem(r.error.message);
        });
}

void ClientController::refreshInvites()
{
    m_session.connection().send(InviteListRequest{}, this, [this](const Reply<InviteListReply> &r) {
        if (r.ok())
            m_invites.setInvites(r.value->invites);
    });
}

} // namespace natter::client
