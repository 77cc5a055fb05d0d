// A login storm: 1,000 logins with the password (argon2id) while other users chat.
#include "scenariokit.h"

#include "peer.h"

#include <QTimer>
#include <memory>

namespace natter::bench {

namespace {

// ---- login storm ------------------------------------------------------------------------------

struct Storm
{
    int next = 0;
    int inFlight = 0;
    int ok = 0;
    int failed = 0;
    int retries = 0;
    Latencies latency;
    QMap<QString, qint64> failures;
    std::function<void()> launch;
    std::function<void(int)> login;
};

void startStorm(Driver &d, const ScenarioOptions &o, const std::shared_ptr<Storm> &s)
{
    std::weak_ptr<Storm> weak = s;
    s->login = [&d, weak](int userIndex) {
        auto s = weak.lock();
        if (!s)
            return;
        ++s->inFlight;
        Peer *p = d.makePeer(userIndex);
        p->start(true, [weak, p, userIndex](bool ok) {
            auto s = weak.lock();
            if (!s)
                return;
            p->close();
            if (ok) {
                ++s->ok;
                s->latency.add(p->readyNs() - p->startedNs());
            } else if (p->failure() == QLatin1String("rate_limited") ||
                       p->failure() == QLatin1String("unavailable")) {
                ++s->retries; // the server asked to come back: do, after a second, still in flight
                QTimer::singleShot(1000, [weak, userIndex] {
                    if (auto s = weak.lock()) {
                        --s->inFlight;
                        s->login(userIndex);
                    }
                });
                return;
            } else {
                ++s->failed;
                ++s->failures[p->failure()];
            }
            --s->inFlight;
            s->launch();
        });
    };
    s->launch = [weak, o] {
        auto s = weak.lock();
        while (s && s->next < o.logins && s->inFlight < o.loginConcurrency)
            s->login(o.loginOffset + s->next++);
    };
    s->launch();
}

} // namespace

int runStorm(Driver &d, const ScenarioOptions &o)
{
    if (o.loginOffset + o.logins > d.plan().users.size() || o.loginOffset < userCount(d, o)) {
        reportPending(
            o, QStringLiteral("the plan needs users %1… for logins, apart from the chatting users")
                   .arg(o.loginOffset));
        return 1;
    }
    QString error;
    const QList<SendSlot> sendSlots = setUpTraffic(d, o, &error);
    if (sendSlots.isEmpty()) {
        reportPending(o, error);
        return 1;
    }
    d.startTraffic(sendSlots, o.rate / copiesPerMessage(sendSlots));
    d.sleepMs(o.warmupMs);
    Window *before = d.beginWindow();
    d.sleepMs(5000);
    d.endWindow(before);
    Window *during = d.beginWindow();
    auto storm = std::make_shared<Storm>();
    const qint64 t0 = nowNs();
    startStorm(d, o, storm);
    d.waitFor([&] { return storm->ok + storm->failed >= o.logins; }, o.stormCapMs);
    const double seconds = (nowNs() - t0) / 1e9;
    d.endWindow(during);
    d.stopTraffic();
    d.drain(before, o.drainMs);
    d.drain(during, o.drainMs);

    const double loginsPerSecond = storm->ok / seconds;
    ResultRow base =
        windowRow(QStringLiteral("%1: chat before the logins").arg(o.label), *before, o.rate);
    ResultRow row = windowRow(
        QStringLiteral("%1: chat during %2 logins").arg(o.label).arg(o.logins), *during, o.rate);
    row.notes = QStringLiteral(
                    "%1 logins ok in %2 s = **%3 logins/s** (login p50/p99 %4/%5 ms, %6 at a time, "
                    "%7 failed, %8 retried); ")
                    .arg(storm->ok)
                    .arg(seconds, 0, 'f', 1)
                    .arg(loginsPerSecond, 0, 'f', 1)
                    .arg(storm->latency.percentileMs(0.5), 0, 'f', 0)
                    .arg(storm->latency.percentileMs(0.99), 0, 'f', 0)
                    .arg(o.loginConcurrency)
                    .arg(storm->failed)
                    .arg(storm->retries) +
                row.notes;
    if (!storm->failures.isEmpty())
        row.notes += QStringLiteral("; login failures: ") + mapText(storm->failures);
    QList<TargetCheck> t;
    if (o.checkTargets) {
        t << TargetCheck{
            QStringLiteral("login storm: other users' p99 < 50 ms during 1,000 logins"),
            QStringLiteral("p99 %1 ms, max %2 ms (%3 logins/s)")
                .arg(row.p99, 0, 'f', 1)
                .arg(row.max, 0, 'f', 1)
                .arg(loginsPerSecond, 0, 'f', 1),
            row.p99 < 50 && storm->ok == o.logins && row.lost == 0};
    }
    storm->launch = nullptr;
    storm->login = nullptr;
    writeReport(o.reportDir, o.label, {base, row}, t);
    return 0;
}

} // namespace natter::bench
