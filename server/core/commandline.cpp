#include "core/commandline.h"

#include "protocol/discovery.h"
#include "protocol/limits.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QLoggingCategory>
#include <QStandardPaths>

#include <memory>

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

/// Where an option's value comes from: the command line first, then the config file, then
/// the option's default.
class OptionSource
{
public:
    explicit OptionSource(const QCommandLineParser &parser) : m_parser(parser) {}

    /// Loads the INI file; every key must name an option natterd knows.
    bool load(const QString &path, const QList<QCommandLineOption> &options, QString *error)
    {
        if (!QFileInfo(path).isReadable()) {
            *error = QStringLiteral("--config: cannot read %1").arg(path);
            return false;
        }
        m_settings = std::make_unique<QSettings>(path, QSettings::IniFormat);
        if (m_settings->status() != QSettings::NoError) {
            *error = QStringLiteral("--config: %1 is not a valid INI file").arg(path);
            return false;
        }
        QStringList known;
        for (const QCommandLineOption &o : options)
            known += o.names().constLast();
        for (const QString &key : m_settings->allKeys()) {
            // QSettings reads "#key=value" as a key; to an administrator it is a commented-out line.
            if (key.startsWith(QLatin1Char('#')) || key.startsWith(QLatin1Char(';')))
                continue;
            if (!known.contains(key) || key == QLatin1String("config")) {
                *error = QStringLiteral("%1: unknown key '%2'").arg(path, key);
                return false;
            }
        }
        return true;
    }
    bool isSet(const QCommandLineOption &option) const
    {
        return m_parser.isSet(option) || (m_settings && m_settings->contains(option.names().constLast()));
    }
    QString value(const QCommandLineOption &option) const
    {
        if (m_parser.isSet(option))
            return m_parser.value(option);
        const QString key = option.names().constLast();
        if (m_settings && m_settings->contains(key)) {
            const QVariant v = m_settings->value(key);
            // QSettings splits unquoted values at commas; join them back.
            return v.typeId() == QMetaType::QStringList ? v.toStringList().join(QLatin1Char(',')) : v.toString();
        }
        return option.defaultValues().value(0);
    }
    /// For on/off switches: on the command line, or "true"/"false" in the file.
    bool flag(const QCommandLineOption &option, bool *ok) const
    {
        *ok = true;
        if (m_parser.isSet(option))
            return true;
        const QString v = value(option).trimmed().toLower();
        if (v.isEmpty() || v == QLatin1String("false") || v == QLatin1String("0") || v == QLatin1String("no"))
            return false;
        if (v == QLatin1String("true") || v == QLatin1String("1") || v == QLatin1String("yes"))
            return true;
        *ok = false;
        return false;
    }

private:
    const QCommandLineParser &m_parser;
    std::unique_ptr<QSettings> m_settings;
};

} // namespace

