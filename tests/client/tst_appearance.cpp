// Appearance and the Settings dialog, offscreen: forced light/dark themes change the application
// palette (and existing widgets follow), the font size scales the application font and
// persists, and the dialog round-trips every setting and edits the remembered servers.
#include "core/models/conversationlistmodel.h"
#include "core/trustedservers.h"
#include "core/userdirectory.h"
#include "ui/conversationdelegate.h"
#include "ui/appearance.h"
#include "ui/settings.h"
#include "ui/settingsdialog.h"
#include "ui/style.h"

#include <QApplication>
#include <QComboBox>
#include <QFontDatabase>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStyle>
#include <QTemporaryDir>
#include <QtTest>

using namespace natter;

class TestAppearance : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void themeSwitchChangesTheApplicationPalette();
    void fontSizeChangesTheApplicationFontAndPersists();
    void settingsDialogRoundTripsAndEditsServers();
    void mutedRowsDrawAGreyBadgeInBothThemes();
};

void TestAppearance::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NatterTest"));
}

void TestAppearance::themeSwitchChangesTheApplicationPalette()
{
    ui::Appearance appearance(*qApp);
    QSignalSpy changed(&appearance, &ui::Appearance::paletteChanged);
    appearance.apply(ui::Theme::Dark, 100);
    QVERIFY(ui::isDark(QApplication::palette()));
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    QVERIFY(QApplication::palette().color(QPalette::Text).lightness() > 180);
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    QCOMPARE(appearance.theme(), ui::Theme::Dark);
    QCOMPARE(changed.count(), 1);
    // Widgets created now draw with it too.
    QLabel label;
    QVERIFY(ui::isDark(label.palette()));

    appearance.apply(ui::Theme::Light, 100);
    QVERIFY(!ui::isDark(QApplication::palette()));
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 200);
    QVERIFY(QApplication::palette().color(QPalette::Text).lightness() < 60);
    QTRY_VERIFY(!ui::isDark(label.palette())); // an existing widget follows (posted events)
    QCOMPARE(changed.count(), 2);

    appearance.apply(ui::Theme::Dark, 100);
    QTRY_VERIFY(ui::isDark(label.palette()));
    // Following the system drops the forced palette (the offscreen platform is light).
    appearance.apply(ui::Theme::System, 100);
    QVERIFY(!ui::isDark(QApplication::palette()));
    QCOMPARE(ui::themeFromName(ui::themeName(ui::Theme::Dark)), ui::Theme::Dark);
    QCOMPARE(ui::themeFromName(QStringLiteral("sepia")), ui::Theme::System);
}

void TestAppearance::fontSizeChangesTheApplicationFontAndPersists()
{
    const qreal system = QFontDatabase::systemFont(QFontDatabase::GeneralFont).pointSizeF();
    QVERIFY(system > 0);
    ui::Appearance appearance(*qApp);
    {
        QSettings qs;
        ui::AppSettings settings = ui::AppSettings::load(qs);
        settings.fontPercent = 150;
        settings.theme = QStringLiteral("dark");
        settings.save(qs);
    }
    QSettings qs;
    const ui::AppSettings loaded = ui::AppSettings::load(qs); // a new load sees it
    QCOMPARE(loaded.fontPercent, 150);
    QCOMPARE(loaded.theme, QStringLiteral("dark"));
    appearance.apply(ui::themeFromName(loaded.theme), loaded.fontPercent);
    QCOMPARE(QApplication::font().pointSizeF(), system * 1.5);
    QLabel label;
    QCOMPARE(label.font().pointSizeF(), system * 1.5);
    appearance.apply(ui::Theme::System, 80);
    QCOMPARE(QApplication::font().pointSizeF(), system * 0.8);
    appearance.apply(ui::Theme::System, 400); // bounded
    QCOMPARE(QApplication::font().pointSizeF(), system * 1.5);
    qs.setValue(QStringLiteral("appearance/fontPercent"), 5);
    QCOMPARE(ui::AppSettings::load(qs).fontPercent, 80);
    appearance.apply(ui::Theme::System, 100);
    ui::AppSettings defaults;
    defaults.save(qs);
}

