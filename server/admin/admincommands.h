#pragma once
// natterd's administration commands (`natterd user …`, `natterd backup …`, `natterd check`).
// They run instead of the server, synchronously on the calling thread, on their own database
// connection; a server using the same SQLite database may keep running meanwhile (WAL and
// busy_timeout keep both consistent).

#include "core/commandline.h"
#include "core/serverconfig.h"

#include <QTextStream>

namespace natter::server {

/// Exit statuses of runAdminCommand().
enum AdminStatus : int {
    AdminOk = 0,      ///< done (check: no problem found)
    AdminFailed = 1,  ///< refused or failed; the reason is on `err`
    AdminUsage = 2,   ///< unknown command or wrong arguments
};

/// Runs `request` against the database `config` names. Results go to `out`, problems to
/// `err`; with --password-stdin the password is the first line of `in`.
int runAdminCommand(const ServerConfig &config, const AdminRequest &request, QTextStream &in, QTextStream &out,
                    QTextStream &err);

/// Copies the SQLite database at `source` into `destination` with SQLite's online backup API
/// (a consistent snapshot, even while a server writes), through a temporary file renamed into
/// place. Returns false with a reason.
bool backupSqlite(const QString &source, const QString &destination, QString *error);

} // namespace natter::server
