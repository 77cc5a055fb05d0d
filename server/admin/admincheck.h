#pragma once

#include "core/serverconfig.h"

#include <QTextStream>

namespace natter::server {

/// `natterd check`: the data directory is writable, the database opens, its schema is not
/// newer than this natterd, SQLite's integrity and foreign-key checks pass. Every finding is
/// printed to `out` ("ok …") or `err` ("problem: …"); returns 0 when nothing is wrong, else 1.
/// Never migrates or otherwise changes the database.
int runCheck(const ServerConfig &config, QTextStream &out, QTextStream &err);

} // namespace natter::server
