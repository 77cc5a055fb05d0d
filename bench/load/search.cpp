// Full-text search over a corpus of a million messages with search.messages: each query class
// of the plan (common word, rare word, phrase, operators, short term, per room or global, ...)
// is run one request at a time, and reported with its latency and the server CPU per query.
#include "scenariokit.h"

#include "peer.h"

#include <QJsonArray>
#include <QMap>
#include <QTimer>
#include <memory>

namespace natter::bench {

namespace {

struct QueryRun
{
    Latencies latency;
    qint64 queries = 0;
    qint64 results = 0;
    qint64 errors = 0;
    qint64 shortPages = 0; ///< fewer results than asked for, with a cursor to go on
    ProcSample s0, s1;
    double seconds = 0;
};

constexpr int pageSize = 20;

/// Runs `count` searches on `peer`, cycling through `queries`, one at a time and at most
/// `perSecond`. With `follow`, each next request of a query continues from the previous
/// page's nextBefore (back to the newest when it is null).
QueryRun runQueries(Driver &d, Peer *peer, const QList<PlanQuery> &queries, int count,
                    double perSecond, bool follow)
{
    auto run = std::make_shared<QueryRun>();
    Driver *driver = &d;
    auto next = std::make_shared<std::function<void(int, qint64)>>();
    const qint64 gapNs = qint64(1e9 / perSecond);
    *next = [=](int i, qint64 before) {
        const PlanQuery &q = queries[i % queries.size()];
        QJsonObject data{{QStringLiteral("query"), q.text}, {QStringLiteral("limit"), pageSize}};
        if (q.roomId > 0)
            data.insert(QStringLiteral("roomId"), q.roomId);
        if (before > 0)
            data.insert(QStringLiteral("before"), before);
        const qint64 t0 = nowNs();
        peer->request("search.messages", data, [=](const QJsonObject &reply, const QString &code) {
            run->latency.add(peer->lastFrameNs() - t0);
            qint64 cursor = 0;
            if (!code.isEmpty()) {
                ++run->errors;
                driver->countError(code);
            } else {
                const qint64 found = reply.value(QStringLiteral("results")).toArray().size();
                cursor = qint64(reply.value(QStringLiteral("nextBefore")).toDouble());
                run->results += found;
                run->shortPages += found < pageSize && cursor > 0;
            }
            if (++run->queries >= count)
                return;
            const bool samePages = follow && cursor > 0;
            const qint64 wait = qMax<qint64>(0, t0 + gapNs - nowNs()) / 1000000;
            QTimer::singleShot(int(wait), Qt::PreciseTimer,
                               [=] { (*next)(samePages ? i : i + 1, samePages ? cursor : 0); });
        });
    };
    run->s0 = sampleProcess(d.options().serverPid);
    const qint64 t0 = nowNs();
    (*next)(0, 0);
    d.waitFor([&] { return run->queries >= count; }, qint64(count) * 2000 + 10000);
    run->seconds = (nowNs() - t0) / 1e9;
    run->s1 = sampleProcess(d.options().serverPid);
    *next = nullptr;
    return *run;
}

ResultRow queryRow(const QString &name, QueryRun &run, const QString &notes)
{
    ResultRow r;
    r.scenario = name;
    r.sent = run.queries;
    r.delivered = run.results;
    r.lost = run.errors;
    r.perSecond = run.queries / run.seconds;
    r.p50 = run.latency.percentileMs(0.5);
    r.p95 = run.latency.percentileMs(0.95);
    r.p99 = run.latency.percentileMs(0.99);
    r.max = run.latency.maxMs();
    r.cpuUsPerCopy = run.queries ? double(run.s1.cpuUs - run.s0.cpuUs) / double(run.queries) : -1;
    r.rssMb = run.s1.rssKb / 1024.0;
    r.notes = notes;
    return r;
}

QString describeQueries(const QList<PlanQuery> &queries)
{
    QStringList texts;
    for (const PlanQuery &q : queries)
        texts << (q.roomId > 0 ? QStringLiteral("`%1` (room %2)").arg(q.text).arg(q.roomId)
                               : QStringLiteral("`%1`").arg(q.text));
    return texts.join(QStringLiteral(", "));
}

} // namespace

int runSearch(Driver &d, const ScenarioOptions &o)
{
    const Plan &plan = d.plan();
    if (plan.corpusMessages <= 0 || plan.queries.isEmpty()) {
        reportPending(o, QStringLiteral("the plan has no search corpus (natter-seed --corpus)"));
        return 1;
    }
    Peer *peer = d.makePeer(plan.searcher);
    if (d.connectAll({peer}, false, 1, nullptr, 10000) != 1) {
        reportPending(o, QStringLiteral("could not sign in: ") + describeProblems(d));
        return 1;
    }
    QMap<QString, QList<PlanQuery>> classes;
    QStringList order;
    for (const PlanQuery &q : plan.queries) {
        if (!classes.contains(q.queryClass))
            order << q.queryClass;
        classes[q.queryClass].append(q);
    }
    constexpr double perSecond = 80; // below natterd's 100 requests/s per connection
    // Warm the caches once over the whole mix, unmeasured.
    runQueries(d, peer, plan.queries, int(plan.queries.size()), perSecond, false);
    QList<ResultRow> rows;
    double worstP99 = 0;
    for (const QString &cls : std::as_const(order)) {
        const bool follow = cls == QLatin1String("paging");
        say(QStringLiteral("search: %1").arg(cls));
        QueryRun run = runQueries(d, peer, classes[cls], o.queriesPerClass, perSecond, follow);
        worstP99 = qMax(worstP99, run.latency.percentileMs(0.99));
        rows << queryRow(
            QStringLiteral("%1 %2").arg(o.label, cls), run,
            QStringLiteral("%1%2; %3 short pages")
                .arg(describeQueries(classes[cls]),
                     follow ? QStringLiteral(", following nextBefore page after page") : QString())
                .arg(run.shortPages));
    }
    rows.first().notes.prepend(
        QStringLiteral("%1 messages in %2 rooms; the searcher reads %3 of them; pages of %4, one "
                       "request at a time, ≤ %5/s; sent = queries, delivered = results, lost = "
                       "errors, CPU = server µs per query. ")
            .arg(thousands(double(plan.corpusMessages)))
            .arg(plan.corpusRooms)
            .arg(plan.searcherRooms)
            .arg(pageSize)
            .arg(perSecond));
    if (const QString p = describeProblems(d); !p.isEmpty())
        rows.last().notes += QStringLiteral("; ") + p;
    QList<TargetCheck> t;
    if (o.checkTargets) {
        t << TargetCheck{
            QStringLiteral("search: a page of results from 1,000,000 messages in p99 ≤ 100 ms "
                           "for every query class"),
            QStringLiteral("worst class p99 %1 ms").arg(worstP99, 0, 'f', 2),
            worstP99 <= 100 && plan.corpusMessages >= 1000000};
    }
    writeReport(o.reportDir, o.label, rows, t);
    return 0;
}

} // namespace natter::bench
