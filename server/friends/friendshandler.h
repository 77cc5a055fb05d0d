#pragma once

#include "net/requestcontext.h"
#include "protocol/requests.h"

#include <QObject>

namespace natter::server {

class ConnectionRegistry;
class Notifier;
class Repositories;
class Storage;
struct FriendOutcome;

/// User search, friend requests, friendships and blocks. Every change is stored first, then
/// pushed to all connections of both users (the caller's other devices included). Accepting a
/// request creates or reopens the pair's direct room; unfriending or blocking closes it.
class FriendsHandler : public QObject
{
    Q_OBJECT
public:
    FriendsHandler(Storage &storage, ConnectionRegistry &registry, Notifier &notifier,
                   QObject *parent = nullptr);

    void handle(const RequestContext &ctx, const UserSearchRequest &req);
    void handle(const RequestContext &ctx, const FriendListRequest &req);
    void handle(const RequestContext &ctx, const FriendRequestRequest &req);
    void handle(const RequestContext &ctx, const FriendAcceptRequest &req);
    void handle(const RequestContext &ctx, const FriendDeclineRequest &req);
    void handle(const RequestContext &ctx, const FriendCancelRequest &req);
    void handle(const RequestContext &ctx, const FriendRemoveRequest &req);
    void handle(const RequestContext &ctx, const BlockRequest &req);
    void handle(const RequestContext &ctx, const UnblockRequest &req);

private:
    /// An action checks its precondition and changes storage; it returns an error or nothing.
    using Action = std::function<std::optional<ProtocolError>(Repositories &, const User &me,
                                                              const User &other, FriendOutcome &)>;
    void run(const RequestContext &ctx, UserId target, Action action);
    void publish(const RequestContext &ctx, const FriendOutcome &outcome);

    Storage &m_storage;
    ConnectionRegistry &m_registry;
    Notifier &m_notifier;
};

} // namespace natter::server
