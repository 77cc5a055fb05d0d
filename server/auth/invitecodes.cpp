#include "auth/invitecodes.h"

#include <QCryptographicHash>
#include <sodium.h>

namespace natter::server {

QString newInviteCode()
{
    static const char alphabet[] = "ABCDEFGHJKMNPQRSTVWXYZ0123456789"; // 32 symbols
    QString out;
    for (int i = 0; i < 12; ++i) {
        if (i > 0 && i % 4 == 0)
            out += QLatin1Char('-');
        out += QLatin1Char(alphabet[randombytes_uniform(sizeof(alphabet) - 1)]);
    }
    return out;
}

QByteArray hashInviteCode(const QString &code)
{
    QString normalised = code.toUpper();
    normalised.remove(QLatin1Char('-'));
    normalised.remove(QLatin1Char(' '));
    return QCryptographicHash::hash(normalised.toUtf8(), QCryptographicHash::Sha256);
}

} // namespace natter::server
