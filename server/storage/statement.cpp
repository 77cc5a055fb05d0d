#include "storage/statement.h"

#include "storage/storageerror.h"

#include <QSqlError>

namespace natter::server {

QSqlQuery &StatementCache::get(const char *sql)
{
    auto it = m_queries.find(sql);
    if (it != m_queries.end())
        return *it;
    QSqlQuery query(m_db);
    query.setForwardOnly(true); // no client-side row cache: rows are read once, in order
    if (!query.prepare(QString::fromUtf8(sql)))
        throw StorageError(QStringLiteral("prepare failed: %1 [%2]")
                               .arg(query.lastError().text(), QString::fromUtf8(sql)));
    return *m_queries.insert(sql, std::move(query));
}

Statement::Statement(StatementCache &cache, const char *sql) : m_query(cache.get(sql)) {}

Statement::~Statement() { m_query.finish(); }

Statement &Statement::bind(const QVariant &value)
{
    m_query.bindValue(m_position++, value);
    return *this;
}

Statement &Statement::exec()
{
    if (!m_query.exec())
        throw StorageError(QStringLiteral("query failed: %1 [%2]")
                               .arg(m_query.lastError().text(), m_query.lastQuery()));
    return *this;
}

void execDirect(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        throw StorageError(QStringLiteral("%1 [%2]").arg(query.lastError().text(), sql));
}

} // namespace natter::server
