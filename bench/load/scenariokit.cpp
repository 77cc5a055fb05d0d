#include "scenariokit.h"

#include "peer.h"

#include <QLocale>
#include <cstdio>

namespace natter::bench {

void say(const QString &text)
{
    std::fprintf(stderr, "[natter-load] %s\n", qPrintable(text));
}

QString thousands(double v)
{
    return QLocale(QLocale::English).toString(qRound64(v));
}

double cpuPercent(const ProcSample &a, const ProcSample &b)
{
    return b.atNs > a.atNs ? 100.0 * double(b.cpuUs - a.cpuUs) * 1000.0 / double(b.atNs - a.atNs)
                           : 0;
}

QString mapText(const QMap<QString, qint64> &m)
{
    QStringList parts;
    for (auto it = m.begin(); it != m.end(); ++it)
        parts << QStringLiteral("%1 ×%2")
                     .arg(it.key().isEmpty() ? QStringLiteral("?") : it.key())
                     .arg(it.value());
    return parts.join(QStringLiteral(", "));
}

QList<Peer *> makePeers(Driver &d, int first, int count)
{
    QList<Peer *> peers;
    for (int i = first; i < first + count; ++i)
        peers.append(d.makePeer(i));
    return peers;
}

int userCount(const Driver &d, const ScenarioOptions &o)
{
    return o.users > 0 ? qMin(o.users, int(d.plan().users.size())) : int(d.plan().users.size());
}

ResultRow windowRow(const QString &name, Window &w, double targetCopies)
{
    ResultRow r;
    r.scenario = name;
    r.sent = w.sent();
    r.delivered = w.received;
    r.lost = w.expected - w.received;
    r.perSecond = w.copiesInWindow / w.seconds();
    r.p50 = w.latency.percentileMs(0.50);
    r.p95 = w.latency.percentileMs(0.95);
    r.p99 = w.latency.percentileMs(0.99);
    r.max = w.latency.maxMs();
    if (w.copiesInWindow > 0)
        r.cpuUsPerCopy = double(w.server1.cpuUs - w.server0.cpuUs) / double(w.copiesInWindow);
    r.rssMb = w.server1.rssKb / 1024.0;
    QStringList notes;
    if (targetCopies > 0)
        notes << QStringLiteral("asked %1 copies/s").arg(thousands(targetCopies));
    notes << QStringLiteral("%1 messages/s sent").arg(thousands(w.sent() / w.seconds()));
    notes << QStringLiteral("stored (ack) p50/p99 %1/%2 ms")
                 .arg(w.ack.percentileMs(0.5), 0, 'f', 2)
                 .arg(w.ack.percentileMs(0.99), 0, 'f', 2);
    notes << QStringLiteral("server CPU %1%").arg(cpuPercent(w.server0, w.server1), 0, 'f', 0);
    notes << QStringLiteral("load tool CPU %1%")
                 .arg(100.0 * double(w.tool1 - w.tool0) / (w.seconds() * 1e6), 0, 'f', 0);
    // Interrupt time charged to no process (loopback TCP) shows here too: hence 20 %, not 0.
    if (w.othersPercent() > 20)
        notes << QStringLiteral("**other processes busy %1% of a CPU: figures disturbed**")
                     .arg(w.othersPercent(), 0, 'f', 0);
    if (w.sendErrors)
        notes << QStringLiteral("**%1 sends refused**").arg(w.sendErrors);
    if (w.unacked)
        notes << QStringLiteral("**%1 sends unanswered**").arg(w.unacked);
    if (w.skipped)
        notes << QStringLiteral("**%1 sends skipped (too many unanswered)**").arg(w.skipped);
    if (w.behind)
        notes << QStringLiteral("**load tool fell behind by %1 sends**").arg(w.behind);
    if (w.duplicates)
        notes << QStringLiteral("**%1 duplicate copies**").arg(w.duplicates);
    if (w.otherEvents)
        notes << QStringLiteral("%1 other events received").arg(w.otherEvents);
    r.notes = notes.join(QStringLiteral("; "));
    return r;
}

QString describeProblems(const Driver &d)
{
    QStringList out;
    if (!d.errors().isEmpty())
        out << QStringLiteral("errors: ") + mapText(d.errors());
    if (d.closedPeers())
        out << QStringLiteral("dropped connections: ") + mapText(d.closeReasons());
    if (!d.connectFailures().isEmpty())
        out << QStringLiteral("sign-in failures: ") + mapText(d.connectFailures());
    return out.join(QStringLiteral("; "));
}

QList<SendSlot> setUpTraffic(Driver &d, const ScenarioOptions &o, QString *error)
{
    const int users = userCount(d, o);
    const QList<Peer *> peers = makePeers(d, 0, users);
    const int ready = d.connectAll(peers, false, o.connectConcurrency, nullptr, 120000);
    if (ready != users) {
        *error = QStringLiteral("only %1 of %2 users signed in (%3)")
                     .arg(ready)
                     .arg(users)
                     .arg(describeProblems(d));
        return {};
    }
    QList<SendSlot> sendSlots;
    if (o.createRooms) {
        if (!d.createRooms(peers, o.roomSize, &sendSlots, error))
            return {};
    } else {
        sendSlots = d.seededSlots(peers);
        if (sendSlots.isEmpty())
            *error = QStringLiteral("the plan has no rooms among the first %1 users").arg(users);
    }
    if (!sendSlots.isEmpty()) {
        const int viewing = d.viewRooms(sendSlots);
        say(QStringLiteral("%1 of %2 users view their room").arg(viewing).arg(users));
    }
    return sendSlots;
}

double copiesPerMessage(const QList<SendSlot> &sendSlots)
{
    double sum = 0;
    for (const SendSlot &s : sendSlots)
        sum += s.expectedCopies;
    return sendSlots.isEmpty() ? 1 : qMax(1.0, sum / double(sendSlots.size()));
}

Window *measureAtRate(Driver &d, const ScenarioOptions &o, const QList<SendSlot> &sendSlots,
                      double copiesPerSecond)
{
    d.startTraffic(sendSlots, copiesPerSecond / copiesPerMessage(sendSlots));
    d.sleepMs(o.warmupMs);
    Window *w = d.beginWindow();
    d.sleepMs(o.durationMs);
    d.endWindow(w);
    d.stopTraffic();
    d.drain(w, o.drainMs);
    return w;
}

void reportPending(const ScenarioOptions &o, const QString &why)
{
    ResultRow r;
    r.scenario = o.label;
    r.notes = QStringLiteral("**pending**: %1").arg(why);
    QList<TargetCheck> targets;
    if (o.checkTargets)
        targets << TargetCheck{o.label, QStringLiteral("not measured: ") + why, false, true};
    writeReport(o.reportDir, o.label, {r}, targets);
}
} // namespace natter::bench
