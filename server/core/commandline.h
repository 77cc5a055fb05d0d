#pragma once

#include "core/serverconfig.h"

#include <QStringList>

namespace natter::server {

/// Parses natterd's command line into a config. Returns false with a message (or with
/// `exitNow` set for --help/--version, the text already printed).
bool parseCommandLine(const QStringList &arguments, ServerConfig *config, QString *error, bool *exitNow);

} // namespace natter::server
