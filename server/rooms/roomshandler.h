#pragma once

#include "net/requestcontext.h"
#include "protocol/liverequests.h"

#include <QObject>

namespace natter::server {

class ConnectionRegistry;
class Storage;

/// The caller's conversation list (rooms by last activity with members, last message, unread
/// and mention counts), read markers and mute settings, which sync across the caller's devices.
class RoomsHandler : public QObject
{
    Q_OBJECT
public:
    RoomsHandler(Storage &storage, ConnectionRegistry &registry, QObject *parent = nullptr);
    void handle(const RequestContext &ctx, const RoomListRequest &req);
    void handle(const RequestContext &ctx, const MarkReadRequest &req);
    /// Stores the caller's mute flag, replies after the commit and tells their other connections.
    void handle(const RequestContext &ctx, const SetMutedRequest &req);

private:
    Storage &m_storage;
    ConnectionRegistry &m_registry;
};

} // namespace natter::server
