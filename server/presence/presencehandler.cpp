#include "presence/presencehandler.h"

#include "net/connectionregistry.h"
#include "storage/repositories.h"
#include "storage/storage.h"

#include <QDateTime>
#include <QSet>

namespace natter::server {

PresenceHandler::PresenceHandler(Storage &storage, ConnectionRegistry &registry, QObject *parent)
    : QObject(parent), m_storage(storage), m_registry(registry)
{
}

Presence PresenceHandler::presenceOf(UserId user) const
{
    const QList<ClientConnection *> connections = m_registry.connectionsOf(user);
    if (connections.isEmpty())
        return Presence::Offline;
    bool online = false;
    for (const ClientConnection *c : connections) {
        if (c->status() == Presence::DoNotDisturb)
            return Presence::DoNotDisturb;
        online = online || c->status() == Presence::Online;
    }
    return online ? Presence::Online : Presence::Away;
}

void PresenceHandler::sessionsChanged(UserId user) { publishIfChanged(user); }

void PresenceHandler::publishIfChanged(UserId user)
{
    const Presence now = presenceOf(user);
    if (m_published.value(user, Presence::Offline) == now)
        return;
    if (now == Presence::Offline)
        m_published.remove(user);
    else
        m_published.insert(user, now);
    m_storage.read<QList<UserId>>(
        this, [user](Repositories &r) { return r.members.presenceAudience(user); },
        [this, user](const StorageResult<QList<UserId>> &audience) {
            if (!audience.ok())
                return;
            // Publish what is true when the audience arrives, which may be newer than `now`.
            const QString frame = QString::fromUtf8(encodeEvent(PresenceEvent{{user, presenceOf(user)}}));
            m_registry.pushToUsers(*audience.value, frame);
            m_registry.pushToUser(user, frame); // the user's own other devices
        });
}

void PresenceHandler::handle(const RequestContext &ctx, const SetPresenceRequest &req)
{
    ctx.connection()->setStatus(req.status);
    ctx.reply(EmptyReply{});
    publishIfChanged(ctx.userId());
}

void PresenceHandler::handle(const RequestContext &ctx, const PresenceQueryRequest &req)
{
    const UserId me = ctx.userId();
    m_storage.read<QList<UserId>>(
        this, [me](Repositories &r) { return r.members.presenceAudience(me); },
        [this, ctx, req, me](const StorageResult<QList<UserId>> &audience) {
            if (!audience.ok())
                return ctx.fail(ErrorCode::Internal);
            // Presence is visible both ways between friends and fellow members.
            const QSet<UserId> visible(audience.value->cbegin(), audience.value->cend());
            PresenceListReply reply;
            for (UserId u : req.userIds) {
                if (u == me || visible.contains(u))
                    reply.presence.append(PresenceEntry{u, presenceOf(u)});
            }
            ctx.reply(reply);
        });
}

void PresenceHandler::handle(const RequestContext &ctx, const TypingRequest &req)
{
    const UserId me = ctx.userId();
    m_storage.read<std::optional<QList<UserId>>>(
        this,
        [me, room = req.roomId](Repositories &r) -> std::optional<QList<UserId>> {
            const Membership m = r.members.membership(room, me);
            if (!m.active || m.closed)
                return std::nullopt;
            return r.members.activeMembers(room);
        },
        [this, ctx, req, me](const StorageResult<std::optional<QList<UserId>>> &members) {
            if (!members.ok())
                return ctx.fail(ErrorCode::Internal);
            if (!*members.value)
                return ctx.fail(ErrorCode::Forbidden, QStringLiteral("you cannot write in this room"));
            ctx.reply(EmptyReply{});
            // Repeated "typing" notices within the interval are acknowledged, not forwarded;
            // "stopped typing" always goes through and ends the interval.
            if (!ctx.alive() || !ctx.connection()->admitTyping(req.roomId, req.typing,
                                                               QDateTime::currentMSecsSinceEpoch(),
                                                               typingIntervalMs))
                return;
            const QString frame = QString::fromUtf8(encodeEvent(TypingEvent{req.roomId, me, req.typing}));
            for (UserId member : **members.value) {
                if (member != me)
                    m_registry.pushToUser(member, frame);
            }
        });
}

void PresenceHandler::handle(const RequestContext &ctx, const ViewRoomRequest &req)
{
    ctx.connection()->setViewing(req.roomId);
    ctx.reply(EmptyReply{});
}

} // namespace natter::server
