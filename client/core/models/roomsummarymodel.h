#pragma once
// Group rooms the user may join: the public directory, or the invitations received.

#include "protocol/grouprequests.h"

#include <QAbstractListModel>

namespace natter::client {

/// Rows of RoomSummary, optionally with who invited the user (invitations).
class RoomSummaryModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        RoomIdRole = Qt::UserRole + 1, ///< qint64
        NameRole,        ///< QString (= DisplayRole)
        TopicRole,       ///< QString
        MemberCountRole, ///< int
        InviterRole,     ///< QString: who invited (invitations only)
    };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setRooms(const QList<RoomSummary> &rooms);
    void setInvites(const QList<Invite> &invites);
    /// Adds or replaces the invitation for its room.
    void addInvite(const Invite &invite);
    void remove(RoomId room);
    int rowOf(RoomId room) const;

private:
    QList<Invite> m_rows; ///< directory rows have no inviter
};

} // namespace natter::client
