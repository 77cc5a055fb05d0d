#pragma once
// The user's preferences, kept in QSettings (the platform's usual place).

#include <QString>
#include <QStringList>

class QSettings;

namespace natter::ui {

struct AppSettings
{
    QString server = QStringLiteral("localhost:7447"); ///< host:port of natterd
    QString lastUsername;
    bool rememberMe = false;
    QString language;          ///< "" follows the system; else "en", "de", "fr"
    bool notifications = true; ///< tray messages for new messages and requests
    bool enterSends = true;    ///< Enter sends, Shift+Enter breaks the line (else Ctrl+Enter sends)
    bool showMembers = true;
    QString theme = QStringLiteral("system"); ///< "system", "light" or "dark" (ui::themeFromName)
    int fontPercent = 100;     ///< the application font, in percent of the system's (80–150)
    QStringList knownServers;  ///< servers logged in to, most recent first (the Settings' list)

    /// Puts `server` first in knownServers (once; at most maxKnownServers are kept).
    void rememberServer(const QString &server);
    static constexpr int maxKnownServers = 20;

    static AppSettings load(QSettings &settings);
    void save(QSettings &settings) const;
};

/// "host:port" or a ws:// / wss:// URL to the WebSocket URL the client opens.
QString serverUrlFromText(const QString &text);

} // namespace natter::ui