namespace {

/// Every option natterd accepts; the long name doubles as the config file's key.
struct Options
{
    QCommandLineOption config{QStringLiteral("config"),
                              QStringLiteral("INI file whose keys (the long option names, e.g. port=7447) give "
                                             "defaults for every option; the command line overrides it."),
                              QStringLiteral("file")};
    QCommandLineOption listen{QStringLiteral("listen"), QStringLiteral("Address to listen on (default: all interfaces)."),
                              QStringLiteral("address"), QStringLiteral("0.0.0.0")};
    QCommandLineOption port{QStringLiteral("port"),
                            QStringLiteral("TCP port for WebSocket clients; 0 picks a free one (default: 7447)."),
                            QStringLiteral("port"), QStringLiteral("7447")};
    QCommandLineOption dataDir{QStringLiteral("data-dir"),
                               QStringLiteral("Directory for the database and other data (default: the user's "
                                              "application data directory)."),
                               QStringLiteral("dir")};
    QCommandLineOption database{QStringLiteral("database"),
                                QStringLiteral("Database: a SQLite file path (default: <data-dir>/natter.db) or "
                                               "postgresql://user:password@host:port/dbname."),
                                QStringLiteral("url")};
    QCommandLineOption logLevel{QStringLiteral("log-level"),
                                QStringLiteral("Least severe messages to log: debug, info, warning or error "
                                               "(default: info)."),
                                QStringLiteral("level"), QStringLiteral("info")};
    QCommandLineOption writeBatch{QStringLiteral("write-batch"),
                                  QStringLiteral("Most writes that share one database commit (default: 1024; 1 "
                                                 "commits every write alone, for comparison)."),
                                  QStringLiteral("n"), QStringLiteral("1024")};
    QCommandLineOption editHistory{QStringLiteral("edit-history"),
                                   QStringLiteral("Who may read a message's earlier revisions: everyone (every member "
                                                  "who can read the message), author, or admins (a group room's owner "
                                                  "and admins) (default: everyone)."),
                                   QStringLiteral("who"), QStringLiteral("everyone")};
    QCommandLineOption editWindow{QStringLiteral("edit-window"),
                                  QStringLiteral("Seconds after sending during which a message may be edited; 0 for "
                                                 "no limit (default: 0)."),
                                  QStringLiteral("seconds"), QStringLiteral("0")};
    QCommandLineOption deleteWindow{QStringLiteral("delete-window"),
                                    QStringLiteral("Seconds after sending during which the author may delete a "
                                                   "message; 0 for no limit (default: 0). Group owners and admins may "
                                                   "always delete."),
                                    QStringLiteral("seconds"), QStringLiteral("0")};
    QCommandLineOption maxAttachment{QStringLiteral("max-attachment-bytes"),
                                     QStringLiteral("Largest attachment a client may upload, in bytes (default: "
                                                    "26214400, i.e. 25 MiB)."),
                                     QStringLiteral("bytes"), QString::number(limits::defaultMaxAttachmentBytes)};
    QCommandLineOption signup{QStringLiteral("signup"),
                              QStringLiteral("Who may create an account: open (anyone who reaches the server), "
                                             "invite (with a code from an administrator) or closed (accounts are "
                                             "made with natterd user add) (default: open). The first account of an "
                                             "empty server may always sign up and becomes its administrator."),
                              QStringLiteral("mode"), QStringLiteral("open")};
    QCommandLineOption noTls{QStringLiteral("no-tls"),
                             QStringLiteral("Serve plain ws:// instead of wss:// (in the config file: no-tls=true). "
                                            "Only for trusted networks and tests.")};
    QCommandLineOption tlsCert{QStringLiteral("tls-cert"),
                               QStringLiteral("PEM certificate (optionally followed by its chain) to serve; default: "
                                              "a self-signed one generated in <data-dir>/tls on first start."),
                               QStringLiteral("file")};
    QCommandLineOption tlsKey{QStringLiteral("tls-key"), QStringLiteral("PEM private key of --tls-cert (unencrypted)."),
                              QStringLiteral("file")};
    QCommandLineOption name{QStringLiteral("name"),
                             QStringLiteral("Server name shown to clients that discover it (default: the host name)."),
                             QStringLiteral("name")};
    QCommandLineOption discoveryPort{QStringLiteral("discovery-port"),
                                     QStringLiteral("UDP port on which natterd answers LAN discovery probes "
                                                    "(default: 7448)."),
                                     QStringLiteral("port"), QStringLiteral("7448")};
    QCommandLineOption noDiscovery{QStringLiteral("no-discovery"),
                                   QStringLiteral("Do not answer LAN discovery probes (in the config file: "
                                                  "no-discovery=true).")};
    QCommandLineOption passwordStdin{QStringLiteral("password-stdin"),
                                     QStringLiteral("user add / user reset-password: read the password from standard "
                                                    "input instead of generating one.")};

