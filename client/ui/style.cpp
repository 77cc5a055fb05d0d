#include "ui/style.h"

#include "ui/appearance.h"

#include <QApplication>
#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
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
    // Drawn on its own transparent pixmap so the stroke can cut a gap through the bell.
    const qreal dpr = p.device() ? p.device()->devicePixelRatioF() : 1.0;
    QPixmap pixmap(rect.size() * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter g(&pixmap);
    g.setRenderHint(QPainter::Antialiasing);
    const qreal w = rect.width(), h = rect.height();
    QPainterPath bell; // dome, flared rim, clapper
    bell.moveTo(w * 0.22, h * 0.70);
    bell.cubicTo(w * 0.22, h * 0.05, w * 0.78, h * 0.05, w * 0.78, h * 0.70);
    bell.lineTo(w * 0.92, h * 0.80);
    bell.lineTo(w * 0.08, h * 0.80);
    bell.closeSubpath();
    bell.addEllipse(QPointF(w * 0.5, h * 0.88), w * 0.10, h * 0.09);
    g.setPen(Qt::NoPen);
    g.setBrush(colour);
    g.drawPath(bell);
    const QLineF slash(w * 0.12, h * 0.08, w * 0.88, h * 0.94);
    const qreal stroke = qMax(1.2, w / 10);
    g.setCompositionMode(QPainter::CompositionMode_Clear);
    g.setPen(QPen(Qt::black, stroke * 3, Qt::SolidLine, Qt::RoundCap));
    g.drawLine(slash);
    g.setCompositionMode(QPainter::CompositionMode_SourceOver);
    g.setPen(QPen(colour, stroke, Qt::SolidLine, Qt::RoundCap));
    g.drawLine(slash);
    g.end();
    p.drawPixmap(rect.topLeft(), pixmap);
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
