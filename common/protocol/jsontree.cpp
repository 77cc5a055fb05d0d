#include "protocol/jsontree.h"

#include <QJsonArray>
#include <QJsonObject>
#include <cmath>
#include <cstring>

namespace natter {

using Type = JsonValue::Type;

class JsonParser
{
public:
    JsonParser(JsonTree &tree) : m_tree(tree), m_p(tree.m_text.constData()), m_begin(m_p), m_end(m_p + tree.m_text.size()) { }

    bool parse()
    {
        skipSpace();
        if (!value(0))
            return false;
        skipSpace();
        return m_p == m_end || fail("unexpected data after the value");
    }

    QString error() const { return QStringLiteral("%1 at byte %2").arg(m_error).arg(m_errorAt); }

private:
    bool fail(const char *what)
    {
        m_error = QLatin1String(what);
        m_errorAt = m_p - m_begin;
        return false;
    }

    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    qint32 push(Type type)
    {
        JsonTree::Node n{};
        n.type = type;
        m_tree.m_nodes.append(n);
        return qint32(m_tree.m_nodes.size() - 1);
    }

    void close(qint32 index) { m_tree.m_nodes[index].end = qint32(m_tree.m_nodes.size()); }

    bool literal(const char *word, Type type, double number)
    {
        const size_t n = std::strlen(word);
        if (size_t(m_end - m_p) < n || std::memcmp(m_p, word, n) != 0)
            return fail("invalid value");
        m_p += n;
        const qint32 i = push(type);
        m_tree.m_nodes[i].number = number;
        close(i);
        return true;
    }

    bool value(int depth)
    {
        if (m_p == m_end)
            return fail("a value is missing");
        switch (*m_p) {
        case '{':
            return container(Type::Object, depth + 1);
        case '[':
            return container(Type::Array, depth + 1);
        case '"':
            return string();
        case 't':
            return literal("true", Type::Bool, 1);
        case 'f':
            return literal("false", Type::Bool, 0);
        case 'n':
            return literal("null", Type::Null, 0);
        default:
            return number();
        }
    }

    // An object or an array: its members (a name, ':' and a value) or items, separated by ','.
    bool container(Type type, int depth)
    {
        if (depth > JsonTree::maxDepth)
            return fail("nested too deeply");
        const bool isObject = type == Type::Object;
        const char end = isObject ? '}' : ']';
        const qint32 self = push(type);
        ++m_p;
        skipSpace();
        qint32 count = 0;
        if (m_p < m_end && *m_p == end) {
            ++m_p;
        } else {
            for (;;) {
                if (isObject && !memberName())
                    return false;
                if (!value(depth))
                    return false;
                ++count;
                skipSpace();
                if (m_p < m_end && *m_p == ',') {
                    ++m_p;
                    skipSpace();
                    continue;
                }
                if (m_p < m_end && *m_p == end) {
                    ++m_p;
                    break;
                }
                return fail(isObject ? "',' or '}' is missing in an object" : "',' or ']' is missing in an array");
            }
        }
        m_tree.m_nodes[self].count = count;
        close(self);
        return true;
    }

    // A member's name and the ':' after it.
    bool memberName()
    {
        if (m_p == m_end || *m_p != '"')
            return fail("a member name is missing");
        if (!string())
            return false;
        skipSpace();
        if (m_p == m_end || *m_p != ':')
            return fail("':' is missing after a member name");
        ++m_p;
        skipSpace();
        return true;
    }

    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    bool number()
    {
        const char *start = m_p;
        if (m_p < m_end && *m_p == '-')
            ++m_p;
        if (m_p == m_end || !isDigit(*m_p))
            return fail("invalid value");
        qint64 integer = 0;
        int digits = 0;
        if (*m_p == '0') {
            ++m_p;
        } else {
            while (m_p < m_end && isDigit(*m_p)) {
                if (++digits <= 15) // exact in a double; longer ones are converted from text
                    integer = integer * 10 + (*m_p - '0');
                ++m_p;
            }
        }
        bool simple = digits <= 15;
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            if (m_p == m_end || !isDigit(*m_p))
                return fail("a digit is missing after '.'");
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
            simple = false;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (m_p == m_end || !isDigit(*m_p))
                return fail("a digit is missing in an exponent");
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
            simple = false;
        }
        double d;
        if (simple) {
            d = double(integer);
            if (*start == '-')
                d = -d;
        } else {
            bool ok = false;
            d = QByteArray::fromRawData(start, m_p - start).toDouble(&ok);
            if (!ok || !std::isfinite(d)) {
                m_p = start;
                return fail("number out of range");
            }
        }
        const qint32 i = push(Type::Number);
        m_tree.m_nodes[i].number = d;
        close(i);
        return true;
    }

