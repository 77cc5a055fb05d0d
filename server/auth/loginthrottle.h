#pragma once

#include <QHash>
#include <QString>

namespace natter::server {

/// Failed-login throttling, per account and per client address. After `limit` failures within
/// the window, the key is locked out; each further failure doubles the lockout (max 15 min).
class LoginThrottle
{
public:
    LoginThrottle(int perAccount, int perAddress, int windowMs, int lockoutMs);

    /// Milliseconds until another attempt is allowed; 0 when allowed now.
    qint64 retryAfter(const QString &account, const QString &address, qint64 nowMs) const;
    void recordFailure(const QString &account, const QString &address, qint64 nowMs);
    /// An attempt being verified counts against the limits until endAttempt().
    void beginAttempt(const QString &account, const QString &address);
    void endAttempt(const QString &account, const QString &address);
    /// A successful login clears the account's record (not the address's).
    void recordSuccess(const QString &account);

private:
    struct Entry
    {
        int failures = 0;
        qint64 windowStart = 0;
        qint64 lockedUntil = 0;
        int lockouts = 0;
        int inFlight = 0;
    };
    void fail(const QString &key, int limit, qint64 nowMs);
    qint64 lockedFor(const QString &key, int limit, qint64 nowMs) const;
    void prune(qint64 nowMs);

    int m_perAccount;
    int m_perAddress;
    qint64 m_windowMs;
    qint64 m_lockoutMs;
    QHash<QString, Entry> m_entries;
};

} // namespace natter::server
