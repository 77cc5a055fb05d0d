#include "storage/sessionrepository.h"

namespace natter::server {

void SessionRepository::create(const QByteArray &tokenHash, UserId user, const QString &device,
                               qint64 now, qint64 expiresAt)
{
    Statement q(m_cache, "INSERT INTO sessions (token_hash, user_id, device, created_at, last_used_at, expires_at) "
                         "VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(tokenHash).bind(user.value).bind(device.isNull() ? QStringLiteral("") : device).bind(now).bind(now).bind(expiresAt).exec();
}

std::optional<SessionRecord> SessionRepository::findValid(const QByteArray &tokenHash, qint64 now)
{
    Statement q(m_cache, "SELECT u.id, u.username, s.expires_at, u.admin FROM sessions s "
                         "JOIN users u ON u.id = s.user_id "
                         "WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0");
    if (!q.bind(tokenHash).bind(now).exec().next())
        return std::nullopt;
    return SessionRecord{User{UserId(q.integer(0)), q.text(1)}, q.integer(2), q.integer(3) != 0};
}

void SessionRepository::extend(const QByteArray &tokenHash, qint64 now, qint64 expiresAt)
{
    Statement q(m_cache, "UPDATE sessions SET last_used_at = ?, expires_at = ? WHERE token_hash = ?");
    q.bind(now).bind(expiresAt).bind(tokenHash).exec();
}

bool SessionRepository::revoke(const QByteArray &tokenHash)
{
    Statement q(m_cache, "DELETE FROM sessions WHERE token_hash = ?");
    return q.bind(tokenHash).exec().rowsAffected() > 0;
}

int SessionRepository::purgeExpired(qint64 now)
{
    Statement q(m_cache, "DELETE FROM sessions WHERE expires_at <= ?");
    return q.bind(now).exec().rowsAffected();
}

int SessionRepository::revokeAll(UserId user)
{
    Statement q(m_cache, "DELETE FROM sessions WHERE user_id = ?");
    return q.bind(user.value).exec().rowsAffected();
}

} // namespace natter::server
