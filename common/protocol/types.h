#pragma once
// Value types that appear inside frames: users, rooms, messages, friendships.
// Each has toJson() and a strict fromJson() used by both sides.

#include "protocol/ids.h"
#include "protocol/jsonreader.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace natter {

class JsonWriter;

struct User
{
    UserId id;
    QString username;

    QJsonObject toJson() const;
    static User fromJson(JsonReader &r);
    friend bool operator==(const User &a, const User &b)
    {
        return a.id == b.id && a.username == b.username;
    }
};

/// Timeline entry kinds besides ordinary messages; see docs/protocol.md for each one's fields.
namespace timeline {
inline const QString message = QStringLiteral("message");
inline const QString created = QStringLiteral("created");  ///< sender created the room
inline const QString joined = QStringLiteral("joined");    ///< sender joined
inline const QString left = QStringLiteral("left");        ///< sender left
inline const QString kicked = QStringLiteral("kicked");    ///< sender removed subject
inline const QString renamed = QStringLiteral("renamed");  ///< body: the new name
inline const QString topic = QStringLiteral("topic");      ///< body: the new topic
inline const QString role = QStringLiteral("role");        ///< subject's role is now body
inline const QString owner = QStringLiteral("owner");      ///< subject is the new owner
inline const QString edited = QStringLiteral("edited");    ///< sender edited message targetId
inline const QString deleted = QStringLiteral("deleted");  ///< sender deleted message targetId
} // namespace timeline

/// What a reply shows of the message it quotes, computed when served so it follows edits and
/// deletes.
struct ReplyPreview
{
    MessageId id;
    UserId senderId;
    QString body;          ///< the start of the quoted message's current text; empty once deleted
    bool deleted = false;

    QJsonObject toJson() const;
    static ReplyPreview fromJson(JsonReader &r);
    friend bool operator==(const ReplyPreview &a, const ReplyPreview &b)
    {
        return a.id == b.id && a.senderId == b.senderId && a.body == b.body && a.deleted == b.deleted;
    }
};

/// A stored file attached to a message, as members see it. The bytes are fetched separately
/// (attachments.fetch); `sha256` lets the receiver check them.
struct Attachment
{
    AttachmentId id;
    QString name;          ///< the uploader's file name (no directories)
    qint64 size = 0;       ///< bytes
    QString mimeType;      ///< as announced by the uploader, e.g. "image/png"
    QString sha256;        ///< lowercase hex of the content's SHA-256
    int width = 0;         ///< pixels, when the server could read the file as an image; else 0
    int height = 0;
    bool thumbnail = false; ///< a JPEG thumbnail (at most 320 px a side) can be fetched

    QJsonObject toJson() const;
    static Attachment fromJson(JsonReader &r);
    friend bool operator==(const Attachment &a, const Attachment &b)
    {
        return a.id == b.id && a.name == b.name && a.size == b.size && a.mimeType == b.mimeType
            && a.sha256 == b.sha256 && a.width == b.width && a.height == b.height
            && a.thumbnail == b.thumbnail;
    }
};

/// One entry of a room's timeline: a message, or an event such as a join (see `kind`).
struct Message
{
    MessageId id;          ///< server-wide unique id
    RoomId roomId;
    Seq seq = 0;           ///< position in the room's timeline
    UserId senderId;       ///< author, or the user who caused the event
    QString clientMsgId;   ///< the sender's idempotency key
    QString body;
    qint64 sentAt = 0;     ///< server time of storage, ms since the Unix epoch (UTC)
    QString kind = timeline::message;
    UserId subjectId;      ///< the user an event is about (kicked, role, owner), else invalid
    /// edited/deleted entries: the message they change. Such entries store no text; served,
    /// they carry the target's current body, editedAt and deleted flag.
    MessageId targetId{};
    qint64 editedAt = 0;   ///< ms since epoch of the last edit; 0 if never edited
    bool deleted = false;  ///< a tombstone: the text is gone (body is empty)
    MessageId replyTo{};   ///< the message this one quotes, else invalid
    std::optional<ReplyPreview> reply{}; ///< its preview, when the receiver may read it
    QList<Attachment> attachments = {}; ///< files sent with the message, in the sender's order

