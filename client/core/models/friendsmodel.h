#pragma once
// Friends, friend requests (incoming and outgoing) and blocked users.

#include "protocol/types.h"

#include <QAbstractListModel>

namespace natter::client {

class UserDirectory;

/// One row per user with a relationship other than None, ordered: incoming requests, friends,
/// outgoing requests, blocked; by username within each group.
class FriendsModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        UserIdRole = Qt::UserRole + 1, ///< qint64
        UsernameRole,  ///< QString (= DisplayRole)
        StateRole,     ///< int (natter::FriendState)
        StateTextRole, ///< QString: translated state ("Friend", "Wants to be your friend", ...)
        RoomIdRole,    ///< qint64: the direct room, 0 if none
        PresenceRole,  ///< int (natter::Presence)
    };
    Q_ENUM(Role)

    FriendsModel(UserDirectory &users, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setFriends(const QList<Friend> &friends);
    /// Applies a friend event: replaces the row, or removes it for state None.
    void apply(const Friend &relation);
    int rowOf(UserId user) const;
    QList<Friend> friends() const { return m_rows; }
    int incomingCount() const;

signals:
    void incomingCountChanged(int count);

private:
    int sortedPosition(const Friend &f) const;

    UserDirectory &m_users;
    QList<Friend> m_rows;
};

} // namespace natter::client
