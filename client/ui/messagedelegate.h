#pragma once
// Draws one timeline row: a message (avatar and name at the start of a run by one sender, the
// wrapped body, its attachments (image thumbnails, or chips with icon, name and size), delivery
// state) or a timeline event (one centred grey line).

#include "protocol/types.h"

#include <QPointer>
#include <QStyledItemDelegate>

namespace natter::ui {

class ThumbnailCache;

class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static constexpr int avatarSize = 34;
    static constexpr int margin = 10;

    /// Forgets remembered row heights (e.g. when the font changes).
    void clearCache() { m_heights.clear(); }
    /// Where image thumbnails come from (none: images are drawn as placeholders).
    void setThumbnails(ThumbnailCache *thumbnails) { m_thumbnails = thumbnails; }

    /// The rectangles (view coordinates, like option.rect) of the row's attachments, in order.
    QList<QRect> attachmentRects(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    /// Index of the attachment at `pos` in the row, or -1.
    int attachmentAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                     const QPoint &pos) const;

private:
    int textWidth(const QStyleOptionViewItem &option) const;
    int computeHeight(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    /// Draws avatar, name and time at the start of a run by one sender; returns the next y.
    int drawSender(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index,
                   int left, int y) const;
    /// Draws the quoted message of a reply into `rect`; returns its height.
    int drawQuote(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index,
                  const QRect &rect) const;
    /// Draws "Today" / the date above the first entry of a day; returns the height used.
    int drawDayHeader(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const;

    /// Height of the body text (0 when empty).
    int bodyHeight(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    /// Size an attachment takes in the row.
    QSize attachmentSize(const QStyleOptionViewItem &option, const Attachment &a) const;
    void drawAttachment(QPainter *p, const QStyleOptionViewItem &option, const Attachment &a,
                        const QRect &rect) const;

    ThumbnailCache *m_thumbnails = nullptr; ///< not owned; outlives the view
    /// Row height by (text, flags, width): wrapping text is the costly part of a layout, and
    /// a long timeline is laid out again whenever older entries are loaded.
    mutable QHash<quint64, int> m_heights;
};

} // namespace natter::ui
