#include "groups/groupshandler.h"

#include "groups/groupactions.h"
#include "net/connectionregistry.h"
#include "notifications/notifier.h"
#include "storage/repositories.h"
#include "storage/storage.h"

namespace natter::server {

GroupsHandler::GroupsHandler(Storage &storage, ConnectionRegistry &registry, Notifier &notifier,
                             QObject *parent)
    : QObject(parent), m_storage(storage), m_registry(registry), m_notifier(notifier)
{
}

void GroupsHandler::run(const RequestContext &ctx, bool replyWithRoom, Action action)
{
    const User me = ctx.connection()->user();
    m_storage.write<GroupOutcome>(
        this,
        [me, action](Repositories &r) {
            GroupOutcome out;
            out.actor = me.id;
            action(r, me, out);
            return out;
        },
        [this, ctx, replyWithRoom](const StorageResult<GroupOutcome> &result) {
            if (!result.ok())
                return ctx.fail(ErrorCode::Internal);
            const GroupOutcome &out = *result.value;
            if (out.error)
                return ctx.fail(out.error->code, out.error->message);
            if (replyWithRoom && out.room)
                ctx.reply(RoomReply{*out.room});
            else
                ctx.reply(EmptyReply{});
            publish(out);
        });
}

void GroupsHandler::publish(const GroupOutcome &out)
{
    // Timeline entries first, in seq order, so clients see "X left" before the room goes away.
    for (const Message &event : out.events) {
        const QString frame = QString::fromUtf8(encodeEvent(MessageEvent{event}));
        m_registry.pushToUsers(out.members, frame);
        m_registry.pushToUsers(out.alsoTold, frame);
    }
    if (out.room && (!out.events.isEmpty() || out.settingsChanged))
        m_registry.pushToUsers(out.members, QString::fromUtf8(encodeEvent(RoomEvent{*out.room})));
    for (const auto &[user, reason] : out.removed) {
        m_registry.pushToUser(user, QString::fromUtf8(encodeEvent(RoomRemovedEvent{out.roomId, reason})));
        if (reason != QLatin1String("left")) {
            const QString kind = reason == QLatin1String("kicked") ? QStringLiteral("removed")
                                                                   : QStringLiteral("room_deleted");
            m_notifier.notify(user, {kind, out.roomId, out.actor, 0, QString(), false});
        }
    }
    for (const auto &[user, invite] : out.invites) {
        m_registry.pushToUser(user, QString::fromUtf8(encodeEvent(InviteEvent{invite})));
        m_notifier.notify(user, {QStringLiteral("invited"), invite.room.id, invite.inviter.id, 0,
                                 invite.room.name, false});
    }
}

void GroupsHandler::handle(const RequestContext &ctx, const CreateRoomRequest &req)
{
    run(ctx, true, [req](Repositories &r, const User &me, GroupOutcome &out) { createRoom(r, me, req, out); });
}

void GroupsHandler::handle(const RequestContext &ctx, const UpdateRoomRequest &req)
{
    run(ctx, true, [req](Repositories &r, const User &me, GroupOutcome &out) { updateRoom(r, me, req, out); });
}

void GroupsHandler::handle(const RequestContext &ctx, const InviteRequest &req)
{
    run(ctx, false, [req](Repositories &r, const User &me, GroupOutcome &out) { inviteUser(r, me, req, out); });
}

void GroupsHandler::handle(const RequestContext &ctx, const JoinRoomRequest &req)
{
    run(ctx, true, [req](Repositories &r, const User &me, GroupOutcome &out) { joinRoom(r, me, req, out); });
}

void GroupsHandler::handle(const RequestContext &ctx, const DeclineInviteRequest &req)
{
    run(ctx, false, [req](Repositories &r, const User &me, GroupOutcome &out) { declineInvite(r, me, req, out); });
}

void GroupsHandler::handle(const RequestContext &ctx, const LeaveRoomRequest &req)
{
    run(ctx, false, [req](Repositories &r, const User &me, GroupOutcome &out) { leaveRoom(r, me, req, out); });
}

void GroupsHandler::handle(const RequestContext &ctx, const KickRequest &req)
{
    run(ctx, false, [req](Repositories &r, const User &me, GroupOutcome &out) { kickUser(r, me, req, out); });
}

void GroupsHandler::handle(const RequestContext &ctx, const SetRoleRequest &req)
{
    run(ctx, false, [req](Repositories &r, const User &me, GroupOutcome &out) { setRole(r, me, req, out); });
}

void GroupsHandler::handle(const RequestContext &ctx, const TransferOwnershipRequest &req)
{
    run(ctx, false, [req](Repositories &r, const User &me, GroupOutcome &out) { transferOwnership(r, me, req, out); });
}

void GroupsHandler::handle(const RequestContext &ctx, const DeleteRoomRequest &req)
{
    run(ctx, false, [req](Repositories &r, const User &me, GroupOutcome &out) { deleteRoom(r, me, req, out); });
}

void GroupsHandler::handle(const RequestContext &ctx, const DirectoryRequest &req)
{
    m_storage.read<QList<RoomSummary>>(
        this, [req](Repositories &r) { return r.rooms.directory(req.query, req.limit); },
        [ctx](const StorageResult<QList<RoomSummary>> &result) {
            if (!result.ok())
                return ctx.fail(ErrorCode::Internal);
            ctx.reply(RoomSummaryListReply{*result.value});
        });
}

void GroupsHandler::handle(const RequestContext &ctx, const InviteListRequest &)
{
    m_storage.read<QList<Invite>>(
        this, [me = ctx.userId()](Repositories &r) { return r.members.invitesFor(me); },
        [ctx](const StorageResult<QList<Invite>> &result) {
            if (!result.ok())
                return ctx.fail(ErrorCode::Internal);
            ctx.reply(InviteListReply{*result.value});
        });
}

} // namespace natter::server
