#include "core/commandline.h"

#include <QCommandLineParser>
#include <QDir>
#include <QLoggingCategory>
#include <QStandardPaths>

namespace natter::server {

namespace {
bool applyLogLevel(const QString &level)
{
    static const QStringList levels{QStringLiteral("debug"), QStringLiteral("info"),
                                    QStringLiteral("warning"), QStringLiteral("error")};
    const int index = int(levels.indexOf(level));
    if (index < 0)
        return false;
    QString rules;
    for (int i = 0; i < index; ++i)
        rules += QStringLiteral("natter.*.%1=false\n").arg(levels[i]);
    for (int i = index; i < levels.size(); ++i)
        rules += QStringLiteral("natter.*.%1=true\n").arg(levels[i == 3 ? 2 : i]);
    QLoggingCategory::setFilterRules(rules);
    return true;
}
bool parseWindow(const QString &value, const char *option, qint64 *seconds, QString *error)
{
    bool ok = false;
    *seconds = value.toLongLong(&ok);
    if (!ok || *seconds < 0 || *seconds > qint64(100) * 365 * 24 * 3600) {
        *error = QStringLiteral("--%1: a number of seconds (0 for no limit), please").arg(QLatin1String(option));
        return false;
    }
    return true;
}

bool parseLifecycle(const QString &history, const QString &editWindow, const QString &deleteWindow,
                    LifecycleRules *rules, QString *error)
{
    if (!editHistoryFromName(history, &rules->editHistory)) {
        *error = QStringLiteral("--edit-history: use everyone, author or admins");
        return false;
    }
    return parseWindow(editWindow, "edit-window", &rules->editWindowSeconds, error)
        && parseWindow(deleteWindow, "delete-window", &rules->deleteWindowSeconds, error);
}

} // namespace

bool parseCommandLine(const QStringList &arguments, ServerConfig *config, QString *error, bool *exitNow)
{
    *exitNow = false;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "natterd — the Natter chat server. Clients connect over WebSocket; everything is stored "
        "in SQLite (default) or PostgreSQL."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Address to listen on (default: all interfaces)."),
                                    QStringLiteral("address"), QStringLiteral("0.0.0.0"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("TCP port for WebSocket clients; 0 picks a free one (default: 7447)."),
                                  QStringLiteral("port"), QStringLiteral("7447"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Directory for the database and other data (default: the "
                                                    "user's application data directory)."),
                                     QStringLiteral("dir"));
    const QCommandLineOption database(QStringLiteral("database"),
                                      QStringLiteral("Database: a SQLite file path (default: <data-dir>/natter.db) or "
                                                     "postgresql://user:password@host:port/dbname."),
                                      QStringLiteral("url"));
    const QCommandLineOption logLevel(QStringLiteral("log-level"),
                                      QStringLiteral("Least severe messages to log: debug, info, warning or error "
                                                     "(default: info)."),
                                      QStringLiteral("level"), QStringLiteral("info"));
    const QCommandLineOption writeBatch(QStringLiteral("write-batch"),
                                        QStringLiteral("Most writes that share one database commit (default: 1024; "
                                                       "1 commits every write alone, for comparison)."),
                                        QStringLiteral("n"), QStringLiteral("1024"));
    const QCommandLineOption editHistory(QStringLiteral("edit-history"),
                                         QStringLiteral("Who may read a message's earlier revisions: everyone (every "
                                                        "member who can read the message), author, or admins (a group "
                                                        "room's owner and admins) (default: everyone)."),
                                         QStringLiteral("who"), QStringLiteral("everyone"));
    const QCommandLineOption editWindow(QStringLiteral("edit-window"),
                                        QStringLiteral("Seconds after sending during which a message may be edited; "
                                                       "0 for no limit (default: 0)."),
                                        QStringLiteral("seconds"), QStringLiteral("0"));
    const QCommandLineOption deleteWindow(QStringLiteral("delete-window"),
                                          QStringLiteral("Seconds after sending during which the author may delete a "
                                                         "message; 0 for no limit (default: 0). Group owners and "
                                                         "admins may always delete."),
                                          QStringLiteral("seconds"), QStringLiteral("0"));
    const QCommandLineOption maxAttachment(QStringLiteral("max-attachment-bytes"),
                                           QStringLiteral("Largest attachment a client may upload, in bytes "
                                                          "(default: 26214400, i.e. 25 MiB)."),
                                           QStringLiteral("bytes"), QString::number(limits::defaultMaxAttachmentBytes));
    parser.addOptions({listen, port, dataDir, database, logLevel, writeBatch, editHistory, editWindow, deleteWindow,
                       maxAttachment});
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        parser.showHelp(0);
    }
    if (parser.isSet(QStringLiteral("version"))) {
        parser.showVersion();
    }
    if (!config->address.setAddress(parser.value(listen))) {
        *error = QStringLiteral("--listen: not an IP address: %1").arg(parser.value(listen));
        return false;
    }
    bool ok = false;
    const uint p = parser.value(port).toUInt(&ok);
    if (!ok || p > 65535) {
        *error = QStringLiteral("--port: not a port number: %1").arg(parser.value(port));
        return false;
    }
    config->port = quint16(p);
    if (!applyLogLevel(parser.value(logLevel))) {
        *error = QStringLiteral("--log-level: use debug, info, warning or error");
        return false;
    }
    QString dir = parser.value(dataDir);
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!QDir().mkpath(dir)) {
        *error = QStringLiteral("cannot create the data directory %1").arg(dir);
        return false;
    }
    const QString url = parser.isSet(database) ? parser.value(database)
                                               : QDir(dir).absoluteFilePath(QStringLiteral("natter.db"));
    if (!StorageConfig::fromUrl(url, &config->storage, error))
        return false;
    config->storage.dataDir = dir;
    config->maxAttachmentBytes = parser.value(maxAttachment).toLongLong(&ok);
    if (!ok || config->maxAttachmentBytes < 1 || config->maxAttachmentBytes > limits::maxJsonInteger) {
        *error = QStringLiteral("--max-attachment-bytes: a positive number of bytes, please");
        return false;
    }
    config->storage.maxWriteBatch = parser.value(writeBatch).toInt(&ok);
    if (!ok || config->storage.maxWriteBatch < 1) {
        *error = QStringLiteral("--write-batch: a positive number, please");
        return false;
    }
    return parseLifecycle(parser.value(editHistory), parser.value(editWindow), parser.value(deleteWindow),
                          &config->lifecycle, error);
}

} // namespace natter::server
