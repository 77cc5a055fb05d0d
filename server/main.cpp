// natterd: parses the command line and runs NatterServer until SIGINT/SIGTERM, or runs one
// administration command (natterd user|backup|check ...) and exits.
#include "admin/admincommands.h"
#include "core/commandline.h"
#ifdef NATTER_HAVE_EPOLL
#include "core/epolldispatcher.h"
#endif
#include "core/natterserver.h"
#include "core/unixsignals.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char *argv[])
{
#ifdef NATTER_HAVE_EPOLL
    natter::server::installEpollDispatcher();
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("natterd"));
    QCoreApplication::setOrganizationName(QStringLiteral("Natter"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NATTER_VERSION));

    natter::server::ServerConfig config;
    natter::server::AdminRequest admin;
    QString error;
    bool exitNow = false;
    if (!natter::server::parseCommandLine(app.arguments(), &config, &admin, &error, &exitNow)) {
        std::fprintf(stderr, "natterd: %s\n", qPrintable(error));
        return 2;
    }
    if (!admin.words.isEmpty()) {
        QTextStream in(stdin), out(stdout), err(stderr);
        return natter::server::runAdminCommand(config, admin, in, out, err);
    }
    natter::server::NatterServer server(config);
    if (!server.start(&error)) {
        std::fprintf(stderr, "natterd: %s\n", qPrintable(error));
        return 1;
    }
    if (config.tls)
        std::printf("natterd TLS certificate SHA-256 fingerprint: %s\n", qPrintable(server.tlsFingerprint()));
    if (server.discoveryPort() != 0)
        std::printf("natterd answers LAN discovery on UDP port %u\n", server.discoveryPort());
    std::printf("natterd listening on %s:%u\n", qPrintable(config.address.toString()), server.port());
    std::fflush(stdout);

    natter::server::UnixSignals unixSignals;
    QObject::connect(&unixSignals, &natter::server::UnixSignals::terminationRequested, &app, [&] {
        server.stop();
        app.quit();
    });
    return app.exec();
}
