#pragma once
// Frame encoding and decoding: the only place where raw JSON frames become typed values.
//
// Client -> server: {"type": "<request type>", "id": <int>, "data": {...}}
// Server -> client: {"type": "result", "id": <int>, "data": {...}}
//                   {"type": "error", "id": <int or null>, "error": {"code": "...", "message": "..."}}
//                   {"type": "event", "event": "<event type>", "data": {...}}

#include "protocol/registry.h"

#include <QByteArray>
#include <QJsonObject>
#include <optional>

namespace natter {

/// A decoded client frame; when error is set, request is empty and id is the frame's id if it
/// could be read (so the error reply can be correlated).
struct DecodedRequest
{
    std::optional<RequestId> id;
    AnyRequest request;
    std::optional<ProtocolError> error;
};

DecodedRequest decodeRequest(const QByteArray &utf8Json);

/// Wire type name of a request alternative.
QString requestTypeName(const AnyRequest &request);

QByteArray encodeFrame(const QJsonObject &frame);

template <class Request>
QByteArray encodeRequest(RequestId id, const Request &request)
{
    return encodeFrame({{QStringLiteral("type"), QLatin1String(Request::type)},
                        {QStringLiteral("id"), id},
                        {QStringLiteral("data"), request.toJson()}});
}

QByteArray encodeResult(RequestId id, const QJsonObject &data);

template <class Reply>
QByteArray encodeReply(RequestId id, const Reply &reply)
{
    return encodeResult(id, reply.toJson());
}

QByteArray encodeError(std::optional<RequestId> id, const ProtocolError &error);

template <class Event>
QByteArray encodeEvent(const Event &event)
{
    return encodeFrame({{QStringLiteral("type"), QStringLiteral("event")},
                        {QStringLiteral("event"), QLatin1String(Event::type)},
                        {QStringLiteral("data"), event.toJson()}});
}

// The frames of a new message are written directly (see jsonwriter.h); same JSON as above.
template <>
QByteArray encodeReply<SendReply>(RequestId id, const SendReply &reply);
template <>
QByteArray encodeEvent<MessageEvent>(const MessageEvent &event);
/// History and sync pages: up to a few hundred messages, written directly as well.
template <>
QByteArray encodeReply<MessagePageReply>(RequestId id, const MessagePageReply &reply);

/// The two frames of one new message: the sender's reply and the members' event, with the
/// message written once (the same bytes as encodeReply and encodeEvent).
struct MessageFrames
{
    QByteArray reply;
    QByteArray event;
};
MessageFrames encodeMessageFrames(RequestId id, const SendReply &reply);

/// A decoded server frame, before its data is read into a typed reply or event.
struct ServerFrame
{
    enum class Kind { Result, Error, Event };
    Kind kind = Kind::Error;
    std::optional<RequestId> id;
    QString event;     ///< for Kind::Event
    ParsedObject data; ///< for Result and Event
    ProtocolError error; ///< for Kind::Error
};

std::optional<ServerFrame> decodeServerFrame(const QByteArray &utf8Json, ProtocolError *error);

/// Reads a typed reply or event out of a frame's data.
template <class T>
std::optional<T> readData(const ParsedObject &data, ProtocolError *error)
{
    JsonReader r(data, QStringLiteral("data"));
    T value = T::fromJson(r);
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return value;
}

template <class T>
std::optional<T> readData(const QJsonObject &data, ProtocolError *error)
{
    return readData<T>(ParsedObject(data), error);
}

/// Decodes an event frame's data into the matching event alternative.
std::optional<AnyEvent> decodeEvent(const ServerFrame &frame, ProtocolError *error);

} // namespace natter
