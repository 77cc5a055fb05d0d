#pragma once
// Draws one conversation-list row: avatar with presence, title, time, preview, unread badge.

#include <QStyledItemDelegate>

namespace natter::ui {

class ConversationDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

/// Short local time: "14:05" today, "Mon" this week, else the date.
QString shortTime(const QDateTime &when);

} // namespace natter::ui
