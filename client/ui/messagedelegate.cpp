#include "ui/messagedelegate.h"

#include "core/models/timelinemodel.h"
#include "ui/style.h"
#include "ui/thumbnailcache.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDateTime>
#include <QIcon>
#include <QPainter>

namespace natter::ui {

using client::TimelineModel;

namespace {
constexpr int wrapFlags = Qt::TextWordWrap | Qt::TextWrapAnywhere;
constexpr int maxThumbWidth = 240;
constexpr int maxThumbHeight = 180;
constexpr int chipWidth = 280;
constexpr int attachmentGap = 4;

QList<Attachment> attachmentsOf(const QModelIndex &index)
{
    return index.data(TimelineModel::AttachmentsRole).value<QList<Attachment>>();
}

bool showsImage(const Attachment &a)
{
    return a.thumbnail && a.width > 0 && a.height > 0;
}

QString bodyText(const QModelIndex &index)
{
    return index.data(TimelineModel::DeletedRole).toBool()
        ? MessageDelegate::tr("This message was deleted.")
        : index.data(TimelineModel::BodyRole).toString();
}

QString statusText(const QModelIndex &index)
{
    switch (TimelineModel::Delivery(index.data(TimelineModel::DeliveryRole).toInt())) {
    case TimelineModel::Delivery::Pending: {
        const int files = index.data(TimelineModel::PendingAttachmentsRole).toInt();
        const int percent = index.data(TimelineModel::UploadProgressRole).toInt();
        if (files > 0 && percent >= 0)
            return MessageDelegate::tr("Uploading %n file(s): %1 %", "", files).arg(percent);
        return files > 0 ? MessageDelegate::tr("Sending with %n file(s)…", "", files)
                         : MessageDelegate::tr("Sending…");
    }
    case TimelineModel::Delivery::Failed:
        return MessageDelegate::tr("Not sent: %1. Right-click to retry.")
            .arg(index.data(TimelineModel::ErrorRole).toString());
    default: return QString();
    }
}
} // namespace

int MessageDelegate::textWidth(const QStyleOptionViewItem &option) const
{
    const auto *view = qobject_cast<const QAbstractItemView *>(option.widget);
    const int width = view ? view->viewport()->width() : option.rect.width();
    return qMax(80, width - avatarSize - 3 * margin);
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int width = textWidth(option);
    const bool first = index.data(TimelineModel::FirstInGroupRole).toBool();
    const int delivery = index.data(TimelineModel::DeliveryRole).toInt();
    const bool event = index.data(TimelineModel::IsEventRole).toBool();
    const bool day = index.data(TimelineModel::DayStartsRole).toBool();
    const bool quote = index.data(TimelineModel::ReplyToRole).toLongLong() != 0;
    const bool deleted = index.data(TimelineModel::DeletedRole).toBool();
    const quint64 key = qHash(index.data(TimelineModel::BodyRole).toString(), quint64(width))
        ^ (quint64(first) << 61) ^ (quint64(delivery) << 58) ^ (quint64(event) << 57)
        ^ (quint64(day) << 56) ^ (quint64(quote) << 55) ^ (quint64(deleted) << 54)
        ^ (quint64(option.fontMetrics.height()) << 40);
    if (m_heights.size() > 200000)
        m_heights.clear();
    auto it = m_heights.find(key);
    if (it == m_heights.end())
        it = m_heights.insert(key, computeHeight(option, index));
    // Attachments are sized outside the cache: rows with the same text may carry other files.
    int attachments = 0;
    for (const Attachment &a : attachmentsOf(index))
        attachments += attachmentSize(option, a).height() + attachmentGap;
    return {width, *it + attachments};
}

int MessageDelegate::computeHeight(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics &fm = option.fontMetrics;
    const int dayHeader = index.data(TimelineModel::DayStartsRole).toBool() ? fm.height() + 12 : 0;
    if (index.data(TimelineModel::IsEventRole).toBool())
        return dayHeader + fm.height() + 10;
    int height = bodyHeight(option, index);
    if (index.data(TimelineModel::ReplyToRole).toLongLong() != 0)
        height += fm.height() + 8;
    if (index.data(TimelineModel::FirstInGroupRole).toBool())
        height = qMax(height + fm.height() + 4, avatarSize) + 8;
    const QString status = statusText(index);
    if (!status.isEmpty())
        height += fm.boundingRect(QRect(0, 0, textWidth(option), 1 << 20), wrapFlags, status)
                      .height();
    return dayHeader + height + 4;
}

int MessageDelegate::drawSender(QPainter *p, const QStyleOptionViewItem &option,
                                const QModelIndex &index, int left, int y) const
{
    const QFontMetrics &fm = option.fontMetrics;
    const int textLeft = left + avatarSize + margin;
    const QString name = index.data(TimelineModel::SenderNameRole).toString();
    drawAvatar(*p, QRect(left, y, avatarSize, avatarSize), name);
    p->save();
    QFont bold = option.font;
    bold.setBold(true);
    p->setFont(bold);
    p->setPen(nameTextColor(name, option.palette));
    p->drawText(QPoint(textLeft, y + fm.ascent()), name);
    const int nameWidth = QFontMetrics(bold).horizontalAdvance(name);
    p->setFont(option.font);
    p->setPen(option.palette.color(QPalette::PlaceholderText));
    const QDateTime at = index.data(TimelineModel::SentAtRole).toDateTime();
    const QString when = at.date() == QDate::currentDate()
        ? QLocale().toString(at.time(), QLocale::ShortFormat)
        : QLocale().toString(at, QLocale::ShortFormat);
    p->drawText(QPoint(textLeft + nameWidth + 8, y + fm.ascent()), when);
    p->restore();
    return y + fm.height() + 4;
}

int MessageDelegate::drawQuote(QPainter *p, const QStyleOptionViewItem &option,
                               const QModelIndex &index, const QRect &rect) const
{
    const QString who = index.data(TimelineModel::ReplySenderRole).toString();
    QString text = index.data(TimelineModel::ReplyDeletedRole).toBool()
        ? tr("deleted message")
        : index.data(TimelineModel::ReplyBodyRole).toString().simplified();
    if (who.isEmpty() && text.isEmpty())
        text = tr("an earlier message");
    p->save();
    p->setPen(Qt::NoPen);
    p->setBrush(option.palette.color(QPalette::AlternateBase));
    p->drawRect(rect);
    p->setBrush(colorForName(who));
    p->drawRect(QRect(rect.left(), rect.top(), 3, rect.height()));
    p->setPen(option.palette.color(QPalette::PlaceholderText));
    const QString line = who.isEmpty() ? text : tr("%1: %2").arg(who, text);
    p->drawText(rect.adjusted(8, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter,
                option.fontMetrics.elidedText(line, Qt::ElideRight, rect.width() - 12));
    p->restore();
    return rect.height();
}

int MessageDelegate::drawDayHeader(QPainter *p, const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    if (!index.data(TimelineModel::DayStartsRole).toBool())
        return 0;
    const int h = option.fontMetrics.height() + 12;
    const QDate day = index.data(TimelineModel::SentAtRole).toDateTime().date();
    const QString text = day == QDate::currentDate()        ? tr("Today")
        : day == QDate::currentDate().addDays(-1)           ? tr("Yesterday")
                                                            : QLocale().toString(day, QLocale::LongFormat);
    const QRect band(option.rect.left(), option.rect.top(), option.rect.width(), h);
    p->save();
    QFont bold = option.font;
    bold.setBold(true);
    p->setFont(bold);
    const int w = QFontMetrics(bold).horizontalAdvance(text) + 24;
    p->setPen(option.palette.color(QPalette::Mid));
    const int y = band.center().y();
    p->drawLine(band.left() + margin, y, band.center().x() - w / 2, y);
    p->drawLine(band.center().x() + w / 2, y, band.right() - margin, y);
    p->setPen(option.palette.color(QPalette::PlaceholderText));
    p->drawText(band, Qt::AlignCenter, text);
    p->restore();
    return h;
}

void MessageDelegate::paint(QPainter *p, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    const int header = drawDayHeader(p, option, index);
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.rect.setTop(opt.rect.top() + header);
    if (index.data(TimelineModel::MentionsMeRole).toBool() && !(opt.state & QStyle::State_Selected))
        opt.backgroundBrush = mentionBackground(option.palette);
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, p, opt.widget);

    p->save();
    const QFontMetrics &fm = option.fontMetrics;
    const QColor dim = option.palette.color(QPalette::PlaceholderText);
    if (index.data(TimelineModel::IsEventRole).toBool()) {
        QFont f = option.font;
        f.setItalic(true);
        p->setFont(f);
        p->setPen(dim);
        p->drawText(opt.rect, Qt::AlignCenter,
                    fm.elidedText(index.data(TimelineModel::BodyRole).toString(), Qt::ElideRight,
                                  opt.rect.width() - 2 * margin));
        p->restore();
        return;
    }
    const int left = opt.rect.left() + margin;
    const int textLeft = left + avatarSize + margin;
    int y = opt.rect.top() + 2;
    if (index.data(TimelineModel::FirstInGroupRole).toBool())
        y = drawSender(p, option, index, left, y + 6);
    if (index.data(TimelineModel::ReplyToRole).toLongLong() != 0)
        y += drawQuote(p, opt, index, QRect(textLeft, y, textWidth(option), fm.height() + 6)) + 2;
    if (index.data(TimelineModel::EditedRole).toBool() && !index.data(TimelineModel::DeletedRole).toBool()) {
        p->setPen(dim);
        p->drawText(QRect(opt.rect.left(), opt.rect.top() + 2, opt.rect.width() - margin, fm.height()),
                    Qt::AlignRight | Qt::AlignTop, tr("(edited)"));
    }
    const QString body = bodyText(index);
    if (index.data(TimelineModel::DeletedRole).toBool()) {
        QFont italic = option.font;
        italic.setItalic(true);
        p->setFont(italic);
    }
    const auto delivery = TimelineModel::Delivery(index.data(TimelineModel::DeliveryRole).toInt());
    p->setPen(index.data(TimelineModel::DeletedRole).toBool() ? dim
              : delivery == TimelineModel::Delivery::Sent
                  ? option.palette.color(option.state & QStyle::State_Selected
                                             ? QPalette::HighlightedText : QPalette::Text)
                  : dim);
    const QRect textRect(textLeft, y, textWidth(option), opt.rect.bottom() - y);
    p->drawText(textRect, wrapFlags, body);
    int next = y + bodyHeight(option, index);
    const QList<Attachment> attachments = attachmentsOf(index);
    const QList<QRect> rects = attachmentRects(option, index);
    p->setFont(option.font);
    for (int i = 0; i < attachments.size() && i < rects.size(); ++i) {
        drawAttachment(p, option, attachments.at(i), rects.at(i));
        next = rects.at(i).bottom() + 1 + attachmentGap;
    }
    const QString status = statusText(index);
    if (!status.isEmpty()) {
        p->setPen(delivery == TimelineModel::Delivery::Failed ? QColor(0xd0, 0x30, 0x30) : dim);
        p->drawText(QRect(textLeft, next, textRect.width(), fm.height() * 3), wrapFlags, status);
    }
    p->restore();
}

int MessageDelegate::bodyHeight(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QString body = bodyText(index);
    if (body.isEmpty() && !attachmentsOf(index).isEmpty())
        return 0;
    return option.fontMetrics
        .boundingRect(QRect(0, 0, textWidth(option), 1 << 20), wrapFlags, body)
        .height();
}

QSize MessageDelegate::attachmentSize(const QStyleOptionViewItem &option, const Attachment &a) const
{
    const int room = qMax(60, textWidth(option));
    if (showsImage(a)) {
        QSize s(a.width, a.height);
        s.scale(qMin(maxThumbWidth, room), maxThumbHeight, Qt::KeepAspectRatio);
        if (s.width() > a.width || s.height() > a.height)
            s = QSize(a.width, a.height); // small images keep their size
        return s.expandedTo(QSize(24, 24));
    }
    return {qMin(chipWidth, room), option.fontMetrics.height() * 2 + 10};
}

QList<QRect> MessageDelegate::attachmentRects(const QStyleOptionViewItem &option,
                                              const QModelIndex &index) const
{
    QList<QRect> out;
    const QList<Attachment> attachments = attachmentsOf(index);
    if (attachments.isEmpty() || index.data(TimelineModel::IsEventRole).toBool())
        return out;
    const QFontMetrics &fm = option.fontMetrics;
    int y = option.rect.top() + 2;
    if (index.data(TimelineModel::DayStartsRole).toBool())
        y += fm.height() + 12;
    if (index.data(TimelineModel::FirstInGroupRole).toBool())
        y += 6 + fm.height() + 4;
    if (index.data(TimelineModel::ReplyToRole).toLongLong() != 0)
        y += fm.height() + 6 + 2;
    y += bodyHeight(option, index);
    if (y > option.rect.top() + 2)
        y += attachmentGap;
    const int left = option.rect.left() + margin + avatarSize + margin;
    for (const Attachment &a : attachments) {
        const QRect r(QPoint(left, y), attachmentSize(option, a));
        out.append(r);
        y = r.bottom() + 1 + attachmentGap;
    }
    return out;
}

int MessageDelegate::attachmentAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                                  const QPoint &pos) const
{
    const QList<QRect> rects = attachmentRects(option, index);
    for (int i = 0; i < rects.size(); ++i)
        if (rects.at(i).contains(pos))
            return i;
    return -1;
}

