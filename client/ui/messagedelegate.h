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

private:
    int textWidth(const QStyleOptionViewItem &option) const;
};

} // namespace natter::ui
