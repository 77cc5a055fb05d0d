#include "ui/style.h"

#include <QCoreApplication>
#include <QPainter>

namespace natter::ui {

QColor colorForName(const QString &name)
{
    const uint hash = qHash(name.toLower());
    return QColor::fromHsl(int(hash % 360), 140, 110);
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
    p.setPen(QPen(Qt::white, 2));
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
