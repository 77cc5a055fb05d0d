#include "core/models/timelinemodel.h"

#include "core/mentions.h"
#include "core/messagechanges.h"
#include "core/models/conversationlistmodel.h"
#include "core/userdirectory.h"

#include <QDateTime>
#include <QPointer>

namespace natter::client {

namespace {
bool seqLess(const Message &m, Seq seq)
{
    return m.seq < seq;
}
} // namespace

TimelineModel::TimelineModel(RoomId room, const UserDirectory &users, QObject *parent)
    : QAbstractListModel(parent), m_room(room), m_users(users)
{
    connect(&users, &UserDirectory::nameChanged, this, &TimelineModel::onNameChanged);
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size() + m_pending.size());
}

QHash<int, QByteArray> TimelineModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({{SeqRole, "seq"}, {MessageIdRole, "messageId"}, {SenderIdRole, "senderId"},
                  {SenderNameRole, "senderName"}, {BodyRole, "body"}, {KindRole, "kind"},
                  {IsEventRole, "isEvent"}, {SentAtRole, "sentAt"},
                  {ClientMsgIdRole, "clientMsgId"}, {DeliveryRole, "delivery"},
                  {ErrorRole, "error"}, {IsOwnRole, "isOwn"},
                  {FirstInGroupRole, "firstInGroup"}, {MentionsMeRole, "mentionsMe"},
                  {DayStartsRole, "dayStarts"}, {EditedRole, "edited"},
                  {EditedAtRole, "editedAt"}, {DeletedRole, "deleted"},
                  {ReplyToRole, "replyTo"}, {ReplySenderRole, "replySender"},
                  {ReplyBodyRole, "replyBody"}, {ReplyDeletedRole, "replyDeleted"},
                  {AttachmentsRole, "attachments"}, {PendingAttachmentsRole, "pendingAttachments"},
                  {UploadProgressRole, "uploadProgress"}});
    return names;
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    if (row < m_entries.size())
        return entryData(row, role);
    return pendingData(m_pending.at(row - m_entries.size()), role);
}

QVariant TimelineModel::entryData(int row, int role) const
{
    const Message &m = m_entries.at(row);
    const bool isEvent = m.kind != timeline::message;
    switch (role) {
    case Qt::DisplayRole:
    case BodyRole: return isEvent ? describeEntry(m, m_users) : m.body;
    case SeqRole: return m.seq;
    case MessageIdRole: return m.id.value;
    case SenderIdRole: return m.senderId.value;
    case SenderNameRole: return m_users.name(m.senderId);
    case KindRole: return m.kind;
    case IsEventRole: return isEvent;
    case SentAtRole: return QDateTime::fromMSecsSinceEpoch(m.sentAt);
    case ClientMsgIdRole: return m.clientMsgId;
    case DeliveryRole: return int(Delivery::Sent);
    case ErrorRole: return QString();
    case IsOwnRole: return m.senderId == m_own.id;
    case FirstInGroupRole: {
        if (isEvent || row == 0)
            return true;
        const Message &prev = m_entries.at(row - 1);
        return prev.kind != timeline::message || prev.senderId != m.senderId
            || m.sentAt - prev.sentAt > 5 * 60 * 1000;
    }
    case MentionsMeRole: return !isEvent && mentions(m.body, m_own.username);
    case EditedRole: return m.editedAt > 0;
    case EditedAtRole:
        return m.editedAt > 0 ? QDateTime::fromMSecsSinceEpoch(m.editedAt) : QDateTime();
    case DeletedRole: return m.deleted;
    case AttachmentsRole:
        return QVariant::fromValue(m.deleted || isEvent ? QList<Attachment>() : m.attachments);
    case PendingAttachmentsRole: return 0;
    case UploadProgressRole: return -1;
    case ReplyToRole:
    case ReplySenderRole:
    case ReplyBodyRole:
    case ReplyDeletedRole: return replyData(m.replyTo, m.reply, role);
    case DayStartsRole:
        return row == 0
            || QDateTime::fromMSecsSinceEpoch(m_entries.at(row - 1).sentAt).date()
                != QDateTime::fromMSecsSinceEpoch(m.sentAt).date();
    default: return {};
    }
}

