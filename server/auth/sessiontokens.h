#pragma once

#include <QByteArray>
#include <QString>

namespace natter::server {

/// A new session token: 32 random bytes (libsodium), base64url without padding.
QString newSessionToken();
/// What the database stores instead of the token: its SHA-256.
QByteArray hashSessionToken(const QString &token);

} // namespace natter::server