    // The length of the UTF-8 sequence at m_p (RFC 3629: no overlong forms, no surrogates,
    // nothing above U+10FFFF), or 0 if it is invalid.
    int utf8Sequence() const
    {
        const auto *s = reinterpret_cast<const unsigned char *>(m_p);
        const qsizetype left = m_end - m_p;
        const auto cont = [&](int i, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
            return i < left && s[i] >= lo && s[i] <= hi;
        };
        const unsigned char c = s[0];
        if (c >= 0xC2 && c <= 0xDF)
            return cont(1) ? 2 : 0;
        if (c == 0xE0)
            return cont(1, 0xA0) && cont(2) ? 3 : 0;
        if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)
            return cont(1) && cont(2) ? 3 : 0;
        if (c == 0xED)
            return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
        if (c == 0xF0)
            return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
        if (c >= 0xF1 && c <= 0xF3)
            return cont(1) && cont(2) && cont(3) ? 4 : 0;
        if (c == 0xF4)
            return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
        return 0;
    }

    bool hex4(char32_t *out)
    {
        if (m_end - m_p < 4)
            return fail("a \\u escape needs four hexadecimal digits");
        char32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_p[i];
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= char32_t(c - '0');
            else if (c >= 'a' && c <= 'f')
                v |= char32_t(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                v |= char32_t(c - 'A' + 10);
            else
                return fail("a \\u escape needs four hexadecimal digits");
        }
        m_p += 4;
        *out = v;
        return true;
    }

    static void appendUtf8(QByteArray &out, char32_t c)
    {
        if (c < 0x80) {
            out.append(char(c));
        } else if (c < 0x800) {
            out.append(char(0xC0 | (c >> 6))).append(char(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out.append(char(0xE0 | (c >> 12))).append(char(0x80 | ((c >> 6) & 0x3F))).append(char(0x80 | (c & 0x3F)));
        } else {
            out.append(char(0xF0 | (c >> 18)))
                .append(char(0x80 | ((c >> 12) & 0x3F)))
                .append(char(0x80 | ((c >> 6) & 0x3F)))
                .append(char(0x80 | (c & 0x3F)));
        }
    }

    bool escape(QByteArray &out)
    {
        ++m_p; // the backslash
        if (m_p == m_end)
            return fail("an escape is cut short");
        const char c = *m_p++;
        switch (c) {
        case '"': out.append('"'); return true;
        case '\\': out.append('\\'); return true;
        case '/': out.append('/'); return true;
        case 'b': out.append('\b'); return true;
        case 'f': out.append('\f'); return true;
        case 'n': out.append('\n'); return true;
        case 'r': out.append('\r'); return true;
        case 't': out.append('\t'); return true;
        case 'u': break;
        default:
            --m_p;
            return fail("unknown escape");
        }
        char32_t unit;
        if (!hex4(&unit))
            return false;
        // Half of a surrogate pair is valid JSON but no character, and UTF-8 cannot hold it:
        // it reads as U+FFFD, the replacement character.
        constexpr char32_t replacement = 0xFFFD;
        if (unit >= 0xDC00 && unit <= 0xDFFF) {
            unit = replacement;
        } else if (unit >= 0xD800 && unit <= 0xDBFF) {
            char32_t low = 0;
            const char *afterHigh = m_p;
            if (m_end - m_p >= 6 && m_p[0] == '\\' && m_p[1] == 'u') {
                m_p += 2;
                if (!hex4(&low))
                    return false;
            }
            if (low >= 0xDC00 && low <= 0xDFFF) {
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
            } else {
                unit = replacement;
                m_p = afterHigh; // whatever follows is read on its own
            }
        }
        appendUtf8(out, unit);
        return true;
    }

    bool string()
    {
        ++m_p; // the opening quote
        const char *start = m_p;
        QByteArray &out = m_tree.m_unescaped;
        qsizetype outStart = -1; // where this string's unescaped bytes begin, once it has escapes
        const char *copied = start; // the raw bytes before this are in `out`
        for (;;) {
            if (m_p == m_end)
                return fail("a string is not closed");
            const unsigned char c = static_cast<unsigned char>(*m_p);
            if (c == '"')
                break;
            if (c == '\\') {
                if (outStart < 0)
                    outStart = out.size();
                out.append(copied, m_p - copied);
                if (!escape(out))
                    return false;
                copied = m_p;
            } else if (c < 0x20) {
                return fail("a control character in a string must be escaped");
            } else if (c < 0x80) {
                ++m_p;
            } else {
                const int n = utf8Sequence();
                if (n == 0)
                    return fail("invalid UTF-8 in a string");
                m_p += n;
            }
        }
        const qint32 i = push(Type::String);
        JsonTree::Node &node = m_tree.m_nodes[i];
        if (outStart < 0) {
            node.text.offset = qint32(start - m_begin);
            node.text.length = qint32(m_p - start);
        } else {
            out.append(copied, m_p - copied);
            node.unescaped = true;
            node.text.offset = qint32(outStart);
            node.text.length = qint32(out.size() - outStart);
        }
        ++m_p; // the closing quote
        close(i);
        return true;
    }

    JsonTree &m_tree;
    const char *m_p;
    const char *const m_begin;
    const char *const m_end;
    QLatin1String m_error;
    qsizetype m_errorAt = 0;
};

std::optional<JsonTree> JsonTree::parse(const QByteArray &utf8, QString *error)
{
    JsonTree tree;
    tree.m_text = utf8;
    tree.m_nodes.reserve(16);
    JsonParser parser(tree);
    if (!parser.parse()) {
        if (error)
            *error = parser.error();
        return std::nullopt;
    }
    return tree;
}

JsonTree JsonTree::fromQJsonObject(const QJsonObject &object)
{
    JsonTree tree;
    tree.append(object);
    return tree;
}

void JsonTree::appendString(const QString &s)
{
    Node n{};
    n.type = Type::String;
    n.unescaped = true;
    n.text.offset = qint32(m_unescaped.size());
    m_unescaped.append(s.toUtf8());
    n.text.length = qint32(m_unescaped.size() - n.text.offset);
    n.end = qint32(m_nodes.size() + 1);
    m_nodes.append(n);
}

void JsonTree::append(const QJsonValue &value)
{
    const qint32 self = qint32(m_nodes.size());
    Node n{};
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        n.type = Type::Null;
        break;
    case QJsonValue::Bool:
        n.type = Type::Bool;
        n.number = value.toBool() ? 1 : 0;
        break;
    case QJsonValue::Double:
        n.type = Type::Number;
        n.number = value.toDouble();
        break;
    case QJsonValue::String:
        return appendString(value.toString());
    case QJsonValue::Array: {
        n.type = Type::Array;
        const QJsonArray a = value.toArray();
        n.count = qint32(a.size());
        m_nodes.append(n);
        for (const QJsonValue &item : a)
            append(item);
        m_nodes[self].end = qint32(m_nodes.size());
        return;
    }
    case QJsonValue::Object: {
        n.type = Type::Object;
        const QJsonObject o = value.toObject();
        n.count = qint32(o.size());
        m_nodes.append(n);
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            appendString(it.key());
            append(it.value());
        }
        m_nodes[self].end = qint32(m_nodes.size());
        return;
    }
    }
    n.end = self + 1;
    m_nodes.append(n);
}

