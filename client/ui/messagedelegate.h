#pragma once
// Draws one timeline row: a message (avatar and name at the start of a run by one sender, the
// wrapped body, delivery state) or a timeline event (one centred grey line).

#include <QStyledItemDelegate>

namespace natter::ui {

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

    /// Row height by (text, flags, width): wrapping text is the costly part of a layout, and
    /// a long timeline is laid out again whenever older entries are loaded.
    mutable QHash<quint64, int> m_heights;
};

} // namespace natter::ui
