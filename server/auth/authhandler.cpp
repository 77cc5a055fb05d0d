#include "auth/authhandler.h"

#include "auth/credentialpolicy.h"
#include "auth/invitecodes.h"
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

/// What the sign-up job decided.
struct SignupOutcome
{
    std::optional<User> user; ///< set when the account was created
    bool admin = false;
    ErrorCode refusal = ErrorCode::UsernameTaken; ///< why not, when `user` is empty
};

/// Inside the write job, so two sign-ups cannot both be "the first".
SignupOutcome createAccount(Repositories &r, SignupMode mode, const QString &username, const QString &hash,
                            const QString &inviteCode)
{
    SignupOutcome out;
    const bool first = r.users.isEmpty();
    if (!first && mode == SignupMode::Closed) {
        out.refusal = ErrorCode::SignupClosed;
        return out;
    }
    if (!first && mode == SignupMode::Invite && inviteCode.isEmpty()) {
        out.refusal = ErrorCode::InviteRequired;
        return out;
    }
    if (r.users.findByName(username))
        return out; // taken: checked before the code is used up
    if (!first && mode == SignupMode::Invite && !r.invites.consume(hashInviteCode(inviteCode), now())) {
        out.refusal = ErrorCode::InvalidInvite;
        return out;
    }
    out.user = r.users.create(username, hash, now(), first);
    out.admin = first;
    return out;
}
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
        storeAccount(ctx, req, hash);
    });
    if (!queued) {
        endAuth(ctx);
        ctx.fail(ErrorCode::Unavailable, QStringLiteral("the server is busy; retry in a moment"));
    }
}

void AuthHandler::storeAccount(const RequestContext &ctx, const SignupRequest &req, const QString &passwordHash)
{
    // The account and its first session are stored together: both or neither.
    const QString token = newSessionToken();
    const qint64 expiresAt = now() + m_config.sessionLifetimeMs;
    m_storage.write<SignupOutcome>(
        this,
        [mode = m_config.signupMode, req, passwordHash, tokenHash = hashSessionToken(token),
         expiresAt](Repositories &r) {
            SignupOutcome out = createAccount(r, mode, req.username, passwordHash, req.inviteCode);
            if (out.user)
                r.sessions.create(tokenHash, out.user->id, req.device, now(), expiresAt);
            return out;
        },
        [this, ctx, token, expiresAt](const StorageResult<SignupOutcome> &result) {
            endAuth(ctx);
            if (!result.ok())
                return ctx.fail(ErrorCode::Internal, QStringLiteral("could not store the account"));
            if (!result.value->user)
                return ctx.fail(result.value->refusal);
            qCInfo(lcAuth) << "new account" << result.value->user->username
                           << (result.value->admin ? "(administrator)" : "");
            authenticate(ctx, *result.value->user, result.value->admin, token, expiresAt);
        });
}

void AuthHandler::handle(const RequestContext &ctx, const CreateInviteCodeRequest &req)
{
    const QString code = newInviteCode();
    const qint64 expiresAt = now() + qint64(req.validHours) * 3600 * 1000;
    m_storage.write<bool>(
        this,
        [user = ctx.userId(), hash = hashInviteCode(code), uses = req.uses, expiresAt](Repositories &r) {
            if (!r.users.isAdmin(user))
                return false;
            r.invites.create(hash, user, uses, now(), expiresAt);
            return true;
        },
        [ctx, code, uses = req.uses, expiresAt](const StorageResult<bool> &result) {
            if (!result.ok())
                return ctx.fail(ErrorCode::Internal, QStringLiteral("could not store the invite code"));
            if (!*result.value)
                return ctx.fail(ErrorCode::Forbidden, QStringLiteral("only the server's administrators may do that"));
            ctx.reply(InviteCodeReply{code, uses, expiresAt});
        });
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
                startSession(ctx, record->user, record->admin, req.device);
            });
            if (!queued) {
                endAuth(ctx);
                m_throttle.endAttempt(req.username, address);
                ctx.fail(ErrorCode::Unavailable, QStringLiteral("the server is busy; retry in a moment"));
            }
        });
}

void AuthHandler::startSession(const RequestContext &ctx, const User &user, bool admin, const QString &device)
{
    const QString token = newSessionToken();
    const qint64 expiresAt = now() + m_config.sessionLifetimeMs;
    m_storage.write<bool>(
        this,
        [hash = hashSessionToken(token), user, device, expiresAt](Repositories &r) {
            r.sessions.create(hash, user.id, device, now(), expiresAt);
            return true;
        },
        [this, ctx, user, admin, token, expiresAt](const StorageResult<bool> &result) {
            endAuth(ctx);
            if (!result.ok())
                return ctx.fail(ErrorCode::Internal, QStringLiteral("could not store the session"));
            authenticate(ctx, user, admin, token, expiresAt);
        });
}

void AuthHandler::authenticate(const RequestContext &ctx, const User &user, bool admin, const QString &token,
                               qint64 expiresAt)
{
    if (!ctx.alive())
        return;
    ctx.connection()->setAuthenticated(user, hashSessionToken(token));
    m_registry.add(user.id, ctx.connection());
    ctx.reply(SessionReply{user, token, expiresAt, admin});
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
            authenticate(ctx, (*result.value)->user, (*result.value)->admin, token, (*result.value)->expiresAt);
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
