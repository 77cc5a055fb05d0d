#include "protocol/jsonreader.h"

#include "protocol/limits.h"

#include <cmath>

namespace natter {

JsonReader::JsonReader(JsonValue object, QString path)
    : m_object(object), m_path(std::move(path))
{
}

JsonReader::JsonReader(const ParsedObject &object, QString path)
    : m_owned(object.tree()), m_object(object.value()), m_path(std::move(path))
{
}

JsonReader::JsonReader(const QJsonObject &object, QString path)
    : JsonReader(ParsedObject(object), std::move(path))
{
}

qint64 JsonReader::limits_maxId() { return limits::maxJsonInteger; }

bool JsonReader::present(const char *key) const
{
    const JsonValue v = value(key);
    return !v.isUndefined() && !v.isNull();
}

QString JsonReader::fieldPath(const char *key) const
{
    return m_path.isEmpty() ? QString::fromLatin1(key)
                            : m_path + QLatin1Char('.') + QLatin1String(key);
}

void JsonReader::fail(const char *key, const QString &why)
{
    if (m_error)
        return;
    m_error = ProtocolError{ErrorCode::InvalidField,
                            QStringLiteral("field '%1' %2").arg(fieldPath(key), why)};
}

QString JsonReader::string(const char *key, int minLength, int maxLength)
{
    if (!ok())
        return {};
    const JsonValue v = value(key);
    if (!v.isString()) {
        fail(key, v.isUndefined() ? QStringLiteral("is missing") : QStringLiteral("must be a string"));
        return {};
    }
    QString s = v.toString();
    if (s.size() < minLength || s.size() > maxLength) {
        fail(key, QStringLiteral("must be %1 to %2 characters long").arg(minLength).arg(maxLength));
        return {};
    }
    return s;
}

std::optional<QString> JsonReader::optionalString(const char *key, int minLength, int maxLength)
{
    if (!ok() || !present(key))
        return std::nullopt;
    QString s = string(key, minLength, maxLength);
    return ok() ? std::optional<QString>(s) : std::nullopt;
}

qint64 JsonReader::integer(const char *key, qint64 min, qint64 max)
{
    if (!ok())
        return 0;
    const JsonValue v = value(key);
    if (!v.isNumber()) {
        fail(key, v.isUndefined() ? QStringLiteral("is missing") : QStringLiteral("must be a number"));
        return 0;
    }
    const double d = v.toDouble();
    if (!std::isfinite(d) || std::trunc(d) != d || std::fabs(d) > double(limits::maxJsonInteger)) {
        fail(key, QStringLiteral("must be an integer"));
        return 0;
    }
    const qint64 i = qint64(d);
    if (i < min || i > max) {
        fail(key, QStringLiteral("must be between %1 and %2").arg(min).arg(max));
        return 0;
    }
    return i;
}

std::optional<qint64> JsonReader::optionalInteger(const char *key, qint64 min, qint64 max)
{
    if (!ok() || !present(key))
        return std::nullopt;
    qint64 i = integer(key, min, max);
    return ok() ? std::optional<qint64>(i) : std::nullopt;
}

bool JsonReader::boolean(const char *key)
{
    if (!ok())
        return false;
    const JsonValue v = value(key);
    if (!v.isBool()) {
        fail(key, v.isUndefined() ? QStringLiteral("is missing") : QStringLiteral("must be a boolean"));
        return false;
    }
    return v.toBool();
}

std::optional<bool> JsonReader::optionalBoolean(const char *key)
{
    if (!ok() || !present(key))
        return std::nullopt;
    bool b = boolean(key);
    return ok() ? std::optional<bool>(b) : std::nullopt;
}

QString JsonReader::sha256(const char *key)
{
    const QString s = string(key, 64, 64);
    if (!ok())
        return {};
    for (QChar c : s) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f')))) {
            fail(key, QStringLiteral("must be 64 lowercase hexadecimal characters"));
            return {};
        }
    }
    return s;
}

std::optional<QList<JsonValue>> JsonReader::boundedArray(const char *key, int maxItems)
{
    if (!ok())
        return std::nullopt;
    const JsonValue v = value(key);
    if (!v.isArray()) {
        fail(key, v.isUndefined() ? QStringLiteral("is missing") : QStringLiteral("must be an array"));
        return std::nullopt;
    }
    if (v.size() > maxItems) {
        fail(key, QStringLiteral("has more than %1 items").arg(maxItems));
        return std::nullopt;
    }
    return v.items();
}

QStringList JsonReader::stringList(const char *key, int maxItems, int maxLength)
{
    const std::optional<QList<JsonValue>> array = boundedArray(key, maxItems);
    if (!array)
        return {};
    QStringList out;
    for (const JsonValue &item : *array) {
        const QString s = item.toString();
        if (!item.isString() || s.isEmpty() || s.size() > maxLength) {
            fail(key, QStringLiteral("must hold strings of 1 to %1 characters").arg(maxLength));
            return {};
        }
        out.append(s);
    }
    return out;
}

QList<qint64> JsonReader::integerList(const char *key, int maxItems, qint64 min, qint64 max)
{
    const std::optional<QList<JsonValue>> array = boundedArray(key, maxItems);
    if (!array)
        return {};
    QList<qint64> out;
    for (const JsonValue &item : *array) {
        const double d = item.isNumber() ? item.toDouble() : -1;
        if (!item.isNumber() || std::trunc(d) != d || d < double(min) || d > double(max)) {
            fail(key, QStringLiteral("must hold integers from %1 to %2").arg(min).arg(max));
            return {};
        }
        out.append(qint64(d));
    }
    return out;
}

} // namespace natter