void TestAppearance::settingsDialogRoundTripsAndEditsServers()
{
    QTemporaryDir dir;
    client::TrustedServers trusted(dir.filePath(QStringLiteral("trusted.ini")));
    const QString pin = QStringLiteral("AB:CD:EF");
    trusted.accept(QUrl(QStringLiteral("wss://old.lan:7447")), pin);
    trusted.accept(QUrl(QStringLiteral("wss://here.lan:7447")), pin);
    ui::AppSettings settings;
    settings.server = QStringLiteral("wss://here.lan:7447");
    settings.theme = QStringLiteral("dark");
    settings.fontPercent = 120;
    settings.recentServers = {settings.server, QStringLiteral("wss://old.lan:7447"), QStringLiteral("lan-box:7447")};
    ui::SettingsDialog dialog(settings, nullptr, &trusted);
    QCOMPARE(dialog.themeBox()->currentData().toString(), QStringLiteral("dark"));
    QCOMPARE(dialog.fontSizeBox()->value(), 120);
    QVERIFY(dialog.currentServerLabel()->text().contains(QStringLiteral("here.lan")));
    QVERIFY(dialog.currentServerLabel()->text().contains(pin)); // the pinned fingerprint
    QCOMPARE(dialog.serverList()->count(), 3);
    QVERIFY(dialog.serverList()->item(1)->toolTip().contains(pin));
    // Unchanged, the result is what came in.
    const ui::AppSettings same = dialog.result();
    QCOMPARE(same.theme, settings.theme);
    QCOMPARE(same.fontPercent, settings.fontPercent);
    QCOMPARE(same.recentServers, settings.recentServers);

    dialog.themeBox()->setCurrentIndex(dialog.themeBox()->findData(QStringLiteral("light")));
    dialog.fontSizeBox()->setValue(90);
    dialog.serverList()->setCurrentRow(1);
    auto *remove = dialog.findChild<QPushButton *>(QStringLiteral("removeServer"));
    QVERIFY(remove);
    QVERIFY(remove->isEnabled());
    remove->click();
    dialog.accept();
    const ui::AppSettings edited = dialog.result();
    QCOMPARE(edited.theme, QStringLiteral("light"));
    QCOMPARE(edited.fontPercent, 90);
    QCOMPARE(edited.recentServers, (QStringList{settings.server, QStringLiteral("lan-box:7447")}));
    QVERIFY(trusted.pinned(QUrl(QStringLiteral("wss://old.lan:7447"))).isEmpty()); // forgotten
    QCOMPARE(trusted.pinned(QUrl(QStringLiteral("wss://here.lan:7447"))), pin);    // kept
    // Round trip through QSettings.
    QSettings qs;
    edited.save(qs);
    const ui::AppSettings back = ui::AppSettings::load(qs);
    QCOMPARE(back.theme, edited.theme);
    QCOMPARE(back.fontPercent, edited.fontPercent);
    QCOMPARE(back.recentServers, edited.recentServers);
    ui::AppSettings().save(qs);
    // rememberServer keeps one entry per address, newest first.
    ui::AppSettings recent;
    recent.rememberServer(QStringLiteral("a:1"));
    recent.rememberServer(QStringLiteral("b:1"));
    recent.rememberServer(QStringLiteral("a:1"));
    QCOMPARE(recent.recentServers, (QStringList{QStringLiteral("a:1"), QStringLiteral("b:1")}));
}

namespace {
/// How many pixels of `image` have exactly the colour `c`.
int pixelsOf(const QImage &image, const QColor &c)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += image.pixelColor(x, y).rgb() == c.rgb();
    return n;
}
} // namespace

void TestAppearance::mutedRowsDrawAGreyBadgeInBothThemes()
{
    client::UserDirectory users;
    client::ConversationListModel model(users);
    Room room;
    room.id = RoomId(4);
    room.members = {User{UserId(1), QStringLiteral("alice")}, User{UserId(2), QStringLiteral("bob")}};
    room.readSeq = 0;
    room.unreadCount = 3;
    room.muted = true;
    model.setOwnUser(UserId(1));
    model.setRooms({room});
    QListView view;
    view.setModel(&model);
    view.setItemDelegate(new ui::ConversationDelegate(&view));
    view.resize(320, 120);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    ui::Appearance appearance(*qApp);
    for (ui::Theme theme : {ui::Theme::Light, ui::Theme::Dark}) {
        appearance.apply(theme, 100);
        QTRY_COMPARE(ui::isDark(view.palette()), theme == ui::Theme::Dark);
        const QColor grey = ui::badgeColour(ui::BadgeKind::Muted, view.palette());
        const QColor accent = ui::badgeColour(ui::BadgeKind::Unread, view.palette());
        QVERIFY(grey.rgb() != accent.rgb());
        model.setMuted(room.id, true);
        QImage muted = view.viewport()->grab().toImage();
        QVERIFY2(pixelsOf(muted, grey) > 20, qPrintable(ui::themeName(theme)));
        QCOMPARE(pixelsOf(muted, accent), 0);
        model.setMuted(room.id, false);
        QImage loud = view.viewport()->grab().toImage();
        QVERIFY(pixelsOf(loud, accent) > 20);
        QCOMPARE(pixelsOf(loud, grey), 0);
    }
    appearance.apply(ui::Theme::System, 100);
}

QTEST_MAIN(TestAppearance)
#include "tst_appearance.moc"
