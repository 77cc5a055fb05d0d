#include "rooms/roomshandler.h"

#include "net/connectionregistry.h"
#include "storage/repositories.h"
#include "storage/storage.h"

namespace natter::server {

RoomsHandler::RoomsHandler(Storage &storage, ConnectionRegistry &registry, QObject *parent)
    : QObject(parent), m_storage(storage), m_registry(registry)
{
}

void RoomsHandler::handle(const RequestContext &ctx, const MarkReadRequest &req)
{
    m_storage.write<Seq>(
        this, [me = ctx.userId(), req](Repositories &r) { return r.members.markRead(req.roomId, me, req.seq); },
        [this, ctx, room = req.roomId](const StorageResult<Seq> &result) {
            if (!result.ok())
                return ctx.fail(ErrorCode::Internal);
            if (*result.value < 0)
                return ctx.fail(ErrorCode::Forbidden, QStringLiteral("you are not a member of this room"));
            const ReadMarkerReply marker{room, *result.value};
            ctx.reply(marker);
            m_registry.pushToUser(ctx.userId(), QString::fromUtf8(encodeEvent(ReadEvent{marker})), ctx.connection());
        });
}

void RoomsHandler::handle(const RequestContext &ctx, const SetMutedRequest &req)
{
    m_storage.write<bool>(
        this, [me = ctx.userId(), req](Repositories &r) { return r.members.setMuted(req.roomId, me, req.muted); },
        [this, ctx, req](const StorageResult<bool> &result) {
            if (!result.ok())
                return ctx.fail(ErrorCode::Internal);
            if (!*result.value)
                return ctx.fail(ErrorCode::Forbidden, QStringLiteral("you are not a member of this room"));
            const MutedReply setting{req.roomId, req.muted};
            ctx.reply(setting);
            m_registry.pushToUser(ctx.userId(), QString::fromUtf8(encodeEvent(MutedEvent{setting})), ctx.connection());
        });
}

void RoomsHandler::handle(const RequestContext &ctx, const RoomListRequest &)
{
    m_storage.read<QList<Room>>(
        this, [me = ctx.userId()](Repositories &r) { return r.rooms.listFor(me); },
        [ctx](const StorageResult<QList<Room>> &result) {
            if (!result.ok())
                return ctx.fail(ErrorCode::Internal);
            ctx.reply(RoomListReply{*result.value});
        });
}

} // namespace natter::server
