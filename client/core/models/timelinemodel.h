#pragma once
// One room's timeline: confirmed entries in seq order, then the user's pending local echoes.

#include "core/localcache.h"

#include <QAbstractListModel>
#include <functional>

namespace natter::client {

class UserDirectory;

/// Rows 0..confirmedCount()-1 are stored entries (messages and timeline events) sorted by seq;
/// the rows after them are outbox entries of this room not yet confirmed (local echo), in the
/// order written. When the server confirms one, its pending row turns into the stored entry.
/// Older entries are loaded on demand through fetchMore() from the loader the owner supplies
/// (the cache first, then messages.history).
class TimelineModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        SeqRole = Qt::UserRole + 1, ///< qint64; 0 for pending rows
        MessageIdRole,   ///< qint64; 0 for pending rows
        SenderIdRole,    ///< qint64
        SenderNameRole,  ///< QString
        BodyRole,        ///< QString: the text (messages), or the event described (events)
        KindRole,        ///< QString: "message" or a timeline event kind (docs/protocol.md §4.2)
        IsEventRole,     ///< bool: a timeline event, drawn centred and small
        SentAtRole,      ///< QDateTime (local); for pending rows the time written
        ClientMsgIdRole, ///< QString
        DeliveryRole,    ///< int (Delivery)
        ErrorRole,       ///< QString: why a failed row was refused
        IsOwnRole,       ///< bool: written by this user
        FirstInGroupRole,///< bool: starts a run of entries by one sender (the delegate shows the name)
        MentionsMeRole,  ///< bool: the body mentions this user
        DayStartsRole,   ///< bool: first entry of a local calendar day (the delegate shows the date)
        EditedRole,      ///< bool: the text was edited (see EditedAtRole)
        EditedAtRole,    ///< QDateTime of the last edit, invalid if never edited
        DeletedRole,     ///< bool: a tombstone, the text is gone
        ReplyToRole,     ///< qint64: id of the quoted message, 0 if none
        ReplySenderRole, ///< QString: who wrote the quoted message
        ReplyBodyRole,   ///< QString: start of its current text ("" once deleted or not readable)
        ReplyDeletedRole,///< bool: the quoted message was deleted
        /// QList<natter::Attachment>: the files sent with the message, in the sender's order;
        /// empty for events, deleted messages and pending rows (see PendingAttachmentsRole)
        AttachmentsRole,
        PendingAttachmentsRole, ///< int: attachments a pending row will be sent with, else 0
        /// int: percent of a pending row's files already on the server; -1 when it has no
        /// files or none has reported progress yet
        UploadProgressRole,
    };
    Q_ENUM(Role)
    enum class Delivery { Sent, Pending, Failed };
    Q_ENUM(Delivery)

    /// Loads up to `limit` entries before `beforeSeq` (0: the newest) and calls `done` with
    /// them (ascending), whether older ones may exist, and false if loading failed.
    using Loader = std::function<void(Seq beforeSeq, int limit,
                                      std::function<void(const QList<Message> &, bool more,
                                                         bool ok)> done)>;

    TimelineModel(RoomId room, const UserDirectory &users, QObject *parent = nullptr);

    RoomId roomId() const { return m_room; }
    void setOwnUser(const User &user) { m_own = user; }
    void setLoader(Loader loader) { m_loader = std::move(loader); }
    void setPageSize(int entries) { m_pageSize = entries; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent = QModelIndex()) const override;
    void fetchMore(const QModelIndex &parent = QModelIndex()) override;

    /// Merges stored entries (live, sync, history or own sends), each once, in seq order. An
    /// entry whose clientMsgId matches a pending row replaces that row. Edited and deleted
    /// entries are not rows: they change the message they name, and replies quoting it.
    void addMessages(const QList<Message> &messages);
    void addPending(const OutboxEntry &entry);
    void updatePending(const OutboxEntry &entry);
    void removePending(const QString &clientMsgId);
    /// `stored` of the `total` bytes of a pending row's files are uploaded (PendingUploads).
    void setUploadProgress(const QString &clientMsgId, qint64 stored, qint64 total);

    int confirmedCount() const { return int(m_entries.size()); }
    /// Row of the entry with this seq / message id / pending clientMsgId, or -1.
    int rowForSeq(Seq seq) const;
    int rowForId(MessageId id) const;
    int rowForClientMsgId(const QString &clientMsgId) const;
    Seq firstSeq() const { return m_entries.isEmpty() ? 0 : m_entries.first().seq; }
    Seq lastSeq() const { return m_entries.isEmpty() ? 0 : m_entries.last().seq; }
    bool isLoading() const { return m_loading; }
    /// Loads older pages until the entry `seq` is held (or the start of the readable history is
    /// reached), then emits reached(). For jumping to a search result.
    void fetchUntil(Seq seq);
    /// True once the start of the readable history is loaded.
    bool atStart() const { return m_atStart; }

signals:
    void loadingChanged(bool loading);
    /// A fetch failed (e.g. offline); fetchMore() may be called again.
    void loadFailed();
    /// fetchUntil() is done: `row` holds the entry, or is -1 if it is not readable.
    void reached(natter::Seq seq, int row);

private:
    QVariant entryData(int row, int role) const;
    QVariant pendingData(const OutboxEntry &entry, int role) const;
    void insertEntry(const Message &message);
    void applyChange(const Message &entry);
    QVariant replyData(MessageId replyTo, const std::optional<ReplyPreview> &preview, int role) const;
    void onPage(const QList<Message> &messages, bool more, bool ok);
    void setLoading(bool loading);
    void onNameChanged(UserId user);

    RoomId m_room;
    const UserDirectory &m_users;
    User m_own;
    Loader m_loader;
    int m_pageSize = 50;
    QList<Message> m_entries; ///< sorted by seq
    QHash<MessageId, Seq> m_seqOfId;
    QList<OutboxEntry> m_pending;
    QHash<QString, int> m_uploadPercent; ///< by pending clientMsgId
    bool m_loading = false;
    bool m_atStart = false;
    bool m_changing = false;
    Seq m_target = 0; ///< fetchUntil() in progress
    quint64 m_generation = 0;
};

} // namespace natter::client
