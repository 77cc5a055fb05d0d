#include "search/searchquery.h"

#include <QDateTime>
#include <QRegularExpression>

namespace natter {

namespace {

/// Reads one query item at a time; every failure is an InvalidQuery error with a reason.
class QueryScanner
{
public:
    explicit QueryScanner(const QString &text) : m_text(text) {}

    bool atEnd()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
        return m_pos >= m_text.size();
    }
    QChar peek() const { return m_pos < m_text.size() ? m_text.at(m_pos) : QChar(); }
    void skip() { ++m_pos; }
    bool nextIsWordStart() const
    {
        return m_pos + 1 < m_text.size() && !m_text.at(m_pos + 1).isSpace();
    }

    /// A quoted string; the opening quote is next.
    std::optional<QString> quoted(QString *why)
    {
        const qsizetype close = m_text.indexOf(QLatin1Char('"'), m_pos + 1);
        if (close < 0) {
            *why = QStringLiteral("a quote is not closed");
            return std::nullopt;
        }
        const QString inner = m_text.mid(m_pos + 1, close - m_pos - 1);
        m_pos = close + 1;
        if (inner.trimmed().isEmpty()) {
            *why = QStringLiteral("a quoted phrase is empty");
            return std::nullopt;
        }
        return inner;
    }

    /// An operator name and its colon at the current position (consumed), lower-cased;
    /// empty when there is none.
    QString operatorPrefix()
    {
        static const QRegularExpression pattern(QStringLiteral("(from|in|before|after):"),
                                                QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch m =
            pattern.match(m_text, m_pos, QRegularExpression::NormalMatch,
                          QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            return {};
        m_pos += m.capturedLength(0);
        return m.captured(1).toLower();
    }

    /// Everything up to the next space.
    QString word()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && !m_text.at(m_pos).isSpace())
            ++m_pos;
        return m_text.mid(start, m_pos - start);
    }

private:
    const QString &m_text;
    qsizetype m_pos = 0;
};

enum class Operator { None, From, In, Before, After };

Operator operatorNamed(const QString &name)
{
    if (name == QLatin1String("from"))
        return Operator::From;
    if (name == QLatin1String("in"))
        return Operator::In;
    if (name == QLatin1String("before"))
        return Operator::Before;
    return name == QLatin1String("after") ? Operator::After : Operator::None;
}

std::optional<QDate> parseDay(const QString &value)
{
    static const QRegularExpression pattern(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (!pattern.match(value).hasMatch())
        return std::nullopt;
    const QDate d = QDate::fromString(value, Qt::ISODate);
    return d.isValid() ? std::optional<QDate>(d) : std::nullopt;
}

qint64 dayStartMs(QDate day)
{
    return QDateTime(day, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

/// Applies one operator with its value to `q`; returns a reason on failure.
QString applyOperator(SearchQuery &q, Operator op, const QString &value, const QString &name)
{
    if (value.trimmed().isEmpty())
        return QStringLiteral("%1: needs a value").arg(name);
    switch (op) {
    case Operator::From:
        q.fromUsers.append(value.trimmed());
        return {};
    case Operator::In:
        q.inRooms.append(value.trimmed());
        return {};
    case Operator::Before:
    case Operator::After: {
        const std::optional<QDate> day = parseDay(value);
        if (!day)
            return QStringLiteral("%1: needs a date written YYYY-MM-DD, not \"%2\"")
                .arg(name, value);
        std::optional<QDate> &bound = op == Operator::Before ? q.before : q.after;
        // Repeated bounds narrow the range: the tightest one wins.
        if (!bound || (op == Operator::Before ? *day < *bound : *day > *bound))
            bound = day;
        return {};
    }
    case Operator::None:
        break;
    }
    return QStringLiteral("unknown operator");
}

/// Reads the next item into `q`; returns a reason on failure.
QString readItem(QueryScanner &s, SearchQuery &q)
{
    bool negated = false;
    if (s.peek() == QLatin1Char('-') && s.nextIsWordStart()) {
        negated = true;
        s.skip();
    }
    QString why;
    if (s.peek() == QLatin1Char('"')) {
        const std::optional<QString> phrase = s.quoted(&why);
        if (!phrase)
            return why;
        (negated ? q.exclude : q.include).append(SearchText{*phrase, true});
        return {};
    }
    const QString name = s.operatorPrefix();
    if (name.isEmpty()) {
        (negated ? q.exclude : q.include).append(SearchText{s.word(), false});
        return {};
    }
    if (negated)
        return QStringLiteral("%1: cannot be excluded").arg(name);
    QString value;
    if (s.peek() == QLatin1Char('"')) {
        const std::optional<QString> quoted = s.quoted(&why);
        if (!quoted)
            return why;
        value = *quoted;
    } else {
        value = s.word();
    }
    const Operator op = operatorNamed(name);
    return applyOperator(q, op, value, name);
}

} // namespace

std::optional<SearchQuery> SearchQuery::parse(const QString &text, ProtocolError *error)
{
    auto fail = [error](const QString &why) {
        *error =
            ProtocolError{ErrorCode::InvalidQuery, QStringLiteral("invalid search: %1").arg(why)};
        return std::nullopt;
    };
    if (text.size() > maxQueryLength)
        return fail(QStringLiteral("the query is longer than %1 characters").arg(maxQueryLength));
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control && !c.isSpace())
            return fail(QStringLiteral("the query contains a control character"));
    }
    SearchQuery q;
    QueryScanner scanner(text);
    int items = 0;
    while (!scanner.atEnd()) {
        if (++items > maxItems)
            return fail(QStringLiteral("the query has more than %1 parts").arg(maxItems));
        const QString why = readItem(scanner, q);
        if (!why.isEmpty())
            return fail(why);
    }
    if (items == 0)
        return fail(QStringLiteral("the query is empty"));
    if (q.include.isEmpty() && q.fromUsers.isEmpty() && q.inRooms.isEmpty() && !q.before &&
        !q.after)
        return fail(QStringLiteral("the query only excludes; add a term, a phrase or a filter"));
    return q;
}

std::optional<qint64> SearchQuery::beforeMs() const
{
    return before ? std::optional<qint64>(dayStartMs(*before)) : std::nullopt;
}

std::optional<qint64> SearchQuery::afterMs() const
{
    return after ? std::optional<qint64>(dayStartMs(*after)) : std::nullopt;
}

QStringList SearchQuery::includedTexts() const
{
    QStringList out;
    for (const SearchText &t : include)
        out.append(t.text);
    return out;
}

} // namespace natter
