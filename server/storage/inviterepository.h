#pragma once

#include "protocol/ids.h"
#include "storage/statement.h"

namespace natter::server {

/// Invite codes for sign-up in "invite" mode. Only the SHA-256 of a code is stored.
class InviteRepository
{
public:
    explicit InviteRepository(StatementCache &cache) : m_cache(cache) {}

    /// Stores a code allowing `uses` sign-ups until `expiresAt` (ms). `createdBy` may be
    /// invalid (made with natterd's command line).
    void create(const QByteArray &codeHash, UserId createdBy, int uses, qint64 now, qint64 expiresAt);
    /// Uses the code once; false when it is unknown, expired or used up.
    bool consume(const QByteArray &codeHash, qint64 now);

private:
    StatementCache &m_cache;
};

} // namespace natter::server
