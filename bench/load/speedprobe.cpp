#include "speedprobe.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <ctime>

namespace natter::bench {

namespace {
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

/// 0.2–0.35 s on the machine of docs/performance.md; returns a checksum so nothing is elided.
int fixedWork()
{
    int sum = 0;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (int i = 0; i < 10000; ++i) {
        QJsonArray messages;
        for (int m = 0; m < 8; ++m) {
            messages.append(QJsonObject{{QStringLiteral("id"), i * 8 + m},
                                        {QStringLiteral("body"), QStringLiteral("probe message %1 of %2").arg(m).arg(i)},
                                        {QStringLiteral("sentAt"), qint64(1700000000000) + i}});
        }
        const QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("messages"), messages}}).toJson();
        sum += QJsonDocument::fromJson(json).object().value(QStringLiteral("messages")).toArray().size();
        hash.addData(json);
    }
    return sum + hash.result().at(0);
}
} // namespace

double speedProbeMs()
{
    double best = 0;
    volatile int sink = 0;
    for (int round = 0; round < 3; ++round) {
        const double start = threadCpuMs();
        sink = sink + fixedWork();
        const double ms = threadCpuMs() - start;
        best = round == 0 ? ms : std::min(best, ms);
    }
    return best;
}

} // namespace natter::bench
