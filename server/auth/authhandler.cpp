#include "auth/authhandler.h"

#include "auth/credentialpolicy.h"
#include "auth/sessiontokens.h"
#include "core/serverconfig.h"
#include "net/connectionregistry.h"
#include "storage/repositories.h"
#include "storage/storage.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAuth, "natter.server.auth")

namespace natter::server {

namespace {
qint64 now() { return QDateTime::currentMSecsSinceEpoch(); }

struct LoginLookup
{
    std::optional<UserRecord> record;
};
} // namespace

AuthHandler::AuthHandler(const ServerConfig &config, Storage &storage, ConnectionRegistry &registry,
                         QObject *parent)
    : QObject(parent), m_config(config), m_storage(storage), m_registry(registry),
      m_hasher(config.fastPasswordHashing),
      m_throttle(config.loginFailuresPerAccount, config.loginFailuresPerAddress,
                 config.loginWindowMs, config.loginLockoutMs)
{
}

bool AuthHandler::beginAuth(const RequestContext &ctx)
{
    if (m_authInProgress.contains(ctx.connection())) {
        ctx.fail(ErrorCode::Conflict, QStringLiteral("another authentication request is in progress"));
        return false;
    }
    m_authInProgress.insert(ctx.connection());
    return true;
}

void AuthHandler::endAuth(const RequestContext &ctx) { m_authInProgress.remove(ctx.connection()); }

void AuthHandler::handle(const RequestContext &ctx, const SignupRequest &req)
{
    if (const QString why = checkUsername(req.username); !why.isEmpty())
        return ctx.fail(ErrorCode::InvalidUsername, why);
    if (const QString why = checkPassword(req.password, req.username); !why.isEmpty())
        return ctx.fail(ErrorCode::WeakPassword, why);
    if (!beginAuth(ctx))
        return;
    const bool queued = m_hasher.hash(req.password, this, [this, ctx, req](const QString &hash) {
        if (hash.isEmpty() || !ctx.alive()) {
            endAuth(ctx);
            return ctx.fail(ErrorCode::Internal, QStringLiteral("password hashing failed"));
        }
        // The account and its first session are stored together: both or neither.
        const QString token = newSessionToken();
        const qint64 expiresAt = now() + m_config.sessionLifetimeMs;
        m_storage.write<std::optional<User>>(
            this,
            [username = req.username, hash, device = req.device, tokenHash = hashSessionToken(token),
             expiresAt](Repositories &r) {
                std::optional<User> user = r.users.create(username, hash, now());
                if (user)
                    r.sessions.create(tokenHash, user->id, device, now(), expiresAt);
                return user;
            },
            [this, ctx, token, expiresAt](const StorageResult<std::optional<User>> &result) {
                endAuth(ctx);
                if (!result.ok())
                    return ctx.fail(ErrorCode::Internal, QStringLiteral("could not store the account"));
                if (!*result.value)
                    return ctx.fail(ErrorCode::UsernameTaken);
                qCInfo(lcAuth) << "new account" << (*result.value)->username;
                authenticate(ctx, **result.value, token, expiresAt);
            });
    });
    if (!queued) {
        endAuth(ctx);
        ctx.fail(ErrorCode::Unavailable, QStringLiteral("the server is busy; retry in a moment"));
    }
}

void AuthHandler::handle(const RequestContext &ctx, const LoginRequest &req)
{
    const QString address = ctx.connection()->peerAddress();
    if (const qint64 wait = m_throttle.retryAfter(req.username, address, now()); wait > 0)
        return ctx.fail(ErrorCode::RateLimited,
                        QStringLiteral("too many failed logins; retry in %1 s").arg((wait + 999) / 1000));
    if (!beginAuth(ctx))
        return;
    // Counted as a possible failure until verified, so parallel guesses cannot pass the limit.
    m_throttle.beginAttempt(req.username, address);
    m_storage.read<LoginLookup>(
        this, [username = req.username](Repositories &r) { return LoginLookup{r.users.findByName(username)}; },
        [this, ctx, req, address](const StorageResult<LoginLookup> &lookup) {
            if (!lookup.ok()) {
                endAuth(ctx);
                m_throttle.endAttempt(req.username, address);
                return ctx.fail(ErrorCode::Internal);
            }
            const std::optional<UserRecord> record = lookup.value->record;
            const QString hash = record && !record->disabled ? record->passwordHash : QString();
            const bool queued = m_hasher.verify(hash, req.password, this, [=](bool ok) {
                m_throttle.endAttempt(req.username, address);
                if (!ok) {
                    endAuth(ctx);
                    m_throttle.recordFailure(req.username, address, now());
                    qCInfo(lcAuth) << "failed login for" << req.username << "from" << address;
                    return ctx.fail(ErrorCode::InvalidCredentials);
                }
                m_throttle.recordSuccess(req.username);
                startSession(ctx, record->user, req.device);
            });
            if (!queued) {
                endAuth(ctx);
                m_throttle.endAttempt(req.username, address);
                ctx.fail(ErrorCode::Unavailable, QStringLiteral("the server is busy; retry in a moment"));
            }
        });
}

void AuthHandler::startSession(const RequestContext &ctx, const User &user, const QString &device)
{
    const QString token = newSessionToken();
    const qint64 expiresAt = now() + m_config.sessionLifetimeMs;
    m_storage.write<bool>(
        this,
        [hash = hashSessionToken(token), user, device, expiresAt](Repositories &r) {
            r.sessions.create(hash, user.id, device, now(), expiresAt);
            return true;
        },
        [this, ctx, user, token, expiresAt](const StorageResult<bool> &result) {
            endAuth(ctx);
            if (!result.ok())
                return ctx.fail(ErrorCode::Internal, QStringLiteral("could not store the session"));
            authenticate(ctx, user, token, expiresAt);
        });
}

void AuthHandler::authenticate(const RequestContext &ctx, const User &user, const QString &token,
                               qint64 expiresAt)
{
    if (!ctx.alive())
        return;
    ctx.connection()->setAuthenticated(user, hashSessionToken(token));
    m_registry.add(user.id, ctx.connection());
    ctx.reply(SessionReply{user, token, expiresAt});
    Q_EMIT sessionsChanged(user.id);
}

void AuthHandler::handle(const RequestContext &ctx, const ResumeRequest &req)
{
    if (!beginAuth(ctx))
        return;
    const qint64 expiresAt = now() + m_config.sessionLifetimeMs;
    m_storage.write<std::optional<SessionRecord>>(
        this,
        [hash = hashSessionToken(req.token), expiresAt](Repositories &r) {
            std::optional<SessionRecord> s = r.sessions.findValid(hash, now());
            if (s) {
                r.sessions.extend(hash, now(), expiresAt);
                s->expiresAt = expiresAt;
            }
            return s;
        },
        [this, ctx, token = req.token](const StorageResult<std::optional<SessionRecord>> &result) {
            endAuth(ctx);
            if (!result.ok())
                return ctx.fail(ErrorCode::Internal);
            if (!*result.value)
                return ctx.fail(ErrorCode::InvalidToken);
            authenticate(ctx, (*result.value)->user, token, (*result.value)->expiresAt);
        });
}

void AuthHandler::handle(const RequestContext &ctx, const LogoutRequest &)
{
    ClientConnection *connection = ctx.connection();
    const QByteArray tokenHash = connection->tokenHash();
    const UserId user = connection->user().id;
    // Stop pushes at once; the revocation follows.
    m_registry.remove(user, connection);
    connection->setLoggedOut();
    Q_EMIT sessionsChanged(user);
    m_storage.write<bool>(
        this, [tokenHash](Repositories &r) { return r.sessions.revoke(tokenHash); },
        [this, ctx, tokenHash, user](const StorageResult<bool> &result) {
            if (!result.ok())
                return ctx.fail(ErrorCode::Internal, QStringLiteral("could not revoke the session"));
            // Other connections that resumed the same token end with it.
            for (ClientConnection *other : m_registry.connectionsOf(user)) {
                if (other->tokenHash() == tokenHash)
                    other->close(closecode::loggedOut, QStringLiteral("logged out"));
            }
            ctx.reply(EmptyReply{});
        });
}

void AuthHandler::connectionClosed(ClientConnection *connection)
{
    m_authInProgress.remove(connection);
    if (connection->phase() == ClientConnection::Phase::Authenticated) {
        m_registry.remove(connection->user().id, connection);
        Q_EMIT sessionsChanged(connection->user().id);
    }
}

} // namespace natter::server
