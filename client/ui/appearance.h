#pragma once
// The application's look: light, dark or the system's colours, and the font size, applied to
// the whole application at once.

#include <QObject>
#include <QPalette>
#include <QString>

class QApplication;

namespace natter::ui {

enum class Theme { System, Light, Dark };
QString themeName(Theme theme);              ///< "system", "light", "dark" (settings keys)
Theme themeFromName(const QString &name);    ///< unknown names follow the system

/// The light and dark palettes used when the user forces a theme (with the Fusion style, which
/// draws every widget from the palette).
QPalette lightPalette();
QPalette darkPalette();
/// Whether a palette is dark (its window colour darker than its text).
bool isDark(const QPalette &palette);

/// Applies a theme and a font size to the application. Owned by the application flow; not a
/// singleton. Qt 6.4 cannot force a colour scheme on the platform, so forced modes use Fusion
/// with lightPalette()/darkPalette(). "Follow system" restores the style the application
/// started with and an empty application palette, which Qt resolves against the platform
/// theme's palette and keeps up to date when the system switches between light and dark
/// (with Qt >= 6.5, QStyleHints::colorSchemeChanged is forwarded as well).
class Appearance : public QObject
{
    Q_OBJECT
public:
    explicit Appearance(QApplication &app, QObject *parent = nullptr);

    /// `fontPercent` (bounded to minFontPercent..maxFontPercent) scales the system's font.
    void apply(Theme theme, int fontPercent);
    Theme theme() const { return m_theme; }

    static constexpr int minFontPercent = 80;
    static constexpr int maxFontPercent = 150;

signals:
    /// The colours in use changed (a new theme, or the system switched while followed).
    void paletteChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QApplication &m_app;
    QString m_systemStyle;
    Theme m_theme = Theme::System;
};

} // namespace natter::ui
