#pragma once

#include <QObject>
#include <QThreadPool>
#include <functional>

namespace natter::server {

/// argon2id hashing and verification (libsodium crypto_pwhash_str) on a private thread pool,
/// never on the event loop. Results are delivered on `context`'s thread.
class PasswordHasher
{
public:
    /// `fast` selects libsodium's minimum cost (tests only); otherwise INTERACTIVE.
    explicit PasswordHasher(bool fast, int maxPending = 256);
    ~PasswordHasher();

    /// False when too much work is queued (the caller answers "unavailable").
    bool hash(const QString &password, QObject *context, std::function<void(const QString &hash)> done);
    /// Hashes on the calling thread; for natterd's admin commands, never the event loop.
    /// Returns an empty string when hashing fails.
    QString hashNow(const QString &password) const;
    /// An empty `hash` verifies against a dummy so unknown users take as long as known ones.
    bool verify(const QString &hash, const QString &password, QObject *context,
                std::function<void(bool ok)> done);

private:
    bool submit(std::function<void()> work);

    QThreadPool m_pool;
    unsigned long long m_opsLimit;
    size_t m_memLimit;
    int m_maxPending;
    std::atomic<int> m_pending{0};
    QByteArray m_dummyHash;
};

} // namespace natter::server
