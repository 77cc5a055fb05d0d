#include "core/requestrouter.h"

#include "attachments/attachmentshandler.h"
#include "auth/authhandler.h"
#include "core/serverconfig.h"
#include "friends/friendshandler.h"
#include "groups/groupshandler.h"
#include "messages/messageshandler.h"
#include "presence/presencehandler.h"
#include "protocol/limits.h"
#include "rooms/roomshandler.h"
#include "search/searchhandler.h"

#include <QCoreApplication>
#include <QDateTime>

namespace natter::server {

namespace {

template <class H, class T, class = void>
struct Handles : std::false_type
{
};
template <class H, class T>
struct Handles<H, T, std::void_t<decltype(std::declval<H &>().handle(std::declval<const RequestContext &>(), std::declval<const T &>()))>>
    : std::true_type
{
};

template <class T>
constexpr bool opensSession = std::is_same_v<T, SignupRequest> || std::is_same_v<T, LoginRequest>
    || std::is_same_v<T, ResumeRequest>;

} // namespace

RequestRouter::RequestRouter(const ServerConfig &config, Handlers handlers)
    : m_config(config), m_handlers(handlers)
{
}

QStringList RequestRouter::serverFeatures()
{
    return {QStringLiteral("auth.v1"), QStringLiteral("friends.v1"), QStringLiteral("messages.v1"),
            QStringLiteral("sync.v1"), QStringLiteral("groups.v1"), QStringLiteral("presence.v1"), QStringLiteral("notifications.v1"),
            QStringLiteral("lifecycle.v1"), QStringLiteral("signup.v1"), QStringLiteral("search.v1"),
            QStringLiteral("attachments.v1"), QStringLiteral("mute.v1")};
}

void RequestRouter::route(ClientConnection *connection, const QByteArray &frame)
{
    DecodedRequest decoded = decodeRequest(frame);
    if (!connection->admitRequest(QDateTime::currentMSecsSinceEpoch()))
        return connection->sendError(decoded.id, ErrorCode::RateLimited, QString());
    if (decoded.error)
        return connection->sendError(decoded.id, decoded.error->code, decoded.error->message);
    const RequestContext ctx(connection, *decoded.id);
    if (const std::optional<ProtocolError> e = phaseError(connection, decoded.request))
        return ctx.fail(e->code, e->message);
    std::visit([&](const auto &request) { dispatch(ctx, request); }, decoded.request);
}

void RequestRouter::routeBinary(ClientConnection *connection, const QByteArray &frame)
{
    ProtocolError error;
    std::optional<RequestId> id;
    const std::optional<UploadChunkFrame> chunk = UploadChunkFrame::decode(frame, &error, &id);
    const auto refuse = [&](ErrorCode code, const QString &message) {
        if (!connection->admitRequest(QDateTime::currentMSecsSinceEpoch()))
            return connection->sendError(id, ErrorCode::RateLimited, QString());
        connection->sendError(id, code, message);
    };
    if (connection->phase() != ClientConnection::Phase::Authenticated)
        return refuse(ErrorCode::NotAuthenticated, errorCodeText(ErrorCode::NotAuthenticated));
    if (!chunk)
        return refuse(error.code, error.message);
    if (!m_handlers.attachments.handleChunk(RequestContext(connection, chunk->id), *chunk))
        (void)connection->admitRequest(QDateTime::currentMSecsSinceEpoch());
}

std::optional<ProtocolError> RequestRouter::phaseError(ClientConnection *connection,
                                                       const AnyRequest &request) const
{
    const bool isHello = std::holds_alternative<HelloRequest>(request);
    const bool opens = std::visit([](const auto &r) { return opensSession<std::decay_t<decltype(r)>>; }, request);
    switch (connection->phase()) {
    case ClientConnection::Phase::AwaitingHello:
        if (!isHello)
            return ProtocolError{ErrorCode::HandshakeRequired, errorCodeText(ErrorCode::HandshakeRequired)};
        break;
    case ClientConnection::Phase::Anonymous:
        if (isHello)
            return ProtocolError{ErrorCode::AlreadyHandshaken, errorCodeText(ErrorCode::AlreadyHandshaken)};
        if (!opens)
            return ProtocolError{ErrorCode::NotAuthenticated, errorCodeText(ErrorCode::NotAuthenticated)};
        break;
    case ClientConnection::Phase::Authenticated:
        if (isHello)
            return ProtocolError{ErrorCode::AlreadyHandshaken, errorCodeText(ErrorCode::AlreadyHandshaken)};
        if (opens)
            return ProtocolError{ErrorCode::AlreadyAuthenticated, errorCodeText(ErrorCode::AlreadyAuthenticated)};
        break;
    }
    return std::nullopt;
}

template <class T>
void RequestRouter::dispatch(const RequestContext &ctx, const T &request)
{
    if constexpr (std::is_same_v<T, std::monostate>)
        ctx.fail(ErrorCode::Internal);
    else if constexpr (std::is_same_v<T, HelloRequest>)
        hello(ctx, request);
    else if constexpr (Handles<AuthHandler, T>::value)
        m_handlers.auth.handle(ctx, request);
    else if constexpr (Handles<FriendsHandler, T>::value)
        m_handlers.friends.handle(ctx, request);
    else if constexpr (Handles<RoomsHandler, T>::value)
        m_handlers.rooms.handle(ctx, request);
    else if constexpr (Handles<GroupsHandler, T>::value)
        m_handlers.groups.handle(ctx, request);
    else if constexpr (Handles<MessagesHandler, T>::value)
        m_handlers.messages.handle(ctx, request);
    else if constexpr (Handles<PresenceHandler, T>::value)
        m_handlers.presence.handle(ctx, request);
    else if constexpr (Handles<SearchHandler, T>::value)
        m_handlers.search.handle(ctx, request);
    else if constexpr (Handles<AttachmentsHandler, T>::value)
        m_handlers.attachments.handle(ctx, request);
    else
        static_assert(!sizeof(T), "a request in NATTER_REQUESTS has no handler");
}

void RequestRouter::hello(const RequestContext &ctx, const HelloRequest &req)
{
    if (req.version != limits::protocolVersion)
        return ctx.fail(ErrorCode::UnsupportedVersion,
                        QStringLiteral("this server speaks protocol version %1, the client %2")
                            .arg(limits::protocolVersion)
                            .arg(req.version));
    ctx.connection()->setHandshaken();
    const QString server = QStringLiteral("%1/%2").arg(m_config.serverName, QCoreApplication::applicationVersion());
    ctx.reply(HelloReply{limits::protocolVersion, serverFeatures(), server, signupModeName(m_config.signupMode)});
}

} // namespace natter::server
