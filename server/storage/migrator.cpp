#include "storage/migrator.h"

#include "storage/searchrepository.h"
#include "storage/statement.h"
#include "storage/storageerror.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcMigrate, "natter.server.db.migrate")

namespace natter::server {

Migrator::Migrator(QSqlDatabase db, QString dialect) : m_db(std::move(db)), m_dialect(std::move(dialect)) {}

QList<Migrator::Migration> Migrator::available() const
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_([a-z0-9_]+)\\.sql$"));
    const QDir dir(QStringLiteral(":/natter/sql/%1").arg(m_dialect));
    QList<Migration> out;
    for (const QString &file : dir.entryList(QDir::Files, QDir::Name)) {
        const QRegularExpressionMatch m = pattern.match(file);
        if (!m.hasMatch())
            continue;
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            throw StorageError(QStringLiteral("cannot read migration %1").arg(file));
        out.append({m.captured(1).toInt(), m.captured(2), QString::fromUtf8(f.readAll())});
    }
    if (out.isEmpty())
        throw StorageError(QStringLiteral("no schema migrations for the %1 dialect in this build").arg(m_dialect));
    // Numbers only ascend; a gap is allowed (branches reserve numbers before they land), but
    // a database already migrated past a missing number is refused in migrate().
    for (int i = 0; i < out.size(); ++i) {
        if (out[i].version < 1 || (i > 0 && out[i].version <= out[i - 1].version))
            throw StorageError(QStringLiteral("migration number %1 is used twice or out of order")
                                   .arg(out[i].version));
    }
    return out;
}

void Migrator::ensureVersionTable()
{
    execDirect(m_db, QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                    "version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                                    "applied_at BIGINT NOT NULL)"));
}

int Migrator::currentVersion()
{
    ensureVersionTable();
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version")) || !q.next())
        throw StorageError(QStringLiteral("cannot read schema version: %1").arg(q.lastError().text()));
    return q.value(0).toInt();
}

void Migrator::checkNoneSkipped(const QList<Migration> &migrations, int current)
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT version FROM schema_version")))
        throw StorageError(QStringLiteral("cannot read schema versions: %1").arg(q.lastError().text()));
    QSet<int> applied;
    while (q.next())
        applied.insert(q.value(0).toInt());
    for (const Migration &m : migrations) {
        if (m.version < current && !applied.contains(m.version))
            throw StorageError(QStringLiteral("the database was migrated to version %1 without "
                                              "migration %2 (%3), which cannot be applied after "
                                              "later ones; recreate the database")
                                   .arg(current)
                                   .arg(m.version)
                                   .arg(m.name));
    }
}

void Migrator::migrate(int target)
{
    const QList<Migration> migrations = available();
    const int newest = migrations.last().version;
    if (target < 0)
        target = newest;
    const int current = currentVersion();
    if (current > newest)
        throw StorageError(QStringLiteral("the database schema is version %1, newer than this "
                                          "natterd understands (%2); upgrade natterd")
                               .arg(current)
                               .arg(newest));
    checkNoneSkipped(migrations, current);
    for (const Migration &m : migrations) {
        if (m.version <= current || m.version > target)
            continue;
        qCInfo(lcMigrate) << "applying migration" << m.version << m.name;
        // Table rebuilds follow SQLite's documented procedure: foreign keys off outside the
        // transaction, foreign_key_check inside it before the commit.
        const bool rebuilds = m.sql.startsWith(QLatin1String("-- natter: foreign-keys-off"))
            && m_dialect == QLatin1String("sqlite");
        if (rebuilds)
            execDirect(m_db, QStringLiteral("PRAGMA foreign_keys=OFF"));
        auto restoreForeignKeys = qScopeGuard([&] {
            if (rebuilds)
                QSqlQuery(m_db).exec(QStringLiteral("PRAGMA foreign_keys=ON"));
        });
        if (!m_db.transaction())
            throw StorageError(QStringLiteral("cannot begin migration: %1").arg(m_db.lastError().text()));
        try {
            for (const QString &statement : splitStatements(m.sql))
                execDirect(m_db, statement);
            QSqlQuery q(m_db);
            q.prepare(QStringLiteral("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)"));
            q.addBindValue(m.version);
            q.addBindValue(m.name);
            q.addBindValue(QDateTime::currentMSecsSinceEpoch());
            if (!q.exec())
                throw StorageError(q.lastError().text());
            if (rebuilds) {
                QSqlQuery check(m_db);
                if (!check.exec(QStringLiteral("PRAGMA foreign_key_check")) || check.next())
                    throw StorageError(QStringLiteral("foreign key check failed after the rebuild"));
            }
            if (!m_db.commit())
                throw StorageError(m_db.lastError().text());
        } catch (const StorageError &e) {
            m_db.rollback();
            throw StorageError(QStringLiteral("migration %1 (%2) failed: %3").arg(m.version).arg(m.name, e.message()));
        }
    }
    if (target == newest && m_dialect == QLatin1String("sqlite"))
        prepareSearchIndex();
}

void Migrator::prepareSearchIndex()
{
    QSqlQuery attached(m_db);
    if (!attached.exec(QStringLiteral("SELECT 1 FROM pragma_database_list WHERE name = 'search'")))
        throw StorageError(QStringLiteral("cannot list the attached databases: %1").arg(attached.lastError().text()));
    if (!attached.next())
        return; // a connection without the index (admin commands)
    attached.finish();
    if (!m_db.transaction())
        throw StorageError(QStringLiteral("cannot begin: %1").arg(m_db.lastError().text()));
    try {
        SearchRepository::prepareIndex(m_db);
        if (!m_db.commit())
            throw StorageError(m_db.lastError().text());
    } catch (const StorageError &e) {
        m_db.rollback();
        throw StorageError(QStringLiteral("cannot prepare the search index: %1").arg(e.message()));
    }
}

QStringList Migrator::splitStatements(const QString &script)
{
    QStringList statements;
    QString current;
    bool inTrigger = false;
    for (const QString &rawLine : script.split(QLatin1Char('\n'))) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1String("--")))
            continue;
        if (line.startsWith(QLatin1String("CREATE TRIGGER"), Qt::CaseInsensitive))
            inTrigger = true;
        current += rawLine + QLatin1Char('\n');
        const bool ends = line.endsWith(QLatin1Char(';'));
        if (ends && (!inTrigger || line.compare(QLatin1String("END;"), Qt::CaseInsensitive) == 0)) {
            statements.append(current.trimmed());
            current.clear();
            inTrigger = false;
        }
    }
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

} // namespace natter::server
