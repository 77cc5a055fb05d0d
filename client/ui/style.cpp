#include "ui/style.h"

#include "ui/appearance.h"

#include <QApplication>
#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionViewItem>

namespace natter::ui {

QColor colorForName(const QString &name)
{
    const uint hash = qHash(name.toLower());
    return QColor::fromHsl(int(hash % 360), 140, 110);
}

QColor nameTextColor(const QString &name, const QPalette &palette)
{
    const QColor c = colorForName(name);
    return isDark(palette) ? QColor::fromHsl(c.hslHue(), 150, 175) : c.darker(110);
}

QRect drawListRow(QPainter &p, QStyleOptionViewItem option, const QMargins &margins,
                  const std::optional<QString> &avatarName, std::optional<Presence> presence)
{
    option.text.clear();
    QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &option, &p, option.widget);
    const QRect content = option.rect.marginsRemoved(margins);
    if (!avatarName)
        return content;
    const int size = content.height();
    drawAvatar(p, QRect(content.left(), content.top(), size, size), *avatarName);
    if (presence)
        drawPresence(p, QPoint(content.left() + size - 4, content.bottom() - 4), *presence);
    return content.adjusted(size + 8, 0, 0, 0);
}

void drawMutedGlyph(QPainter &p, const QRect &rect, const QColor &colour)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect).adjusted(1, 1, -1, -1);
    const qreal w = r.width(), h = r.height();
    QPainterPath bell; // dome, flared rim, clapper
    bell.moveTo(r.left() + w * 0.2, r.top() + h * 0.72);
    bell.cubicTo(r.left() + w * 0.25, r.top() + h * 0.1, r.right() - w * 0.25, r.top() + h * 0.1,
                 r.right() - w * 0.2, r.top() + h * 0.72);
    bell.lineTo(r.right() - w * 0.08, r.top() + h * 0.82);
    bell.lineTo(r.left() + w * 0.08, r.top() + h * 0.82);
    bell.closeSubpath();
    bell.addEllipse(QPointF(r.center().x(), r.top() + h * 0.9), w * 0.09, h * 0.09);
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawPath(bell);
    p.setPen(QPen(colour, qMax(1.5, w / 9), Qt::SolidLine, Qt::RoundCap));
    p.drawLine(r.topLeft() + QPointF(w * 0.08, h * 0.05), r.bottomRight() - QPointF(w * 0.08, h * 0.02));
    p.restore();
}

QColor badgeColour(BadgeKind kind, const QPalette &palette)
{
    switch (kind) {
    case BadgeKind::Mention: return isDark(palette) ? QColor(0xd9, 0x4a, 0x4a) : QColor(0xe0, 0x3e, 0x3e);
    case BadgeKind::Muted: return isDark(palette) ? QColor(0x6a, 0x6e, 0x75) : QColor(0x9a, 0x9e, 0xa6);
    case BadgeKind::Unread: break;
    }
    return palette.color(QPalette::Active, QPalette::Highlight);
}

QColor mentionBackground(const QPalette &palette)
{
    return isDark(palette) ? QColor(255, 200, 0, 45) : QColor(255, 214, 0, 50);
}

void drawAvatar(QPainter &p, const QRect &rect, const QString &name)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(colorForName(name));
    p.drawEllipse(rect);
    QFont f = p.font();
    f.setBold(true);
    f.setPixelSize(qMax(8, rect.height() / 2));
    p.setFont(f);
    p.setPen(Qt::white);
    p.drawText(rect, Qt::AlignCenter, name.left(1).toUpper());
    p.restore();
}

void drawPresence(QPainter &p, const QPoint &centre, Presence presence)
{
    QColor c(0x9e, 0x9e, 0x9e);
    if (presence == Presence::Online)
        c = QColor(0x2e, 0xb8, 0x5c);
    else if (presence == Presence::Away)
        c = QColor(0xf0, 0xa2, 0x02);
    else if (presence == Presence::DoNotDisturb)
        c = QColor(0xe0, 0x3e, 0x3e);
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    // The ring separates the dot from the avatar in the list's own background colour.
    p.setPen(QPen(QApplication::palette().color(QPalette::Base), 2));
    p.setBrush(c);
    p.drawEllipse(centre, 5, 5);
    p.restore();
}

int drawBadge(QPainter &p, const QRect &rect, int count, const QColor &colour)
{
    if (count <= 0)
        return 0;
    const QString text = count > 99 ? QStringLiteral("99+") : QString::number(count);
    p.save();
    QFont f = p.font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 0.85);
    p.setFont(f);
    const int h = p.fontMetrics().height() + 2;
    const int w = qMax(h, p.fontMetrics().horizontalAdvance(text) + 10);
    const QRect badge(rect.right() - w, rect.center().y() - h / 2, w, h);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawRoundedRect(badge, h / 2.0, h / 2.0);
    p.setPen(Qt::white);
    p.drawText(badge, Qt::AlignCenter, text);
    p.restore();
    return w;
}

QString presenceText(Presence presence)
{
    switch (presence) {
    case Presence::Online: return QCoreApplication::translate("Presence", "Online");
    case Presence::Away: return QCoreApplication::translate("Presence", "Away");
    case Presence::DoNotDisturb: return QCoreApplication::translate("Presence", "Do not disturb");
    default: return QCoreApplication::translate("Presence", "Offline");
    }
}

} // namespace natter::ui
