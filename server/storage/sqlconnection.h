#pragma once

#include "storage/storageconfig.h"

#include <QSqlDatabase>

namespace natter::server {

/// Whether a SQLite connection attaches the search index (searchIndexPath()) as schema `search`.
/// The writer's and the checkpointer's leave it out: BEGIN IMMEDIATE takes the write lock of
/// every attached file, and the index's belongs to SearchIndexer.
enum class SearchIndex { Attached, Left };

/// Opens a connection named `name` for use on the calling thread only, and sets it up for a
/// server: SQLite gets WAL, foreign keys, busy_timeout and synchronous=FULL, each read back.
/// Throws StorageError when the database cannot be opened or a setting does not take.
QSqlDatabase openConnection(const StorageConfig &config, const QString &name,
                            SearchIndex searchIndex = SearchIndex::Attached);

/// SQLite: the file of the search index next to the database (natter.db: natter-search.db).
QString searchIndexPath(const StorageConfig &config);

/// Closes and unregisters a connection opened by openConnection().
void closeConnection(const QString &name);

} // namespace natter::server
