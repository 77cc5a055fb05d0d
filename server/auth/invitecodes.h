#pragma once

#include <QByteArray>
#include <QString>

namespace natter::server {

/// A new invite code: 12 random characters from an alphabet without look-alikes (60 bits),
/// grouped as XXXX-XXXX-XXXX for reading aloud.
QString newInviteCode();
/// What the database stores: the SHA-256 of the code with dashes and spaces removed and
/// letters upper-cased, so "abcd efgh-jkmn" matches "ABCD-EFGH-JKMN".
QByteArray hashInviteCode(const QString &code);

} // namespace natter::server
