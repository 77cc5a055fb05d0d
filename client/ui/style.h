#pragma once
// Small drawing helpers shared by the delegates: avatar circles, name colours, badges.

#include "protocol/liverequests.h"

#include <QColor>
#include <QRect>
#include <QString>

#include <optional>

class QPainter;
class QPalette;
class QStyleOptionViewItem;

namespace natter::ui {

/// A stable, readable colour for a name.
QColor colorForName(const QString &name);
/// The name's colour as text on `palette`'s base: lighter on dark themes, darker on light ones.
QColor nameTextColor(const QString &name, const QPalette &palette);
/// A filled circle with the name's initial.
void drawAvatar(QPainter &p, const QRect &rect, const QString &name);
/// The one painter of a list row with an avatar (conversations, people, search results): the
/// style's item background (selection, hover, focus) from `option` (already through
/// initStyleOption; its text is not drawn), then, when `avatarName` is set, an avatar as tall as
/// the row's content at its left with `presence` as a dot. `option.rect` shrunk by `margins`
/// is the content; returns the part of it left for text.
QRect drawListRow(QPainter &p, QStyleOptionViewItem option, const QMargins &margins,
                  const std::optional<QString> &avatarName = std::nullopt,
                  std::optional<Presence> presence = std::nullopt);
/// A small "muted" glyph (a bell struck through) in `rect`, in `colour`.
void drawMutedGlyph(QPainter &p, const QRect &rect, const QColor &colour);
/// Badge colours on `palette`: mentions red, unread the accent (Highlight), muted grey.
enum class BadgeKind { Unread, Mention, Muted };
QColor badgeColour(BadgeKind kind, const QPalette &palette);
/// The background of a message that mentions the user, readable on light and dark themes.
QColor mentionBackground(const QPalette &palette);
/// A small presence dot (green online, amber away, red do-not-disturb, grey offline).
void drawPresence(QPainter &p, const QPoint &centre, Presence presence);
/// A rounded count badge right-aligned in `rect`; returns its width.
int drawBadge(QPainter &p, const QRect &rect, int count, const QColor &colour);
QString presenceText(Presence presence);

} // namespace natter::ui
