// Paging back through a room of a million messages with messages.history.
#include "scenariokit.h"

#include "peer.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTimer>
#include <limits>
#include <memory>

namespace natter::bench {

namespace {

// ---- history ----------------------------------------------------------------------------------

struct PagingRun
{
    Latencies latency;
    qint64 pages = 0;
    qint64 messages = 0;
    qint64 shortPages = 0;
    qint64 errors = 0;
    qint64 lowestSeq = std::numeric_limits<qint64>::max();
    ProcSample s0, s1;
    double seconds = 0;
};

/// Pages through the history room on `peers` for `ms`, one request at a time per connection
/// and at most `perSecond` requests per connection (natterd allows 100 per second).
/// `nextBefore` picks the beforeSeq of the next page from the first seq of the last one
/// (0 when there was none).
PagingRun page(Driver &d, const QList<Peer *> &peers, qint64 ms, double perSecond,
               const std::function<qint64(qint64)> &nextBefore)
{
    auto run = std::make_shared<PagingRun>();
    auto stop = std::make_shared<bool>(false);
    auto idle = std::make_shared<int>(0);
    auto next = std::make_shared<std::function<void(Peer *, qint64)>>();
    const qint64 room = d.plan().historyRoom;
    const qint64 gapNs = qint64(1e9 / perSecond);
    *next = [=](Peer *peer, qint64 before) {
        if (*stop) {
            ++*idle;
            return;
        }
        const qint64 t0 = nowNs();
        peer->request(
            "messages.history",
            {{QStringLiteral("roomId"), room},
             {QStringLiteral("beforeSeq"), before},
             {QStringLiteral("limit"), 50}},
            [=](const QJsonObject &data, const QString &code) {
                run->latency.add(peer->lastFrameNs() - t0);
                ++run->pages;
                const QJsonArray messages = data.value(QStringLiteral("messages")).toArray();
                qint64 first = 0;
                if (!code.isEmpty()) {
                    ++run->errors;
                } else {
                    run->messages += messages.size();
                    run->shortPages +=
                        messages.size() < 50 && data.value(QStringLiteral("more")).toBool();
                    first = messages.isEmpty() ? 0
                                               : qint64(messages.first()
                                                            .toObject()
                                                            .value(QStringLiteral("seq"))
                                                            .toDouble());
                    run->lowestSeq = first > 0 ? qMin(run->lowestSeq, first) : run->lowestSeq;
                }
                const qint64 wait = qMax<qint64>(0, t0 + gapNs - nowNs()) / 1000000;
                QTimer::singleShot(int(wait), Qt::PreciseTimer,
                                   [=] { (*next)(peer, nextBefore(first)); });
            });
    };
    run->s0 = sampleProcess(d.options().serverPid);
    const qint64 t0 = nowNs();
    for (Peer *p : peers)
        (*next)(p, nextBefore(0));
    d.sleepMs(ms);
    *stop = true;
    d.waitFor([&] { return *idle == peers.size(); }, 5000);
    run->seconds = (nowNs() - t0) / 1e9;
    run->s1 = sampleProcess(d.options().serverPid);
    *next = nullptr;
    return *run;
}

ResultRow pagingRow(const QString &name, PagingRun &run, const QString &notes)
{
    ResultRow r;
    r.scenario = name;
    r.sent = run.pages;
    r.delivered = run.messages;
    r.lost = run.errors + run.shortPages;
    r.perSecond = run.pages / run.seconds;
    r.p50 = run.latency.percentileMs(0.5);
    r.p95 = run.latency.percentileMs(0.95);
    r.p99 = run.latency.percentileMs(0.99);
    r.max = run.latency.maxMs();
    r.cpuUsPerCopy = run.pages ? double(run.s1.cpuUs - run.s0.cpuUs) / double(run.pages) : -1;
    r.rssMb = run.s1.rssKb / 1024.0;
    r.notes = notes;
    return r;
}

} // namespace

int runHistory(Driver &d, const ScenarioOptions &o)
{
    const Plan &plan = d.plan();
    if (plan.historyRoom <= 0) {
        reportPending(o, QStringLiteral("the plan has no history room"));
        return 1;
    }
    // One connection pages from the newest message back; then four (the same user, its token
    // resumed four times) read pages at random positions.
    const QList<Peer *> peers{d.makePeer(plan.historyMember), d.makePeer(plan.historyMember),
                              d.makePeer(plan.historyMember), d.makePeer(plan.historyMember)};
    if (d.connectAll(peers, false, 4, nullptr, 10000) != peers.size()) {
        reportPending(o, QStringLiteral("could not sign in: ") + describeProblems(d));
        return 1;
    }
    constexpr double perConnection = 80; // below natterd's 100 requests/s per connection
    const qint64 total = plan.historyMessages;
    PagingRun sequential = page(d, {peers[0]}, o.durationMs, perConnection,
                                [](qint64 first) { return first > 1 ? first : 0; });
    PagingRun random = page(d, peers, o.durationMs / 2, perConnection, [total](qint64) {
        return 51 + QRandomGenerator::global()->bounded(qMax<qint64>(1, total - 50));
    });
    const QString common =
        QStringLiteral("pages of 50 from a room of %1 messages, one request at a time per "
                       "connection, ≤ %2 per second each (rate limit 100/s); rate = pages/s, "
                       "delivered = messages, lost = errors or short pages, CPU = µs per page")
            .arg(thousands(total))
            .arg(perConnection);
    QList<ResultRow> rows;
    rows << pagingRow(QStringLiteral("%1 (1 connection, newest → older)").arg(o.label), sequential,
                      common + QStringLiteral("; reached seq %1").arg(sequential.lowestSeq));
    rows << pagingRow(QStringLiteral("%1 (4 connections, random positions)").arg(o.label), random,
                      common);
    if (const QString p = describeProblems(d); !p.isEmpty())
        rows[1].notes += QStringLiteral("; ") + p;
    QList<TargetCheck> t;
    if (o.checkTargets) {
        const double p99 = qMax(rows[0].p99, rows[1].p99);
        t << TargetCheck{
            QStringLiteral("history: a page of 50 from 1,000,000 messages in p99 ≤ 5 ms"),
            QStringLiteral("p99 %1 ms (sequential) / %2 ms (random)")
                .arg(rows[0].p99, 0, 'f', 2)
                .arg(rows[1].p99, 0, 'f', 2),
            p99 <= 5 && total >= 1000000};
    }
    writeReport(o.reportDir, o.label, rows, t);
    return 0;
}

} // namespace natter::bench