    QJsonObject toJson() const;
    /// The same JSON as toJson(), written directly (the hot path of every send).
    void writeJson(JsonWriter &w) const;
    static Message fromJson(JsonReader &r);
    friend bool operator==(const Message &a, const Message &b)
    {
        return a.id == b.id && a.roomId == b.roomId && a.seq == b.seq && a.senderId == b.senderId
            && a.clientMsgId == b.clientMsgId && a.body == b.body && a.sentAt == b.sentAt
            && a.kind == b.kind && a.subjectId == b.subjectId && a.targetId == b.targetId
            && a.editedAt == b.editedAt && a.deleted == b.deleted && a.replyTo == b.replyTo
            && a.reply == b.reply && a.attachments == b.attachments;
    }
};

enum class RoomKind { Direct, Group };
QString roomKindName(RoomKind kind);

/// Who may read a group room's history: everything, or only what was posted since joining.
enum class HistoryVisibility { Shared, Joined };
QString historyVisibilityName(HistoryVisibility v);
bool historyVisibilityFromName(const QString &name, HistoryVisibility *v);

struct Room
{
    RoomId id;
    RoomKind kind = RoomKind::Direct;
    QString name;              ///< empty for direct rooms: clients show the other member
    QString topic;
    bool open = false;         ///< group rooms: listed in the directory, anyone may join
    HistoryVisibility historyVisibility = HistoryVisibility::Shared;
    UserId ownerId;            ///< group rooms: the owner
    QList<UserId> adminIds;    ///< group rooms: admins besides the owner
    QList<User> members;
    bool closed = false;       ///< readable but no longer accepts messages (e.g. after unfriend)
    Seq lastSeq = 0;           ///< 0 when the room is empty
    qint64 lastActivity = 0;   ///< ms since epoch of the last message, or of creation
    std::optional<Message> lastMessage;
    /// The receiver's read state; only in rooms.list (room events go to all members alike).
    std::optional<Seq> readSeq;
    int unreadCount = 0;       ///< messages by others after readSeq (rooms.list only)
    int mentionCount = 0;      ///< of those, how many mention the receiver
    bool muted = false;        ///< the receiver muted the room (rooms.list only, with readSeq)

    QJsonObject toJson() const;
    static Room fromJson(JsonReader &r);
};

/// The relationship between the receiving user and another user, from the receiver's side.
enum class FriendState { None, Friend, Incoming, Outgoing, Blocked };
QString friendStateName(FriendState state);
bool friendStateFromName(const QString &name, FriendState *state);

struct Friend
{
    User user;
    FriendState state = FriendState::None;
    RoomId roomId; ///< the direct room, when one exists

    QJsonObject toJson() const;
    static Friend fromJson(JsonReader &r);
};

/// A group room as the directory and invitations show it.
struct RoomSummary
{
    RoomId id;
    QString name;
    QString topic;
    int memberCount = 0;

    QJsonObject toJson() const;
    static RoomSummary fromJson(JsonReader &r);
};

/// Per-room cursor for lossless resume: "I have everything up to and including afterSeq".
struct SyncCursor
{
    RoomId roomId;
    Seq afterSeq = 0;

    QJsonObject toJson() const;
    static SyncCursor fromJson(JsonReader &r);
};

} // namespace natter

Q_DECLARE_METATYPE(natter::User)
Q_DECLARE_METATYPE(natter::Message)
Q_DECLARE_METATYPE(natter::Attachment)
Q_DECLARE_METATYPE(natter::Room)
Q_DECLARE_METATYPE(natter::Friend)
