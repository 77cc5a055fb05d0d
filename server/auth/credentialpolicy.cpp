#include "auth/credentialpolicy.h"

#include "protocol/limits.h"

#include <QRegularExpression>

namespace natter::server {

QString checkUsername(const QString &username)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]*$"));
    if (username.size() < limits::minUsernameLength || username.size() > limits::maxUsernameLength)
        return QStringLiteral("a username has %1 to %2 characters")
            .arg(limits::minUsernameLength)
            .arg(limits::maxUsernameLength);
    if (!pattern.match(username).hasMatch())
        return QStringLiteral("a username uses letters, digits, '_', '.' and '-', and starts "
                              "with a letter or digit");
    return {};
}

QString checkPassword(const QString &password, const QString &username)
{
    if (password.size() < limits::minPasswordLength)
        return QStringLiteral("a password has at least %1 characters").arg(limits::minPasswordLength);
    if (password.size() > limits::maxPasswordLength)
        return QStringLiteral("a password has at most %1 characters").arg(limits::maxPasswordLength);
    if (!username.isEmpty() && password.contains(username, Qt::CaseInsensitive))
        return QStringLiteral("the password must not contain the username");
    if (password.count(password.at(0)) == password.size())
        return QStringLiteral("the password must not repeat one character");
    return {};
}

} // namespace natter::server
