#pragma once
// Prepared statements with bound values, prepared once per database connection and reused.

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace natter::server {

/// Per-connection cache of prepared statements keyed by their SQL text literal.
class StatementCache
{
public:
    explicit StatementCache(QSqlDatabase db) : m_db(std::move(db)) {}
    QSqlQuery &get(const char *sql);
    QSqlDatabase &database() { return m_db; }

private:
    QSqlDatabase m_db;
    QHash<const char *, QSqlQuery> m_queries;
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
    Statement &exec();
    bool next() { return m_query.next(); }
    QVariant value(int column) const { return m_query.value(column); }
    qint64 integer(int column) const { return m_query.value(column).toLongLong(); }
    QString text(int column) const { return m_query.value(column).toString(); }
    int rowsAffected() const { return m_query.numRowsAffected(); }
    QVariant lastInsertId() const { return m_query.lastInsertId(); }

private:
    QSqlQuery &m_query;
    int m_position = 0;
};

/// Runs one statement that returns nothing, outside the cache (DDL, pragmas, transactions).
void execDirect(QSqlDatabase &db, const QString &sql);

} // namespace natter::server
