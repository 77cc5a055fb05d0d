#pragma once
// Lets administration commands run in another process (`natterd user disable`,
// `natterd user reset-password`) reach the connections of a running server.

#include <QObject>
#include <QTimer>

namespace natter::server {

class ConnectionRegistry;
class Storage;
struct Revocation;

/// Polls the database for accounts disabled or sessions revoked by another connection and
/// closes those users' live connections: an error frame without id (`account_disabled` or
/// `session_revoked`), then close code 4006 or 4007 (docs/protocol.md §11).
///
/// Each poll is one job on the reader thread: it reads SQLite's `PRAGMA data_version` (which
/// changes only when another connection committed) and, only when it changed, the
/// `account_revocations` entries newer than the last one seen. The event loop never waits;
/// at most one poll is in flight. Entries written before start() are ignored.
class RevocationWatcher : public QObject
{
    Q_OBJECT
public:
    /// `storage` and `registry` must outlive this watcher; so must this watcher the storage's
    /// queued jobs (keep it until the storage is closed).
    RevocationWatcher(Storage &storage, const ConnectionRegistry &registry, int intervalMs,
                      QObject *parent = nullptr);

    /// Notes the newest entry, then polls every interval.
    void start();
    void stop();

Q_SIGNALS:
    /// A revocation was applied to `closed` live connections (for logs and tests).
    void applied(qint64 revocationId, int closed);

private:
    struct Poll;
    void poll();
    void apply(const Revocation &revocation);

    Storage &m_storage;
    const ConnectionRegistry &m_registry;
    QTimer m_timer;
    qint64 m_lastId = -1;       ///< -1 until start()'s read answered
    qint64 m_dataVersion = -2;  ///< -2: none seen yet
    bool m_inFlight = false;
};

} // namespace natter::server
