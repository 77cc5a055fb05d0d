#include "ui/persondelegate.h"

#include "ui/style.h"

#include <QApplication>
#include <QPainter>

namespace natter::ui {

QSize PersonDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {160, option.fontMetrics.height() * 2 + 12};
}

void PersonDelegate::paint(QPainter *p, const QStyleOptionViewItem &option,
                           const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString name = index.data(Qt::DisplayRole).toString();
    std::optional<Presence> presence;
    if (m_presenceRole >= 0)
        presence = Presence(index.data(m_presenceRole).toInt());
    const QRect text = drawListRow(*p, opt, QMargins(6, 4, 6, 4), name, presence);
    const bool selected = option.state & QStyle::State_Selected;
    const int line = option.fontMetrics.height();
    p->save();
    p->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    p->drawText(QRect(text.left(), text.top(), text.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                option.fontMetrics.elidedText(name, Qt::ElideRight, text.width()));
    QString subtitle = m_subtitleRole >= 0 ? index.data(m_subtitleRole).toString() : QString();
    if (subtitle.isEmpty() && m_presenceRole >= 0)
        subtitle = presenceText(Presence(index.data(m_presenceRole).toInt()));
    p->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
    p->drawText(QRect(text.left(), text.top() + line + 2, text.width(), line),
                Qt::AlignLeft | Qt::AlignVCenter,
                option.fontMetrics.elidedText(subtitle, Qt::ElideRight, text.width()));
    p->restore();
}

} // namespace natter::ui
