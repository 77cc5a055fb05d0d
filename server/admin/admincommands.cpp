#include "admin/admincommands.h"

#include "admin/admincheck.h"
#include "auth/credentialpolicy.h"
#include "auth/invitecodes.h"
#include "auth/passwordhasher.h"
#include "storage/migrator.h"
#include "storage/repositories.h"
#include "storage/sqlconnection.h"
#include "protocol/limits.h"
#include "storage/storageerror.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <memory>
#include <sodium.h>

namespace natter::server {

namespace {

const QString kConnection = QStringLiteral("natter-admin");

/// The admin commands' connection, migrated to the newest schema, closed on destruction.
class AdminDatabase
{
public:
    explicit AdminDatabase(const StorageConfig &config)
    {
        QSqlDatabase db = openConnection(config, kConnection, SearchIndex::Left);
        Migrator(db, config.dialect()).migrate();
        m_repos = std::make_unique<Repositories>(db);
    }
    ~AdminDatabase()
    {
        m_repos.reset();
        closeConnection(kConnection);
    }
    Repositories &repos() { return *m_repos; }

    /// Runs `work` in one transaction; rolls back when it throws.
    template <class F>
    auto transaction(F work)
    {
        QSqlDatabase &db = m_repos->database();
        if (!db.transaction())
            throw StorageError(QStringLiteral("cannot begin a transaction"));
        try {
            auto result = work(*m_repos);
            if (!db.commit())
                throw StorageError(QStringLiteral("commit failed"));
            return result;
        } catch (...) {
            db.rollback();
            throw;
        }
    }

private:
    std::unique_ptr<Repositories> m_repos;
};

/// 20 characters from an alphabet without look-alikes (about 116 bits).
QString generatePassword()
{
    static const char alphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString out;
    for (int i = 0; i < 20; ++i)
        out += QLatin1Char(alphabet[randombytes_uniform(sizeof(alphabet) - 1)]);
    return out;
}

/// The new password: read from `in` (--password-stdin) or generated and shown once.
bool choosePassword(const AdminRequest &request, const QString &username, QTextStream &in, QString *password,
                    bool *generated, QString *error)
{
    *generated = !request.passwordFromStdin;
    *password = request.passwordFromStdin ? in.readLine() : generatePassword();
    *error = checkPassword(*password, username);
    return error->isEmpty();
}

int userList(AdminDatabase &db, QTextStream &out)
{
    const QList<UserRecord> users = db.repos().users.list();
    out << QStringLiteral("%1  %2  %3  %4  %5\n").arg(QStringLiteral("id"), 6).arg(QStringLiteral("username"), -32)
               .arg(QStringLiteral("state"), -8).arg(QStringLiteral("role"), -5).arg(QStringLiteral("created (UTC)"));
    for (const UserRecord &r : users) {
        out << QStringLiteral("%1  %2  %3  %4  %5\n").arg(r.user.id.value, 6).arg(r.user.username, -32)
                   .arg(r.disabled ? QStringLiteral("disabled") : QStringLiteral("enabled"), -8)
                   .arg(r.admin ? QStringLiteral("admin") : QStringLiteral("user"), -5)
                   .arg(QDateTime::fromMSecsSinceEpoch(r.createdAt, Qt::UTC).toString(Qt::ISODate));
    }
    out << users.size() << (users.size() == 1 ? " account\n" : " accounts\n");
    return AdminOk;
}

int userAdd(AdminDatabase &db, const AdminRequest &request, const QString &name, QTextStream &in, QTextStream &out,
            QTextStream &err)
{
    const QString nameProblem = checkUsername(name);
    if (!nameProblem.isEmpty()) {
        err << "natterd: " << nameProblem << "\n";
        return AdminFailed;
    }
    QString password, problem;
    bool generated = false;
    if (!choosePassword(request, name, in, &password, &generated, &problem)) {
        err << "natterd: " << problem << "\n";
        return AdminFailed;
    }
    const QString hash = PasswordHasher(false).hashNow(password);
    const auto user = db.transaction([&](Repositories &r) {
        return r.users.create(name, hash, QDateTime::currentMSecsSinceEpoch());
    });
    if (!user) {
        err << "natterd: the name " << name << " is taken\n";
        return AdminFailed;
    }
    out << "created " << user->username << " (id " << user->id.value << ")\n";
    if (generated)
        out << "password: " << password << "\n";
    return AdminOk;
}

/// grant-admin and revoke-admin.
int userRole(AdminDatabase &db, UserId id, const QString &name, bool admin, QTextStream &out)
{
    db.transaction([&](Repositories &r) { return r.users.setAdmin(id, admin); });
    out << name << (admin ? " is now an administrator\n" : " is no longer an administrator\n");
    return AdminOk;
}

/// disable, enable, reset-password, grant-admin, revoke-admin: one account by name, changed in
/// one transaction.
int userChange(AdminDatabase &db, const AdminRequest &request, const QString &verb, const QString &name,
               QTextStream &in, QTextStream &out, QTextStream &err)
{
    const std::optional<UserRecord> record = db.repos().users.findByName(name);
    if (!record) {
        err << "natterd: no account named " << name << "\n";
        return AdminFailed;
    }
    const UserId id = record->user.id;
    if (verb.endsWith(QLatin1String("-admin")))
        return userRole(db, id, record->user.username, verb == QLatin1String("grant-admin"), out);
    if (verb == QLatin1String("reset-password")) {
        QString password, problem;
        bool generated = false;
        if (!choosePassword(request, record->user.username, in, &password, &generated, &problem)) {
            err << "natterd: " << problem << "\n";
            return AdminFailed;
        }
        const QString hash = PasswordHasher(false).hashNow(password);
        const int ended = db.transaction([&](Repositories &r) {
            r.users.setPasswordHash(id, hash);
            // A running server closes the user's live connections (RevocationWatcher).
            r.revocations.record(id, RevocationReason::SessionsRevoked, QDateTime::currentMSecsSinceEpoch());
            return r.sessions.revokeAll(id);
        });
        out << "password of " << record->user.username << " reset; " << ended << " session(s) ended\n";
        if (generated)
            out << "password: " << password << "\n";
        return AdminOk;
    }
    const bool disable = verb == QLatin1String("disable");
    const int ended = db.transaction([&](Repositories &r) {
        r.users.setDisabled(id, disable);
        if (!disable)
            return 0;
        r.revocations.record(id, RevocationReason::Disabled, QDateTime::currentMSecsSinceEpoch());
        return r.sessions.revokeAll(id);
    });
    out << record->user.username << (disable ? " disabled; " : " enabled\n");
    if (disable)
        out << ended << " session(s) ended\n";
    return AdminOk;
}

int userCommand(const ServerConfig &config, const AdminRequest &request, QTextStream &in, QTextStream &out,
                QTextStream &err)
{
    const QStringList &w = request.words;
    const QString verb = w.value(1);
    static const QStringList withName{QStringLiteral("add"), QStringLiteral("disable"), QStringLiteral("enable"),
                                      QStringLiteral("reset-password"), QStringLiteral("grant-admin"),
                                      QStringLiteral("revoke-admin")};
    const bool list = verb == QLatin1String("list") && w.size() == 2;
    if (!list && !(withName.contains(verb) && w.size() == 3)) {
        err << "natterd: use user list | user add NAME | user disable NAME | user enable NAME | "
               "user reset-password NAME | user grant-admin NAME | user revoke-admin NAME\n";
        return AdminUsage;
    }
    AdminDatabase db(config.storage);
    if (list)
        return userList(db, out);
    if (verb == QLatin1String("add"))
        return userAdd(db, request, w[2], in, out, err);
    return userChange(db, request, verb, w[2], in, out, err);
}

/// `invite create [USES [HOURS]]`: a code for sign-up in invite mode, made by no account.
int inviteCommand(const ServerConfig &config, const AdminRequest &request, QTextStream &out, QTextStream &err)
{
    const QStringList &w = request.words;
    bool usesOk = true, hoursOk = true;
    const int uses = w.size() > 2 ? w[2].toInt(&usesOk) : 1;
    const int hours = w.size() > 3 ? w[3].toInt(&hoursOk) : limits::defaultInviteCodeValidHours;
    if (w.value(1) != QLatin1String("create") || w.size() > 4 || !usesOk || !hoursOk || uses < 1
        || uses > limits::maxInviteCodeUses || hours < 1 || hours > limits::maxInviteCodeValidHours) {
        err << "natterd: use invite create [USES (1-" << limits::maxInviteCodeUses << ", default 1) [HOURS (1-"
            << limits::maxInviteCodeValidHours << ", default " << limits::defaultInviteCodeValidHours << ")]]\n";
        return AdminUsage;
    }
    AdminDatabase db(config.storage);
    const QString code = newInviteCode();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 expiresAt = now + qint64(hours) * 3600 * 1000;
    db.transaction([&](Repositories &r) {
        r.invites.create(hashInviteCode(code), UserId(), uses, now, expiresAt);
        return true;
    });
    out << code << "\n";
    out << "valid for " << uses << " sign-up(s) until "
        << QDateTime::fromMSecsSinceEpoch(expiresAt, Qt::UTC).toString(Qt::ISODate) << "\n";
    if (config.signupMode != SignupMode::Invite)
        out << "note: codes matter only with signup=invite; this server's mode is "
            << signupModeName(config.signupMode) << "\n";
    return AdminOk;
}

int backupCommand(const ServerConfig &config, const AdminRequest &request, QTextStream &out, QTextStream &err)
{
    if (request.words.size() != 2) {
        err << "natterd: use backup FILE\n";
        return AdminUsage;
    }
    if (config.storage.backend != StorageConfig::Backend::Sqlite) {
        err << "natterd: backup copies SQLite databases; back PostgreSQL up with pg_dump\n";
        return AdminFailed;
    }
    QString error;
    if (!backupSqlite(config.storage.sqlitePath, request.words[1], &error)) {
        err << "natterd: backup failed: " << error << "\n";
        return AdminFailed;
    }
    out << "backed up " << config.storage.sqlitePath << " to " << request.words[1] << "\n";
    return AdminOk;
}

} // namespace

int runAdminCommand(const ServerConfig &config, const AdminRequest &request, QTextStream &in, QTextStream &out,
                    QTextStream &err)
{
    if (sodium_init() < 0) {
        err << "natterd: libsodium failed to initialise\n";
        return AdminFailed;
    }
    const QString command = request.words.value(0);
    try {
        if (command == QLatin1String("user"))
            return userCommand(config, request, in, out, err);
        if (command == QLatin1String("invite"))
            return inviteCommand(config, request, out, err);
        if (command == QLatin1String("backup"))
            return backupCommand(config, request, out, err);
        if (command == QLatin1String("check") && request.words.size() == 1)
            return runCheck(config, out, err);
        if (command == QLatin1String("tls-fingerprint") && request.words.size() == 1)
            return printTlsFingerprint(config, out, err);
    } catch (const StorageError &e) {
        err << "natterd: " << e.message() << "\n";
        return AdminFailed;
    }
    err << "natterd: unknown command '" << request.words.join(QLatin1Char(' ')) << "' (see natterd --help)\n";
    return AdminUsage;
}

} // namespace natter::server
