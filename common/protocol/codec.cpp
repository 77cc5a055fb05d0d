#include "protocol/codec.h"

#include "protocol/jsonwriter.h"

#include "protocol/limits.h"

#include "protocol/jsontree.h"

#include <QJsonDocument>
#include <algorithm>
#include <limits>
#include <string_view>
#include <vector>

namespace natter {

namespace {

using RequestParser = AnyRequest (*)(JsonReader &);

/// The parser of a request type's data, or nullptr for an unknown type.
RequestParser requestParser(QByteArrayView type)
{
    using Entry = std::pair<std::string_view, RequestParser>;
    static const std::vector<Entry> table = [] {
        std::vector<Entry> t;
#define NATTER_X(T)                                                                                \
    t.emplace_back(T::type, [](JsonReader &r) -> AnyRequest { return T::fromJson(r); });
        NATTER_REQUESTS(NATTER_X)
#undef NATTER_X
        std::sort(t.begin(), t.end(), [](const Entry &a, const Entry &b) { return a.first < b.first; });
        return t;
    }();
    const std::string_view key(type.data(), size_t(type.size()));
    const auto it = std::lower_bound(table.begin(), table.end(), key,
                                     [](const Entry &e, std::string_view k) { return e.first < k; });
    return it != table.end() && it->first == key ? it->second : nullptr;
}

} // namespace

DecodedRequest decodeRequest(const QByteArray &utf8Json)
{
    DecodedRequest out;
    if (utf8Json.size() > limits::maxFrameBytes) {
        out.error = ProtocolError{ErrorCode::FrameTooLarge,
                                  QStringLiteral("frames are limited to %1 bytes").arg(limits::maxFrameBytes)};
        return out;
    }
    QString parseError;
    const std::optional<JsonTree> tree = JsonTree::parse(utf8Json, &parseError);
    if (!tree || !tree->root().isObject()) {
        out.error = ProtocolError{ErrorCode::BadFrame, tree ? QStringLiteral("a frame must be a JSON object")
                                                            : QStringLiteral("invalid JSON: %1").arg(parseError)};
        return out;
    }
    const JsonValue frame = tree->root();
    JsonReader r(frame);
    out.id = r.integer("id", 0, limits::maxJsonInteger);
    if (!r.ok()) {
        out.id.reset();
        out.error = r.error();
        return out;
    }
    const QString type = r.string("type", 1, 64);
    const JsonValue data = frame.member("data");
    if (r.ok() && !data.isUndefined() && !data.isObject())
        r.fail("data", QStringLiteral("must be an object"));
    if (!r.ok()) {
        out.error = r.error();
        return out;
    }
    const RequestParser parser = requestParser(frame.member("type").utf8());
    if (!parser) {
        out.error = ProtocolError{ErrorCode::UnknownType,
                                  QStringLiteral("unknown request type '%1'").arg(type)};
        return out;
    }
    JsonReader dataReader(data, QStringLiteral("data"));
    AnyRequest request = parser(dataReader);
    if (!dataReader.ok()) {
        out.error = dataReader.error();
        return out;
    }
    out.request = std::move(request);
    return out;
}

QString requestTypeName(const AnyRequest &request)
{
    return std::visit(
        [](const auto &r) -> QString {
            using T = std::decay_t<decltype(r)>;
            if constexpr (std::is_same_v<T, std::monostate>)
                return QString();
            else
                return QLatin1String(T::type);
        },
        request);
}

QByteArray encodeFrame(const QJsonObject &frame)
{
    return QJsonDocument(frame).toJson(QJsonDocument::Compact);
}

QByteArray encodeResult(RequestId id, const QJsonObject &data)
{
    return encodeFrame({{QStringLiteral("type"), QStringLiteral("result")},
                        {QStringLiteral("id"), id},
                        {QStringLiteral("data"), data}});
}

namespace {
QByteArray messageJson(const Message &m)
{
    QByteArray out;
    out.reserve(200 + m.body.size() * 3);
    JsonWriter w(out);
    m.writeJson(w);
    return out;
}

// Keys sorted, as QJsonDocument writes them.
QByteArray replyFrame(RequestId id, bool duplicate, const QByteArray &message)
{
    QByteArray out;
    out.reserve(message.size() + 64);
    out.append(duplicate ? "{\"data\":{\"duplicate\":true,\"message\":" : "{\"data\":{\"duplicate\":false,\"message\":")
        .append(message)
        .append("},\"id\":")
        .append(QByteArray::number(id))
        .append(",\"type\":\"result\"}");
    return out;
}

QByteArray eventFrame(const QByteArray &message)
{
    QByteArray out;
    out.reserve(message.size() + 64);
    out.append("{\"data\":{\"message\":").append(message).append("},\"event\":\"message\",\"type\":\"event\"}");
    return out;
}
} // namespace

template <>
QByteArray encodeReply<SendReply>(RequestId id, const SendReply &reply)
{
    return replyFrame(id, reply.duplicate, messageJson(reply.message));
}

template <>
QByteArray encodeEvent<MessageEvent>(const MessageEvent &event)
{
    return eventFrame(messageJson(event.message));
}

template <>
QByteArray encodeReply<MessagePageReply>(RequestId id, const MessagePageReply &reply)
{
    qsizetype size = 96;
    for (const Message &m : reply.messages)
        size += 200 + m.body.size() * 3;
    QByteArray out;
    out.reserve(size);
    out.append("{\"data\":{\"messages\":[");
    for (qsizetype i = 0; i < reply.messages.size(); ++i) {
        if (i > 0)
            out.append(',');
        JsonWriter w(out);
        reply.messages.at(i).writeJson(w);
    }
    out.append(reply.more ? "],\"more\":true},\"id\":" : "],\"more\":false},\"id\":")
        .append(QByteArray::number(id))
        .append(",\"type\":\"result\"}");
    return out;
}

MessageFrames encodeMessageFrames(RequestId id, const SendReply &reply)
{
    const QByteArray message = messageJson(reply.message);
    return {replyFrame(id, reply.duplicate, message), eventFrame(message)};
}

QByteArray encodeError(std::optional<RequestId> id, const ProtocolError &error)
{
    return encodeFrame({{QStringLiteral("type"), QStringLiteral("error")},
                        {QStringLiteral("id"), id ? QJsonValue(*id) : QJsonValue(QJsonValue::Null)},
                        {QStringLiteral("error"),
                         QJsonObject{{QStringLiteral("code"), errorCodeName(error.code)},
                                     {QStringLiteral("message"), error.message}}}});
}

std::optional<ServerFrame> decodeServerFrame(const QByteArray &utf8Json, ProtocolError *error)
{
    ProtocolError localError;
    ProtocolError *err = error ? error : &localError;
    // Server frames are bounded by the client's socket limit, not the request limit.
    QString parseError;
    std::optional<JsonTree> parsed = JsonTree::parse(utf8Json, &parseError);
    if (!parsed || !parsed->root().isObject()) {
        *err = {ErrorCode::BadFrame, parsed ? QStringLiteral("a frame must be a JSON object")
                                            : QStringLiteral("invalid JSON: %1").arg(parseError)};
        return std::nullopt;
    }
    const auto tree = std::make_shared<const JsonTree>(std::move(*parsed));
    const JsonValue frame = tree->root();
    JsonReader r(frame);
    ServerFrame out;
    const QString type = r.string("type", 1, 64);
    if (!r.ok()) {
        *err = r.error();
        return std::nullopt;
    }
    // The data object (the reader reports only its first error, so a field read before wins).
    const auto takeData = [&] {
        const JsonValue data = frame.member("data");
        if (!data.isObject())
            r.fail("data", QStringLiteral("must be an object"));
        out.data = ParsedObject(tree, data);
    };
    if (type == QLatin1String("result")) {
        out.kind = ServerFrame::Kind::Result;
        out.id = r.integer("id", 0, limits::maxJsonInteger);
        takeData();
    } else if (type == QLatin1String("error")) {
        out.kind = ServerFrame::Kind::Error;
        out.id = r.optionalInteger("id", 0, limits::maxJsonInteger);
        out.error = r.object<ProtocolError>("error", [](JsonReader &e) {
            ProtocolError pe;
            const QString code = e.string("code", 1, 64);
            if (e.ok() && !errorCodeFromName(code, &pe.code))
                pe.code = ErrorCode::Internal; // a newer server's code: keep the message
            pe.message = e.string("message", 0, 4096);
            return pe;
        });
    } else if (type == QLatin1String("event")) {
        out.kind = ServerFrame::Kind::Event;
        out.event = r.string("event", 1, 64);
        takeData();
    } else {
        r.fail("type", QStringLiteral("must be result, error or event"));
    }
    if (!r.ok()) {
        *err = r.error();
        return std::nullopt;
    }
    return out;
}

std::optional<AnyEvent> decodeEvent(const ServerFrame &frame, ProtocolError *error)
{
#define NATTER_X(T)                                                                                \
    if (frame.event == QLatin1String(T::type)) {                                                   \
        std::optional<T> e = readData<T>(frame.data, error);                                       \
        return e ? std::optional<AnyEvent>(std::move(*e)) : std::nullopt;                          \
    }
    NATTER_EVENTS(NATTER_X)
#undef NATTER_X
    if (error)
        *error = {ErrorCode::UnknownType, QStringLiteral("unknown event '%1'").arg(frame.event)};
    return std::nullopt;
}

} // namespace natter
