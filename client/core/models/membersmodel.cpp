#include "core/models/membersmodel.h"

#include "core/userdirectory.h"

namespace natter::client {

MembersModel::MembersModel(UserDirectory &users, QObject *parent)
    : QAbstractListModel(parent), m_users(users)
{
    connect(&users, &UserDirectory::presenceChanged, this, [this](UserId id) {
        const int row = rowOf(id);
        if (row >= 0)
            emit dataChanged(index(row), index(row), {PresenceRole});
    });
}

int MembersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> MembersModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({{UserIdRole, "userId"}, {UsernameRole, "username"}, {RoleRole, "role"},
                  {RoleTextRole, "roleText"}, {PresenceRole, "presence"}});
    return names;
}

QVariant MembersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case UsernameRole: return r.user.username;
    case UserIdRole: return r.user.id.value;
    case RoleRole: return int(r.role);
    case RoleTextRole:
        return r.role == MemberRole::Owner ? tr("Owner")
            : r.role == MemberRole::Admin  ? tr("Admin")
                                           : QString();
    case PresenceRole: return int(m_users.presence(r.user.id));
    default: return {};
    }
}

QList<MembersModel::Row> MembersModel::rowsFor(const Room &room) const
{
    QList<Row> rows;
    for (const User &u : room.members) {
        MemberRole role = MemberRole::Member;
        if (room.kind == RoomKind::Group && u.id == room.ownerId)
            role = MemberRole::Owner;
        else if (room.adminIds.contains(u.id))
            role = MemberRole::Admin;
        rows.append({u, role});
    }
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        if (a.role != b.role)
            return int(a.role) > int(b.role);
        return a.user.username.compare(b.user.username, Qt::CaseInsensitive) < 0;
    });
    return rows;
}

void MembersModel::setRoom(const Room &room)
{
    m_users.addUsers(room.members);
    QList<Row> rows = rowsFor(room);
    const bool same = room.id == m_room && rows.size() == m_rows.size()
        && std::equal(rows.begin(), rows.end(), m_rows.begin(), [](const Row &a, const Row &b) {
               return a.user.id == b.user.id;
           });
    if (same) {
        m_rows = rows;
        if (!m_rows.isEmpty())
            emit dataChanged(index(0), index(rowCount() - 1),
                             {Qt::DisplayRole, UsernameRole, RoleRole, RoleTextRole});
        return;
    }
    beginResetModel();
    m_room = room.id;
    m_rows = rows;
    endResetModel();
}

void MembersModel::clear()
{
    beginResetModel();
    m_room = RoomId();
    m_rows.clear();
    endResetModel();
}

MemberRole MembersModel::roleOf(UserId user) const
{
    const int row = rowOf(user);
    return row < 0 ? MemberRole::Member : m_rows.at(row).role;
}

int MembersModel::rowOf(UserId user) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).user.id == user)
            return i;
    return -1;
}

} // namespace natter::client
