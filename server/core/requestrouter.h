#pragma once

#include "net/requestcontext.h"
#include "protocol/registry.h"

#include <type_traits>

namespace natter::server {

class AuthHandler;
class FriendsHandler;
class GroupsHandler;
class MessagesHandler;
class RoomsHandler;
struct ServerConfig;

/// Decodes a connection's frames and routes each request to the one handler that has a
/// handle() overload for it, after the checks every request shares: rate limit, then what the
/// connection's phase allows (hello first, then authentication, then everything else).
class RequestRouter
{
public:
    RequestRouter(const ServerConfig &config, AuthHandler &auth, FriendsHandler &friends,
                  RoomsHandler &rooms, GroupsHandler &groups, MessagesHandler &messages);

    void route(ClientConnection *connection, const QByteArray &frame);

    static QStringList serverFeatures();

private:
    void hello(const RequestContext &ctx, const HelloRequest &req);
    std::optional<ProtocolError> phaseError(ClientConnection *connection, const AnyRequest &request) const;

    template <class T>
    void dispatch(const RequestContext &ctx, const T &request);

    const ServerConfig &m_config;
    AuthHandler &m_auth;
    FriendsHandler &m_friends;
    RoomsHandler &m_rooms;
    GroupsHandler &m_groups;
    MessagesHandler &m_messages;
};

} // namespace natter::server
