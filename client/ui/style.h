#pragma once
// Small drawing helpers shared by the delegates: avatar circles, name colours, badges.

#include "protocol/liverequests.h"

#include <QColor>
#include <QRect>
#include <QString>

class QPainter;

namespace natter::ui {

/// A stable, readable colour for a name.
QColor colorForName(const QString &name);
/// A filled circle with the name's initial.
void drawAvatar(QPainter &p, const QRect &rect, const QString &name);
/// A small presence dot (green online, amber away, red do-not-disturb, grey offline).
void drawPresence(QPainter &p, const QPoint &centre, Presence presence);
/// A rounded count badge right-aligned in `rect`; returns its width.
int drawBadge(QPainter &p, const QRect &rect, int count, const QColor &colour);
QString presenceText(Presence presence);

} // namespace natter::ui
