#include "ui/appearance.h"

#include <QApplication>
#include <QFontDatabase>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleHints>

namespace natter::ui {

QString themeName(Theme theme)
{
    switch (theme) {
    case Theme::Light: return QStringLiteral("light");
    case Theme::Dark: return QStringLiteral("dark");
    case Theme::System: break;
    }
    return QStringLiteral("system");
}

Theme themeFromName(const QString &name)
{
    if (name == QLatin1String("light"))
        return Theme::Light;
    if (name == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

QPalette lightPalette()
{
    QPalette p(QColor(0xef, 0xef, 0xef)); // Fusion's own light window colour
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf3, 0xf4, 0xf6));
    p.setColor(QPalette::Text, QColor(0x1b, 0x1b, 0x1b));
    p.setColor(QPalette::WindowText, QColor(0x1b, 0x1b, 0x1b));
    p.setColor(QPalette::ButtonText, QColor(0x1b, 0x1b, 0x1b));
    p.setColor(QPalette::PlaceholderText, QColor(0x6b, 0x6f, 0x76));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x1f, 0x5f, 0xc6));
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xdc));
    p.setColor(QPalette::ToolTipText, Qt::black);
    return p;
}

QPalette darkPalette()
{
    const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xe6, 0xe6, 0xe6);
    QPalette p;
    for (QPalette::ColorGroup g : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        const bool off = g == QPalette::Disabled;
        p.setColor(g, QPalette::Window, window);
        p.setColor(g, QPalette::WindowText, off ? QColor(0x80, 0x80, 0x80) : text);
        p.setColor(g, QPalette::Base, base);
        p.setColor(g, QPalette::AlternateBase, QColor(0x33, 0x36, 0x3b));
        p.setColor(g, QPalette::Text, off ? QColor(0x80, 0x80, 0x80) : text);
        p.setColor(g, QPalette::PlaceholderText, QColor(0x9a, 0x9e, 0xa6));
        p.setColor(g, QPalette::Button, QColor(0x35, 0x37, 0x3c));
        p.setColor(g, QPalette::ButtonText, off ? QColor(0x80, 0x80, 0x80) : text);
        p.setColor(g, QPalette::BrightText, Qt::red);
        p.setColor(g, QPalette::Light, QColor(0x4a, 0x4d, 0x53));
        p.setColor(g, QPalette::Midlight, QColor(0x3e, 0x41, 0x46));
        p.setColor(g, QPalette::Mid, QColor(0x5a, 0x5d, 0x63));
        p.setColor(g, QPalette::Dark, QColor(0x18, 0x19, 0x1b));
        p.setColor(g, QPalette::Shadow, Qt::black);
        p.setColor(g, QPalette::Highlight, off ? QColor(0x45, 0x48, 0x4e) : QColor(0x3d, 0x7b, 0xe0));
        p.setColor(g, QPalette::HighlightedText, Qt::white);
        p.setColor(g, QPalette::Link, QColor(0x7a, 0xb0, 0xff));
        p.setColor(g, QPalette::LinkVisited, QColor(0xb4, 0x9c, 0xf5));
        p.setColor(g, QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
        p.setColor(g, QPalette::ToolTipText, text);
    }
    return p;
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

Appearance::Appearance(QApplication &app, QObject *parent)
    : QObject(parent), m_app(app), m_systemStyle(QApplication::style()->name())
{
    app.installEventFilter(this);
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    connect(QGuiApplication::styleHints(), &QStyleHints::colorSchemeChanged, this, [this] {
        if (m_theme == Theme::System)
            emit paletteChanged();
    });
#endif
}

void Appearance::apply(Theme theme, int fontPercent)
{
    const Theme before = m_theme;
    m_theme = theme;
    const QString style = theme == Theme::System ? m_systemStyle : QStringLiteral("fusion");
    if (QApplication::style()->name().compare(style, Qt::CaseInsensitive) != 0)
        if (QStyle *s = QStyleFactory::create(style))
            QApplication::setStyle(s);
    if (theme == Theme::Dark)
        QApplication::setPalette(darkPalette());
    else if (theme == Theme::Light)
        QApplication::setPalette(lightPalette());
    else
        QApplication::setPalette(QPalette()); // nothing set: the platform's palette, followed

    QFont font = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    const int percent = qBound(minFontPercent, fontPercent, maxFontPercent);
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * percent / 100.0);
    else
        font.setPixelSize(qMax(6, font.pixelSize() * percent / 100));
    QApplication::setFont(font);
    if (before != theme || theme == Theme::System)
        emit paletteChanged();
}

bool Appearance::eventFilter(QObject *watched, QEvent *event)
{
    // The platform announces a new system palette (light/dark switch) to the application.
    if (watched == &m_app && event->type() == QEvent::ThemeChange && m_theme == Theme::System)
        emit paletteChanged();
    return QObject::eventFilter(watched, event);
}

} // namespace natter::ui
