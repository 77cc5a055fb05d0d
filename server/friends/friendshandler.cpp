#include "friends/friendshandler.h"

#include "net/connectionregistry.h"
#include "notifications/notifier.h"
#include "storage/repositories.h"
#include "storage/storage.h"

#include <QDateTime>

namespace natter::server {

/// What a friend action changed, as each side sees it.
struct FriendOutcome
{
    std::optional<ProtocolError> error;
    User me;
    Friend mine;   ///< the relation as the caller sees it
    Friend theirs; ///< the relation as the other user sees it
    std::optional<Room> room; ///< the direct room, when the action opened or closed it
    bool otherSideChanged = false; ///< whether the other user's view changed (else no event)
};

namespace {

qint64 now() { return QDateTime::currentMSecsSinceEpoch(); }

ProtocolError error(ErrorCode code, const QString &message = QString())
{
    return {code, message.isEmpty() ? errorCodeText(code) : message};
}

/// Closes the pair's direct room if they were friends; returns the room.
RoomId endFriendship(Repositories &r, UserId a, UserId b)
{
    const RoomId room = r.friends.friendshipRoom(a, b);
    if (room.isValid()) {
        r.friends.removeFriendship(a, b);
        r.rooms.setClosed(room, true);
    }
    return room;
}

/// Makes two users friends in their direct room, creating the room or reopening it.
RoomId beginFriendship(Repositories &r, UserId a, UserId b)
{
    RoomId room = r.rooms.findDirect(a, b);
    if (room.isValid())
        r.rooms.setClosed(room, false);
    else
        room = r.rooms.createDirect(a, b, now());
    r.friends.addFriendship(a, b, room, now());
    return room;
}

/// A placeholder naming the room to load once the action is done.
Room roomStub(RoomId id)
{
    Room room;
    room.id = id;
    return room;
}

} // namespace

FriendsHandler::FriendsHandler(Storage &storage, ConnectionRegistry &registry, Notifier &notifier,
                               QObject *parent)
    : QObject(parent), m_storage(storage), m_registry(registry), m_notifier(notifier)
{
}

void FriendsHandler::handle(const RequestContext &ctx, const UserSearchRequest &req)
{
    m_storage.read<QList<User>>(
        this,
        [query = req.query, me = ctx.userId(), limit = req.limit](Repositories &r) {
            return r.users.searchByPrefix(query, me, limit);
        },
        [ctx](const StorageResult<QList<User>> &result) {
            if (!result.ok())
                return ctx.fail(ErrorCode::Internal);
            ctx.reply(UserListReply{*result.value});
        });
}

void FriendsHandler::handle(const RequestContext &ctx, const FriendListRequest &)
{
    m_storage.read<QList<Friend>>(
        this, [me = ctx.userId()](Repositories &r) { return r.friends.listFor(me); },
        [ctx](const StorageResult<QList<Friend>> &result) {
            if (!result.ok())
                return ctx.fail(ErrorCode::Internal);
            ctx.reply(FriendListReply{*result.value});
        });
}

void FriendsHandler::run(const RequestContext &ctx, UserId target, Action action)
{
    const User me = ctx.connection()->user();
    if (target == me.id)
        return ctx.fail(ErrorCode::Forbidden, QStringLiteral("that is you"));
    m_storage.write<FriendOutcome>(
        this,
        [me, target, action](Repositories &r) {
            FriendOutcome out;
            out.me = me;
            const std::optional<User> other = r.users.find(target);
            if (!other) {
                out.error = error(ErrorCode::NotFound, QStringLiteral("no such user"));
                return out;
            }
            const FriendState theirsBefore = r.friends.stateBetween(target, me.id);
            out.error = action(r, me, *other, out);
            if (out.error)
                return out;
            // A closed direct room stays readable: keep pointing at it.
            const RoomId room = r.rooms.findDirect(me.id, target);
            out.mine = Friend{*other, r.friends.stateBetween(me.id, target), room};
            out.theirs = Friend{me, r.friends.stateBetween(target, me.id), room};
            out.otherSideChanged = out.theirs.state != theirsBefore || out.room.has_value();
            if (out.room)
                out.room = r.rooms.load(out.room->id);
            return out;
        },
        [this, ctx](const StorageResult<FriendOutcome> &result) {
            if (!result.ok())
                return ctx.fail(ErrorCode::Internal);
            if (result.value->error)
                return ctx.fail(result.value->error->code, result.value->error->message);
            publish(ctx, *result.value);
        });
}

void FriendsHandler::publish(const RequestContext &ctx, const FriendOutcome &outcome)
{
    ctx.reply(FriendReply{outcome.mine});
    const QString mine = QString::fromUtf8(encodeEvent(FriendEvent{outcome.mine}));
    m_registry.pushToUser(outcome.me.id, mine, ctx.connection());
    // A stranger being blocked or unblocked learns nothing: no event unless their view changed.
    if (outcome.otherSideChanged) {
        const UserId other = outcome.mine.user.id;
        m_registry.pushToUser(other, QString::fromUtf8(encodeEvent(FriendEvent{outcome.theirs})));
        if (outcome.theirs.state == FriendState::Incoming)
            m_notifier.notify(other, {QStringLiteral("friend_request"), RoomId(), outcome.me.id, 0, outcome.me.username, false});
        else if (outcome.theirs.state == FriendState::Friend)
            m_notifier.notify(other, {QStringLiteral("friend_accepted"), outcome.theirs.roomId, outcome.me.id, 0,
                                      outcome.me.username, false});
    }
    if (outcome.room) {
        const QString room = QString::fromUtf8(encodeEvent(RoomEvent{*outcome.room}));
        m_registry.pushToUsers({outcome.me.id, outcome.mine.user.id}, room);
    }
}

void FriendsHandler::handle(const RequestContext &ctx, const FriendRequestRequest &req)
{
    run(ctx, req.userId, [](Repositories &r, const User &me, const User &other, FriendOutcome &out)
            -> std::optional<ProtocolError> {
        if (r.friends.hasBlocked(me.id, other.id))
            return error(ErrorCode::Blocked, QStringLiteral("you blocked this user; unblock first"));
        if (r.friends.hasBlocked(other.id, me.id))
            return error(ErrorCode::Blocked);
        switch (r.friends.stateBetween(me.id, other.id)) {
        case FriendState::Friend:
            return error(ErrorCode::AlreadyFriends);
        case FriendState::Outgoing:
            return error(ErrorCode::RequestPending);
        case FriendState::Incoming: { // both want it: that is an acceptance
            r.friends.removeRequest(other.id, me.id);
            out.room = roomStub(beginFriendship(r, me.id, other.id));
            return std::nullopt;
        }
        case FriendState::None:
        case FriendState::Blocked:
            break;
        }
        r.friends.addRequest(me.id, other.id, now());
        return std::nullopt;
    });
}

void FriendsHandler::handle(const RequestContext &ctx, const FriendAcceptRequest &req)
{
    run(ctx, req.userId, [](Repositories &r, const User &me, const User &other, FriendOutcome &out)
            -> std::optional<ProtocolError> {
        if (!r.friends.removeRequest(other.id, me.id))
            return error(ErrorCode::NotFound, QStringLiteral("no friend request from this user"));
        out.room = roomStub(beginFriendship(r, me.id, other.id));
        return std::nullopt;
    });
}

void FriendsHandler::handle(const RequestContext &ctx, const FriendDeclineRequest &req)
{
    run(ctx, req.userId, [](Repositories &r, const User &me, const User &other, FriendOutcome &)
            -> std::optional<ProtocolError> {
        if (!r.friends.removeRequest(other.id, me.id))
            return error(ErrorCode::NotFound, QStringLiteral("no friend request from this user"));
        return std::nullopt;
    });
}

void FriendsHandler::handle(const RequestContext &ctx, const FriendCancelRequest &req)
{
    run(ctx, req.userId, [](Repositories &r, const User &me, const User &other, FriendOutcome &)
            -> std::optional<ProtocolError> {
        if (!r.friends.removeRequest(me.id, other.id))
            return error(ErrorCode::NotFound, QStringLiteral("no friend request to this user"));
        return std::nullopt;
    });
}

void FriendsHandler::handle(const RequestContext &ctx, const FriendRemoveRequest &req)
{
    run(ctx, req.userId, [](Repositories &r, const User &me, const User &other, FriendOutcome &out)
            -> std::optional<ProtocolError> {
        const RoomId room = endFriendship(r, me.id, other.id);
        if (!room.isValid())
            return error(ErrorCode::NotFound, QStringLiteral("you are not friends"));
        out.room = roomStub(room);
        return std::nullopt;
    });
}

void FriendsHandler::handle(const RequestContext &ctx, const BlockRequest &req)
{
    run(ctx, req.userId, [](Repositories &r, const User &me, const User &other, FriendOutcome &out)
            -> std::optional<ProtocolError> {
        r.friends.removeRequest(me.id, other.id);
        r.friends.removeRequest(other.id, me.id);
        const RoomId room = endFriendship(r, me.id, other.id);
        if (room.isValid()) {
            out.room = roomStub(room);
        }
        r.friends.addBlock(me.id, other.id, now());
        return std::nullopt;
    });
}

void FriendsHandler::handle(const RequestContext &ctx, const UnblockRequest &req)
{
    run(ctx, req.userId, [](Repositories &r, const User &me, const User &other, FriendOutcome &)
            -> std::optional<ProtocolError> {
        if (!r.friends.removeBlock(me.id, other.id))
            return error(ErrorCode::NotFound, QStringLiteral("this user is not blocked"));
        return std::nullopt;
    });
}

} // namespace natter::server
