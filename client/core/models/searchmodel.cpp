#include "core/models/searchmodel.h"

#include "core/userdirectory.h"

#include <QDateTime>
#include <QPoint>
#include <QPointer>

namespace natter::client {

namespace {
constexpr int pageSize = 30;
}

SearchModel::SearchModel(const UserDirectory &users, QObject *parent)
    : QAbstractListModel(parent), m_users(users)
{
}

int SearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QHash<int, QByteArray> SearchModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({{MessageIdRole, "messageId"}, {RoomIdRole, "roomId"}, {SeqRole, "seq"},
                  {SenderNameRole, "senderName"}, {SentAtRole, "sentAt"},
                  {SnippetRole, "snippet"}, {HighlightsRole, "highlights"},
                  {RoomTitleRole, "roomTitle"}});
    return names;
}

QVariant SearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchHit &h = m_hits.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case SnippetRole: return h.snippet;
    case MessageIdRole: return h.messageId.value;
    case RoomIdRole: return h.roomId.value;
    case SeqRole: return h.seq;
    case SenderNameRole: return m_users.name(h.senderId);
    case SentAtRole: return QDateTime::fromMSecsSinceEpoch(h.sentAt);
    case HighlightsRole: {
        QVariantList ranges;
        for (const SearchHighlight &r : h.highlights)
            ranges << QPoint(r.start, r.length);
        return ranges;
    }
    case RoomTitleRole: return m_titles ? m_titles(h.roomId) : QString();
    default: return {};
    }
}

bool SearchModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_busy && m_nextBefore > 0 && m_searcher;
}

void SearchModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        request(m_nextBefore);
}

void SearchModel::setQuery(const QString &query, RoomId room)
{
    ++m_generation; // whatever is on its way belongs to the previous query
    m_query = query.trimmed();
    m_room = room;
    m_nextBefore = 0;
    m_busy = false;
    beginResetModel();
    m_hits.clear();
    endResetModel();
    if (!m_query.isEmpty() && m_searcher)
        request(0);
}

void SearchModel::request(qint64 before)
{
    SearchRequest r;
    r.query = m_query;
    r.roomId = m_room;
    r.before = before;
    r.limit = pageSize;
    m_busy = true;
    const quint64 generation = m_generation;
    QPointer<SearchModel> self(this);
    m_searcher(r, [self, generation](const std::optional<SearchReply> &reply, const QString &error) {
        if (!self || generation != self->m_generation)
            return; // a stale answer
        self->m_busy = false;
        if (reply) {
            self->m_nextBefore = reply->nextBefore;
            if (!reply->results.isEmpty()) {
                const int first = self->rowCount();
                self->beginInsertRows({}, first, first + int(reply->results.size()) - 1);
                self->m_hits += reply->results;
                self->endInsertRows();
            }
        }
        emit self->finished(error);
    });
}

} // namespace natter::client
