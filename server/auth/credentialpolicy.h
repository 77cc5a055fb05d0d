#pragma once

#include <QString>

namespace natter::server {

/// Username rules: 3-32 characters of ASCII letters, digits, '_', '.', '-', starting with a
/// letter or digit. Returns an explanation when the name breaks a rule, else empty.
QString checkUsername(const QString &username);

/// Password policy: 10-256 characters, not containing the username, not one repeated character.
QString checkPassword(const QString &password, const QString &username);

} // namespace natter::server
