#pragma once
// The members of the room on screen, with their role and presence.

#include "protocol/grouprequests.h"

#include <QAbstractListModel>

namespace natter::client {

class UserDirectory;

/// One row per member of one room: owner first, then admins, then members, by name.
class MembersModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        UserIdRole = Qt::UserRole + 1, ///< qint64
        UsernameRole, ///< QString (= DisplayRole)
        RoleRole,     ///< int (natter::MemberRole)
        RoleTextRole, ///< QString: translated role, empty for plain members
        PresenceRole, ///< int (natter::Presence)
    };
    Q_ENUM(Role)

    MembersModel(UserDirectory &users, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Shows `room`'s members (a reset when the room differs, else minimal row changes).
    void setRoom(const Room &room);
    void clear();
    RoomId roomId() const { return m_room; }
    MemberRole roleOf(UserId user) const;
    int rowOf(UserId user) const;

private:
    struct Row
    {
        User user;
        MemberRole role = MemberRole::Member;
    };
    QList<Row> rowsFor(const Room &room) const;

    UserDirectory &m_users;
    RoomId m_room;
    QList<Row> m_rows;
};

} // namespace natter::client
