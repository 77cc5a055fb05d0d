#include "storage/userrepository.h"

namespace natter::server {

std::optional<User> UserRepository::create(const QString &username, const QString &passwordHash, qint64 now,
                                           bool admin)
{
    Statement exists(m_cache, "SELECT 1 FROM users WHERE username_key = ?");
    if (exists.bind(foldName(username)).exec().next())
        return std::nullopt;
    Statement insert(m_cache, "INSERT INTO users (username, username_key, password_hash, created_at, admin) "
                              "VALUES (?, ?, ?, ?, ?)");
    insert.bind(username).bind(foldName(username)).bind(passwordHash).bind(now).bind(admin ? 1 : 0).exec();
    return User{UserId(insert.lastInsertId()), username};
}

std::optional<UserRecord> UserRepository::findByName(const QString &username)
{
    Statement q(m_cache, "SELECT id, username, password_hash, disabled, admin FROM users WHERE username_key = ?");
    if (!q.bind(foldName(username)).exec().next())
        return std::nullopt;
    return UserRecord{User{UserId(q.integer(0)), q.text(1)}, q.text(2), q.integer(3) != 0, q.integer(4) != 0};
}

bool UserRepository::isAdmin(UserId id)
{
    Statement q(m_cache, "SELECT 1 FROM users WHERE id = ? AND admin = 1 AND disabled = 0");
    return q.bind(id.value).exec().next();
}

std::optional<User> UserRepository::find(UserId id)
{
    Statement q(m_cache, "SELECT id, username FROM users WHERE id = ? AND disabled = 0");
    if (!q.bind(id.value).exec().next())
        return std::nullopt;
    return User{UserId(q.integer(0)), q.text(1)};
}

QList<User> UserRepository::searchByPrefix(const QString &prefix, UserId searcher, int limit)
{
    // Range scan on the unique index instead of LIKE, which would need escaping and a scan.
    const QString low = foldName(prefix);
    const QString high = low + QChar(0xFFFF);
    Statement q(m_cache, "SELECT u.id, u.username FROM users u "
                         "WHERE u.username_key >= ? AND u.username_key < ? AND u.id <> ? "
                         "AND u.disabled = 0 "
                         "AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker = u.id AND b.blocked = ?) "
                         "ORDER BY u.username_key LIMIT ?");
    q.bind(low).bind(high).bind(searcher.value).bind(searcher.value).bind(limit).exec();
    QList<User> out;
    while (q.next())
        out.append(User{UserId(q.integer(0)), q.text(1)});
    return out;
}

QList<UserRecord> UserRepository::list()
{
    Statement q(m_cache, "SELECT id, username, disabled, created_at, admin FROM users ORDER BY id");
    q.exec();
    QList<UserRecord> out;
    while (q.next()) {
        UserRecord r{User{UserId(q.integer(0)), q.text(1)}, QString(), q.integer(2) != 0, q.integer(4) != 0};
        r.createdAt = q.integer(3);
        out.append(r);
    }
    return out;
}

bool UserRepository::isEmpty()
{
    Statement q(m_cache, "SELECT EXISTS (SELECT 1 FROM users)");
    return q.exec().next() && q.integer(0) == 0;
}

bool UserRepository::setDisabled(UserId id, bool disabled)
{
    Statement q(m_cache, "UPDATE users SET disabled = ? WHERE id = ?");
    return q.bind(disabled ? 1 : 0).bind(id.value).exec().rowsAffected() > 0;
}

bool UserRepository::setAdmin(UserId id, bool admin)
{
    Statement q(m_cache, "UPDATE users SET admin = ? WHERE id = ?");
    return q.bind(admin ? 1 : 0).bind(id.value).exec().rowsAffected() > 0;
}

bool UserRepository::setPasswordHash(UserId id, const QString &passwordHash)
{
    Statement q(m_cache, "UPDATE users SET password_hash = ? WHERE id = ?");
    return q.bind(passwordHash).bind(id.value).exec().rowsAffected() > 0;
}

} // namespace natter::server