    QList<QCommandLineOption> all() const
    {
        return {config, listen, port, dataDir, database, logLevel, writeBatch, editHistory, editWindow, deleteWindow,
                maxAttachment, signup, noTls, tlsCert, tlsKey, name, discoveryPort, noDiscovery, passwordStdin};
    }
};

const char *const kCommandHelp =
    "Administration (instead of running the server; the server may keep running):\n"
    "  user list                      every account, with its state\n"
    "  user add NAME                  create an account (password generated and printed,\n"
    "                                 or read with --password-stdin)\n"
    "  user disable NAME              refuse its logins and end its sessions\n"
    "  user enable NAME               allow it again\n"
    "  user reset-password NAME       new password; ends its sessions\n"
    "  user grant-admin NAME          make it an administrator (may create invite codes)\n"
    "  user revoke-admin NAME         make it an ordinary account again\n"
    "  invite create [USES [HOURS]]   an invite code for signup=invite (default: 1 use,\n"
    "                                 168 hours)\n"
    "  backup FILE                    consistent copy of the SQLite database (online backup)\n"
    "  check                          check the configuration, the TLS certificate and the\n"
    "                                 database\n"
    "  tls-fingerprint                print the SHA-256 fingerprint of the TLS certificate";

bool parseNetwork(const Options &o, const OptionSource &src, ServerConfig *config, QString *error)
{
    if (!config->address.setAddress(src.value(o.listen))) {
        *error = QStringLiteral("--listen: not an IP address: %1").arg(src.value(o.listen));
        return false;
    }
    bool ok = false;
    const uint p = src.value(o.port).toUInt(&ok);
    if (!ok || p > 65535) {
        *error = QStringLiteral("--port: not a port number: %1").arg(src.value(o.port));
        return false;
    }
    config->port = quint16(p);
    if (!applyLogLevel(src.value(o.logLevel))) {
        *error = QStringLiteral("--log-level: use debug, info, warning or error");
        return false;
    }
    const QString signup = src.value(o.signup);
    for (SignupMode mode : {SignupMode::Open, SignupMode::Invite, SignupMode::Closed}) {
        if (signup == signupModeName(mode)) {
            config->signupMode = mode;
            return true;
        }
    }
    *error = QStringLiteral("--signup: use open, invite or closed");
    return false;
}

bool parseStorage(const Options &o, const OptionSource &src, ServerConfig *config, QString *error)
{
    QString dir = src.value(o.dataDir);
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!QDir().mkpath(dir)) {
        *error = QStringLiteral("cannot create the data directory %1").arg(dir);
        return false;
    }
    const QString url = src.isSet(o.database) ? src.value(o.database)
                                              : QDir(dir).absoluteFilePath(QStringLiteral("natter.db"));
    if (!StorageConfig::fromUrl(url, &config->storage, error))
        return false;
    bool ok = false;
    config->storage.dataDir = QDir(dir).absolutePath();
    config->maxAttachmentBytes = src.value(o.maxAttachment).toLongLong(&ok);
    if (!ok || config->maxAttachmentBytes < 1 || config->maxAttachmentBytes > limits::maxJsonInteger) {
        *error = QStringLiteral("--max-attachment-bytes: a positive number of bytes, please");
        return false;
    }
    config->storage.maxWriteBatch = src.value(o.writeBatch).toInt(&ok);
    if (!ok || config->storage.maxWriteBatch < 1) {
        *error = QStringLiteral("--write-batch: a positive number, please");
        return false;
    }
    return true;
}

} // namespace

bool parseCommandLine(const QStringList &arguments, ServerConfig *config, AdminRequest *admin, QString *error,
                      bool *exitNow)
{
    *exitNow = false;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "natterd — the Natter chat server. Clients connect over WebSocket; everything is stored "
        "in SQLite (default) or PostgreSQL.\n\n") + QLatin1String(kCommandHelp));
    parser.addHelpOption();
    parser.addVersionOption();
    const Options o;
    parser.addOptions(o.all());
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("An administration command (see above)."),
                                 QStringLiteral("[command...]"));
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    OptionSource src(parser);
    if (parser.isSet(o.config) && !src.load(parser.value(o.config), o.all(), error))
        return false;
    admin->words = parser.positionalArguments();
    admin->passwordFromStdin = parser.isSet(o.passwordStdin);
    config->configFile = parser.isSet(o.config) ? QFileInfo(parser.value(o.config)).absoluteFilePath() : QString();
    bool ok = false;
    config->tls = !src.flag(o.noTls, &ok);
    if (!ok) {
        *error = QStringLiteral("no-tls: use true or false");
        return false;
    }
    config->tlsCertFile = src.value(o.tlsCert);
    config->tlsKeyFile = src.value(o.tlsKey);
    config->discovery = !src.flag(o.noDiscovery, &ok);
    if (!ok) {
        *error = QStringLiteral("no-discovery: use true or false");
        return false;
    }
    const uint udp = src.value(o.discoveryPort).toUInt(&ok);
    if (!ok || udp > 65535) {
        *error = QStringLiteral("--discovery-port: not a port number: %1").arg(src.value(o.discoveryPort));
        return false;
    }
    config->discoveryPort = quint16(udp);
    config->displayName = src.value(o.name).left(discovery::maxNameLength);
    return parseNetwork(o, src, config, error) && parseStorage(o, src, config, error)
        && parseLifecycle(src.value(o.editHistory), src.value(o.editWindow), src.value(o.deleteWindow),
                          &config->lifecycle, error);
}

bool parseCommandLine(const QStringList &arguments, ServerConfig *config, QString *error, bool *exitNow)
{
    AdminRequest admin;
    if (!parseCommandLine(arguments, config, &admin, error, exitNow))
        return false;
    if (!admin.words.isEmpty()) {
        *error = QStringLiteral("unexpected argument: %1").arg(admin.words.constFirst());
        return false;
    }
    return true;
}

} // namespace natter::server
