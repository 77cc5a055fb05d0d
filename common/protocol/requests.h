#pragma once
// Every request a client may send, with the reply it gets. Each request struct names its wire
// type, its Reply type, and reads/writes its `data` object. registry.h lists them all once.

#include "protocol/limits.h"
#include "protocol/types.h"

#include <QStringList>

namespace natter {

// ---- replies ------------------------------------------------------------------------------

struct EmptyReply
{
    QJsonObject toJson() const { return {}; }
    static EmptyReply fromJson(JsonReader &) { return {}; }
};

struct HelloReply
{
    int version = 0;
    QStringList features;
    QString server;
    QString signup = QStringLiteral("open"); ///< "open", "invite" or "closed": who may sign up
    QJsonObject toJson() const;
    static HelloReply fromJson(JsonReader &r);
};

/// Answer to signup, login and resume: who you are and the token that resumes this session.
struct SessionReply
{
    User user;
    QString token;
    qint64 expiresAt = 0; ///< ms since epoch
    bool admin = false;   ///< the account administers the server (may create invite codes)
    QJsonObject toJson() const;
    static SessionReply fromJson(JsonReader &r);
};

/// Answer to admin.createInviteCode.
struct InviteCodeReply
{
    QString code;          ///< give it to the new user; shown once, only its hash is stored
    int uses = 1;          ///< sign-ups it allows
    qint64 expiresAt = 0;  ///< ms since epoch
    QJsonObject toJson() const;
    static InviteCodeReply fromJson(JsonReader &r);
};

struct UserListReply
{
    QList<User> users;
    QJsonObject toJson() const;
    static UserListReply fromJson(JsonReader &r);
};

struct FriendListReply
{
    QList<Friend> friends; ///< every user with a relationship other than None
    QJsonObject toJson() const;
    static FriendListReply fromJson(JsonReader &r);
};

/// The relationship after a friend action, from the caller's side.
struct FriendReply
{
    Friend relation;
    QJsonObject toJson() const;
    static FriendReply fromJson(JsonReader &r);
};

struct RoomListReply
{
    QList<Room> rooms; ///< sorted by lastActivity, newest first
    QJsonObject toJson() const;
    static RoomListReply fromJson(JsonReader &r);
};

struct SendReply
{
    Message message;
    bool duplicate = false; ///< the clientMsgId was already stored; `message` is the original
    QJsonObject toJson() const;
    static SendReply fromJson(JsonReader &r);
};

/// A page of timeline entries in ascending seq order (per room), and whether more exist.
struct MessagePageReply
{
    QList<Message> messages;
    bool more = false;
    QJsonObject toJson() const;
    static MessagePageReply fromJson(JsonReader &r);
};

// ---- requests -----------------------------------------------------------------------------

struct HelloRequest
{
    static constexpr const char *type = "hello";
    using Reply = HelloReply;
    int version = 0;
    QStringList features;
    QString client;
    QJsonObject toJson() const;
    static HelloRequest fromJson(JsonReader &r);
};

/// Shared shape of signup and login.
struct Credentials
{
    QString username;
    QString password;
    QString device; ///< free-form label such as "laptop"; may be empty
};

struct SignupRequest : Credentials
{
    static constexpr const char *type = "auth.signup";
    using Reply = SessionReply;
    QString inviteCode; ///< needed when the server's sign-up mode is "invite"; empty = none
    QJsonObject toJson() const;
    static SignupRequest fromJson(JsonReader &r);
};

struct LoginRequest : Credentials
{
    static constexpr const char *type = "auth.login";
    using Reply = SessionReply;
    QJsonObject toJson() const;
    static LoginRequest fromJson(JsonReader &r);
};

struct ResumeRequest
{
    static constexpr const char *type = "auth.resume";
    using Reply = SessionReply;
    QString token;
    QJsonObject toJson() const;
    static ResumeRequest fromJson(JsonReader &r);
};

struct LogoutRequest
{
    static constexpr const char *type = "auth.logout";
    using Reply = EmptyReply;
    QJsonObject toJson() const { return {}; }
    static LogoutRequest fromJson(JsonReader &) { return {}; }
};

/// An administrator creates an invite code for sign-ups in "invite" mode.
struct CreateInviteCodeRequest
{
    static constexpr const char *type = "admin.createInviteCode";
    using Reply = InviteCodeReply;
    int uses = 1;
    int validHours = limits::defaultInviteCodeValidHours;
    QJsonObject toJson() const;
    static CreateInviteCodeRequest fromJson(JsonReader &r);
};

struct UserSearchRequest
{
    static constexpr const char *type = "users.search";
    using Reply = UserListReply;
    QString query; ///< case-insensitive prefix of a username
    int limit = 20;
    QJsonObject toJson() const;
    static UserSearchRequest fromJson(JsonReader &r);
};

struct FriendListRequest
{
    static constexpr const char *type = "friends.list";
    using Reply = FriendListReply;
    QJsonObject toJson() const { return {}; }
    static FriendListRequest fromJson(JsonReader &) { return {}; }
};

/// Friend actions all target one other user.
template <class Self>
struct FriendAction
{
    using Reply = FriendReply;
    UserId userId;
    QJsonObject toJson() const { return {{QStringLiteral("userId"), userId.value}}; }
    static Self fromJson(JsonReader &r)
    {
        Self s;
        s.userId = r.id<UserIdTag>("userId");
        return s;
    }
};

struct FriendRequestRequest : FriendAction<FriendRequestRequest>
{
    static constexpr const char *type = "friends.request";
};
struct FriendAcceptRequest : FriendAction<FriendAcceptRequest>
{
    static constexpr const char *type = "friends.accept";
};
struct FriendDeclineRequest : FriendAction<FriendDeclineRequest>
{
    static constexpr const char *type = "friends.decline";
};
struct FriendCancelRequest : FriendAction<FriendCancelRequest>
{
    static constexpr const char *type = "friends.cancel";
};
struct FriendRemoveRequest : FriendAction<FriendRemoveRequest>
{
    static constexpr const char *type = "friends.remove";
};
struct BlockRequest : FriendAction<BlockRequest>
{
    static constexpr const char *type = "friends.block";
};
struct UnblockRequest : FriendAction<UnblockRequest>
{
    static constexpr const char *type = "friends.unblock";
};

struct RoomListRequest
{
    static constexpr const char *type = "rooms.list";
    using Reply = RoomListReply;
    QJsonObject toJson() const { return {}; }
    static RoomListRequest fromJson(JsonReader &) { return {}; }
};

struct SendRequest
{
    static constexpr const char *type = "messages.send";
    using Reply = SendReply;
    RoomId roomId;
    QString clientMsgId;
    QString body; ///< may be empty when attachments are given
    MessageId replyTo{}; ///< optional: a message of the same room the sender can read, to quote
    QList<AttachmentId> attachmentIds = {}; ///< optional: finished uploads of the sender to this room
    QJsonObject toJson() const;
    static SendRequest fromJson(JsonReader &r);
};

struct HistoryRequest
{
    static constexpr const char *type = "messages.history";
    using Reply = MessagePageReply;
    RoomId roomId;
    Seq beforeSeq = 0; ///< 0: the newest entries
    int limit = 50;
    QJsonObject toJson() const;
    static HistoryRequest fromJson(JsonReader &r);
};

struct SyncRequest
{
    static constexpr const char *type = "messages.sync";
    using Reply = MessagePageReply;
    QList<SyncCursor> cursors;
    int limit = 500;
    QJsonObject toJson() const;
    static SyncRequest fromJson(JsonReader &r);
};

} // namespace natter
