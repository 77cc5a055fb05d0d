#include "auth/loginthrottle.h"

#include <QtGlobal>

namespace natter::server {

namespace {
constexpr qint64 maxLockoutMs = 15 * 60 * 1000;
QString accountKey(const QString &account) { return QStringLiteral("u:") + account.toCaseFolded(); }
QString addressKey(const QString &address) { return QStringLiteral("a:") + address; }
} // namespace

LoginThrottle::LoginThrottle(int perAccount, int perAddress, int windowMs, int lockoutMs)
    : m_perAccount(perAccount), m_perAddress(perAddress), m_windowMs(windowMs), m_lockoutMs(lockoutMs)
{
}

qint64 LoginThrottle::lockedFor(const QString &key, int limit, qint64 nowMs) const
{
    const auto it = m_entries.constFind(key);
    if (it == m_entries.constEnd())
        return 0;
    if (it->lockedUntil > nowMs)
        return it->lockedUntil - nowMs;
    const int failures = nowMs - it->windowStart > m_windowMs ? 0 : it->failures;
    // Attempts still being verified may all fail: do not start more than the limit allows.
    return failures + it->inFlight >= limit && it->inFlight > 0 ? 1000 : 0;
}

qint64 LoginThrottle::retryAfter(const QString &account, const QString &address, qint64 nowMs) const
{
    return qMax(lockedFor(accountKey(account), m_perAccount, nowMs),
                lockedFor(addressKey(address), m_perAddress, nowMs));
}

void LoginThrottle::beginAttempt(const QString &account, const QString &address)
{
    ++m_entries[accountKey(account)].inFlight;
    ++m_entries[addressKey(address)].inFlight;
}

void LoginThrottle::endAttempt(const QString &account, const QString &address)
{
    for (const QString &key : {accountKey(account), addressKey(address)}) {
        auto it = m_entries.find(key);
        if (it != m_entries.end() && it->inFlight > 0)
            --it->inFlight;
    }
}

void LoginThrottle::fail(const QString &key, int limit, qint64 nowMs)
{
    Entry &e = m_entries[key];
    if (nowMs - e.windowStart > m_windowMs && e.lockedUntil <= nowMs) {
        e.failures = 0;
        e.windowStart = nowMs;
    }
    if (++e.failures >= limit) {
        const qint64 lockout = qMin(maxLockoutMs, m_lockoutMs << qMin(e.lockouts, 20));
        e.lockedUntil = nowMs + lockout;
        ++e.lockouts;
    }
}

void LoginThrottle::recordFailure(const QString &account, const QString &address, qint64 nowMs)
{
    if (m_entries.size() > 100000)
        prune(nowMs);
    fail(accountKey(account), m_perAccount, nowMs);
    fail(addressKey(address), m_perAddress, nowMs);
}

void LoginThrottle::recordSuccess(const QString &account)
{
    auto it = m_entries.find(accountKey(account));
    if (it == m_entries.end())
        return;
    const int inFlight = it->inFlight;
    *it = Entry();
    it->inFlight = inFlight;
}

void LoginThrottle::prune(qint64 nowMs)
{
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->inFlight == 0 && it->lockedUntil <= nowMs && nowMs - it->windowStart > m_windowMs)
            it = m_entries.erase(it);
        else
            ++it;
    }
}

} // namespace natter::server
