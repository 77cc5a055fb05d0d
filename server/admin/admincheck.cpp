#include "admin/admincheck.h"

#include "admin/admincommands.h"
#include "storage/migrator.h"
#include "storage/sqlconnection.h"
#include "storage/storageerror.h"
#include "tls/tlsidentity.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryFile>

#ifdef NATTER_SQLITE_NATIVE
#include <sqlite3.h>
#endif

namespace natter::server {

namespace {

const QString kConnection = QStringLiteral("natter-check");

/// The rows of a PRAGMA, each row's columns joined by spaces.
QStringList pragmaRows(QSqlDatabase &db, const QString &statement)
{
    QSqlQuery q(db);
    if (!q.exec(statement))
        throw StorageError(QStringLiteral("%1 failed").arg(statement));
    QStringList rows;
    while (q.next()) {
        QStringList cols;
        for (int i = 0; i < q.record().count(); ++i)
            cols += q.value(i).toString();
        rows += cols.join(QLatin1Char(' '));
    }
    return rows;
}

/// The rooms' order of messages (migration 18), which no constraint guards: every message up to
/// the order's mark is in message_order at its room and seq, every entry there is a message,
/// and every message's room exists (messages.room_id is a plain column).
int checkMessageOrder(QSqlDatabase &db, QTextStream &out, QTextStream &err)
{
    const QStringList counts = pragmaRows(
        db, QStringLiteral("SELECT (SELECT COUNT(*) FROM messages m WHERE m.id <= (SELECT through FROM "
                           "message_order_state) AND NOT EXISTS (SELECT 1 FROM message_order o WHERE "
                           "o.room_id = m.room_id AND o.seq = m.seq AND o.id = m.id)), "
                           "(SELECT COUNT(*) FROM message_order o WHERE NOT EXISTS (SELECT 1 FROM messages m "
                           "WHERE m.id = o.id AND m.room_id = o.room_id AND m.seq = o.seq)), "
                           "(SELECT COUNT(*) FROM messages m WHERE NOT EXISTS (SELECT 1 FROM rooms r "
                           "WHERE r.id = m.room_id))"));
    const QStringList n = counts.value(0).split(QLatin1Char(' '));
    if (n == QStringList{QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("0")}) {
        out << "ok   rooms' order of messages\n";
        return 0;
    }
    err << "problem: rooms' order of messages: " << n.value(0) << " message(s) missing from it, " << n.value(1)
        << " entr(y/ies) naming no such message, " << n.value(2) << " message(s) of no existing room\n";
    return 1;
}

/// Checks an opened database; returns the number of problems.
int checkDatabase(const StorageConfig &storage, QSqlDatabase &db, QTextStream &out, QTextStream &err)
{
    int problems = 0;
    Migrator migrator(db, storage.dialect());
    const int current = migrator.currentVersion();
    const QList<Migrator::Migration> known = migrator.available();
    const int newest = known.isEmpty() ? 0 : known.constLast().version;
    if (current > newest) {
        err << "problem: the database has schema version " << current << ", newer than this natterd ("
            << newest << "); upgrade natterd\n";
        ++problems;
    } else if (current < newest) {
        out << "ok   schema version " << current << "; " << (newest - current)
            << " migration(s) will be applied on the next start\n";
    } else {
        out << "ok   schema version " << current << " (current)\n";
    }
    if (storage.backend != StorageConfig::Backend::Sqlite)
        return problems;
    const QStringList integrity = pragmaRows(db, QStringLiteral("PRAGMA integrity_check"));
    if (integrity == QStringList{QStringLiteral("ok")}) {
        out << "ok   integrity check\n";
    } else {
        err << "problem: integrity check: " << integrity.mid(0, 10).join(QStringLiteral("; ")) << "\n";
        ++problems;
    }
    const QStringList orphans = pragmaRows(db, QStringLiteral("PRAGMA foreign_key_check"));
    if (orphans.isEmpty()) {
        out << "ok   foreign keys\n";
    } else {
        err << "problem: " << orphans.size() << " row(s) break foreign keys (table rowid parent): "
            << orphans.mid(0, 10).join(QStringLiteral("; ")) << "\n";
        ++problems;
    }
    if (current >= 18)
        problems += checkMessageOrder(db, out, err);
    return problems;
}

int checkStorage(const ServerConfig &config, QTextStream &out, QTextStream &err)
{
    const StorageConfig &storage = config.storage;
    if (storage.backend == StorageConfig::Backend::Sqlite && !QFileInfo::exists(storage.sqlitePath)) {
        out << "ok   database " << storage.sqlitePath << " does not exist yet; created on the first start\n";
        return 0;
    }
    int problems = 0;
    try {
        QSqlDatabase db = openConnection(storage, kConnection, SearchIndex::Left);
        out << "ok   database " << storage.describe() << " opens\n";
        problems = checkDatabase(storage, db, out, err);
    } catch (const StorageError &e) {
        err << "problem: " << e.message() << "\n";
        problems = 1;
    }
    closeConnection(kConnection);
    return problems;
}

/// The TLS certificate natterd would serve; returns the number of problems.
int checkTls(const ServerConfig &config, QTextStream &out, QTextStream &err)
{
    if (!config.tls) {
        out << "ok   TLS is off (no-tls): clients connect with ws://, unencrypted\n";
        return 0;
    }
    const bool own = !config.tlsCertFile.isEmpty() || !config.tlsKeyFile.isEmpty();
    if (!own && !QFileInfo::exists(QDir(config.storage.dataDir).filePath(QStringLiteral("tls/natterd.crt")))) {
        out << "ok   TLS certificate: a self-signed one will be generated on the first start\n";
        return 0;
    }
    if (!own && !QFileInfo(QDir(config.storage.dataDir).filePath(QStringLiteral("tls/natterd.key"))).isReadable()) {
        err << "problem: the TLS key in " << config.storage.dataDir << "/tls is not readable by this user\n";
        return 1;
    }
    TlsIdentity identity;
    QString error;
    if (!loadOrCreateTlsIdentity(config.tlsCertFile, config.tlsKeyFile, config.storage.dataDir, &identity, &error)) {
        err << "problem: " << error << "\n";
        return 1;
    }
    const QDateTime expiry = identity.certificate.expiryDate();
    if (expiry < QDateTime::currentDateTimeUtc()) {
        err << "problem: the TLS certificate expired on " << expiry.toString(Qt::ISODate) << "\n";
        return 1;
    }
    out << "ok   TLS certificate " << (own ? config.tlsCertFile : QStringLiteral("(self-signed)")) << ", valid until "
        << expiry.toString(Qt::ISODate) << ", SHA-256 " << identity.fingerprint << "\n";
    if (expiry < QDateTime::currentDateTimeUtc().addDays(30))
        out << "note the TLS certificate expires within 30 days\n";
    return 0;
}

} // namespace

int printTlsFingerprint(const ServerConfig &config, QTextStream &out, QTextStream &err)
{
    if (!config.tls) {
        err << "natterd: TLS is off (no-tls)\n";
        return 1;
    }
    const bool own = !config.tlsCertFile.isEmpty() || !config.tlsKeyFile.isEmpty();
    if (!own && !QFileInfo::exists(QDir(config.storage.dataDir).filePath(QStringLiteral("tls/natterd.crt")))) {
        err << "natterd: no certificate yet; it is generated on the first start\n";
        return 1;
    }
    TlsIdentity identity;
    QString error;
    if (!loadOrCreateTlsIdentity(config.tlsCertFile, config.tlsKeyFile, config.storage.dataDir, &identity, &error)) {
        err << "natterd: " << error << "\n";
        return 1;
    }
    out << identity.fingerprint << "\n";
    return 0;
}

int runCheck(const ServerConfig &config, QTextStream &out, QTextStream &err)
{
    int problems = 0;
    out << "ok   configuration " << (config.configFile.isEmpty() ? QStringLiteral("(command line only)")
                                                                 : config.configFile) << "\n";
    QTemporaryFile probe(QDir(config.storage.dataDir).filePath(QStringLiteral(".natter-check-XXXXXX")));
    if (!config.storage.dataDir.isEmpty() && probe.open()) {
        out << "ok   data directory " << config.storage.dataDir << " is writable\n";
    } else {
        err << "problem: the data directory " << config.storage.dataDir << " is not writable by this user\n";
        ++problems;
    }
    problems += checkTls(config, out, err);
    problems += checkStorage(config, out, err);
    out << (problems == 0 ? "everything looks right\n" : "");
    if (problems)
        err << problems << " problem(s) found\n";
    return problems == 0 ? 0 : 1;
}

bool backupSqlite(const QString &source, const QString &destination, QString *error)
{
#ifdef NATTER_SQLITE_NATIVE
    if (!QFileInfo::exists(source)) {
        *error = QStringLiteral("%1 does not exist").arg(source);
        return false;
    }
    const QString partial = destination + QStringLiteral(".partial");
    QFile::remove(partial);
    sqlite3 *from = nullptr;
    sqlite3 *to = nullptr;
    int rc = sqlite3_open_v2(QFile::encodeName(source).constData(), &from, SQLITE_OPEN_READWRITE, nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_open_v2(QFile::encodeName(partial).constData(), &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                             nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_busy_timeout(from, 10000);
        sqlite3_backup *backup = sqlite3_backup_init(to, "main", from, "main");
        if (!backup) {
            rc = sqlite3_errcode(to);
        } else {
            // One step copies every page under one read transaction: a consistent snapshot;
            // the server's writer keeps committing to the write-ahead log meanwhile.
            do {
                rc = sqlite3_backup_step(backup, -1);
                if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                    sqlite3_sleep(50);
            } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
            rc = sqlite3_backup_finish(backup);
        }
    }
    if (rc != SQLITE_OK)
        *error = QString::fromUtf8(sqlite3_errmsg(to ? to : from));
    // A copy is another database for the search index (migration 16): its own token makes
    // natterd build the index again when the copy is restored, whatever index file it meets.
    if (rc == SQLITE_OK) {
        sqlite3_stmt *probe = nullptr;
        rc = sqlite3_prepare_v2(to, "SELECT 1 FROM sqlite_master WHERE name = 'search_source'", -1, &probe, nullptr);
        const bool hasToken = rc == SQLITE_OK && sqlite3_step(probe) == SQLITE_ROW;
        sqlite3_finalize(probe);
        if (rc == SQLITE_OK && hasToken)
            rc = sqlite3_exec(to,
                              "PRAGMA secure_delete=ON;"
                              "UPDATE search_source SET token = lower(hex(randomblob(16)));"
                              "DELETE FROM search_changes", // old texts of deleted messages, for the index only
                              nullptr, nullptr, nullptr);
    }
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(to, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
    sqlite3_close(to);
    sqlite3_close(from);
    if (rc != SQLITE_OK) {
        if (error->isEmpty())
            *error = QStringLiteral("SQLite error %1").arg(rc);
        QFile::remove(partial);
        return false;
    }
    QFile::remove(destination);
    if (!QFile::rename(partial, destination)) {
        *error = QStringLiteral("cannot move the copy to %1").arg(destination);
        return false;
    }
    return true;
#else
    Q_UNUSED(source);
    Q_UNUSED(destination);
    *error = QStringLiteral("this natterd was built without SQLite's library");
    return false;
#endif
}

} // namespace natter::server
