#pragma once
// Results of a message search (search.messages), newest first, paged on demand.

#include "protocol/searchrequests.h"

#include <QAbstractListModel>
#include <functional>

namespace natter::client {

class UserDirectory;

/// One row per matching message. setQuery() starts a new search; replies to an older query
/// are dropped (a generation counter), so typing fast never shows stale results.
class SearchModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        MessageIdRole = Qt::UserRole + 1, ///< qint64
        RoomIdRole,     ///< qint64
        SeqRole,        ///< qint64: where to jump to in the room
        SenderNameRole, ///< QString
        SentAtRole,     ///< QDateTime (local)
        SnippetRole,    ///< QString (= DisplayRole): part of the body, "…" where cut
        HighlightsRole, ///< QVariantList of QPoint(start, length) ranges inside the snippet
        RoomTitleRole,  ///< QString: the conversation's title
    };
    Q_ENUM(Role)

    /// Runs one search page: `done` gets the reply, or an error.
    using Searcher = std::function<void(const SearchRequest &request,
                                        std::function<void(const std::optional<SearchReply> &,
                                                           const QString &error)> done)>;
    using RoomTitle = std::function<QString(RoomId)>;

    SearchModel(const UserDirectory &users, QObject *parent = nullptr);
    void setSearcher(Searcher searcher) { m_searcher = std::move(searcher); }
    void setRoomTitles(RoomTitle titles) { m_titles = std::move(titles); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent = QModelIndex()) const override;
    void fetchMore(const QModelIndex &parent = QModelIndex()) override;

    /// Searches `query` in `room` (invalid: every readable room); an empty query clears.
    void setQuery(const QString &query, RoomId room = RoomId());
    QString query() const { return m_query; }
    bool isSearching() const { return m_busy; }

signals:
    /// A search (or page) finished: `error` is empty on success.
    void finished(const QString &error);

private:
    void request(qint64 before);

    const UserDirectory &m_users;
    Searcher m_searcher;
    RoomTitle m_titles;
    QList<SearchHit> m_hits;
    QString m_query;
    RoomId m_room;
    qint64 m_nextBefore = 0;
    bool m_busy = false;
    quint64 m_generation = 0;
};

} // namespace natter::client
