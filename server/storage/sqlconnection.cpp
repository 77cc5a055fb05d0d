#include "storage/sqlconnection.h"

#include "storage/pagecachetruncate.h"
#include "storage/statement.h"
#include "storage/storageerror.h"
#include "storage/walwritebuffer.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#ifdef NATTER_SQLITE_NATIVE
#include <sqlite3.h>
#endif

namespace natter::server {

namespace {

QString pragma(QSqlDatabase &db, const QString &statement)
{
    QSqlQuery q(db);
    if (!q.exec(statement) )
        throw StorageError(QStringLiteral("%1: %2").arg(statement, q.lastError().text()));
    return q.next() ? q.value(0).toString() : QString();
}

void expectPragma(QSqlDatabase &db, const QString &set, const QString &read, const QString &want)
{
    pragma(db, set);
    const QString got = pragma(db, read);
    if (got.compare(want, Qt::CaseInsensitive) != 0)
        throw StorageError(QStringLiteral("%1 did not take (got '%2', want '%3')").arg(set, got, want));
}

void configureSqlite(QSqlDatabase &db)
{
    expectPragma(db, QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA journal_mode"),
                 QStringLiteral("wal"));
    expectPragma(db, QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA foreign_keys"),
                 QStringLiteral("1"));
    expectPragma(db, QStringLiteral("PRAGMA busy_timeout=10000"), QStringLiteral("PRAGMA busy_timeout"),
                 QStringLiteral("10000"));
    // Freed space is overwritten with zeros, so a deleted message's text does not linger in the
    // file (Debian's SQLite does this by default; Qt's bundled SQLite elsewhere does not).
    expectPragma(db, QStringLiteral("PRAGMA secure_delete=ON"), QStringLiteral("PRAGMA secure_delete"),
                 QStringLiteral("1"));
    // FULL: a commit is on disk before it returns, so an acknowledged message survives power loss.
    // The WAL write buffer (walwritebuffer.h) relies on it as well.
    expectPragma(db, QStringLiteral("PRAGMA synchronous=FULL"), QStringLiteral("PRAGMA synchronous"),
                 QStringLiteral("2"));
    // Performance only (not checked): a 32 MiB page cache per connection instead of 2 MiB, so
    // hot index pages are not read again for every batch; checkpoints every 4,000 WAL pages
    // (16 MiB) instead of 1,000, so a page rewritten by many commits is copied back once.
    pragma(db, QStringLiteral("PRAGMA cache_size=-32768"));
    pragma(db, QStringLiteral("PRAGMA wal_autocheckpoint=4000"));
    // Performance only: the sub-journal that keeps each write job's savepoint (a copy of every
    // page the job changes) stays in memory. On disk it was a temporary file that SQLite stops
    // truncating once it spilled, so every page of every job became one more pwrite.
    pragma(db, QStringLiteral("PRAGMA temp_store=MEMORY"));
}

/// The search index's own file, as schema `search` (migration 16). synchronous=FULL as for the
/// main file: the writer deletes the change log a pass applied once the pass has committed,
/// which must then be on disk (and the connection's VFS, the WAL write buffer, relies on it).
void attachSearchIndex(QSqlDatabase &db, const StorageConfig &config)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("ATTACH DATABASE ? AS search"));
    q.addBindValue(searchIndexPath(config));
    if (!q.exec())
        throw StorageError(QStringLiteral("cannot open the search index %1: %2")
                               .arg(searchIndexPath(config), q.lastError().text()));
    expectPragma(db, QStringLiteral("PRAGMA search.journal_mode=WAL"), QStringLiteral("PRAGMA search.journal_mode"),
                 QStringLiteral("wal"));
    expectPragma(db, QStringLiteral("PRAGMA search.synchronous=FULL"), QStringLiteral("PRAGMA search.synchronous"),
                 QStringLiteral("2"));
}

/// Before SQLite's first connection, when Qt's plugin runs on our SQLite: no locking inside a
/// connection (Qt uses each connection from the thread that opened it only, and so do we), no
/// global allocation counters, whose mutex every sqlite3_malloc and sqlite3_free took, and a
/// page cache that does not scan itself at every commit (pagecachetruncate.h). Once SQLite is
/// initialised the calls fail harmlessly and the defaults stay.
void tuneSqliteLibrary()
{
#ifdef NATTER_SQLITE_NATIVE
    static const bool once = [] {
        sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        installPageCacheTruncation();
        return true;
    }();
    Q_UNUSED(once);
#endif
}

} // namespace

QSqlDatabase openConnection(const StorageConfig &config, const QString &name, SearchIndex searchIndex)
{
    const bool sqlite = config.backend == StorageConfig::Backend::Sqlite;
    QSqlDatabase db = QSqlDatabase::addDatabase(sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), name);
    if (!db.isValid())
        throw StorageError(QStringLiteral("the Qt SQL driver for %1 is not installed").arg(config.dialect()));
    if (sqlite) {
        // The WAL's writes go through walwritebuffer.h when Qt's plugin runs on our SQLite.
        if (qtSqliteIsOurSqlite())
            tuneSqliteLibrary();
        const char *vfs = qtSqliteIsOurSqlite() ? walWriteBufferVfs() : nullptr;
        if (vfs) {
            QUrl uri = QUrl::fromLocalFile(QFileInfo(config.sqlitePath).absoluteFilePath());
            uri.setQuery(QStringLiteral("vfs=%1").arg(QLatin1String(vfs)));
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_URI"));
            db.setDatabaseName(uri.toString(QUrl::FullyEncoded));
        } else {
            db.setDatabaseName(config.sqlitePath);
        }
    } else {
        db.setHostName(config.host);
        db.setPort(config.port);
        db.setDatabaseName(config.databaseName);
        db.setUserName(config.user);
        db.setPassword(config.password);
    }
    if (!db.open())
        throw StorageError(QStringLiteral("cannot open %1: %2").arg(config.describe(), db.lastError().text()));
    if (sqlite) {
        configureSqlite(db);
        if (searchIndex == SearchIndex::Attached)
            attachSearchIndex(db, config);
    }
    return db;
}

QString searchIndexPath(const StorageConfig &config)
{
    const QFileInfo main(config.sqlitePath);
    return main.absoluteDir().filePath(main.completeBaseName() + QStringLiteral("-search.db"));
}

void closeConnection(const QString &name)
{
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace natter::server
