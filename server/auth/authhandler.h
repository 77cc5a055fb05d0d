#pragma once

#include "auth/loginthrottle.h"
#include "auth/passwordhasher.h"
#include "net/requestcontext.h"
#include "protocol/requests.h"

#include <QObject>

namespace natter::server {

class ConnectionRegistry;
class Storage;
struct ServerConfig;

/// Sign up, log in, resume and log out. Passwords are hashed off the event loop; a connection
/// becomes authenticated (and reachable for pushes) only once its session is stored.
class AuthHandler : public QObject
{
    Q_OBJECT
public:
    AuthHandler(const ServerConfig &config, Storage &storage, ConnectionRegistry &registry,
                QObject *parent = nullptr);

    /// Applies the sign-up mode: the first account of an empty database is always accepted and
    /// becomes the administrator; then "closed" refuses, "invite" consumes a valid code.
    void handle(const RequestContext &ctx, const SignupRequest &req);
    /// Administrators only (checked against the database, so a revoked admin cannot).
    void handle(const RequestContext &ctx, const CreateInviteCodeRequest &req);
    void handle(const RequestContext &ctx, const LoginRequest &req);
    void handle(const RequestContext &ctx, const ResumeRequest &req);
    void handle(const RequestContext &ctx, const LogoutRequest &req);

    /// Unregisters a closing connection.
    void connectionClosed(ClientConnection *connection);

Q_SIGNALS:
    /// A connection of `user` was registered for pushes or unregistered.
    void sessionsChanged(natter::UserId user);

private:
    void startSession(const RequestContext &ctx, const User &user, bool admin, const QString &device);
    void authenticate(const RequestContext &ctx, const User &user, bool admin, const QString &token,
                      qint64 expiresAt);
    void storeAccount(const RequestContext &ctx, const SignupRequest &req, const QString &passwordHash);
    bool beginAuth(const RequestContext &ctx);
    void endAuth(const RequestContext &ctx);

    const ServerConfig &m_config;
    Storage &m_storage;
    ConnectionRegistry &m_registry;
    PasswordHasher m_hasher;
    LoginThrottle m_throttle;
    QSet<const ClientConnection *> m_authInProgress;
};

} // namespace natter::server
