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
    bool admin = false;
    qint64 createdAt = 0; ///< ms since the epoch; filled by list() only
};

/// Accounts. Usernames are unique case-insensitively (username_key holds the folded form).
class UserRepository
{
public:
    explicit UserRepository(StatementCache &cache) : m_cache(cache) {}

    /// Creates an account (an administrator when `admin`); returns nothing when the name is taken.
    std::optional<User> create(const QString &username, const QString &passwordHash, qint64 now, bool admin = false);
    /// Whether an enabled account administers the server.
    bool isAdmin(UserId id);
    std::optional<UserRecord> findByName(const QString &username);
    /// An enabled account by id.
    std::optional<User> find(UserId id);
    /// Users whose name starts with `prefix` (case-insensitive), excluding `searcher` and users
    /// who blocked the searcher, ordered by name.
    QList<User> searchByPrefix(const QString &prefix, UserId searcher, int limit);

    /// Every account, enabled or not, ordered by id (password hashes left empty).
    QList<UserRecord> list();
    /// Whether no account exists yet, enabled or not (sign-up's first-administrator check).
    /// Looks for one row rather than counting them all.
    bool isEmpty();
    /// Disables or enables an account; returns whether it exists. A disabled account cannot
    /// log in, resume a session or be found.
    bool setDisabled(UserId id, bool disabled);
    /// Makes an account an administrator of the server or not; returns whether it exists.
    bool setAdmin(UserId id, bool admin);
    /// Replaces an account's password hash; returns whether it exists.
    bool setPasswordHash(UserId id, const QString &passwordHash);

    static QString foldName(const QString &username) { return username.toCaseFolded(); }

private:
    StatementCache &m_cache;
};

} // namespace natter::server
