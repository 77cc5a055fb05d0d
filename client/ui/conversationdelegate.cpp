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
    const QString title = index.data(ConversationListModel::TitleRole).toString();
    std::optional<Presence> presence;
    if (!index.data(ConversationListModel::IsGroupRole).toBool())
        presence = Presence(index.data(ConversationListModel::PresenceRole).toInt());
    const QRect text = drawListRow(*p, opt, QMargins(8, 6, 8, 6), title, presence);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorRole textRole = selected ? QPalette::HighlightedText : QPalette::Text;
    const int unread = index.data(ConversationListModel::UnreadRole).toInt();
    const int mentions = index.data(ConversationListModel::MentionRole).toInt();
    const bool muted = index.data(ConversationListModel::MutedRole).toBool();
    const int line = option.fontMetrics.height();

    p->save();
    QFont bold = option.font;
    bold.setBold(unread > 0 && (!muted || mentions > 0));
    p->setFont(bold);
    p->setPen(option.palette.color(textRole));
    const QString time = shortTime(index.data(ConversationListModel::LastActivityRole).toDateTime());
    const int timeWidth = option.fontMetrics.horizontalAdvance(time) + 6;
    const QColor dim = option.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText);
    const int glyph = muted ? line : 0; // the muted glyph sits between the title and the time
    const QRect titleRect(text.left(), text.top(), text.width() - timeWidth - glyph, line);
    const QString shown = p->fontMetrics().elidedText(title, Qt::ElideRight, titleRect.width() - 4);
    p->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter, shown);
    if (muted)
        drawMutedGlyph(*p, QRect(text.left() + p->fontMetrics().horizontalAdvance(shown) + 5,
                                 text.top() + 1, line - 2, line - 2), dim);
    p->setFont(option.font);
    p->setPen(dim);
    p->drawText(QRect(text.right() - timeWidth, text.top(), timeWidth, line),
                Qt::AlignRight | Qt::AlignVCenter, time);

    const QRect second(text.left(), text.top() + line + 4, text.width(), line);
    const BadgeKind kind = mentions > 0 ? BadgeKind::Mention : muted ? BadgeKind::Muted : BadgeKind::Unread;
    const int badge = drawBadge(*p, second, unread, badgeColour(kind, option.palette));
    QString preview = index.data(ConversationListModel::PreviewRole).toString();
    if (index.data(ConversationListModel::ClosedRole).toBool())
        preview = tr("Closed");
    p->drawText(second.adjusted(0, 0, -badge - 6, 0), Qt::AlignLeft | Qt::AlignVCenter,
                option.fontMetrics.elidedText(preview, Qt::ElideRight, second.width() - badge - 6));
    p->restore();
}

} // namespace natter::ui
