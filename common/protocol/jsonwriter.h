#pragma once
// A compact JSON writer for the frames sent most often (a new message to every member).
// Building a QJsonObject and serialising it through QJsonDocument costs several times more
// than writing the text directly; everything else uses toJson(). The output is ordinary
// compact JSON; tests check that it parses to exactly what the generic encoders produce.

#include <QByteArray>
#include <QString>

namespace natter {

class JsonWriter
{
public:
    explicit JsonWriter(QByteArray &out) : m_out(out) {}

    void beginObject();
    void endObject();
    /// Starts a member; `name` is plain ASCII needing no escaping (a protocol field name).
    JsonWriter &key(const char *name);
    void value(qint64 v);
    void value(bool v);
    void value(const QString &v);
    void null();
    /// A value that is already JSON text.
    void raw(const QByteArray &json);

private:
    void separate();

    QByteArray &m_out;
    bool m_first = true;
};

/// Appends `s` as a JSON string literal (quoted, escaped, UTF-8).
void appendJsonString(QByteArray &out, const QString &s);

} // namespace natter
