#pragma once

#include "protocol/types.h"
#include "storage/statement.h"

#include <optional>

namespace natter::server {

struct SessionRecord
{
    User user;
    qint64 expiresAt = 0;
    bool admin = false;
};

/// Login sessions. Only the SHA-256 of a token is stored; expiry slides on each use.
class SessionRepository
{
public:
    explicit SessionRepository(StatementCache &cache) : m_cache(cache) {}

    void create(const QByteArray &tokenHash, UserId user, const QString &device, qint64 now, qint64 expiresAt);
    /// The session's user when the token is known, unexpired and the account enabled.
    std::optional<SessionRecord> findValid(const QByteArray &tokenHash, qint64 now);
    void extend(const QByteArray &tokenHash, qint64 now, qint64 expiresAt);
    /// Returns whether a session was revoked.
    bool revoke(const QByteArray &tokenHash);
    int purgeExpired(qint64 now);
    /// Revokes every session of `user` (password reset, account disabled); returns how many.
    int revokeAll(UserId user);

private:
    StatementCache &m_cache;
};

} // namespace natter::server
