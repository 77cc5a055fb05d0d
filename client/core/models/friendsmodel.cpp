#include "core/models/friendsmodel.h"

#include "core/userdirectory.h"

namespace natter::client {

namespace {
int groupOf(FriendState s)
{
    switch (s) {
    case FriendState::Incoming: return 0;
    case FriendState::Friend: return 1;
    case FriendState::Outgoing: return 2;
    default: return 3;
    }
}

bool before(const Friend &a, const Friend &b)
{
    if (groupOf(a.state) != groupOf(b.state))
        return groupOf(a.state) < groupOf(b.state);
    const int c = a.user.username.compare(b.user.username, Qt::CaseInsensitive);
    return c != 0 ? c < 0 : a.user.id < b.user.id;
}
} // namespace

FriendsModel::FriendsModel(UserDirectory &users, QObject *parent)
    : QAbstractListModel(parent), m_users(users)
{
    connect(&users, &UserDirectory::presenceChanged, this, [this](UserId id) {
        const int row = rowOf(id);
        if (row >= 0)
            emit dataChanged(index(row), index(row), {PresenceRole});
    });
}

int FriendsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> FriendsModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({{UserIdRole, "userId"}, {UsernameRole, "username"}, {StateRole, "state"},
                  {StateTextRole, "stateText"}, {RoomIdRole, "roomId"},
                  {PresenceRole, "presence"}});
    return names;
}

QVariant FriendsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Friend &f = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case UsernameRole: return f.user.username;
    case UserIdRole: return f.user.id.value;
    case StateRole: return int(f.state);
    case StateTextRole:
        switch (f.state) {
        case FriendState::Incoming: return tr("Wants to be your friend");
        case FriendState::Outgoing: return tr("Request sent");
        case FriendState::Blocked: return tr("Blocked");
        case FriendState::Friend: return tr("Friend");
        default: return QString();
        }
    case RoomIdRole: return f.roomId.value;
    case PresenceRole: return int(m_users.presence(f.user.id));
    default: return {};
    }
}

void FriendsModel::setFriends(const QList<Friend> &friends)
{
    for (const Friend &f : friends)
        m_users.addUser(f.user);
    beginResetModel();
    m_rows.clear();
    for (const Friend &f : friends)
        if (f.state != FriendState::None)
            m_rows.append(f);
    std::sort(m_rows.begin(), m_rows.end(), before);
    endResetModel();
    emit incomingCountChanged(incomingCount());
}

int FriendsModel::sortedPosition(const Friend &f) const
{
    return int(std::lower_bound(m_rows.begin(), m_rows.end(), f, before) - m_rows.begin());
}

void FriendsModel::apply(const Friend &relation)
{
    m_users.addUser(relation.user);
    const int incomingBefore = incomingCount();
    const int row = rowOf(relation.user.id);
    if (row >= 0) {
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    if (relation.state != FriendState::None) {
        const int pos = sortedPosition(relation);
        beginInsertRows({}, pos, pos);
        m_rows.insert(pos, relation);
        endInsertRows();
    }
    if (incomingCount() != incomingBefore)
        emit incomingCountChanged(incomingCount());
}

int FriendsModel::rowOf(UserId user) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).user.id == user)
            return i;
    return -1;
}

int FriendsModel::incomingCount() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(),
                             [](const Friend &f) { return f.state == FriendState::Incoming; }));
}

} // namespace natter::client
