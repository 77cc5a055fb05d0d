#include "core/models/conversationlistmodel.h"

#include "core/messagechanges.h"
#include "core/userdirectory.h"

#include <QCoreApplication>
#include <QDateTime>

namespace natter::client {

QString describeEntry(const Message &m, const UserDirectory &users)
{
    const QString who = users.name(m.senderId);
    const QString subject = users.name(m.subjectId);
    if (m.kind == timeline::message)
        return m.body;
    if (m.kind == timeline::created)
        return QCoreApplication::translate("Timeline", "%1 created the room").arg(who);
    if (m.kind == timeline::joined)
        return QCoreApplication::translate("Timeline", "%1 joined").arg(who);
    if (m.kind == timeline::left)
        return QCoreApplication::translate("Timeline", "%1 left").arg(who);
    if (m.kind == timeline::kicked)
        return QCoreApplication::translate("Timeline", "%1 removed %2").arg(who, subject);
    if (m.kind == timeline::renamed)
        return QCoreApplication::translate("Timeline", "%1 renamed the room to \"%2\"").arg(who, m.body);
    if (m.kind == timeline::topic)
        return QCoreApplication::translate("Timeline", "%1 set the topic to \"%2\"").arg(who, m.body);
    if (m.kind == timeline::role)
        return QCoreApplication::translate("Timeline", "%1 made %2 %3").arg(who, subject, m.body);
    if (m.kind == timeline::owner)
        return QCoreApplication::translate("Timeline", "%1 made %2 the owner").arg(who, subject);
    return QCoreApplication::translate("Timeline", "%1: %2").arg(who, m.kind);
}

ConversationListModel::ConversationListModel(UserDirectory &users, QObject *parent)
    : QAbstractListModel(parent), m_users(users)
{
    connect(&users, &UserDirectory::nameChanged, this, &ConversationListModel::onUserChanged);
    connect(&users, &UserDirectory::presenceChanged, this,
            [this](UserId id) { onUserChanged(id); });
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rooms.size());
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({{RoomIdRole, "roomId"}, {IsGroupRole, "isGroup"}, {TitleRole, "title"},
                  {TopicRole, "topic"}, {PreviewRole, "preview"},
                  {LastActivityRole, "lastActivity"}, {UnreadRole, "unread"},
                  {MentionRole, "mentions"}, {ClosedRole, "closed"}, {PeerIdRole, "peerId"},
                  {PresenceRole, "presence"}, {LastSeqRole, "lastSeq"}, {MutedRole, "muted"}});
    return names;
}

UserId ConversationListModel::peer(const Room &room) const
{
    if (room.kind != RoomKind::Direct)
        return UserId();
    for (const User &u : room.members)
        if (u.id != m_own)
            return u.id;
    return UserId();
}

QString ConversationListModel::title(const Room &room) const
{
    if (room.kind == RoomKind::Group)
        return room.name;
    const UserId other = peer(room);
    return other.isValid() ? m_users.name(other) : tr("(nobody)");
}

QString ConversationListModel::preview(const Room &room) const
{
    if (!room.lastMessage)
        return QString();
    const Message &m = *room.lastMessage;
    if (m.kind != timeline::message)
        return describeEntry(m, m_users);
    const QString who = m.senderId == m_own ? tr("You") : m_users.name(m.senderId);
    if (m.deleted)
        return tr("%1: (deleted)").arg(who);
    if (m.body.trimmed().isEmpty() && !m.attachments.isEmpty()) // files only: name them
        return m.attachments.size() == 1
            ? tr("%1: 📎 %2").arg(who, m.attachments.first().name)
            : tr("%1: 📎 %n files", "", int(m.attachments.size())).arg(who);
    return tr("%1: %2").arg(who, m.body.left(200).simplified());
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Room &r = m_rooms.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole: return title(r);
    case Qt::ToolTipRole: return r.topic.isEmpty() ? title(r) : r.topic;
    case RoomIdRole: return r.id.value;
    case IsGroupRole: return r.kind == RoomKind::Group;
    case TopicRole: return r.topic;
    case PreviewRole: return preview(r);
    case LastActivityRole: return QDateTime::fromMSecsSinceEpoch(r.lastActivity);
    case UnreadRole: return r.unreadCount;
    case MentionRole: return r.mentionCount;
    case ClosedRole: return r.closed;
    case PeerIdRole: return peer(r).value;
    case PresenceRole: return int(m_users.presence(peer(r)));
    case LastSeqRole: return r.lastSeq;
    case MutedRole: return r.muted;
    default: return {};
    }
}

namespace {
bool before(const Room &a, const Room &b)
{
    return a.lastActivity != b.lastActivity ? a.lastActivity > b.lastActivity : b.id < a.id;
}
} // namespace

int ConversationListModel::sortedPosition(const Room &room, int ignoreRow) const
{
    int pos = 0;
    for (int i = 0; i < m_rooms.size(); ++i)
        if (i != ignoreRow && before(m_rooms.at(i), room))
            ++pos;
    return pos;
}

int ConversationListModel::reposition(int row)
{
    const int target = sortedPosition(m_rooms.at(row), row);
    if (target == row)
        return row;
    beginMoveRows({}, row, row, {}, target > row ? target + 1 : target);
    m_rooms.move(row, target);
    endMoveRows();
    return target;
}

void ConversationListModel::setRooms(const QList<Room> &rooms)
{
    for (const Room &r : rooms)
        m_users.addUsers(r.members);
    beginResetModel();
    m_rooms = rooms;
    std::sort(m_rooms.begin(), m_rooms.end(), before);
    endResetModel();
    emit unreadChanged(totalUnread());
}