ParsedObject::ParsedObject(const QJsonObject &object)
    : m_tree(std::make_shared<const JsonTree>(JsonTree::fromQJsonObject(object))), m_object(m_tree->root())
{
}

QByteArrayView JsonTree::bytes(const Node &n) const
{
    const QByteArray &source = n.unescaped ? m_unescaped : m_text;
    return QByteArrayView(source.constData() + n.text.offset, n.text.length);
}

JsonValue::Type JsonValue::type() const
{
    return m_tree ? m_tree->m_nodes.at(m_index).type : Type::Undefined;
}

bool JsonValue::toBool() const
{
    return isBool() && m_tree->m_nodes.at(m_index).number != 0;
}

double JsonValue::toDouble() const
{
    return isNumber() ? m_tree->m_nodes.at(m_index).number : 0;
}

QByteArrayView JsonValue::utf8() const
{
    return isString() ? m_tree->bytes(m_tree->m_nodes.at(m_index)) : QByteArrayView();
}

QString JsonValue::toString() const
{
    return isString() ? QString::fromUtf8(utf8()) : QString();
}

qsizetype JsonValue::size() const
{
    return isArray() || isObject() ? m_tree->m_nodes.at(m_index).count : 0;
}

JsonValue JsonValue::member(QByteArrayView key) const
{
    if (!isObject())
        return {};
    const auto &nodes = m_tree->m_nodes;
    const qint32 end = nodes.at(m_index).end;
    JsonValue found;
    for (qint32 k = m_index + 1; k < end; k = nodes.at(k + 1).end) {
        if (m_tree->bytes(nodes.at(k)) == key)
            found = JsonValue(m_tree, k + 1); // a repeated key: the last one counts
    }
    return found;
}

QList<JsonValue> JsonValue::items() const
{
    QList<JsonValue> out;
    if (!isArray())
        return out;
    const auto &nodes = m_tree->m_nodes;
    const qint32 end = nodes.at(m_index).end;
    out.reserve(nodes.at(m_index).count);
    for (qint32 i = m_index + 1; i < end; i = nodes.at(i).end)
        out.append(JsonValue(m_tree, i));
    return out;
}

QJsonValue JsonValue::toQJsonValue() const
{
    switch (type()) {
    case Type::Undefined:
        return QJsonValue(QJsonValue::Undefined);
    case Type::Null:
        return QJsonValue(QJsonValue::Null);
    case Type::Bool:
        return toBool();
    case Type::Number:
        return toDouble();
    case Type::String:
        return toString();
    case Type::Array: {
        QJsonArray a;
        for (const JsonValue &item : items())
            a.append(item.toQJsonValue());
        return a;
    }
    case Type::Object: {
        QJsonObject o;
        const auto &nodes = m_tree->m_nodes;
        const qint32 end = nodes.at(m_index).end;
        for (qint32 k = m_index + 1; k < end; k = nodes.at(k + 1).end)
            o.insert(JsonValue(m_tree, k).toString(), JsonValue(m_tree, k + 1).toQJsonValue());
        return o;
    }
    }
    return {};
}

} // namespace natter
