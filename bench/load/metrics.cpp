#include "metrics.h"

#include <QDir>
#include <QFile>
#include <QTextStream>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <sys/resource.h>
#include <unistd.h>

namespace natter::bench {

qint64 nowNs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

void Latencies::sort()
{
    if (!m_sorted) {
        std::sort(m_us.begin(), m_us.end());
        m_sorted = true;
    }
}

double Latencies::percentileMs(double q)
{
    if (m_us.empty())
        return 0;
    sort();
    // Nearest rank: the smallest sample with at least q of all samples at or below it.
    const size_t rank = size_t(std::ceil(q * double(m_us.size())));
    return m_us[std::min(m_us.size() - 1, rank == 0 ? 0 : rank - 1)] / 1000.0;
}

double Latencies::maxMs()
{
    return m_us.empty() ? 0 : *std::max_element(m_us.begin(), m_us.end()) / 1000.0;
}

ProcSample sampleProcess(qint64 pid)
{
    ProcSample s;
    s.atNs = nowNs();
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return s;
    const QByteArray line = stat.readAll();
    // Fields after the ")" that closes the command name: state is field 3, utime 14, stime 15.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return s;
    static const double usPerTick = 1e6 / double(sysconf(_SC_CLK_TCK));
    s.cpuUs = qint64((fields[11].toLongLong() + fields[12].toLongLong()) * usPerTick);
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &l : status.readAll().split('\n')) {
            if (l.startsWith("VmRSS:"))
                s.rssKb = l.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
    }
    s.ok = true;
    return s;
}

qint64 selfCpuUs()
{
    rusage u;
    getrusage(RUSAGE_SELF, &u);
    return qint64(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000000 + u.ru_utime.tv_usec +
           u.ru_stime.tv_usec;
}

qint64 machineBusyUs()
{
    QFile stat(QStringLiteral("/proc/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    // cpu user nice system idle iowait irq softirq steal ...
    const QList<QByteArray> f = stat.readLine().simplified().split(' ');
    if (f.size() < 9)
        return 0;
    const qint64 busy = f[1].toLongLong() + f[2].toLongLong() + f[3].toLongLong() +
                        f[6].toLongLong() + f[7].toLongLong() + f[8].toLongLong();
    return qint64(busy * (1e6 / double(sysconf(_SC_CLK_TCK))));
}

qint64 raiseOpenFileLimit()
{
    rlimit l;
    if (getrlimit(RLIMIT_NOFILE, &l) != 0)
        return -1;
    l.rlim_cur = l.rlim_max;
    setrlimit(RLIMIT_NOFILE, &l);
    getrlimit(RLIMIT_NOFILE, &l);
    return qint64(l.rlim_cur);
}

QString formatRate(double perSecond)
{
    return QString::number(qRound64(perSecond));
}

namespace {
QString num(qint64 v)
{
    return v < 0 ? QStringLiteral("–") : QString::number(v);
}
QString dec(double v, int places)
{
    return v < 0 ? QStringLiteral("–") : QString::number(v, 'f', places);
}

QString rowText(const ResultRow &r)
{
    return QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 | %10 | %11 | %12 |")
        .arg(r.scenario, num(r.sent), num(r.delivered), num(r.lost),
             r.perSecond < 0 ? QStringLiteral("–") : formatRate(r.perSecond), dec(r.p50, 2),
             dec(r.p95, 2), dec(r.p99, 2), dec(r.max, 1))
        .arg(dec(r.cpuUsPerCopy, 1), dec(r.rssMb, 1), r.notes);
}

void appendTo(const QString &path, const QStringList &lines)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        return;
    QTextStream out(&f);
    for (const QString &l : lines)
        out << l << '\n';
}
} // namespace

void writeReport(const QString &dir, const QString &label, const QList<ResultRow> &rows,
                 const QList<TargetCheck> &targets)
{
    QStringList rowLines;
    for (const ResultRow &r : rows)
        rowLines << rowText(r);
    QStringList targetLines;
    for (const TargetCheck &t : targets)
        targetLines << QStringLiteral("| %1 | %2 | %3 |")
                           .arg(t.target, t.measured,
                                t.pending ? QStringLiteral("pending")
                                : t.met   ? QStringLiteral("met")
                                          : QStringLiteral("**missed**"));
    for (const QString &l : rowLines + targetLines)
        std::printf("%s\n", qPrintable(l));
    std::fflush(stdout);
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    appendTo(QDir(dir).filePath(label + QStringLiteral(".rows.md")), rowLines);
    appendTo(QDir(dir).filePath(label + QStringLiteral(".targets.md")), targetLines);
}

} // namespace natter::bench
