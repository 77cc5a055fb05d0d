#include "groups/groupactions.h"

#include "protocol/clientmsgid.h"
#include "storage/repositories.h"

#include <QDateTime>

namespace natter::server {

namespace {

qint64 now() { return QDateTime::currentMSecsSinceEpoch(); }

ProtocolError refuse(ErrorCode code, const QString &message)
{
    return {code, message};
}

/// Checks that `me` is an active member of group room `room` with at least `minRole`.
std::optional<ProtocolError> require(Repositories &r, RoomId room, UserId me, MemberRole minRole,
                                     Membership *membership)
{
    *membership = r.members.membership(room, me);
    if (!membership->exists || !membership->active)
        return refuse(ErrorCode::Forbidden, QStringLiteral("you are not a member of this room"));
    if (membership->kind != RoomKind::Group)
        return refuse(ErrorCode::Forbidden, QStringLiteral("direct rooms have no roles or settings"));
    if (int(membership->role) < int(minRole))
        return refuse(ErrorCode::Forbidden, minRole == MemberRole::Owner
                                                ? QStringLiteral("only the owner may do that")
                                                : QStringLiteral("only the owner or an admin may do that"));
    return std::nullopt;
}

/// Appends a timeline event to the room and records it in the outcome.
Message appendEvent(Repositories &r, GroupOutcome &out, RoomId room, UserId sender, const QString &kind,
                    const QString &body = QString(), UserId subject = UserId())
{
    const qint64 t = now();
    const Message m = r.messages.insert(room, r.rooms.allocateSeq(room, t), sender,
                                        QStringLiteral("event-") + newClientMsgId(t),
                                        body, t, kind, subject);
    out.events.append(m);
    return m;
}

void finish(Repositories &r, GroupOutcome &out, RoomId room)
{
    out.roomId = room;
    out.room = r.rooms.load(room);
    out.members = r.members.activeMembers(room);
}

std::optional<ProtocolError> checkInvitee(Repositories &r, UserId me, UserId invitee, bool open, RoomId room)
{
    if (!r.users.find(invitee))
        return refuse(ErrorCode::NotFound, QStringLiteral("no such user"));
    if (r.friends.hasBlocked(invitee, me))
        return refuse(ErrorCode::Blocked, errorCodeText(ErrorCode::Blocked));
    if (!open && r.friends.stateBetween(me, invitee) != FriendState::Friend)
        return refuse(ErrorCode::Forbidden, QStringLiteral("only friends can be invited to a closed room"));
    if (room.isValid() && r.members.membership(room, invitee).active)
        return refuse(ErrorCode::Conflict, QStringLiteral("already a member"));
    return std::nullopt;
}

void addInvite(Repositories &r, GroupOutcome &out, RoomId room, const User &me, UserId invitee)
{
    r.members.invite(room, invitee, me.id, now());
    out.invites.append({invitee, Invite{*r.rooms.summary(room), me}});
}

} // namespace

void createRoom(Repositories &r, const User &me, const CreateRoomRequest &req, GroupOutcome &out)
{
    for (UserId invitee : req.invite) {
        if (invitee == me.id)
            continue;
        if ((out.error = checkInvitee(r, me.id, invitee, req.open, RoomId())))
            return;
    }
    const RoomId room = r.rooms.createGroup(req.name.trimmed(), req.topic, req.open, req.historyVisibility, now());
    r.members.join(room, me.id, MemberRole::Owner, 1, now());
    appendEvent(r, out, room, me.id, timeline::created, req.name.trimmed());
    for (UserId invitee : req.invite) {
        if (invitee != me.id)
            addInvite(r, out, room, me, invitee);
    }
    finish(r, out, room);
}

void updateRoom(Repositories &r, const User &me, const UpdateRoomRequest &req, GroupOutcome &out)
{
    Membership m;
    if ((out.error = require(r, req.roomId, me.id, MemberRole::Admin, &m)))
        return;
    const std::optional<Room> before = r.rooms.load(req.roomId);
    if (req.name && req.name->trimmed() != before->name) {
        r.rooms.rename(req.roomId, req.name->trimmed());
        appendEvent(r, out, req.roomId, me.id, timeline::renamed, req.name->trimmed());
    }
    if (req.topic && *req.topic != before->topic) {
        r.rooms.setTopic(req.roomId, *req.topic);
        appendEvent(r, out, req.roomId, me.id, timeline::topic, *req.topic);
    }
    if (req.open && *req.open != before->open) {
        r.rooms.setOpen(req.roomId, *req.open);
        out.settingsChanged = true;
    }
    if (req.historyVisibility && *req.historyVisibility != before->historyVisibility) {
        r.rooms.setHistoryVisibility(req.roomId, *req.historyVisibility);
        out.settingsChanged = true;
    }
    finish(r, out, req.roomId);
}

void inviteUser(Repositories &r, const User &me, const InviteRequest &req, GroupOutcome &out)
{
    Membership m;
    if ((out.error = require(r, req.roomId, me.id, MemberRole::Member, &m)))
        return;
    if (req.userId == me.id) {
        out.error = refuse(ErrorCode::Conflict, QStringLiteral("already a member"));
        return;
    }
    if ((out.error = checkInvitee(r, me.id, req.userId, m.open, req.roomId)))
        return;
    addInvite(r, out, req.roomId, me, req.userId);
    out.roomId = req.roomId;
}

void joinRoom(Repositories &r, const User &me, const JoinRoomRequest &req, GroupOutcome &out)
{
    const Membership m = r.members.membership(req.roomId, me.id);
    if (!m.exists || m.kind != RoomKind::Group) {
        out.error = refuse(ErrorCode::NotFound, QStringLiteral("no such group room"));
        return;
    }
    if (m.active) { // joining twice changes nothing
        finish(r, out, req.roomId);
        return;
    }
    const bool invited = r.members.removeInvite(req.roomId, me.id);
    if (!invited && !m.open) {
        out.error = refuse(ErrorCode::Forbidden, QStringLiteral("this room is by invitation only"));
        return;
    }
    // The join event's seq will be last_seq + 1: a "joined" room's history starts there.
    const Seq readFrom = m.visibility == HistoryVisibility::Shared ? 1 : m.lastSeq + 1;
    r.members.join(req.roomId, me.id, MemberRole::Member, readFrom, now());
    appendEvent(r, out, req.roomId, me.id, timeline::joined);
    finish(r, out, req.roomId);
}

void declineInvite(Repositories &r, const User &me, const DeclineInviteRequest &req, GroupOutcome &out)
{
    if (!r.members.removeInvite(req.roomId, me.id))
        out.error = refuse(ErrorCode::NotFound, QStringLiteral("no invitation to this room"));
}

void leaveRoom(Repositories &r, const User &me, const LeaveRoomRequest &req, GroupOutcome &out)
{
    Membership m;
    if ((out.error = require(r, req.roomId, me.id, MemberRole::Member, &m)))
        return;
    if (m.role == MemberRole::Owner) {
        out.error = refuse(ErrorCode::Forbidden, QStringLiteral("the owner must transfer ownership or delete the room"));
        return;
    }
    const Message event = appendEvent(r, out, req.roomId, me.id, timeline::left);
    r.members.leave(req.roomId, me.id, event.seq);
    out.alsoTold.append(me.id);
    out.removed.append({me.id, QStringLiteral("left")});
    finish(r, out, req.roomId);
}

void kickUser(Repositories &r, const User &me, const KickRequest &req, GroupOutcome &out)
{
    Membership mine;
    if ((out.error = require(r, req.roomId, me.id, MemberRole::Admin, &mine)))
        return;
    const Membership theirs = r.members.membership(req.roomId, req.userId);
    if (req.userId == me.id || !theirs.active) {
        out.error = refuse(ErrorCode::NotFound, QStringLiteral("not a member you can remove"));
        return;
    }
    if (int(theirs.role) >= int(mine.role)) {
        out.error = refuse(ErrorCode::Forbidden, QStringLiteral("you may only remove members below your role"));
        return;
    }
    const Message event = appendEvent(r, out, req.roomId, me.id, timeline::kicked, QString(), req.userId);
    r.members.leave(req.roomId, req.userId, event.seq);
    out.alsoTold.append(req.userId);
    out.removed.append({req.userId, QStringLiteral("kicked")});
    finish(r, out, req.roomId);
}

void setRole(Repositories &r, const User &me, const SetRoleRequest &req, GroupOutcome &out)
{
    Membership mine;
    if ((out.error = require(r, req.roomId, me.id, MemberRole::Owner, &mine)))
        return;
    const Membership theirs = r.members.membership(req.roomId, req.userId);
    if (req.userId == me.id || !theirs.active) {
        out.error = refuse(ErrorCode::NotFound, QStringLiteral("not a member whose role you can change"));
        return;
    }
    if (theirs.role != req.role) {
        r.members.setRole(req.roomId, req.userId, req.role);
        appendEvent(r, out, req.roomId, me.id, timeline::role, memberRoleName(req.role), req.userId);
    }
    finish(r, out, req.roomId);
}

void transferOwnership(Repositories &r, const User &me, const TransferOwnershipRequest &req, GroupOutcome &out)
{
    Membership mine;
    if ((out.error = require(r, req.roomId, me.id, MemberRole::Owner, &mine)))
        return;
    if (req.userId == me.id || !r.members.membership(req.roomId, req.userId).active) {
        out.error = refuse(ErrorCode::NotFound, QStringLiteral("ownership goes to another member"));
        return;
    }
    r.members.setRole(req.roomId, req.userId, MemberRole::Owner);
    r.members.setRole(req.roomId, me.id, MemberRole::Admin);
    appendEvent(r, out, req.roomId, me.id, timeline::owner, QString(), req.userId);
    finish(r, out, req.roomId);
}

void deleteRoom(Repositories &r, const User &me, const DeleteRoomRequest &req, GroupOutcome &out)
{
    Membership mine;
    if ((out.error = require(r, req.roomId, me.id, MemberRole::Owner, &mine)))
        return;
    for (UserId member : r.members.activeMembers(req.roomId))
        out.removed.append({member, QStringLiteral("deleted")});
    r.attachments.detachRoom(req.roomId); // the files go with the room
    r.rooms.remove(req.roomId);
    out.roomId = req.roomId;
}

} // namespace natter::server
