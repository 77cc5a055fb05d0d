#pragma once
// The benchmark scenarios. Each is bounded in time, prints its figures and appends them to the
// report directory as Markdown rows (see metrics.h).

#include <QString>

namespace natter::bench {

class Driver;

struct ScenarioOptions
{
    QString scenario; ///< idle, traffic, saturation, history, storm or search
    QString label;    ///< name of the report files and first word of each row
    QString reportDir;
    bool checkTargets = true; ///< compare with the targets (natterd, not the relay)
    int users = 0;            ///< simulated users (0: every user of the plan)
    int roomSize = 2;         ///< members per room
    bool createRooms = false; ///< rooms.create / rooms.join instead of the seeded direct rooms
    double rate = 0;          ///< delivered copies per second asked for (saturation: first step)
    double stepFactor = 1.3;  ///< saturation: rate multiplier per step
    int maxSteps = 12;
    qint64 warmupMs = 3000;
    qint64 durationMs = 15000;
    qint64 drainMs = 5000;
    int connectConcurrency = 100;
    int logins = 1000;         ///< storm: logins with the password
    int loginConcurrency = 16; ///< storm: logins in flight at once
    int loginOffset = 0;       ///< storm: plan index of the first account logged into
    qint64 stormCapMs = 300000; ///< storm: the logins' time bound (1,000 at ~180 ms of argon2id each fit)
    int queriesPerClass = 200; ///< search: queries measured per query class
};

/// Runs one scenario; returns a process exit code (0 also when a target is missed).
int runScenario(Driver &driver, const ScenarioOptions &options);

} // namespace natter::bench
