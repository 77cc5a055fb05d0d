#include "ui/settings.h"

#include <QSettings>
#include <QUrl>

namespace natter::ui {

AppSettings AppSettings::load(QSettings &s)
{
    AppSettings a;
    a.server = s.value(QStringLiteral("server"), a.server).toString();
    a.lastUsername = s.value(QStringLiteral("lastUsername")).toString();
    a.rememberMe = s.value(QStringLiteral("rememberMe"), a.rememberMe).toBool();
    a.language = s.value(QStringLiteral("language")).toString();
    a.notifications = s.value(QStringLiteral("notifications"), a.notifications).toBool();
    a.enterSends = s.value(QStringLiteral("enterSends"), a.enterSends).toBool();
    a.showMembers = s.value(QStringLiteral("showMembers"), a.showMembers).toBool();
    a.lanDiscovery = s.value(QStringLiteral("lanDiscovery"), a.lanDiscovery).toBool();
    a.recentServers = s.value(QStringLiteral("recentServers")).toStringList().mid(0, maxRecentServers);
    a.theme = s.value(QStringLiteral("appearance/theme"), a.theme).toString();
    a.fontPercent = qBound(80, s.value(QStringLiteral("appearance/fontPercent"), a.fontPercent).toInt(), 150);
    return a;
}

void AppSettings::save(QSettings &s) const
{
    s.setValue(QStringLiteral("server"), server);
    s.setValue(QStringLiteral("lastUsername"), lastUsername);
    s.setValue(QStringLiteral("rememberMe"), rememberMe);
    s.setValue(QStringLiteral("language"), language);
    s.setValue(QStringLiteral("notifications"), notifications);
    s.setValue(QStringLiteral("enterSends"), enterSends);
    s.setValue(QStringLiteral("showMembers"), showMembers);
    s.setValue(QStringLiteral("lanDiscovery"), lanDiscovery);
    s.setValue(QStringLiteral("recentServers"), recentServers);
    s.setValue(QStringLiteral("appearance/theme"), theme);
    s.setValue(QStringLiteral("appearance/fontPercent"), fontPercent);
}

void AppSettings::rememberServer(const QString &text)
{
    const QString entry = text.trimmed();
    if (entry.isEmpty())
        return;
    recentServers.removeAll(entry);
    recentServers.prepend(entry);
    while (recentServers.size() > maxRecentServers)
        recentServers.removeLast();
}

QString serverUrlFromText(const QString &text)
{
    QString t = text.trimmed();
    if (t.isEmpty())
        t = QStringLiteral("localhost");
    const bool typedScheme = t.startsWith(QLatin1String("ws://"), Qt::CaseInsensitive)
        || t.startsWith(QLatin1String("wss://"), Qt::CaseInsensitive);
    QUrl url(typedScheme ? t : QStringLiteral("wss://") + t);
    if (url.port() < 0)
        url.setPort(defaultServerPort);
    return url.toString();
}

} // namespace natter::ui
