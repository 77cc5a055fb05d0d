#include "protocol/jsonwriter.h"

#include <charconv>
#include <cstring>

namespace natter {

namespace {
// QByteArray::append goes through the general insert path; these copy straight in.
inline void put(QByteArray &out, const char *data, qsizetype n)
{
    const qsizetype at = out.size();
    out.resize(at + n);
    std::memcpy(out.data() + at, data, size_t(n));
}
inline void put(QByteArray &out, char c) { put(out, &c, 1); }
} // namespace

void appendJsonString(QByteArray &out, const QString &s)
{
    static constexpr char hex[] = "0123456789abcdef";
    const QByteArray utf8 = s.toUtf8();
    if (out.capacity() < out.size() + utf8.size() + 2)
        out.reserve(2 * (out.size() + utf8.size() + 2));
    put(out, '"');
    const char *p = utf8.constData();
    const char *end = p + utf8.size();
    const char *run = p;
    for (; p != end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue; // UTF-8 continuation and lead bytes are >= 0x80: copied as they are
        put(out, run, p - run);
        run = p + 1;
        switch (c) {
        case '"': put(out, "\\\"", 2); break;
        case '\\': put(out, "\\\\", 2); break;
        case '\b': put(out, "\\b", 2); break;
        case '\f': put(out, "\\f", 2); break;
        case '\n': put(out, "\\n", 2); break;
        case '\r': put(out, "\\r", 2); break;
        case '\t': put(out, "\\t", 2); break;
        default: {
            const char escape[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf]};
            put(out, escape, sizeof escape);
        }
        }
    }
    put(out, run, p - run);
    put(out, '"');
}

void JsonWriter::separate()
{
    if (!m_first)
        put(m_out, ',');
    m_first = false;
}

void JsonWriter::beginObject()
{
    put(m_out, '{');
    m_first = true;
}

void JsonWriter::endObject()
{
    put(m_out, '}');
    m_first = false;
}

JsonWriter &JsonWriter::key(const char *name)
{
    separate();
    put(m_out, '"');
    put(m_out, name, qsizetype(std::strlen(name)));
    put(m_out, "\":", 2);
    m_first = true; // the value that follows takes no comma
    return *this;
}

void JsonWriter::value(qint64 v)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, v).ptr;
    put(m_out, digits, end - digits);
    m_first = false;
}

void JsonWriter::value(bool v)
{
    if (v)
        put(m_out, "true", 4);
    else
        put(m_out, "false", 5);
    m_first = false;
}

void JsonWriter::value(const QString &v)
{
    appendJsonString(m_out, v);
    m_first = false;
}

void JsonWriter::null()
{
    put(m_out, "null", 4);
    m_first = false;
}

void JsonWriter::raw(const QByteArray &json)
{
    m_out.append(json);
    m_first = false;
}

} // namespace natter
