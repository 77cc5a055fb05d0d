#pragma once
// The outcome of one request, as handed to the caller's callback.

#include "protocol/errorcode.h"

#include <functional>
#include <optional>

namespace natter::client {

/// Either the typed reply (`value`) or the error that prevented it. Errors come from the server
/// (an error frame), from a malformed reply (ErrorCode::BadFrame) or from the connection itself
/// (ErrorCode::Unavailable: not connected, connection lost, request timed out).
template <class T> struct Reply
{
    std::optional<T> value;
    ProtocolError error; ///< meaningful only when !ok()

    bool ok() const { return value.has_value(); }
};

template <class T> using ReplyCallback = std::function<void(const Reply<T> &)>;

} // namespace natter::client
