#include "ui/settings.h"

#include <QSettings>

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
    a.theme = s.value(QStringLiteral("appearance/theme"), a.theme).toString();
    a.fontPercent = qBound(80, s.value(QStringLiteral("appearance/fontPercent"), a.fontPercent).toInt(), 150);
    a.knownServers = s.value(QStringLiteral("knownServers")).toStringList();
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
    s.setValue(QStringLiteral("appearance/theme"), theme);
    s.setValue(QStringLiteral("appearance/fontPercent"), fontPercent);
    s.setValue(QStringLiteral("knownServers"), knownServers);
}

void AppSettings::rememberServer(const QString &address)
{
    const QString a = address.trimmed();
    if (a.isEmpty())
        return;
    knownServers.removeAll(a);
    knownServers.prepend(a);
    while (knownServers.size() > maxKnownServers)
        knownServers.removeLast();
}

QString serverUrlFromText(const QString &text)
{
    const QString t = text.trimmed();
    if (t.startsWith(QLatin1String("ws://")) || t.startsWith(QLatin1String("wss://")))
        return t;
    return QStringLiteral("ws://") + (t.isEmpty() ? QStringLiteral("localhost:7447") : t);
}

} // namespace natter::ui
