#pragma once
// Presence, typing, read markers and notifications: the live side of the protocol.

#include "protocol/requests.h"

namespace natter {

/// A connection's own status; a user's presence aggregates all their connections.
enum class Presence { Offline, Away, Online, DoNotDisturb };
QString presenceName(Presence p);
bool presenceFromName(const QString &name, Presence *p);

struct PresenceEntry
{
    UserId userId;
    Presence status = Presence::Offline;
    QJsonObject toJson() const;
    static PresenceEntry fromJson(JsonReader &r);
};

struct PresenceListReply
{
    QList<PresenceEntry> presence;
    QJsonObject toJson() const;
    static PresenceListReply fromJson(JsonReader &r);
};

struct ReadMarkerReply
{
    RoomId roomId;
    Seq readSeq = 0;
    QJsonObject toJson() const;
    static ReadMarkerReply fromJson(JsonReader &r);
};

/// Sets this connection's status: online, away or dnd (offline is not settable).
struct SetPresenceRequest
{
    static constexpr const char *type = "presence.set";
    using Reply = EmptyReply;
    Presence status = Presence::Online;
    QJsonObject toJson() const { return {{QStringLiteral("status"), presenceName(status)}}; }
    static SetPresenceRequest fromJson(JsonReader &r);
};

/// Presence of the given users, as far as the caller may see it (friends and co-members).
struct PresenceQueryRequest
{
    static constexpr const char *type = "presence.query";
    using Reply = PresenceListReply;
    QList<UserId> userIds;
    QJsonObject toJson() const;
    static PresenceQueryRequest fromJson(JsonReader &r);
};

struct TypingRequest
{
    static constexpr const char *type = "rooms.typing";
    using Reply = EmptyReply;
    RoomId roomId;
    bool typing = true;
    QJsonObject toJson() const
    {
        return {{QStringLiteral("roomId"), roomId.value}, {QStringLiteral("typing"), typing}};
    }
    static TypingRequest fromJson(JsonReader &r);
};

/// Which room this connection shows (0: none); no message notifications for a room the user
/// is viewing on any device.
struct ViewRoomRequest
{
    static constexpr const char *type = "rooms.view";
    using Reply = EmptyReply;
    RoomId roomId; ///< invalid = none
    QJsonObject toJson() const { return {{QStringLiteral("roomId"), roomId.value}}; }
    static ViewRoomRequest fromJson(JsonReader &r);
};

struct MarkReadRequest
{
    static constexpr const char *type = "rooms.markRead";
    using Reply = ReadMarkerReply;
    RoomId roomId;
    Seq seq = 0;
    QJsonObject toJson() const
    {
        return {{QStringLiteral("roomId"), roomId.value}, {QStringLiteral("seq"), seq}};
    }
    static MarkReadRequest fromJson(JsonReader &r);
};

/// The caller's mute setting of one room (docs/protocol.md §7.9): the reply to rooms.setMuted
/// and the data of the `muted` event.
struct MutedReply
{
    RoomId roomId;
    bool muted = false;
    QJsonObject toJson() const
    {
        return {{QStringLiteral("roomId"), roomId.value}, {QStringLiteral("muted"), muted}};
    }
    static MutedReply fromJson(JsonReader &r);
};

/// Mutes or unmutes a room for the caller on all their devices: clients then neither alert nor
/// count its messages in their unread totals, except messages that mention the caller.
struct SetMutedRequest
{
    static constexpr const char *type = "rooms.setMuted";
    using Reply = MutedReply;
    RoomId roomId;
    bool muted = true;
    QJsonObject toJson() const
    {
        return {{QStringLiteral("roomId"), roomId.value}, {QStringLiteral("muted"), muted}};
    }
    static SetMutedRequest fromJson(JsonReader &r);
};

struct PresenceEvent
{
    static constexpr const char *type = "presence";
    PresenceEntry entry;
    QJsonObject toJson() const { return entry.toJson(); }
    static PresenceEvent fromJson(JsonReader &r) { return {PresenceEntry::fromJson(r)}; }
};

struct TypingEvent
{
    static constexpr const char *type = "typing";
    RoomId roomId;
    UserId userId;
    bool typing = false;
    QJsonObject toJson() const;
    static TypingEvent fromJson(JsonReader &r);
};

/// The receiver's read marker moved (on any of their devices).
struct ReadEvent
{
    static constexpr const char *type = "read";
    ReadMarkerReply marker;
    QJsonObject toJson() const { return marker.toJson(); }
    static ReadEvent fromJson(JsonReader &r) { return {ReadMarkerReply::fromJson(r)}; }
};

/// The receiver muted or unmuted a room on another of their devices.
struct MutedEvent
{
    static constexpr const char *type = "muted";
    MutedReply setting;
    QJsonObject toJson() const { return setting.toJson(); }
    static MutedEvent fromJson(JsonReader &r) { return {MutedReply::fromJson(r)}; }
};

/// Something the receiver should be told about outside any open room.
struct NotificationEvent
{
    static constexpr const char *type = "notification";
    QString kind;      ///< friend_request, friend_accepted, invited, removed, room_deleted, message
    RoomId roomId;     ///< when about a room
    UserId userId;     ///< who caused it
    Seq seq = 0;       ///< for kind message: the entry to jump to
    QString preview;   ///< for kind message: the start of the body; for invited: the room name
    bool mention = false; ///< the message mentions the receiver (@name)
    QJsonObject toJson() const;
    static NotificationEvent fromJson(JsonReader &r);
};

} // namespace natter