QVariant TimelineModel::pendingData(const OutboxEntry &e, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
    case BodyRole: return e.body;
    case SeqRole:
    case MessageIdRole: return qint64(0);
    case SenderIdRole: return m_own.id.value;
    case SenderNameRole: return m_own.username;
    case KindRole: return timeline::message;
    case IsEventRole: return false;
    case SentAtRole: return QDateTime::fromMSecsSinceEpoch(e.createdAt);
    case ClientMsgIdRole: return e.clientMsgId;
    case DeliveryRole: return int(e.failed ? Delivery::Failed : Delivery::Pending);
    case ErrorRole: return e.error;
    case IsOwnRole: return true;
    case FirstInGroupRole: {
        const int row = rowForClientMsgId(e.clientMsgId);
        if (row == 0)
            return true;
        return data(index(row - 1), SenderIdRole).toLongLong() != m_own.id.value
            || data(index(row - 1), IsEventRole).toBool();
    }
    case MentionsMeRole:
    case EditedRole:
    case DeletedRole: return false;
    case EditedAtRole: return QDateTime();
    case AttachmentsRole: return QVariant::fromValue(QList<Attachment>());
    case PendingAttachmentsRole: return int(e.attachmentIds.size()) + e.waitingFiles;
    case UploadProgressRole: return e.waitingFiles > 0 ? m_uploadPercent.value(e.clientMsgId, -1) : -1;
    case ReplyToRole:
    case ReplySenderRole:
    case ReplyBodyRole:
    case ReplyDeletedRole: return replyData(e.replyTo, std::nullopt, role);
    case DayStartsRole: {
        const int row = rowForClientMsgId(e.clientMsgId);
        return row == 0
            || data(index(row - 1), SentAtRole).toDateTime().date()
                != QDateTime::fromMSecsSinceEpoch(e.createdAt).date();
    }
    default: return {};
    }
}

QVariant TimelineModel::replyData(MessageId replyTo, const std::optional<ReplyPreview> &preview,
                                  int role) const
{
    std::optional<ReplyPreview> quoted = preview;
    if (!quoted && replyTo.isValid()) { // a pending reply: quote what this model holds
        const int row = rowForId(replyTo);
        if (row >= 0) {
            const Message &m = m_entries.at(row);
            quoted = ReplyPreview{m.id, m.senderId, m.body.left(120), m.deleted};
        }
    }
    switch (role) {
    case ReplyToRole: return replyTo.value;
    case ReplySenderRole: return quoted ? m_users.name(quoted->senderId) : QString();
    case ReplyBodyRole: return quoted ? quoted->body : QString();
    case ReplyDeletedRole: return quoted && quoted->deleted;
    default: return {};
    }
}

bool TimelineModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_loader && !m_atStart && !m_loading && !m_changing;
}

void TimelineModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    setLoading(true);
    const quint64 generation = m_generation;
    QPointer<TimelineModel> self(this);
    m_loader(firstSeq(), m_pageSize,
             [self, generation](const QList<Message> &messages, bool more, bool ok) {
                 if (self && self->m_generation == generation)
                     self->onPage(messages, more, ok);
             });
}

void TimelineModel::fetchUntil(Seq seq)
{
    m_target = seq;
    if (rowForSeq(seq) >= 0 || m_atStart || (firstSeq() > 0 && seq >= firstSeq())) {
        m_target = 0;
        emit reached(seq, rowForSeq(seq));
        return;
    }
    if (!m_loading)
        fetchMore();
}

void TimelineModel::onPage(const QList<Message> &messages, bool more, bool ok)
{
    if (!ok) {
        setLoading(false);
        m_target = 0;
        emit loadFailed();
        return;
    }
    QList<Message> older;
    const Seq first = firstSeq();
    for (const Message &m : messages)
        if (m.roomId == m_room && (first == 0 || m.seq < first) && !isMessageChange(m)
            && (older.isEmpty() || m.seq > older.last().seq))
            older.append(m); // pages are served in their current state: nothing to apply
    m_atStart = !more;
    if (!older.isEmpty()) {
        // Still "loading" while rows go in: views reacting to the insertion must not start
        // another fetch from the old first seq.
        beginInsertRows({}, 0, int(older.size()) - 1);
        for (const Message &m : older)
            m_seqOfId.insert(m.id, m.seq);
        m_entries = older + m_entries;
        endInsertRows();
        const int next = int(older.size());
        if (next < rowCount())
            emit dataChanged(index(next), index(next), {FirstInGroupRole, DayStartsRole});
    }
    setLoading(false);
    if (m_target > 0)
        fetchUntil(m_target); // continue, or report
}

void TimelineModel::addMessages(const QList<Message> &messages)
{
    for (const Message &m : messages)
        if (m.roomId == m_room)
            insertEntry(m);
}

