#pragma once
// The conversation list: every room the user belongs to, newest activity first.

#include "protocol/types.h"

#include <QAbstractListModel>

namespace natter::client {

class UserDirectory;

/// One row per room, sorted by lastActivity (newest first; ties by room id). Rows move when a
/// room gets activity; only the changed roles of a row are reported.
class ConversationListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        RoomIdRole = Qt::UserRole + 1, ///< qint64
        IsGroupRole,       ///< bool: group room (else direct)
        TitleRole,         ///< QString: group name, or the other member's username (= DisplayRole)
        TopicRole,         ///< QString
        PreviewRole,       ///< QString: "name: body" of the last message (its files if it has no text), or a timeline event
        LastActivityRole,  ///< QDateTime (local time)
        UnreadRole,        ///< int: unread entries by others
        MentionRole,       ///< int: of those, how many mention the user
        ClosedRole,        ///< bool: no longer accepts messages
        PeerIdRole,        ///< qint64: direct rooms: the other member, else 0
        PresenceRole,      ///< int (natter::Presence): direct rooms: the other member's presence
        LastSeqRole,       ///< qint64
        MutedRole,         ///< bool: the user muted the room (no alerts, not in the unread total, except mentions)
    };
    Q_ENUM(Role)

    ConversationListModel(UserDirectory &users, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The user whose rooms these are (their own name is not a title; their messages are not
    /// unread).
    void setOwnUser(UserId id) { m_own = id; }
    /// Replaces every room (after rooms.list, or from the cache).
    void setRooms(const QList<Room> &rooms);
    /// Adds or replaces a room, keeping its read state and mute flag (room events carry neither).
    void upsertRoom(const Room &room);
    void removeRoom(RoomId room);
    /// A new timeline entry: updates the preview and activity; counts it as unread when
    /// `countUnread` (not the user's own, not in the room on screen).
    void addMessage(const Message &message, bool countUnread, bool mention);
    /// A message at `seq` that counted as unread (by another user, after the read marker) was
    /// deleted: the unread count drops by one, and the mention count too if it mentioned the
    /// user. Nothing changes for a message at or before the read marker.
    void removeUnread(RoomId room, Seq seq, bool mention);
    /// Sets a room's counters from the server (rooms.list), keeping everything else.
    void setCounts(const Room &fromServer);
    /// The read marker moved to `seq`: reading up to the last entry clears the counters.
    void setReadSeq(RoomId room, Seq seq);
    /// The user muted or unmuted the room (on this or another device).
    void setMuted(RoomId room, bool muted);

    int rowOf(RoomId room) const;
    std::optional<Room> room(RoomId room) const;
    QList<Room> rooms() const { return m_rooms; }
    /// The title a room shows (group name or the other member's name).
    QString title(const Room &room) const;
    /// Unread entries over all rooms, for the window title and tray: a muted room counts only
    /// its unread mentions.
    int totalUnread() const;

signals:
    void unreadChanged(int total);

private:
    QString preview(const Room &room) const;
    UserId peer(const Room &room) const;
    int sortedPosition(const Room &room, int ignoreRow) const;
    /// Moves row `row` to where it belongs after its activity changed; returns its new row.
    int reposition(int row);
    void onUserChanged(UserId user);

    UserDirectory &m_users;
    UserId m_own;
    QList<Room> m_rooms;
};

/// How a timeline entry reads in one line (previews, notifications): "Alice joined" etc.
QString describeEntry(const Message &message, const UserDirectory &users);

} // namespace natter::client
