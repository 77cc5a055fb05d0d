#pragma once
// A parsed JSON document: how frames are parsed, both ways (requests on the server, replies and
// events on the client).
//
// Strict RFC 8259: no raw control characters in strings, no unknown escapes, no invalid
// UTF-8, no "1." or ".5", no byte-order mark, nothing after the value, nesting at most
// JsonTree::maxDepth deep. An escaped half of a surrogate pair ("\ud800" alone) reads as
// U+FFFD. Where a key repeats in an object, its last value counts (as QJsonDocument does). It
// parses into one flat array of nodes and keeps strings as UTF-8 bytes until they are read: a
// frame costs a few allocations, not one or more per value.

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <memory>
#include <optional>

namespace natter {

class JsonTree;

/// A value inside a JsonTree, or "undefined" (a missing member). Valid as long as the tree.
class JsonValue
{
public:
    enum class Type : quint8 { Undefined, Null, Bool, Number, String, Array, Object };

    JsonValue() = default;

    Type type() const;
    bool isUndefined() const { return type() == Type::Undefined; }
    bool isNull() const { return type() == Type::Null; }
    bool isBool() const { return type() == Type::Bool; }
    bool isNumber() const { return type() == Type::Number; }
    bool isString() const { return type() == Type::String; }
    bool isArray() const { return type() == Type::Array; }
    bool isObject() const { return type() == Type::Object; }

    bool toBool() const;
    double toDouble() const;
    QString toString() const;
    /// A string's UTF-8 bytes, without copying them.
    QByteArrayView utf8() const;

    /// Items of an array or members of an object; 0 for anything else.
    qsizetype size() const;
    /// An object's member; undefined when absent or when this is not an object.
    JsonValue member(QByteArrayView key) const;
    /// An array's items in order; empty for anything else.
    QList<JsonValue> items() const;

    /// The same value as Qt's JSON classes hold it.
    QJsonValue toQJsonValue() const;

private:
    friend class JsonTree;
    JsonValue(const JsonTree *tree, qint32 index) : m_tree(tree), m_index(index) { }

    const JsonTree *m_tree = nullptr;
    qint32 m_index = 0;
};

class JsonTree
{
public:
    static constexpr int maxDepth = 64;

    /// Parses one JSON value; on failure returns nothing and sets *error to what and where.
    static std::optional<JsonTree> parse(const QByteArray &utf8, QString *error);

    /// The same tree built from an object Qt has parsed.
    static JsonTree fromQJsonObject(const QJsonObject &object);

    JsonValue root() const { return JsonValue(this, 0); }

private:
    friend class JsonValue;
    friend class JsonParser;

    struct Node
    {
        JsonValue::Type type;
        bool unescaped; // a string whose bytes are in m_unescaped rather than m_text
        qint32 end;     // index one past this node's subtree
        union {
            double number; // a number's value; a boolean's 0 or 1
            qint32 count;  // items of an array, members of an object
            struct
            {
                qint32 offset;
                qint32 length;
            } text;        // a string's bytes
        };
    };
    static_assert(sizeof(Node) == 16);

    QByteArrayView bytes(const Node &n) const;
    void append(const QJsonValue &value);
    void appendString(const QString &s);

    QByteArray m_text;
    QByteArray m_unescaped;
    QList<Node> m_nodes;
};

/// An object together with the tree that holds it, shared on copy: a decoded server frame's data.
class ParsedObject
{
public:
    ParsedObject() = default; ///< reads as an empty object
    explicit ParsedObject(const QJsonObject &object);
    ParsedObject(std::shared_ptr<const JsonTree> tree, JsonValue object)
        : m_tree(std::move(tree)), m_object(object) { }

    JsonValue value() const { return m_object; }
    const std::shared_ptr<const JsonTree> &tree() const { return m_tree; }

private:
    std::shared_ptr<const JsonTree> m_tree;
    JsonValue m_object;
};

} // namespace natter
