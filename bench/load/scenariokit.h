#pragma once
// What the scenarios share: connecting users and giving them rooms, measuring at a fixed
// rate, and turning a window into a results row.

#include "driver.h"
#include "scenarios.h"

#include <QList>
#include <QMap>
#include <QString>

namespace natter::bench {

constexpr double maxP99Ms = 100; ///< the latency bound of every traffic target

/// Progress on stderr (stdout carries the results).
void say(const QString &text);
/// 12345.6 → "12,346".
QString thousands(double v);
/// CPU use between two readings, in % of one CPU.
double cpuPercent(const ProcSample &a, const ProcSample &b);
QString mapText(const QMap<QString, qint64> &m);
/// New peers for plan users [first, first + count).
QList<Peer *> makePeers(Driver &d, int first, int count);
/// --users, or every user of the plan.
int userCount(const Driver &d, const ScenarioOptions &o);
/// The figures of a drained window as a table row.
ResultRow windowRow(const QString &name, Window &w, double targetCopies);
/// Errors, dropped connections and failed sign-ins seen so far, for the notes.
QString describeProblems(const Driver &d);
/// Connects the users and gives them rooms (seeded, or made with rooms.create/join); each then
/// views its room. Empty on failure, with `error`.
QList<SendSlot> setUpTraffic(Driver &d, const ScenarioOptions &o, QString *error);
/// Average copies each message should produce.
double copiesPerMessage(const QList<SendSlot> &sendSlots);
/// One measured run at a fixed rate: warm up, measure, stop sending, drain.
Window *measureAtRate(Driver &d, const ScenarioOptions &o, const QList<SendSlot> &sendSlots,
                      double copiesPerSecond);
/// A row (and target) saying the scenario could not be measured, and why.
void reportPending(const ScenarioOptions &o, const QString &why);

int runIdle(Driver &d, const ScenarioOptions &o);
int runTraffic(Driver &d, const ScenarioOptions &o);
int runSaturation(Driver &d, const ScenarioOptions &o);
int runHistory(Driver &d, const ScenarioOptions &o);
int runStorm(Driver &d, const ScenarioOptions &o);
int runSearch(Driver &d, const ScenarioOptions &o);

} // namespace natter::bench
