#include "storage/inviterepository.h"

#include <QVariant>

namespace natter::server {

void InviteRepository::create(const QByteArray &codeHash, UserId createdBy, int uses, qint64 now, qint64 expiresAt)
{
    Statement q(m_cache, "INSERT INTO invite_codes (code_hash, created_by, created_at, expires_at, uses_left) "
                         "VALUES (?, ?, ?, ?, ?)");
    q.bind(codeHash);
    if (createdBy.isValid())
        q.bind(createdBy.value);
    else
        q.bind(QVariant());
    q.bind(now).bind(expiresAt).bind(uses).exec();
}

bool InviteRepository::consume(const QByteArray &codeHash, qint64 now)
{
    Statement q(m_cache, "UPDATE invite_codes SET uses_left = uses_left - 1 "
                         "WHERE code_hash = ? AND uses_left > 0 AND expires_at > ?");
    return q.bind(codeHash).bind(now).exec().rowsAffected() > 0;
}

} // namespace natter::server