void TimelineModel::applyChange(const Message &entry)
{
    for (int row = 0; row < m_entries.size(); ++row) {
        Message &m = m_entries[row];
        if (m.id != entry.targetId && m.replyTo != entry.targetId)
            continue;
        if (applyMessageChange(m, entry))
            emit dataChanged(index(row), index(row)); // body, edited/deleted or reply roles
    }
}

void TimelineModel::insertEntry(const Message &m)
{
    if (isMessageChange(m)) {
        applyChange(m);
        return;
    }
    const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), m.seq, seqLess);
    const int pos = int(it - m_entries.begin());
    if (it != m_entries.end() && it->seq == m.seq) {
        if (!(*it == m)) {
            *it = m;
            emit dataChanged(index(pos), index(pos));
        }
        return;
    }
    m_seqOfId.insert(m.id, m.seq);
    int pendingIndex = -1;
    if (m.senderId == m_own.id && !m.clientMsgId.isEmpty())
        for (int i = 0; i < m_pending.size(); ++i)
            if (m_pending.at(i).clientMsgId == m.clientMsgId)
                pendingIndex = i;
    if (pendingIndex == 0 && pos == m_entries.size()) {
        // The first pending row becomes the stored entry in place.
        m_pending.removeFirst();
        m_entries.append(m);
        emit dataChanged(index(pos), index(pos));
        return;
    }
    if (pendingIndex >= 0) {
        const int row = int(m_entries.size()) + pendingIndex;
        beginRemoveRows({}, row, row);
        m_pending.removeAt(pendingIndex);
        endRemoveRows();
    }
    m_changing = true; // observers must not fetch while the first seq is in flux
    beginInsertRows({}, pos, pos);
    m_entries.insert(pos, m);
    endInsertRows();
    m_changing = false;
    if (pos + 1 < rowCount())
        emit dataChanged(index(pos + 1), index(pos + 1), {FirstInGroupRole, DayStartsRole});
}

void TimelineModel::addPending(const OutboxEntry &entry)
{
    if (entry.roomId != m_room || rowForClientMsgId(entry.clientMsgId) >= 0)
        return;
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_pending.append(entry);
    endInsertRows();
}

void TimelineModel::updatePending(const OutboxEntry &entry)
{
    for (int i = 0; i < m_pending.size(); ++i) {
        if (m_pending.at(i).clientMsgId == entry.clientMsgId) {
            m_pending[i] = entry;
            const int row = int(m_entries.size()) + i;
            emit dataChanged(index(row), index(row), {DeliveryRole, ErrorRole});
            return;
        }
    }
}

void TimelineModel::removePending(const QString &clientMsgId)
{
    for (int i = 0; i < m_pending.size(); ++i) {
        if (m_pending.at(i).clientMsgId == clientMsgId) {
            const int row = int(m_entries.size()) + i;
            beginRemoveRows({}, row, row);
            m_pending.removeAt(i);
            m_uploadPercent.remove(clientMsgId);
            endRemoveRows();
            return;
        }
    }
}

void TimelineModel::setUploadProgress(const QString &clientMsgId, qint64 stored, qint64 total)
{
    const int row = rowForClientMsgId(clientMsgId);
    if (row < confirmedCount())
        return; // not (or no longer) a pending row here
    const int percent = total > 0 ? int(qBound(qint64(0), stored * 100 / total, qint64(100))) : 100;
    const auto held = m_uploadPercent.constFind(clientMsgId);
    if (held != m_uploadPercent.cend() && *held == percent)
        return; // a repaint only when the shown percentage changes
    m_uploadPercent.insert(clientMsgId, percent);
    emit dataChanged(index(row), index(row), {UploadProgressRole});
}

int TimelineModel::rowForSeq(Seq seq) const
{
    const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), seq, seqLess);
    return it != m_entries.end() && it->seq == seq ? int(it - m_entries.begin()) : -1;
}

int TimelineModel::rowForId(MessageId id) const
{
    const auto it = m_seqOfId.find(id);
    return it == m_seqOfId.end() ? -1 : rowForSeq(*it);
}

int TimelineModel::rowForClientMsgId(const QString &clientMsgId) const
{
    for (int i = 0; i < m_pending.size(); ++i)
        if (m_pending.at(i).clientMsgId == clientMsgId)
            return int(m_entries.size()) + i;
    return -1;
}

void TimelineModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

void TimelineModel::onNameChanged(UserId user)
{
    if (m_entries.isEmpty())
        return;
    // Names appear in many rows; one ranged notification is cheaper than one per row.
    emit dataChanged(index(0), index(rowCount() - 1), {Qt::DisplayRole, SenderNameRole, BodyRole});
    Q_UNUSED(user)
}

} // namespace natter::client
