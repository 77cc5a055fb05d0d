#pragma once

#include <QString>

namespace natter::server {

/// Whether `body` mentions `username` as "@username" (case-insensitive, not as part of a
/// longer name: "@bob" does not mention "bobby", and "@bobby" does not mention "bob").
bool mentions(const QString &body, const QString &username);

} // namespace natter::server
