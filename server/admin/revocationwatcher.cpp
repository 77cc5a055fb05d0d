#include "admin/revocationwatcher.h"

#include "net/clientconnection.h"
#include "net/connectionregistry.h"
#include "storage/repositories.h"
#include "storage/storage.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcRevocations, "natter.server.revocations")

namespace natter::server {

namespace {
constexpr int kBatch = 500;
}

struct RevocationWatcher::Poll
{
    qint64 dataVersion = -1;
    bool looked = false;
    QList<Revocation> revocations;
};

RevocationWatcher::RevocationWatcher(Storage &storage, const ConnectionRegistry &registry, int intervalMs,
                                     QObject *parent)
    : QObject(parent), m_storage(storage), m_registry(registry)
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &RevocationWatcher::poll);
}

void RevocationWatcher::start()
{
    m_inFlight = true;
    m_storage.read<qint64>(
        this, [](Repositories &r) { return r.revocations.latestId(); },
        [this](const StorageResult<qint64> &result) {
            m_inFlight = false;
            if (!result.ok()) {
                qCWarning(lcRevocations) << "cannot read account revocations:" << result.error;
                return; // the timer retries start() through poll()
            }
            m_lastId = *result.value;
        });
    m_timer.start();
}

void RevocationWatcher::stop() { m_timer.stop(); }

void RevocationWatcher::poll()
{
    if (m_inFlight)
        return;
    if (m_lastId < 0)
        return start();
    m_inFlight = true;
    const qint64 lastId = m_lastId, lastVersion = m_dataVersion;
    m_storage.read<Poll>(
        this,
        [lastId, lastVersion](Repositories &r) {
            Poll p;
            p.dataVersion = r.revocations.dataVersion();
            // Unchanged: nothing was committed by another connection (the server's own
            // writer included) since the last look.
            if (p.dataVersion >= 0 && p.dataVersion == lastVersion)
                return p;
            p.looked = true;
            p.revocations = r.revocations.since(lastId, kBatch);
            return p;
        },
        [this](const StorageResult<Poll> &result) {
            m_inFlight = false;
            if (!result.ok()) {
                qCWarning(lcRevocations) << "cannot read account revocations:" << result.error;
                return;
            }
            const Poll &p = *result.value;
            // A full batch may have more behind it: look again next time whatever the version.
            m_dataVersion = p.revocations.size() == kBatch ? -2 : p.dataVersion;
            for (const Revocation &r : p.revocations) {
                apply(r);
                m_lastId = r.id;
            }
        });
}

void RevocationWatcher::apply(const Revocation &revocation)
{
    const bool disabled = revocation.reason == RevocationReason::Disabled;
    const ErrorCode code = disabled ? ErrorCode::AccountDisabled : ErrorCode::SessionRevoked;
    const int closeCode = disabled ? closecode::accountDisabled : closecode::sessionRevoked;
    const QString reason = disabled ? QStringLiteral("account disabled") : QStringLiteral("session revoked");
    int closed = 0;
    for (ClientConnection *c : m_registry.connectionsOf(revocation.user)) {
        if (c->isClosing())
            continue;
        c->sendError(std::nullopt, code, errorCodeText(code));
        c->close(closeCode, reason);
        ++closed;
    }
    if (closed > 0)
        qCInfo(lcRevocations) << "closed" << closed << "connection(s) of user" << revocation.user.value << "-" << reason;
    Q_EMIT applied(revocation.id, closed);
}

} // namespace natter::server
