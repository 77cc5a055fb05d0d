#pragma once
// Draws a person row (friends, members, search results): avatar, presence, name, a subtitle.

#include <QStyledItemDelegate>

namespace natter::ui {

class PersonDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    /// `subtitleRole` and `presenceRole` are the model's roles (-1: none).
    PersonDelegate(int subtitleRole, int presenceRole, QObject *parent = nullptr)
        : QStyledItemDelegate(parent), m_subtitleRole(subtitleRole), m_presenceRole(presenceRole)
    {
    }
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_subtitleRole;
    int m_presenceRole;
};

} // namespace natter::ui
