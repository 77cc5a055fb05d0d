// natter-load: drives natterd (or natter-relay) over loopback with many simulated users and
// reports throughput, latency, server CPU and memory. See docs/performance.md.
#include "driver.h"
#include "scenarios.h"
#include "speedprobe.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstdio>

using namespace natter::bench;

namespace {

struct Option
{
    const char *name;
    const char *help;
    const char *value;
};

const Option options[] = {
    {"scenario", "idle, traffic, saturation, history, storm or search", "name"},
    {"port", "port of the server on 127.0.0.1", "port"},
    {"server-pid", "process id of the server, for CPU and memory readings", "pid"},
    {"plan", "plan written by natter-seed (users, tokens, rooms)", "file"},
    {"synthetic-users", "no plan: make up this many users (for natter-relay)", "n"},
    {"label", "name of the report rows and files", "label"},
    {"report-dir", "directory to append Markdown rows to", "dir"},
    {"no-targets", "do not compare with the targets (e.g. for the relay)", nullptr},
    {"users", "simulated users (default: all of the plan)", "n"},
    {"room-size", "members per room (default 2)", "n"},
    {"create-rooms", "make rooms with rooms.create/rooms.join instead of the seeded ones", nullptr},
    {"rate", "delivered copies per second (saturation: the first step)", "copies"},
    {"step-factor", "saturation: rate multiplier per step (default 1.3)", "x"},
    {"max-steps", "saturation: most steps (default 12)", "n"},
    {"warmup", "seconds before measuring (default 3)", "s"},
    {"duration", "seconds measured (default 15)", "s"},
    {"drain", "seconds to wait for the last copies (default 5)", "s"},
    {"connect-concurrency", "sign-ins in flight at once (default 100)", "n"},
    {"logins", "storm: logins with the password (default 1000)", "n"},
    {"login-concurrency", "storm: logins in flight at once (default 16)", "n"},
    {"login-offset", "storm: plan index of the first account to log into", "n"},
    {"queries", "search: queries measured per class (default 200)", "n"},
    {"speed-probe", "only time a fixed amount of CPU work (see speedprobe.h), print ms and exit", nullptr},
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Load generator for natterd benchmarks."));
    parser.addHelpOption();
    for (const Option &o : options) {
        parser.addOption(
            o.value ? QCommandLineOption(QString::fromLatin1(o.name), QString::fromUtf8(o.help),
                                         QString::fromLatin1(o.value))
                    : QCommandLineOption(QString::fromLatin1(o.name), QString::fromUtf8(o.help)));
    }
    parser.process(app);
    if (parser.isSet(QStringLiteral("speed-probe"))) {
        std::printf("%.0f\n", speedProbeMs());
        return 0;
    }
    auto value = [&](const char *name) { return parser.value(QString::fromLatin1(name)); };
    auto number = [&](const char *name, double fallback) {
        bool ok = false;
        const double v = value(name).toDouble(&ok);
        return ok ? v : fallback;
    };

    DriverOptions driverOptions;
    driverOptions.port = quint16(number("port", 0));
    driverOptions.serverPid = qint64(number("server-pid", 0));
    if (parser.isSet(QStringLiteral("plan"))) {
        QString error;
        if (!Plan::load(value("plan"), &driverOptions.plan, &error)) {
            std::fprintf(stderr, "natter-load: %s\n", qPrintable(error));
            return 2;
        }
    } else {
        driverOptions.plan = Plan::synthetic(int(number("synthetic-users", 0)));
    }
    if (driverOptions.port == 0 || driverOptions.plan.users.isEmpty()) {
        std::fprintf(stderr,
                     "natter-load: --port and a plan (or --synthetic-users) are required\n");
        return 2;
    }

    ScenarioOptions s;
    s.scenario = value("scenario");
    s.label = parser.isSet(QStringLiteral("label")) ? value("label") : s.scenario;
    s.reportDir = value("report-dir");
    s.checkTargets = !parser.isSet(QStringLiteral("no-targets"));
    s.users = int(number("users", 0));
    s.roomSize = qMax(2, int(number("room-size", 2)));
    s.createRooms = parser.isSet(QStringLiteral("create-rooms"));
    s.rate = number("rate", 1000);
    s.stepFactor = number("step-factor", s.stepFactor);
    s.maxSteps = int(number("max-steps", s.maxSteps));
    s.warmupMs = qint64(number("warmup", s.warmupMs / 1000.0) * 1000);
    s.durationMs = qint64(number("duration", s.durationMs / 1000.0) * 1000);
    s.drainMs = qint64(number("drain", s.drainMs / 1000.0) * 1000);
    s.connectConcurrency = int(number("connect-concurrency", s.connectConcurrency));
    s.logins = int(number("logins", s.logins));
    s.loginConcurrency = int(number("login-concurrency", s.loginConcurrency));
    s.loginOffset = int(number("login-offset", s.loginOffset));
    s.queriesPerClass = int(number("queries", s.queriesPerClass));

    const qint64 files = raiseOpenFileLimit();
    if (s.users + 64 > files)
        std::fprintf(stderr, "natter-load: warning: only %lld open files allowed\n",
                     static_cast<long long>(files));

    Driver driver(driverOptions);
    return runScenario(driver, s);
}
