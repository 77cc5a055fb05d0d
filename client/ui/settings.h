#pragma once
// The user's preferences, kept in QSettings (the platform's usual place).

#include <QString>
#include <QStringList>

class QSettings;

namespace natter::ui {

struct AppSettings
{
    QString server = QStringLiteral("localhost:7447"); ///< host:port of natterd (wss://), or a ws:// URL
    QStringList recentServers; ///< servers logged in to, most recent first (at most maxRecentServers)
    QString lastUsername;
    bool rememberMe = false;
    QString language;          ///< "" follows the system; else "en", "de", "fr"
    bool notifications = true; ///< tray messages for new messages and requests
    bool enterSends = true;    ///< Enter sends, Shift+Enter breaks the line (else Ctrl+Enter sends)
    bool showMembers = true;
    bool lanDiscovery = true;  ///< the login screen looks for servers on the local network
    QString theme = QStringLiteral("system"); ///< "system", "light" or "dark" (ui::themeFromName)
    int fontPercent = 100;     ///< the application font, in percent of the system's (80–150)

    static constexpr int maxRecentServers = 10;
    /// Puts `server` first in recentServers (once), dropping the oldest beyond the maximum.
    void rememberServer(const QString &server);

    static AppSettings load(QSettings &settings);
    void save(QSettings &settings) const;
};

/// natterd's default port.
constexpr int defaultServerPort = 7447;

/// What the user typed to the WebSocket URL the client opens: a bare "host" or "host:port"
/// means wss:// (TLS is the server's default); ws:// only when typed explicitly. Without a
/// port, defaultServerPort.
QString serverUrlFromText(const QString &text);

} // namespace natter::ui
