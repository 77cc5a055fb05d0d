#pragma once
// Prepared statements with bound values, prepared once per database connection and reused.
//
// On SQLite the statements run through SQLite's own API on the connection QSqlDatabase opened
// (QSqlDriver::handle()): QSqlQuery's binding alone (a placeholder name and a hash entry per
// value) cost more than SQLite's work for a message insert. Other databases use QSqlQuery.
// Transactions, pragmas and migrations go through QSqlDatabase either way.

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace natter::server {

/// True when the loaded Qt SQLite plugin resolves SQLite's API to the very library natterd
/// links (distribution packages; checked once the plugin is loaded). A plugin with its own copy
/// of SQLite (Qt's binary installers) must not be handed our calls on its connection.
bool qtSqliteIsOurSqlite();

/// Per-connection cache of prepared statements keyed by their SQL text literal.
class StatementCache
{
public:
    explicit StatementCache(QSqlDatabase db);
    ~StatementCache();
    StatementCache(const StatementCache &) = delete;
    StatementCache &operator=(const StatementCache &) = delete;

    QSqlDatabase &database() { return m_db; }
    /// The SQLite connection when the database is SQLite, else null.
    sqlite3 *sqlite() const { return m_sqlite; }
    QSqlQuery &query(const char *sql);
    sqlite3_stmt *sqliteStatement(const char *sql);
    /// SQLite: rows the cached statements stepped through in full table scans since the last
    /// reset (SQLITE_STMTSTATUS_FULLSCAN_STEP), for tests that guard the query plans; -1 elsewhere.
    qint64 fullScanSteps(bool reset);

private:
    QSqlDatabase m_db;
    sqlite3 *m_sqlite = nullptr;
    QHash<const char *, QSqlQuery> m_queries;
    QHash<const char *, sqlite3_stmt *> m_statements;
};

/// One execution of a cached statement: bind values in order, exec() (throws StorageError on
/// failure), then read rows. The statement is reset when this object goes away.
class Statement
{
public:
    Statement(StatementCache &cache, const char *sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    Statement &bind(const QVariant &value);
    Statement &bind(qint64 value);
    Statement &bind(int value) { return bind(qint64(value)); }
    Statement &bind(const QString &value);
    Statement &bind(const QByteArray &value);
    Statement &exec();
    bool next();
    QVariant value(int column) const;
    qint64 integer(int column) const;
    QString text(int column) const;
    int rowsAffected() const;
    qint64 lastInsertId() const;

private:
    void checkSqlite(int rc, const char *what) const;
    [[noreturn]] void fail(const QString &what) const;

    StatementCache &m_cache;
    const char *m_sql;
    QSqlQuery *m_query = nullptr;   ///< other databases
    sqlite3_stmt *m_stmt = nullptr; ///< SQLite
    int m_position = 0;
    bool m_rowPending = false;      ///< exec() stepped onto a row that next() has not returned
    bool m_done = false;
};

/// Runs one statement that returns nothing, outside the cache (DDL, pragmas, transactions).
void execDirect(QSqlDatabase &db, const QString &sql);

} // namespace natter::server
