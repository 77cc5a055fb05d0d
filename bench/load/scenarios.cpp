#include "scenarios.h"

#include "scenariokit.h"

namespace natter::bench {

int runScenario(Driver &driver, const ScenarioOptions &options)
{
    if (options.scenario == QLatin1String("idle"))
        return runIdle(driver, options);
    if (options.scenario == QLatin1String("traffic"))
        return runTraffic(driver, options);
    if (options.scenario == QLatin1String("saturation"))
        return runSaturation(driver, options);
    if (options.scenario == QLatin1String("history"))
        return runHistory(driver, options);
    if (options.scenario == QLatin1String("storm"))
        return runStorm(driver, options);
    if (options.scenario == QLatin1String("search"))
        return runSearch(driver, options);
    say(QStringLiteral("unknown scenario '%1'").arg(options.scenario));
    return 2;
}

} // namespace natter::bench