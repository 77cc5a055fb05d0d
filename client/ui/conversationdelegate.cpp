#include "ui/conversationdelegate.h"

#include "core/models/conversationlistmodel.h"
#include "ui/style.h"

#include <QApplication>
#include <QDateTime>
#include <QPainter>

namespace natter::ui {

using client::ConversationListModel;

QString shortTime(const QDateTime &when)
{
    if (!when.isValid() || when.toMSecsSinceEpoch() <= 0)
        return QString();
    const QDate today = QDate::currentDate();
    if (when.date() == today)
        return QLocale().toString(when.time(), QLocale::ShortFormat);
    if (when.date().daysTo(today) < 7)
        return QLocale().dayName(when.date().dayOfWeek(), QLocale::ShortFormat);
    return QLocale().toString(when.date(), QLocale::ShortFormat);
}

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem &option,
                                     const QModelIndex &) const
{
    return {200, option.fontMetrics.height() * 2 + 18};
}

void ConversationDelegate::paint(QPainter *p, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, p, opt.widget);

    const QRect r = option.rect.adjusted(8, 6, -8, -6);
    const QString title = index.data(ConversationListModel::TitleRole).toString();
    const int avatar = r.height();
    drawAvatar(*p, QRect(r.left(), r.top(), avatar, avatar), title);
    if (!index.data(ConversationListModel::IsGroupRole).toBool())
        drawPresence(*p, QPoint(r.left() + avatar - 4, r.bottom() - 4),
                     Presence(index.data(ConversationListModel::PresenceRole).toInt()));

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorRole textRole = selected ? QPalette::HighlightedText : QPalette::Text;
    const int unread = index.data(ConversationListModel::UnreadRole).toInt();
    const int mentions = index.data(ConversationListModel::MentionRole).toInt();
    const QRect text = r.adjusted(avatar + 8, 0, 0, 0);
    const int line = option.fontMetrics.height();

    p->save();
    QFont bold = option.font;
    bold.setBold(unread > 0);
    p->setFont(bold);
    p->setPen(option.palette.color(textRole));
    const QString time = shortTime(index.data(ConversationListModel::LastActivityRole).toDateTime());
    const int timeWidth = option.fontMetrics.horizontalAdvance(time) + 6;
    const QRect titleRect(text.left(), text.top(), text.width() - timeWidth, line);
    p->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                p->fontMetrics().elidedText(title, Qt::ElideRight, titleRect.width()));
    p->setFont(option.font);
    p->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
    p->drawText(QRect(text.right() - timeWidth, text.top(), timeWidth, line),
                Qt::AlignRight | Qt::AlignVCenter, time);

    const QRect second(text.left(), text.top() + line + 4, text.width(), line);
    const int badge = drawBadge(*p, second, unread,
                                mentions > 0 ? QColor(0xe0, 0x3e, 0x3e) : QColor(0x2f, 0x6f, 0xd6));
    QString preview = index.data(ConversationListModel::PreviewRole).toString();
    if (index.data(ConversationListModel::ClosedRole).toBool())
        preview = tr("Closed");
    p->drawText(second.adjusted(0, 0, -badge - 6, 0), Qt::AlignLeft | Qt::AlignVCenter,
                option.fontMetrics.elidedText(preview, Qt::ElideRight, second.width() - badge - 6));
    p->restore();
}

} // namespace natter::ui
