#pragma once
// Strict reading of JSON objects into typed fields. The first missing, ill-typed or
// out-of-range field is recorded as an InvalidField error naming the field; later reads then
// return defaults, so a parser can read every field and check ok() once at the end.

#include "protocol/errorcode.h"
#include "protocol/ids.h"
#include "protocol/jsontree.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <memory>
#include <optional>

namespace natter {

class JsonReader
{
public:
    /// Reads an object of a parsed tree, which must outlive the reader; an undefined value
    /// reads as an empty object.
    explicit JsonReader(JsonValue object, QString path = QString());
    /// Reads an object and keeps its tree.
    explicit JsonReader(const ParsedObject &object, QString path = QString());
    /// Reads an object Qt has parsed (a copy is made first).
    explicit JsonReader(const QJsonObject &object, QString path = QString());

    /// Required string whose length (UTF-16 units) lies in [minLength, maxLength].
    QString string(const char *key, int minLength, int maxLength);
    std::optional<QString> optionalString(const char *key, int minLength, int maxLength);
    /// Required integral number in [min, max]; fractions and values beyond 2^53 are rejected.
    qint64 integer(const char *key, qint64 min, qint64 max);
    std::optional<qint64> optionalInteger(const char *key, qint64 min, qint64 max);
    bool boolean(const char *key);
    std::optional<bool> optionalBoolean(const char *key);
    /// Required SHA-256 digest: 64 lowercase hexadecimal characters.
    QString sha256(const char *key);
    QStringList stringList(const char *key, int maxItems, int maxLength);
    QList<qint64> integerList(const char *key, int maxItems, qint64 min, qint64 max);
    /// Required array of objects; each object is read by `read` with a nested reader.
    template <class T, class F>
    QList<T> objectList(const char *key, int maxItems, F read);
    /// Required nested object read by `read`.
    template <class T, class F>
    T object(const char *key, F read);
    template <class T, class F>
    std::optional<T> optionalObject(const char *key, F read);

    template <class Tag>
    Id<Tag> id(const char *key) { return Id<Tag>(integer(key, 1, limits_maxId())); }

    /// Whether the field is present and not null.
    bool has(const char *key) const { return present(key); }
    bool ok() const { return !m_error.has_value(); }
    const ProtocolError &error() const { return *m_error; }
    void fail(const char *key, const QString &why);

private:
    static qint64 limits_maxId();
    bool present(const char *key) const;
    JsonValue value(const char *key) const { return m_object.member(QByteArrayView(key)); }
    std::optional<QList<JsonValue>> boundedArray(const char *key, int maxItems);
    QString fieldPath(const char *key) const;

    std::shared_ptr<const JsonTree> m_owned; // the tree of a ParsedObject
    JsonValue m_object;
    QString m_path;
    std::optional<ProtocolError> m_error;
};

template <class T, class F>
QList<T> JsonReader::objectList(const char *key, int maxItems, F read)
{
    QList<T> out;
    if (!ok())
        return out;
    const JsonValue v = value(key);
    if (!v.isArray()) {
        fail(key, QStringLiteral("must be an array"));
        return out;
    }
    if (v.size() > maxItems) {
        fail(key, QStringLiteral("has more than %1 items").arg(maxItems));
        return out;
    }
    const QList<JsonValue> items = v.items();
    out.reserve(items.size());
    for (int i = 0; i < items.size(); ++i) {
        if (!items.at(i).isObject()) {
            fail(key, QStringLiteral("item %1 must be an object").arg(i));
            return {};
        }
        JsonReader nested(items.at(i), fieldPath(key) + QStringLiteral("[%1]").arg(i));
        T item = read(nested);
        if (!nested.ok()) {
            m_error = nested.error();
            return {};
        }
        out.append(std::move(item));
    }
    return out;
}

template <class T, class F>
T JsonReader::object(const char *key, F read)
{
    if (!ok())
        return T{};
    const JsonValue v = value(key);
    if (!v.isObject()) {
        fail(key, QStringLiteral("must be an object"));
        return T{};
    }
    JsonReader nested(v, fieldPath(key));
    T item = read(nested);
    if (!nested.ok()) {
        m_error = nested.error();
        return T{};
    }
    return item;
}

template <class T, class F>
std::optional<T> JsonReader::optionalObject(const char *key, F read)
{
    if (!ok() || !present(key))
        return std::nullopt;
    return object<T>(key, read);
}

/// Writes a list of values with toJson() as a JSON array.
template <class T>
QJsonArray toJsonArray(const QList<T> &items)
{
    QJsonArray a;
    for (const T &item : items)
        a.append(item.toJson());
    return a;
}

} // namespace natter
