#include "storage/storageconfig.h"

#include <QUrl>

namespace natter::server {

bool StorageConfig::fromUrl(const QString &url, StorageConfig *config, QString *error)
{
    StorageConfig c;
    if (url.startsWith(QLatin1String("postgres://")) || url.startsWith(QLatin1String("postgresql://"))) {
        const QUrl u(url);
        if (!u.isValid() || u.host().isEmpty() || u.path().size() < 2) {
            *error = QStringLiteral("expected postgresql://user:password@host:port/database");
            return false;
        }
        c.backend = Backend::Postgres;
        c.host = u.host();
        c.port = u.port(5432);
        c.databaseName = u.path().mid(1);
        c.user = u.userName();
        c.password = u.password();
    } else {
        c.backend = Backend::Sqlite;
        c.sqlitePath = url.startsWith(QLatin1String("sqlite:")) ? url.mid(7) : url;
        if (c.sqlitePath.isEmpty()) {
            *error = QStringLiteral("empty SQLite path");
            return false;
        }
    }
    *config = c;
    return true;
}

QString StorageConfig::describe() const
{
    if (backend == Backend::Sqlite)
        return QStringLiteral("SQLite %1").arg(sqlitePath);
    return QStringLiteral("PostgreSQL %1@%2:%3/%4").arg(user, host).arg(port).arg(databaseName);
}

} // namespace natter::server
