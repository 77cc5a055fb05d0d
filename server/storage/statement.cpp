#include "storage/statement.h"

#include "storage/storageerror.h"

#include <QSqlDriver>
#include <QSqlError>

#ifdef NATTER_SQLITE_NATIVE
#include <cstring>
#include <dlfcn.h>
#include <link.h>
#include <sqlite3.h>
#endif

namespace natter::server {

namespace {

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
#ifdef NATTER_SQLITE_NATIVE
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0 && qtSqliteIsOurSqlite())
        return *static_cast<sqlite3 *const *>(handle.constData());
#else
    Q_UNUSED(db);
#endif
    return nullptr;
}

} // namespace

bool qtSqliteIsOurSqlite()
{
#ifdef NATTER_SQLITE_NATIVE
    static const bool shared = [] {
        QByteArray plugin;
        dl_iterate_phdr(
            [](dl_phdr_info *info, size_t, void *out) {
                if (info->dlpi_name && std::strstr(info->dlpi_name, "libqsqlite"))
                    *static_cast<QByteArray *>(out) = info->dlpi_name;
                return 0;
            },
            &plugin);
        if (plugin.isEmpty())
            return false;
        void *handle = dlopen(plugin.constData(), RTLD_NOW | RTLD_NOLOAD);
        if (!handle)
            return false;
        const bool same = dlsym(handle, "sqlite3_step") == reinterpret_cast<void *>(&sqlite3_step);
        dlclose(handle);
        return same;
    }();
    return shared;
#else
    return false;
#endif
}

StatementCache::StatementCache(QSqlDatabase db) : m_db(std::move(db)), m_sqlite(sqliteHandle(m_db)) {}

StatementCache::~StatementCache()
{
#ifdef NATTER_SQLITE_NATIVE
    for (sqlite3_stmt *stmt : std::as_const(m_statements))
        sqlite3_finalize(stmt);
#endif
}

QSqlQuery &StatementCache::query(const char *sql)
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

#ifdef NATTER_SQLITE_NATIVE
sqlite3_stmt *StatementCache::sqliteStatement(const char *sql)
{
    auto it = m_statements.constFind(sql);
    if (it != m_statements.constEnd())
        return *it;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v3(m_sqlite, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
        const QString error = QString::fromUtf8(sqlite3_errmsg(m_sqlite));
        sqlite3_finalize(stmt);
        throw StorageError(QStringLiteral("prepare failed: %1 [%2]").arg(error, QString::fromUtf8(sql)));
    }
    m_statements.insert(sql, stmt);
    return stmt;
}
#endif

qint64 StatementCache::fullScanSteps(bool reset)
{
#ifdef NATTER_SQLITE_NATIVE
    if (!m_sqlite)
        return -1;
    qint64 steps = 0;
    for (sqlite3_stmt *stmt : std::as_const(m_statements))
        steps += sqlite3_stmt_status(stmt, SQLITE_STMTSTATUS_FULLSCAN_STEP, reset ? 1 : 0);
    return steps;
#else
    Q_UNUSED(reset);
    return -1;
#endif
}

Statement::Statement(StatementCache &cache, const char *sql) : m_cache(cache), m_sql(sql)
{
#ifdef NATTER_SQLITE_NATIVE
    if (cache.sqlite()) {
        m_stmt = cache.sqliteStatement(sql);
        return;
    }
#endif
    m_query = &cache.query(sql);
}

Statement::~Statement()
{
#ifdef NATTER_SQLITE_NATIVE
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        return;
    }
#endif
    m_query->finish();
}

void Statement::fail(const QString &what) const
{
    throw StorageError(QStringLiteral("%1 [%2]").arg(what, QString::fromUtf8(m_sql)));
}

#ifdef NATTER_SQLITE_NATIVE
void Statement::checkSqlite(int rc, const char *what) const
{
    if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
        fail(QStringLiteral("%1 failed: %2").arg(QLatin1String(what), QString::fromUtf8(sqlite3_errmsg(m_cache.sqlite()))));
}
#endif

Statement &Statement::bind(qint64 value)
{
#ifdef NATTER_SQLITE_NATIVE
    if (m_stmt) {
        checkSqlite(sqlite3_bind_int64(m_stmt, ++m_position, value), "bind");
        return *this;
    }
#endif
    m_query->bindValue(m_position++, value);
    return *this;
}