void MessageDelegate::drawAttachment(QPainter *p, const QStyleOptionViewItem &option,
                                     const Attachment &a, const QRect &rect) const
{
    p->save();
    const QColor dim = option.palette.color(QPalette::PlaceholderText);
    if (showsImage(a)) {
        const QPixmap thumb = m_thumbnails ? m_thumbnails->pixmap(a) : QPixmap();
        if (!thumb.isNull()) {
            p->drawPixmap(rect, thumb);
        } else {
            p->setPen(option.palette.color(QPalette::Mid));
            p->setBrush(option.palette.color(QPalette::AlternateBase));
            p->drawRect(rect.adjusted(0, 0, -1, -1));
            p->setPen(dim);
            p->drawText(rect.adjusted(4, 4, -4, -4), Qt::AlignCenter | Qt::TextWrapAnywhere, a.name);
        }
        p->restore();
        return;
    }
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(option.palette.color(QPalette::Mid));
    p->setBrush(option.palette.color(QPalette::AlternateBase));
    p->drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    const int icon = qMin(rect.height() - 8, 28);
    QIcon(QStringLiteral(":/icons/file.svg"))
        .paint(p, QRect(rect.left() + 6, rect.center().y() - icon / 2, icon, icon));
    const QFontMetrics &fm = option.fontMetrics;
    const int textLeft = rect.left() + icon + 12;
    const int width = rect.right() - 6 - textLeft;
    p->setPen(option.palette.color(QPalette::Text));
    p->drawText(QPoint(textLeft, rect.top() + 5 + fm.ascent()),
                fm.elidedText(a.name, Qt::ElideMiddle, width));
    p->setPen(dim);
    p->drawText(QPoint(textLeft, rect.top() + 5 + fm.height() + fm.ascent()),
                QLocale().formattedDataSize(a.size));
    p->restore();
}

} // namespace natter::ui
