#include "storage/revocationrepository.h"


namespace natter::server {

namespace {
constexpr qint64 kKeepMs = qint64(7) * 24 * 3600 * 1000;
}

void RevocationRepository::record(UserId user, RevocationReason reason, qint64 now)
{
    Statement q(m_cache, "INSERT INTO account_revocations (user_id, reason, created_at) VALUES (?, ?, ?)");
    q.bind(user.value)
        .bind(reason == RevocationReason::Disabled ? QStringLiteral("disabled") : QStringLiteral("sessions_revoked"))
        .bind(now)
        .exec();
    Statement prune(m_cache, "DELETE FROM account_revocations WHERE created_at < ?");
    prune.bind(now - kKeepMs).exec();
}

qint64 RevocationRepository::latestId()
{
    Statement q(m_cache, "SELECT COALESCE(MAX(id), 0) FROM account_revocations");
    return q.exec().next() ? q.integer(0) : 0;
}

QList<Revocation> RevocationRepository::since(qint64 afterId, int limit)
{
    Statement q(m_cache, "SELECT id, user_id, reason FROM account_revocations WHERE id > ? ORDER BY id LIMIT ?");
    q.bind(afterId).bind(limit).exec();
    QList<Revocation> out;
    while (q.next()) {
        out.append(Revocation{q.integer(0), UserId(q.integer(1)),
                              q.text(2) == QLatin1String("disabled") ? RevocationReason::Disabled
                                                                     : RevocationReason::SessionsRevoked});
    }
    return out;
}

qint64 RevocationRepository::dataVersion()
{
    if (m_cache.database().driverName() != QLatin1String("QSQLITE"))
        return -1;
    Statement q(m_cache, "PRAGMA data_version");
    return q.exec().next() ? q.integer(0) : -1;
}

} // namespace natter::server
