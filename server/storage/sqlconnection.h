#pragma once

#include "storage/storageconfig.h"

#include <QSqlDatabase>

namespace natter::server {

/// Opens a connection named `name` for use on the calling thread only, and sets it up for a
/// server: SQLite gets WAL, foreign keys, busy_timeout and synchronous=FULL, each read back.
/// Throws StorageError when the database cannot be opened or a setting does not take.
QSqlDatabase openConnection(const StorageConfig &config, const QString &name);

/// Closes and unregisters a connection opened by openConnection().
void closeConnection(const QString &name);

} // namespace natter::server
