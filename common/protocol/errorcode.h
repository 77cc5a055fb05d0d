#pragma once
// Stable error codes carried by error frames. The wire name never changes once released.

#include <QMetaType>
#include <QString>

namespace natter {

#define NATTER_ERROR_CODES(X)                                                                      \
    X(BadFrame, "bad_frame", "the frame is not a JSON object")                                    \
    X(FrameTooLarge, "frame_too_large", "the frame exceeds the size limit")                       \
    X(UnknownType, "unknown_type", "the frame type is not known")                                 \
    X(InvalidField, "invalid_field", "a field is missing or has the wrong type or range")         \
    X(UnsupportedVersion, "unsupported_version", "the protocol version is not supported")        \
    X(HandshakeRequired, "handshake_required", "send hello first")                                \
    X(AlreadyHandshaken, "already_handshaken", "hello was already sent")                          \
    X(NotAuthenticated, "not_authenticated", "log in first")                                      \
    X(AlreadyAuthenticated, "already_authenticated", "this connection is already logged in")      \
    X(InvalidUsername, "invalid_username", "the username does not follow the rules")              \
    X(WeakPassword, "weak_password", "the password does not follow the policy")                   \
    X(UsernameTaken, "username_taken", "that username is taken")                                  \
    X(InvalidCredentials, "invalid_credentials", "wrong username or password")                    \
    X(InvalidToken, "invalid_token", "the session token is unknown, expired or revoked")          \
    X(RateLimited, "rate_limited", "too many requests; slow down")                                \
    X(NotFound, "not_found", "no such user, room or request")                                     \
    X(Forbidden, "forbidden", "you may not do that")                                              \
    X(AlreadyFriends, "already_friends", "you are already friends")                               \
    X(RequestPending, "request_pending", "a friend request is already pending")                   \
    X(Blocked, "blocked", "the other user does not accept this")                                  \
    X(RoomClosed, "room_closed", "the room no longer accepts messages")                           \
    X(Conflict, "conflict", "the request conflicts with an earlier one")                          \
    X(NotAuthor, "not_author", "only the author (or a group room's owner or admin, to delete) may do that") \
    X(MessageNotFound, "message_not_found", "no such message in this room, or you cannot read it") \
    X(MessageDeleted, "message_deleted", "the message was deleted")                               \
    X(WindowClosed, "window_closed", "the time allowed to edit or delete this message has passed") \
    X(InvalidQuery, "invalid_query", "the search query is malformed")                             \
    X(SignupClosed, "signup_closed", "this server does not accept new accounts; ask its administrator") \
    X(InviteRequired, "invite_required", "signing up here needs an invite code from an administrator") \
    X(InvalidInvite, "invalid_invite", "the invite code is unknown, expired or used up")           \
    X(Unavailable, "unavailable", "the server is busy or shutting down; retry later")             \
    X(TooLarge, "too_large", "the file exceeds the server's attachment size limit")                \
    X(HashMismatch, "hash_mismatch", "the uploaded bytes do not match the announced SHA-256")      \
    X(BadOffset, "bad_offset", "the chunk does not continue the upload where it stands")           \
    X(UnknownUpload, "unknown_upload", "no such upload in progress; begin again")                  \
    X(Incomplete, "incomplete", "the upload has not received all its bytes yet")                   \
    X(AccountDisabled, "account_disabled", "an administrator disabled this account")               \
    X(SessionRevoked, "session_revoked", "an administrator ended this account's sessions; log in again") \
    X(Internal, "internal", "internal server error")

enum class ErrorCode {
#define NATTER_X(id, wire, text) id,
    NATTER_ERROR_CODES(NATTER_X)
#undef NATTER_X
};

/// Wire name of a code, e.g. "invalid_field".
QString errorCodeName(ErrorCode code);
/// Default English description of a code.
QString errorCodeText(ErrorCode code);
/// Parses a wire name; returns false for unknown names.
bool errorCodeFromName(const QString &name, ErrorCode *code);

/// An error as carried on the wire: a stable code plus a human message.
struct ProtocolError
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
};

} // namespace natter

Q_DECLARE_METATYPE(natter::ProtocolError)
