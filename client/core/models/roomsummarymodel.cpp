#include "core/models/roomsummarymodel.h"

namespace natter::client {

int RoomSummaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> RoomSummaryModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({{RoomIdRole, "roomId"}, {NameRole, "name"}, {TopicRole, "topic"},
                  {MemberCountRole, "memberCount"}, {InviterRole, "inviter"}});
    return names;
}

QVariant RoomSummaryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Invite &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return r.room.name;
    case Qt::ToolTipRole:
    case TopicRole: return r.room.topic;
    case RoomIdRole: return r.room.id.value;
    case MemberCountRole: return r.room.memberCount;
    case InviterRole: return r.inviter.username;
    default: return {};
    }
}

void RoomSummaryModel::setRooms(const QList<RoomSummary> &rooms)
{
    beginResetModel();
    m_rows.clear();
    for (const RoomSummary &s : rooms)
        m_rows.append(Invite{s, User{}});
    endResetModel();
}

void RoomSummaryModel::setInvites(const QList<Invite> &invites)
{
    beginResetModel();
    m_rows = invites;
    endResetModel();
}

void RoomSummaryModel::addInvite(const Invite &invite)
{
    const int row = rowOf(invite.room.id);
    if (row >= 0) {
        m_rows[row] = invite;
        emit dataChanged(index(row), index(row));
        return;
    }
    beginInsertRows({}, rowCount(), rowCount());
    m_rows.append(invite);
    endInsertRows();
}

void RoomSummaryModel::remove(RoomId room)
{
    const int row = rowOf(room);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

int RoomSummaryModel::rowOf(RoomId room) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).room.id == room)
            return i;
    return -1;
}

} // namespace natter::client
