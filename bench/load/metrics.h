#pragma once
// Measuring helpers: a monotonic clock shared with the server's machine, latency samples with
// exact percentiles, and CPU/memory readings of a process from /proc.

#include <QString>
#include <QStringList>
#include <vector>

namespace natter::bench {

/// CLOCK_MONOTONIC in nanoseconds: the same clock in every process on this machine, so a send
/// time embedded by one connection can be compared with a receive time on another.
qint64 nowNs();

/// Latency samples in microseconds; percentiles are exact (sorted on demand).
class Latencies
{
public:
    void reserve(size_t n) { m_us.reserve(n); }
    void add(qint64 ns)
    {
        m_us.push_back(ns < 0 ? 0 : quint32(qMin<qint64>(ns / 1000, 0xffffffffLL)));
        m_sorted = false;
    }
    size_t count() const { return m_us.size(); }
    void clear()
    {
        m_us.clear();
        m_sorted = true;
    }
    /// q in [0, 1]; in milliseconds; 0 when empty.
    double percentileMs(double q);
    double maxMs();

private:
    void sort();
    std::vector<quint32> m_us;
    bool m_sorted = true;
};

/// One reading of a process: CPU time (user + system, all threads) and resident memory.
struct ProcSample
{
    qint64 cpuUs = 0; ///< utime + stime from /proc/<pid>/stat
    qint64 rssKb = 0; ///< VmRSS from /proc/<pid>/status
    qint64 atNs = 0;
    bool ok = false;
};

ProcSample sampleProcess(qint64 pid);
/// CPU time of this process so far, in microseconds (getrusage).
qint64 selfCpuUs();
/// CPU time the whole machine has been busy (all CPUs, /proc/stat), in microseconds.
qint64 machineBusyUs();
/// Raises RLIMIT_NOFILE to its hard limit; returns the new soft limit.
qint64 raiseOpenFileLimit();

/// One line of the results table.
struct ResultRow
{
    QString scenario;
    qint64 sent = -1;
    qint64 delivered = -1;
    qint64 lost = -1;
    double perSecond = -1; ///< delivered copies per second (or the scenario's own rate)
    double p50 = -1, p95 = -1, p99 = -1, max = -1; ///< milliseconds
    double cpuUsPerCopy = -1;
    double rssMb = -1;
    QString notes;
};

/// A target from docs/performance.md and what was measured against it.
struct TargetCheck
{
    QString target;
    QString measured;
    bool met = false;
    bool pending = false; ///< could not be measured yet (a feature is missing)
};

/// Prints rows and checks to stdout and appends them, as Markdown table rows, to
/// <dir>/<label>.rows.md and <dir>/<label>.targets.md when `dir` is set.
void writeReport(const QString &dir, const QString &label, const QList<ResultRow> &rows,
                 const QList<TargetCheck> &targets);

QString formatRate(double perSecond);

} // namespace natter::bench