void ConversationListModel::upsertRoom(const Room &room)
{
    m_users.addUsers(room.members);
    const int row = rowOf(room.id);
    if (row < 0) {
        const int pos = sortedPosition(room, -1);
        beginInsertRows({}, pos, pos);
        m_rooms.insert(pos, room);
        endInsertRows();
        return;
    }
    Room merged = room;
    const Room &old = m_rooms.at(row);
    merged.readSeq = old.readSeq;
    merged.unreadCount = old.unreadCount;
    merged.mentionCount = old.mentionCount;
    merged.muted = old.muted;
    if (old.lastMessage && (!merged.lastMessage || merged.lastMessage->seq < old.lastMessage->seq)) {
        merged.lastMessage = old.lastMessage;
        merged.lastSeq = qMax(merged.lastSeq, old.lastSeq);
    }
    m_rooms[row] = merged;
    const int now = reposition(row);
    emit dataChanged(index(now), index(now));
}

void ConversationListModel::removeRoom(RoomId room)
{
    const int row = rowOf(room);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rooms.removeAt(row);
    endRemoveRows();
    emit unreadChanged(totalUnread());
}

void ConversationListModel::addMessage(const Message &message, bool countUnread, bool mention)
{
    int row = rowOf(message.roomId);
    if (row < 0)
        return;
    Room &r = m_rooms[row];
    if (isMessageChange(message)) {
        // Edits and deletes change the preview they name; they are neither new nor unread.
        r.lastSeq = qMax(r.lastSeq, message.seq);
        if (r.lastMessage && applyMessageChange(*r.lastMessage, message))
            emit dataChanged(index(row), index(row), {PreviewRole});
        return;
    }
    QList<int> roles;
    if (!r.lastMessage || message.seq > r.lastMessage->seq) {
        r.lastMessage = message;
        r.lastSeq = qMax(r.lastSeq, message.seq);
        r.lastActivity = qMax(r.lastActivity, message.sentAt);
        roles << PreviewRole << LastActivityRole << LastSeqRole;
    }
    if (countUnread && message.kind == timeline::message && message.senderId != m_own
        && message.seq > r.readSeq.value_or(0)) {
        ++r.unreadCount;
        roles << UnreadRole;
        if (mention) {
            ++r.mentionCount;
            roles << MentionRole;
        }
    }
    if (roles.isEmpty())
        return;
    row = reposition(row);
    emit dataChanged(index(row), index(row), roles);
    if (roles.contains(UnreadRole))
        emit unreadChanged(totalUnread());
}

void ConversationListModel::removeUnread(RoomId room, Seq seq, bool mention)
{
    const int row = rowOf(room);
    if (row < 0)
        return;
    Room &r = m_rooms[row];
    if (seq <= r.readSeq.value_or(0) || r.unreadCount == 0)
        return;
    --r.unreadCount;
    QList<int> roles{UnreadRole};
    if (mention && r.mentionCount > 0) {
        --r.mentionCount;
        roles << MentionRole;
    }
    emit dataChanged(index(row), index(row), roles);
    emit unreadChanged(totalUnread());
}

void ConversationListModel::setCounts(const Room &fromServer)
{
    const int row = rowOf(fromServer.id);
    if (row < 0)
        return;
    Room &r = m_rooms[row];
    if (r.unreadCount == fromServer.unreadCount && r.mentionCount == fromServer.mentionCount)
        return;
    r.unreadCount = fromServer.unreadCount;
    r.mentionCount = fromServer.mentionCount;
    r.readSeq = qMax(r.readSeq.value_or(0), fromServer.readSeq.value_or(0));
    emit dataChanged(index(row), index(row), {UnreadRole, MentionRole});
    emit unreadChanged(totalUnread());
}

void ConversationListModel::setReadSeq(RoomId room, Seq seq)
{
    const int row = rowOf(room);
    if (row < 0)
        return;
    Room &r = m_rooms[row];
    if (seq <= r.readSeq.value_or(0))
        return;
    r.readSeq = seq;
    if (seq >= r.lastSeq && (r.unreadCount || r.mentionCount)) {
        r.unreadCount = r.mentionCount = 0;
        emit dataChanged(index(row), index(row), {UnreadRole, MentionRole});
        emit unreadChanged(totalUnread());
    }
}

void ConversationListModel::setMuted(RoomId room, bool muted)
{
    const int row = rowOf(room);
    if (row < 0 || m_rooms.at(row).muted == muted)
        return;
    m_rooms[row].muted = muted;
    emit dataChanged(index(row), index(row), {MutedRole});
    emit unreadChanged(totalUnread());
}

int ConversationListModel::rowOf(RoomId room) const
{
    for (int i = 0; i < m_rooms.size(); ++i)
        if (m_rooms.at(i).id == room)
            return i;
    return -1;
}

std::optional<Room> ConversationListModel::room(RoomId id) const
{
    const int row = rowOf(id);
    return row < 0 ? std::nullopt : std::optional<Room>(m_rooms.at(row));
}

int ConversationListModel::totalUnread() const
{
    int total = 0;
    for (const Room &r : m_rooms)
        total += r.muted ? r.mentionCount : r.unreadCount;
    return total;
}

void ConversationListModel::onUserChanged(UserId user)
{
    for (int i = 0; i < m_rooms.size(); ++i) {
        const Room &r = m_rooms.at(i);
        const bool involved = std::any_of(r.members.begin(), r.members.end(),
                                          [user](const User &u) { return u.id == user; });
        if (involved)
            emit dataChanged(index(i), index(i),
                             {Qt::DisplayRole, TitleRole, PreviewRole, PresenceRole});
    }
}

} // namespace natter::client
