#pragma once
// The client's copy of the mention rule of docs/protocol.md §7.8, used to badge live messages.

#include <QString>

namespace natter::client {

/// True when `body` mentions `username` (`@name`, case-insensitive, not inside a longer name).
bool mentions(const QString &body, const QString &username);

} // namespace natter::client
