#pragma once

#include "protocol/types.h"
#include "storage/statement.h"

#include <optional>

namespace natter::server {

struct UserRecord
{
    User user;
    QString passwordHash;
    bool disabled = false;
};

/// Accounts. Usernames are unique case-insensitively (username_key holds the folded form).
class UserRepository
{
public:
    explicit UserRepository(StatementCache &cache) : m_cache(cache) {}

    /// Creates an account; returns nothing when the name is taken.
    std::optional<User> create(const QString &username, const QString &passwordHash, qint64 now);
    std::optional<UserRecord> findByName(const QString &username);
    /// An enabled account by id.
    std::optional<User> find(UserId id);
    /// Users whose name starts with `prefix` (case-insensitive), excluding `searcher` and users
    /// who blocked the searcher, ordered by name.
    QList<User> searchByPrefix(const QString &prefix, UserId searcher, int limit);

    static QString foldName(const QString &username) { return username.toCaseFolded(); }

private:
    StatementCache &m_cache;
};

} // namespace natter::server