Statement &Statement::bind(const QString &value)
{
#ifdef NATTER_SQLITE_NATIVE
    if (m_stmt) {
        // A null QString is SQL NULL, as with QSqlQuery.
        checkSqlite(value.isNull() ? sqlite3_bind_null(m_stmt, ++m_position)
                                   : sqlite3_bind_text16(m_stmt, ++m_position, value.utf16(),
                                                         int(value.size() * 2), SQLITE_TRANSIENT),
                    "bind");
        return *this;
    }
#endif
    m_query->bindValue(m_position++, value);
    return *this;
}

Statement &Statement::bind(const QByteArray &value)
{
#ifdef NATTER_SQLITE_NATIVE
    if (m_stmt) {
        checkSqlite(value.isNull() ? sqlite3_bind_null(m_stmt, ++m_position)
                                   : sqlite3_bind_blob(m_stmt, ++m_position, value.constData(),
                                                       int(value.size()), SQLITE_TRANSIENT),
                    "bind");
        return *this;
    }
#endif
    m_query->bindValue(m_position++, value);
    return *this;
}

Statement &Statement::bind(const QVariant &value)
{
#ifdef NATTER_SQLITE_NATIVE
    if (m_stmt) {
        const int type = value.typeId();
        if (value.isNull())
            checkSqlite(sqlite3_bind_null(m_stmt, ++m_position), "bind");
        else if (type == QMetaType::QString)
            return bind(value.toString());
        else if (type == QMetaType::QByteArray)
            return bind(value.toByteArray());
        else if (type == QMetaType::Double || type == QMetaType::Float)
            checkSqlite(sqlite3_bind_double(m_stmt, ++m_position, value.toDouble()), "bind");
        else if (value.canConvert<qint64>())
            return bind(value.toLongLong());
        else
            fail(QStringLiteral("cannot bind a value of type %1").arg(QLatin1String(value.typeName())));
        return *this;
    }
#endif
    m_query->bindValue(m_position++, value);
    return *this;
}

Statement &Statement::exec()
{
#ifdef NATTER_SQLITE_NATIVE
    if (m_stmt) {
        const int rc = sqlite3_step(m_stmt);
        checkSqlite(rc, "query");
        m_rowPending = rc == SQLITE_ROW;
        m_done = rc == SQLITE_DONE;
        return *this;
    }
#endif
    if (!m_query->exec())
        fail(QStringLiteral("query failed: %1").arg(m_query->lastError().text()));
    return *this;
}

bool Statement::next()
{
#ifdef NATTER_SQLITE_NATIVE
    if (m_stmt) {
        if (m_rowPending) {
            m_rowPending = false;
            return true;
        }
        if (m_done)
            return false;
        const int rc = sqlite3_step(m_stmt);
        checkSqlite(rc, "query");
        m_done = rc != SQLITE_ROW;
        return rc == SQLITE_ROW;
    }
#endif
    return m_query->next();
}

QVariant Statement::value(int column) const
{
#ifdef NATTER_SQLITE_NATIVE
    if (m_stmt) {
        switch (sqlite3_column_type(m_stmt, column)) {
        case SQLITE_INTEGER: return QVariant(qint64(sqlite3_column_int64(m_stmt, column)));
        case SQLITE_FLOAT: return QVariant(sqlite3_column_double(m_stmt, column));
        case SQLITE_TEXT: return QVariant(text(column));
        case SQLITE_BLOB:
            return QVariant(QByteArray(static_cast<const char *>(sqlite3_column_blob(m_stmt, column)),
                                       sqlite3_column_bytes(m_stmt, column)));
        default: return QVariant();
        }
    }
#endif
    return m_query->value(column);
}

qint64 Statement::integer(int column) const
{
#ifdef NATTER_SQLITE_NATIVE
    if (m_stmt)
        return sqlite3_column_int64(m_stmt, column);
#endif
    return m_query->value(column).toLongLong();
}

QString Statement::text(int column) const
{
#ifdef NATTER_SQLITE_NATIVE
    if (m_stmt) {
        // The database's own UTF-8, decoded by Qt: SQLite's UTF-16 conversion is slower and
        // allocates a copy of its own.
        const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
        if (!data)
            return QString();
        return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
    }
#endif
    return m_query->value(column).toString();
}

int Statement::rowsAffected() const
{
#ifdef NATTER_SQLITE_NATIVE
    if (m_stmt)
        return sqlite3_changes(m_cache.sqlite());
#endif
    return m_query->numRowsAffected();
}

qint64 Statement::lastInsertId() const
{
#ifdef NATTER_SQLITE_NATIVE
    if (m_stmt)
        return sqlite3_last_insert_rowid(m_cache.sqlite());
#endif
    return m_query->lastInsertId().toLongLong();
}

void execDirect(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        throw StorageError(QStringLiteral("%1 [%2]").arg(query.lastError().text(), sql));
}

} // namespace natter::server
