// natter: the desktop client. Everything lives in natter_client_ui / natter_client_core.
#include "ui/application.h"
#include "ui/translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Natter"));
    QApplication::setApplicationName(QStringLiteral("Natter"));
    QApplication::setApplicationVersion(QStringLiteral(NATTER_VERSION));
    QApplication::setQuitOnLastWindowClosed(true);

    QSettings qs;
    natter::ui::AppSettings settings = natter::ui::AppSettings::load(qs);
    natter::ui::installTranslations(app, settings.language);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Natter chat client"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption server(QStringLiteral("server"),
                              QApplication::translate("main", "Server to connect to (host:port)."),
                              QStringLiteral("host:port"));
    QCommandLineOption user(QStringLiteral("user"),
                            QApplication::translate("main", "Username to fill in."),
                            QStringLiteral("name"));
    parser.addOption(server);
    parser.addOption(user);
    parser.process(app);
    if (parser.isSet(server))
        settings.server = parser.value(server);
    if (parser.isSet(user)) {
        settings.lastUsername = parser.value(user);
        settings.rememberMe = false;
    }

    natter::ui::Application natter(settings);
    natter.start();
    return app.exec();
}
