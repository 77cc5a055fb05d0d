#pragma once

#include "net/requestcontext.h"
#include "protocol/liverequests.h"

#include <QHash>
#include <QObject>

namespace natter::server {

class ConnectionRegistry;
class Storage;

/// Presence, typing indicators and which room each connection is viewing. Nothing here is
/// stored: presence is derived from the live connections (offline when none; dnd when any
/// connection says dnd; online when any says online; else away) and pushed to friends and
/// fellow room members when it changes. Typing notices are rate-limited per connection and
/// room, and forwarded only to the room's other members.
class PresenceHandler : public QObject
{
    Q_OBJECT
public:
    PresenceHandler(Storage &storage, ConnectionRegistry &registry, QObject *parent = nullptr);

    void handle(const RequestContext &ctx, const SetPresenceRequest &req);
    void handle(const RequestContext &ctx, const PresenceQueryRequest &req);
    void handle(const RequestContext &ctx, const TypingRequest &req);
    void handle(const RequestContext &ctx, const ViewRoomRequest &req);

    /// A connection of `user` was registered or unregistered: recompute and publish.
    void sessionsChanged(UserId user);
    Presence presenceOf(UserId user) const;

    static constexpr qint64 typingIntervalMs = 2000;

private:
    void publishIfChanged(UserId user);

    Storage &m_storage;
    ConnectionRegistry &m_registry;
    QHash<UserId, Presence> m_published; ///< last presence pushed, for users not offline
};

} // namespace natter::server
