#include "messages/mentions.h"

namespace natter::server {

namespace {
bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('.') || c == QLatin1Char('-');
}
} // namespace

bool mentions(const QString &body, const QString &username)
{
    if (username.isEmpty())
        return false;
    qsizetype from = 0;
    for (;;) {
        const qsizetype at = body.indexOf(QLatin1Char('@'), from);
        if (at < 0)
            return false;
        const qsizetype end = at + 1 + username.size();
        if (end <= body.size()
            && QStringView(body).mid(at + 1, username.size()).compare(username, Qt::CaseInsensitive) == 0
            && (end == body.size() || !isNameChar(body.at(end)) || (body.at(end) == QLatin1Char('.')
                && (end + 1 == body.size() || !isNameChar(body.at(end + 1)))))
            && (at == 0 || !isNameChar(body.at(at - 1))))
            return true;
        from = at + 1;
    }
}

} // namespace natter::server
