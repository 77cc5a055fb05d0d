#pragma once

#include "core/serverconfig.h"

#include <QTextStream>

namespace natter::server {

/// `natterd check`: the data directory is writable, the database opens, its schema is not
/// newer than this natterd, SQLite's integrity and foreign-key checks pass. Every finding is
/// printed to `out` ("ok …") or `err` ("problem: …"); returns 0 when nothing is wrong, else 1.
/// Never migrates or otherwise changes the database.
int runCheck(const ServerConfig &config, QTextStream &out, QTextStream &err);

/// `natterd tls-fingerprint`: prints the SHA-256 fingerprint of the certificate natterd serves
/// (never generates one); 0, or 1 when there is none.
int printTlsFingerprint(const ServerConfig &config, QTextStream &out, QTextStream &err);

} // namespace natter::server
