#pragma once

#include "core/serverconfig.h"

#include <QStringList>

namespace natter::server {

/// An administration command given on natterd's command line instead of running the server,
/// e.g. `natterd user add alice` → words {"user", "add", "alice"}.
struct AdminRequest
{
    QStringList words;               ///< empty: run the server
    bool passwordFromStdin = false;  ///< --password-stdin: read the password, do not generate one
};

/// Parses natterd's command line into a config. Options not given on the command line are
/// taken from the INI file named by --config (keys are the long option names), then from the
/// defaults. Returns false with a message (or with `exitNow` set for --help/--version, the
/// text already printed). Words after the options go to `admin`.
bool parseCommandLine(const QStringList &arguments, ServerConfig *config, AdminRequest *admin, QString *error,
                      bool *exitNow);

/// As above for running the server: an administration command is an error.
bool parseCommandLine(const QStringList &arguments, ServerConfig *config, QString *error, bool *exitNow);

} // namespace natter::server
