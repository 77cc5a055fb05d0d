#include "protocol/jsonreader.h"

#include "protocol/limits.h"

#include <cmath>

namespace natter {

JsonReader::JsonReader(const QJsonObject &object, QString path)
    : m_object(object), m_path(std::move(path))
{
}

qint64 JsonReader::limits_maxId() { return limits::maxJsonInteger; }

bool JsonReader::present(const char *key) const
{
    const QJsonValue v = m_object.value(QLatin1String(key));
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
    const QJsonValue v = m_object.value(QLatin1String(key));
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
    const QJsonValue v = m_object.value(QLatin1String(key));
    if (!v.isDouble()) {
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
    const QJsonValue v = m_object.value(QLatin1String(key));
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

std::optional<QJsonArray> JsonReader::boundedArray(const char *key, int maxItems)
{
    if (!ok())
        return std::nullopt;
    const QJsonValue v = m_object.value(QLatin1String(key));
    if (!v.isArray()) {
        fail(key, v.isUndefined() ? QStringLiteral("is missing") : QStringLiteral("must be an array"));
        return std::nullopt;
    }
    if (v.toArray().size() > maxItems) {
        fail(key, QStringLiteral("has more than %1 items").arg(maxItems));
        return std::nullopt;
    }
    return v.toArray();
}

QStringList JsonReader::stringList(const char *key, int maxItems, int maxLength)
{
    const std::optional<QJsonArray> array = boundedArray(key, maxItems);
    if (!array)
        return {};
    const QJsonArray &a = *array;
    QStringList out;
    for (const QJsonValue &item : a) {
        if (!item.isString() || item.toString().isEmpty() || item.toString().size() > maxLength) {
            fail(key, QStringLiteral("must hold strings of 1 to %1 characters").arg(maxLength));
            return {};
        }
        out.append(item.toString());
    }
    return out;
}

QList<qint64> JsonReader::integerList(const char *key, int maxItems, qint64 min, qint64 max)
{
    const std::optional<QJsonArray> array = boundedArray(key, maxItems);
    if (!array)
        return {};
    const QJsonArray &a = *array;
    QList<qint64> out;
    for (const QJsonValue &item : a) {
        const double d = item.toDouble(-1);
        if (!item.isDouble() || std::trunc(d) != d || d < double(min) || d > double(max)) {
            fail(key, QStringLiteral("must hold integers from %1 to %2").arg(min).arg(max));
            return {};
        }
        out.append(qint64(d));
    }
    return out;
}

} // namespace natter
