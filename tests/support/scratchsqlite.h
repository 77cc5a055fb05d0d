#pragma once
// SQLite database files in a temporary directory, opened through natterd's own openConnection()
// (its pragmas, VFS and page cache), for tests of the storage layer below the repositories.
#include "storage/sqlconnection.h"
#include "storage/storageconfig.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QTemporaryDir>
#include <QtTest>

class ScratchSqlite
{
public:
    explicit ScratchSqlite(const QString &fileName) { m_config.sqlitePath = m_dir.filePath(fileName); }
    ~ScratchSqlite() { closeAll(); }
    ScratchSqlite(const ScratchSqlite &) = delete;
    ScratchSqlite &operator=(const ScratchSqlite &) = delete;

    /// A connection to the file under `name`, closed by closeAll().
    QSqlDatabase open(const QString &name)
    {
        m_connections << name;
        return natter::server::openConnection(m_config, name);
    }
    void closeAll()
    {
        for (const QString &name : std::as_const(m_connections))
            natter::server::closeConnection(name);
        m_connections.clear();
    }
    const natter::server::StorageConfig &config() const { return m_config; }

    /// Runs `sql`; a failure fails the calling test function.
    static void exec(QSqlDatabase db, const QString &sql)
    {
        QSqlQuery q(db);
        QVERIFY2(q.exec(sql), qPrintable(sql + QStringLiteral(": ") + q.lastError().text()));
    }

    /// What `PRAGMA integrity_check` says of `db` ("ok" when sound).
    static QString integrity(QSqlDatabase db)
    {
        QSqlQuery check(db);
        if (!check.exec(QStringLiteral("PRAGMA integrity_check")) || !check.next())
            return check.lastError().text();
        return check.value(0).toString();
    }

private:
    QTemporaryDir m_dir;
    natter::server::StorageConfig m_config;
    QStringList m_connections;
};
