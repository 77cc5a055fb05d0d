#pragma once

#include "net/requestcontext.h"
#include "protocol/registry.h"

#include <type_traits>

namespace natter::server {

class AttachmentsHandler;
class AuthHandler;
class FriendsHandler;
class GroupsHandler;
class MessagesHandler;
class PresenceHandler;
class RoomsHandler;
class SearchHandler;
struct ServerConfig;

/// Decodes a connection's frames and routes each request to the one handler that has a
/// handle() overload for it, after the checks every request shares: rate limit, then what the
/// connection's phase allows (hello first, then authentication, then everything else).
class RequestRouter
{
public:
    /// Every feature handler; a request goes to the one with a handle() overload for it.
    struct Handlers
    {
        AuthHandler &auth;
        FriendsHandler &friends;
        RoomsHandler &rooms;
        GroupsHandler &groups;
        MessagesHandler &messages;
        PresenceHandler &presence;
        SearchHandler &search;
        AttachmentsHandler &attachments;
    };

    RequestRouter(const ServerConfig &config, Handlers handlers);

    void route(ClientConnection *connection, const QByteArray &frame);
    /// Routes a binary frame (an upload chunk). Chunks accepted into an upload's in-order
    /// window do not take rate-limit tokens (the transfer window bounds them); refused or
    /// malformed ones do, so a stream of bad chunks is throttled like any flood.
    void routeBinary(ClientConnection *connection, const QByteArray &frame);

    static QStringList serverFeatures();

private:
    void hello(const RequestContext &ctx, const HelloRequest &req);
    std::optional<ProtocolError> phaseError(ClientConnection *connection, const AnyRequest &request) const;

    template <class T>
    void dispatch(const RequestContext &ctx, const T &request);

    const ServerConfig &m_config;
    Handlers m_handlers;
};

} // namespace natter::server
