#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QList>
#include <QSet>

namespace natter::server {

/// Applies the numbered SQL migrations shipped as resources under :/natter/sql/<dialect>/
/// (files named NNNN_description.sql). Each migration runs in its own transaction together
/// with its row in schema_version; a database newer than the newest known migration is refused.
/// Numbers ascend and may have gaps; a database that was migrated past a number it never
/// applied (a migration that arrived later) is refused rather than silently left without it.
class Migrator
{
public:
    struct Migration
    {
        int version = 0;
        QString name;
        QString sql;
    };

    Migrator(QSqlDatabase db, QString dialect);

    /// Every migration known for the dialect, in version order (the last one is the newest).
    QList<Migration> available() const;
    /// The highest version recorded in the database (0 for a new database).
    int currentVersion();
    /// Brings the database to `target` (default: newest). Throws StorageError on failure,
    /// leaving the database at the last fully applied version. At the newest version, SQLite's
    /// search index (its own file, see SearchRepository::prepareIndex) is made ready as well
    /// when the connection has it attached.
    void migrate(int target = -1);

    /// Splits a migration script into statements (keeps CREATE TRIGGER ... END; whole).
    static QStringList splitStatements(const QString &script);

private:
    void ensureVersionTable();
    void checkNoneSkipped(const QList<Migration> &migrations, int current);
    void prepareSearchIndex();

    QSqlDatabase m_db;
    QString m_dialect;
};

} // namespace natter::server
