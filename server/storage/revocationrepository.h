#pragma once

#include "protocol/ids.h"
#include "storage/statement.h"

#include <QList>

namespace natter::server {

/// Why a user's live connections must end.
enum class RevocationReason {
    Disabled,        ///< the account was disabled (`account_disabled`)
    SessionsRevoked, ///< every session ended, e.g. by a password reset (`session_revoked`)
};

struct Revocation
{
    qint64 id = 0;
    UserId user;
    RevocationReason reason = RevocationReason::Disabled;
};

/// The `account_revocations` log: written by the administration commands in the transaction
/// that disables an account or revokes its sessions, read by a running server to close that
/// user's live connections (server/admin/revocationwatcher.h).
class RevocationRepository
{
public:
    explicit RevocationRepository(StatementCache &cache) : m_cache(cache) {}

    /// Logs a revocation of `user` and prunes entries older than a week.
    void record(UserId user, RevocationReason reason, qint64 now);
    /// The newest entry's id; 0 when the log is empty.
    qint64 latestId();
    /// Entries with an id above `afterId`, oldest first, at most `limit`.
    QList<Revocation> since(qint64 afterId, int limit);
    /// SQLite's `PRAGMA data_version` of this connection: it changes only when another
    /// connection committed. -1 on other databases (then callers always look).
    qint64 dataVersion();

private:
    StatementCache &m_cache;
};

} // namespace natter::server
