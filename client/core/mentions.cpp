#include "core/mentions.h"

namespace natter::client {

namespace {
bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('.')
        || c == QLatin1Char('-');
}

bool endsName(const QString &body, qsizetype end)
{
    if (end == body.size() || !isNameChar(body.at(end)))
        return true;
    return body.at(end) == QLatin1Char('.')
        && (end + 1 == body.size() || !isNameChar(body.at(end + 1)));
}
} // namespace

bool mentions(const QString &body, const QString &username)
{
    if (username.isEmpty())
        return false;
    for (qsizetype at = body.indexOf(QLatin1Char('@')); at >= 0;
         at = body.indexOf(QLatin1Char('@'), at + 1)) {
        const qsizetype end = at + 1 + username.size();
        if (end > body.size())
            return false;
        if (QStringView(body).mid(at + 1, username.size()).compare(username, Qt::CaseInsensitive)
                == 0
            && endsName(body, end) && (at == 0 || !isNameChar(body.at(at - 1))))
            return true;
    }
    return false;
}

} // namespace natter::client
