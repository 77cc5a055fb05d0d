#include "rooms/roomshandler.h"

#include "storage/repositories.h"
#include "storage/storage.h"

namespace natter::server {

RoomsHandler::RoomsHandler(Storage &storage, QObject *parent) : QObject(parent), m_storage(storage) {}

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
