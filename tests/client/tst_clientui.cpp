// The real windows, offscreen, against a real natterd in-process: log in through the dialog,
// see the conversation, open it, send with Enter, receive, attachments (thumbnail and chip
// rows, save), and the friends panel.
#include "../support/testserver.h"
#include "../support/testuser.h"
#include "core/clientcontroller.h"
#include "ui/application.h"
#include "ui/appearance.h"
#include "ui/settingsdialog.h"
#include "ui/attachmentstrip.h"
#include "ui/messagedelegate.h"
#include "ui/chatview.h"
#include "ui/logindialog.h"
#include "ui/mainwindow.h"
#include "ui/roommenu.h"
#include "ui/searchpanel.h"
#include "ui/translations.h"

#include <QTimer>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QListWidget>
#include <QSpinBox>
#include <QToolButton>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QPushButton>
#include <QScrollBar>
#include <QStandardPaths>
#include <QStringListModel>
#include <QTabBar>
#include <QTabWidget>
#include <QTranslator>
#include <QtTest>

using namespace natter;
using namespace natter::test;

class TestClientUi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void loginOpenRoomSendAndReceive();
    void wrongPasswordIsShownInTheDialog();
    void scrollingToTheTopLoadsOlderAndKeepsThePlace();
    void editAndReplyThroughTheContextMenu();
    void attachmentsAreSentAndShownAsThumbnailAndChip();
    void searchAndJumpToAnOldMessage();
    void friendRequestAppearsAndCanBeAccepted();
    void germanAndFrenchTranslationsLoad();
    void unknownCertificateIsAskedAboutThenPinned();
    void settingsDialogAppliesAppearanceAtOnce();
    void muteFromTheChatHeaderMenu();
    void rightClickOnlyOpensTheMenu();

private:
    std::unique_ptr<ui::Application> start();
    void logIn(ui::Application &app, const QString &name, const QString &password);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestUser> bob;
    RoomId m_room;
};

void TestClientUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestClientUi::init()
{
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    TestUser alice(m_server->url());
    bob = std::make_unique<TestUser>(m_server->url());
    QVERIFY(alice.signup(QStringLiteral("alice")).ok());
    QVERIFY(bob->signup(QStringLiteral("bob")).ok());
    m_room = makeFriends(alice, *bob);
    QVERIFY(bob->send(m_room, QStringLiteral("hello from bob")).ok());
}

void TestClientUi::cleanup()
{
    bob.reset();
    m_server.reset();
}

std::unique_ptr<ui::Application> TestClientUi::start()
{
    ui::AppSettings settings;
    settings.server = QStringLiteral("ws://127.0.0.1:%1").arg(m_server->port()); // plain test server
    settings.lanDiscovery = false; // tests stay on loopback
    auto app = std::make_unique<ui::Application>(settings);
    app->controller().session().setReconnectDelays(20, 200);
    app->start();
    return app;
}

void TestClientUi::logIn(ui::Application &app, const QString &name, const QString &password)
{
    ui::LoginDialog *dialog = app.loginDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    dialog->usernameEdit()->clear();
    QTest::keyClicks(dialog->usernameEdit(), name);
    QTest::keyClicks(dialog->passwordEdit(), password);
    QTest::mouseClick(dialog->loginButton(), Qt::LeftButton);
}

void TestClientUi::loginOpenRoomSendAndReceive()
{
    auto app = start();
    logIn(*app, QStringLiteral("alice"), TestUser::defaultPassword());
    QTRY_VERIFY(app->mainWindow());
    ui::MainWindow *window = app->mainWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QTRY_COMPARE(window->connectionLabel()->text(), QStringLiteral("Connected"));
    QTabBar *tabs = window->sideTabs()->tabBar(); // every side tab fits at the default size
    QVERIFY(tabs->tabRect(tabs->count() - 1).right() < tabs->width());
    QVERIFY(tabs->tabRect(0).left() >= 0);
    QListView *list = window->conversationList();
    QTRY_COMPARE(list->model()->rowCount(), 1);
    QCOMPARE(list->model()->index(0, 0).data().toString(), QStringLiteral("bob"));

    list->setCurrentIndex(list->model()->index(0, 0)); // open the conversation
    QCOMPARE(window->currentRoom(), m_room);
    QListView *timeline = window->chatView()->timelineView();
    QTRY_COMPARE(timeline->model()->rowCount(), 1);
    QCOMPARE(timeline->model()->index(0, 0).data().toString(), QStringLiteral("hello from bob"));

    ui::ComposerEdit *composer = window->chatView()->composer();
    const int before = bob->messages.size();
    QTest::keyClicks(composer, QStringLiteral("hi bob, from the window"));
    QTest::keyClick(composer, Qt::Key_Return);
    QCOMPARE(composer->toPlainText(), QString());
    QCOMPARE(timeline->model()->rowCount(), 2); // the local echo is there at once
    QVERIFY(bob->waitMessages(before + 1));
    QCOMPARE(bob->messages.last().body, QStringLiteral("hi bob, from the window"));

    QVERIFY(bob->send(m_room, QStringLiteral("got it")).ok());
    QTRY_COMPARE(timeline->model()->rowCount(), 3);
    QCOMPARE(timeline->model()->index(2, 0).data().toString(), QStringLiteral("got it"));
}

void TestClientUi::scrollingToTheTopLoadsOlderAndKeepsThePlace()
{
    for (int i = 2; i <= 130; ++i)
        QVERIFY(bob->send(m_room, QStringLiteral("line %1").arg(i)).ok());
    auto app = start();
    logIn(*app, QStringLiteral("alice"), TestUser::defaultPassword());
    QTRY_VERIFY(app->mainWindow());
    ui::MainWindow *window = app->mainWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QTRY_COMPARE(window->connectionLabel()->text(), QStringLiteral("Connected"));
    window->openRoom(m_room);
    QListView *timeline = window->chatView()->timelineView();
    QTRY_COMPARE(timeline->model()->rowCount(), 50); // one page, not the whole history
    QScrollBar *bar = timeline->verticalScrollBar();
    QTRY_VERIFY(bar->value() == bar->maximum() && bar->maximum() > 0); // at the newest entry
    QTest::qWait(100);
    QCOMPARE(timeline->model()->rowCount(), 50); // sitting at the bottom fetches nothing more

    bar->setValue(bar->minimum()); // the user scrolls to the top
    QTRY_COMPARE(timeline->model()->rowCount(), 100);
    QTRY_VERIFY(bar->value() > bar->minimum()); // still looking at what was the first entry
    const QModelIndex top = timeline->indexAt(QPoint(5, 5));
    QVERIFY(top.isValid());
    QVERIFY(top.row() >= 45); // the rows loaded above did not push the view

    bar->setValue(bar->minimum());
    QTRY_COMPARE(timeline->model()->rowCount(), 130);
    QCOMPARE(timeline->model()->index(0, 0).data().toString(), QStringLiteral("hello from bob"));
}

void TestClientUi::attachmentsAreSentAndShownAsThumbnailAndChip()
{
    QTemporaryDir files;
    QImage picture(400, 300, QImage::Format_RGB32);
    picture.fill(QColor(220, 30, 30));
    const QString png = files.filePath(QStringLiteral("sunset.png"));
    QVERIFY(picture.save(png));
    const QString txt = files.filePath(QStringLiteral("notes.txt"));
    const QByteArray notes("buy milk\n");
    {
        QFile f(txt);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(notes);
    }
    auto app = start();
    logIn(*app, QStringLiteral("alice"), TestUser::defaultPassword());
    QTRY_VERIFY(app->mainWindow());
    ui::MainWindow *window = app->mainWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QTRY_COMPARE(window->connectionLabel()->text(), QStringLiteral("Connected"));
    window->openRoom(m_room);
    ui::ChatView *chat = window->chatView();
    QListView *timeline = chat->timelineView();
    QTRY_COMPARE(timeline->model()->rowCount(), 1);
    auto *send = chat->findChild<QPushButton *>(QStringLiteral("sendButton"));
    QVERIFY(send);
    QVERIFY(!send->isEnabled()); // nothing to send yet

    chat->attachFiles({png, txt});
    QCOMPARE(chat->attachments()->count(), 2);
    QVERIFY(chat->attachments()->isVisible());
    QTRY_VERIFY(chat->attachments()->ready());
    QVERIFY(send->isEnabled()); // files alone can be sent
    const int before = bob->messages.size();
    QTest::mouseClick(send, Qt::LeftButton);
    QCOMPARE(chat->attachments()->count(), 0);
    QVERIFY(bob->waitMessages(before + 1));
    const Message &got = bob->messages.last();
    QCOMPARE(got.attachments.size(), 2);
    QCOMPARE(got.attachments.at(0).name, QStringLiteral("sunset.png"));
    QCOMPARE(got.attachments.at(0).width, 400);
    QVERIFY(got.attachments.at(0).thumbnail);
    QCOMPARE(got.attachments.at(1).name, QStringLiteral("notes.txt"));
    QCOMPARE(got.attachments.at(1).size, qint64(notes.size()));

    const QModelIndex row = timeline->model()->index(1, 0);
    QTRY_COMPARE(row.data(client::TimelineModel::DeliveryRole).toInt(),
                 int(client::TimelineModel::Delivery::Sent));
    auto *delegate = qobject_cast<ui::MessageDelegate *>(timeline->itemDelegate());
    QVERIFY(delegate);
    timeline->scrollToBottom();
    QStyleOptionViewItem option;
    option.initFrom(timeline);
    option.rect = timeline->visualRect(row);
    const QList<QRect> rects = delegate->attachmentRects(option, row);
    QCOMPARE(rects.size(), 2);
    QCOMPARE(rects.at(0).size(), QSize(240, 180)); // the image, scaled to fit
    QCOMPARE(rects.at(1).height(), option.fontMetrics.height() * 2 + 10); // the file chip
    QVERIFY(option.rect.contains(rects.at(1)));

    // Painting asks for the thumbnail; once fetched (and cached on disk) it is drawn.
    const Attachment image = row.data(client::TimelineModel::AttachmentsRole)
                                 .value<QList<Attachment>>().at(0);
    timeline->viewport()->grab();
    const QString cached = app->controller().cachedThumbnail(image);
    QVERIFY(!cached.isEmpty());
    QTRY_VERIFY(QFileInfo::exists(cached));
    QTRY_VERIFY([&] {
        const QColor c = timeline->viewport()->grab().toImage().pixelColor(rects.at(0).center());
        return c.red() > 180 && c.green() < 80 && c.blue() < 80;
    }());

    // The context menu offers to open and save each file; saving checks and writes the bytes.
    QMenu menu;
    chat->fillContextMenu(menu, row);
    QStringList texts;
    for (QAction *a : menu.actions())
        texts << a->text();
    QVERIFY(texts.contains(QStringLiteral("Save notes.txt as…")));
    QVERIFY(texts.contains(QStringLiteral("Open sunset.png")));
    const QString saved = files.filePath(QStringLiteral("saved.txt"));
    chat->downloadAttachment(row, 1, saved, false);
    auto *status = chat->findChild<QLabel *>(QStringLiteral("transferStatus"));
    QVERIFY(status);
    QTRY_VERIFY(status->text().startsWith(QStringLiteral("Saved notes.txt")));
    QFile copy(saved);
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), notes);
}

void TestClientUi::editAndReplyThroughTheContextMenu()
{
    auto app = start();
    logIn(*app, QStringLiteral("alice"), TestUser::defaultPassword());
    QTRY_VERIFY(app->mainWindow());
    ui::MainWindow *window = app->mainWindow();
    QTRY_COMPARE(window->connectionLabel()->text(), QStringLiteral("Connected"));
    window->openRoom(m_room);
    ui::ChatView *chat = window->chatView();
    QListView *timeline = chat->timelineView();
    QTRY_COMPARE(timeline->model()->rowCount(), 1);
    auto action = [&](int row, const QString &text) -> QAction * {
        auto *menu = new QMenu(chat);
        chat->fillContextMenu(*menu, timeline->model()->index(row, 0));
        for (QAction *a : menu->actions())
            if (a->text() == text)
                return a;
        return nullptr;
    };
    QVERIFY(!action(0, QStringLiteral("Edit"))); // bob's message: reply, not edit
    QAction *reply = action(0, QStringLiteral("Reply"));
    QVERIFY(reply);
    reply->trigger();
    const int before = bob->messages.size();
    QTest::keyClicks(chat->composer(), QStringLiteral("hello yourself"));
    QTest::keyClick(chat->composer(), Qt::Key_Return);
    QVERIFY(bob->waitMessages(before + 1));
    QCOMPARE(bob->messages.last().reply->body, QStringLiteral("hello from bob"));
    QTRY_COMPARE(timeline->model()->index(1, 0).data(client::TimelineModel::DeliveryRole).toInt(),
                 int(client::TimelineModel::Delivery::Sent));

    QAction *edit = action(1, QStringLiteral("Edit"));
    QVERIFY(edit);
    edit->trigger();
    QCOMPARE(chat->composer()->toPlainText(), QStringLiteral("hello yourself"));
    chat->composer()->selectAll();
    QTest::keyClicks(chat->composer(), QStringLiteral("hello again"));
    QTest::keyClick(chat->composer(), Qt::Key_Return);
    QTRY_COMPARE(timeline->model()->index(1, 0).data().toString(), QStringLiteral("hello again"));
    QVERIFY(timeline->model()->index(1, 0).data(client::TimelineModel::EditedRole).toBool());
    QCOMPARE(timeline->model()->rowCount(), 2);
    QVERIFY(bob->waitMessages(before + 2));
    QVERIFY(action(1, QStringLiteral("Show edit history")));
}

void TestClientUi::searchAndJumpToAnOldMessage()
{
    QVERIFY(bob->send(m_room, QStringLiteral("the haystack has a golden needle")).ok());
    for (int i = 0; i < 120; ++i)
        QVERIFY(bob->send(m_room, QStringLiteral("filler %1").arg(i)).ok());
    auto app = start();
    logIn(*app, QStringLiteral("alice"), TestUser::defaultPassword());
    QTRY_VERIFY(app->mainWindow());
    ui::MainWindow *window = app->mainWindow();
    QTRY_COMPARE(window->connectionLabel()->text(), QStringLiteral("Connected"));
    ui::SearchPanel *search = window->searchPanel();
    window->sideTabs()->setCurrentWidget(search);
    QTest::keyClicks(search->queryEdit(), QStringLiteral("golden needle"));
    QListView *results = search->results();
    // The server indexes new messages shortly after their commit: search again until it has.
    QVERIFY(QTest::qWaitFor([&] {
        QTest::keyClick(search->queryEdit(), Qt::Key_Return);
        return QTest::qWaitFor([&] { return results->model()->rowCount() > 0; }, 300);
    }, 10000));
    QCOMPARE(results->model()->rowCount(), 1);
    const QModelIndex hit = results->model()->index(0, 0);
    QVERIFY(hit.data().toString().contains(QStringLiteral("needle")));
    QCOMPARE(hit.data(client::SearchModel::SeqRole).toLongLong(), 2);

    emit results->activated(hit); // what a double-click or Enter does
    QCOMPARE(window->currentRoom(), m_room);
    QListView *timeline = window->chatView()->timelineView();
    QTRY_VERIFY(timeline->currentIndex().isValid());
    QCOMPARE(timeline->currentIndex().data(client::TimelineModel::SeqRole).toLongLong(), 2);
    QCOMPARE(timeline->currentIndex().data().toString(), QStringLiteral("the haystack has a golden needle"));
    QVERIFY(timeline->model()->rowCount() >= 121); // older pages were loaded to get there
}

void TestClientUi::wrongPasswordIsShownInTheDialog()
{
    auto app = start();
    logIn(*app, QStringLiteral("alice"), QStringLiteral("not-the-password"));
    ui::LoginDialog *dialog = app->loginDialog();
    QTRY_VERIFY(dialog->loginButton()->isEnabled());
    QVERIFY(!dialog->statusLabel()->text().isEmpty());
    QVERIFY(!app->mainWindow());
    QVERIFY(dialog->isVisible());
}

void TestClientUi::friendRequestAppearsAndCanBeAccepted()
{
    TestUser carol(m_server->url());
    QVERIFY(carol.signup(QStringLiteral("carol")).ok());
    auto app = start();
    logIn(*app, QStringLiteral("alice"), TestUser::defaultPassword());
    QTRY_VERIFY(app->mainWindow());
    ui::MainWindow *window = app->mainWindow();
    QTRY_COMPARE(window->connectionLabel()->text(), QStringLiteral("Connected"));
    FriendRequestRequest ask;
    ask.userId = app->controller().me().id;
    QVERIFY(carol.call(ask).ok());
    QTRY_COMPARE(window->sideTabs()->tabText(1), QStringLiteral("Friends (1)"));
    window->sideTabs()->setCurrentIndex(1);
    auto *friends = window->sideTabs()->currentWidget()->findChild<QListView *>(QStringLiteral("friendsList"));
    QVERIFY(friends);
    friends->setCurrentIndex(friends->model()->index(0, 0));
    QCOMPARE(friends->currentIndex().data().toString(), QStringLiteral("carol"));
    QPushButton *accept = nullptr;
    for (QPushButton *b : window->sideTabs()->currentWidget()->findChildren<QPushButton *>())
        if (b->text() == QStringLiteral("Accept") && b->isVisible())
            accept = b;
    QVERIFY(accept);
    QTest::mouseClick(accept, Qt::LeftButton);
    QTRY_COMPARE(window->conversationList()->model()->rowCount(), 2); // the new direct room
    QTRY_COMPARE(window->sideTabs()->tabText(1), QStringLiteral("Friends"));
}

void TestClientUi::germanAndFrenchTranslationsLoad()
{
    QCOMPARE(ui::installTranslations(*qApp, QStringLiteral("de")), QStringLiteral("de"));
    {
        client::ClientController controller;
        ui::AppSettings settings;
        ui::MainWindow window(controller, settings);
        QCOMPARE(window.sideTabs()->tabText(1), QStringLiteral("Freunde"));
        QCOMPARE(window.connectionLabel()->text(), QStringLiteral("Offline"));
    }
    QCOMPARE(QCoreApplication::translate("Timeline", "%1 joined"), QStringLiteral("%1 ist beigetreten"));
    for (QTranslator *t : qApp->findChildren<QTranslator *>())
        QCoreApplication::removeTranslator(t);
    QCOMPARE(ui::installTranslations(*qApp, QStringLiteral("fr")), QStringLiteral("fr"));
    QCOMPARE(QCoreApplication::translate("natter::ui::ConnectionStatus", "Connected"), QStringLiteral("Connecté"));
    for (QTranslator *t : qApp->findChildren<QTranslator *>())
        QCoreApplication::removeTranslator(t);
    QCOMPARE(ui::installTranslations(*qApp, QStringLiteral("sv")), QStringLiteral("en")); // not shipped
    // English has its plural forms.
    QCOMPARE(ui::installTranslations(*qApp, QStringLiteral("en")), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("natter::ui::SearchPanel", "%n result(s)", nullptr, 1),
             QStringLiteral("1 result"));
    QCOMPARE(QCoreApplication::translate("natter::ui::SearchPanel", "%n result(s)", nullptr, 3),
             QStringLiteral("3 results"));
    QCOMPARE(QCoreApplication::translate("natter::ui::ConnectionStatus", "Connected"), QStringLiteral("Connected"));
    for (QTranslator *t : qApp->findChildren<QTranslator *>())
        QCoreApplication::removeTranslator(t);
}

void TestClientUi::unknownCertificateIsAskedAboutThenPinned()
{
    TestServer tlsServer([](server::ServerConfig &c) { c.tls = true; });
    QVERIFY2(tlsServer.start(), qPrintable(tlsServer.error()));
    const QString fingerprint = tlsServer.server().tlsFingerprint();
    ui::AppSettings settings;
    settings.server = tlsServer.url().toString();
    settings.lanDiscovery = false;
    auto app = std::make_unique<ui::Application>(settings);
    app->controller().session().setReconnectDelays(20, 200);
    app->start();
    ui::LoginDialog *dialog = app->loginDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));

    // The question is modal: answer it from a timer, after checking it shows the fingerprint.
    QString asked;
    QTimer answer;
    answer.setInterval(20);
    connect(&answer, &QTimer::timeout, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        asked = box->text();
        answer.stop();
        box->button(QMessageBox::Yes)->click();
    });
    answer.start();
    dialog->usernameEdit()->clear();
    QTest::keyClicks(dialog->usernameEdit(), QStringLiteral("dora"));
    QTest::keyClicks(dialog->passwordEdit(), TestUser::defaultPassword());
    QTest::mouseClick(dialog->signupButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!asked.isEmpty(), 10000);
    QVERIFY2(asked.contains(fingerprint), qPrintable(asked));
    QTRY_VERIFY_WITH_TIMEOUT(app->mainWindow(), 10000); // accepted: the retry went through
    QCOMPARE(app->controller().trustedServers().check(tlsServer.url(), fingerprint),
             client::TrustedServers::Verdict::Trusted);
}

void TestClientUi::settingsDialogAppliesAppearanceAtOnce()
{
    auto app = start();
    logIn(*app, QStringLiteral("alice"), TestUser::defaultPassword());
    QTRY_VERIFY(app->mainWindow());
    ui::MainWindow *window = app->mainWindow();
    QVERIFY(!ui::isDark(QApplication::palette()));
    QAction *settingsAction = nullptr;
    for (QAction *a : window->findChildren<QAction *>())
        if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_Comma))
            settingsAction = a;
    QVERIFY(settingsAction);
    // The dialog is modal: fill it in from a timer.
    bool answered = false;
    QTimer answer;
    answer.setInterval(20);
    connect(&answer, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<ui::SettingsDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        answer.stop();
        QVERIFY(dialog->currentServerLabel()->text().contains(QString::number(m_server->port())));
        QCOMPARE(dialog->serverList()->count(), 1); // the server just logged in to
        dialog->themeBox()->setCurrentIndex(dialog->themeBox()->findData(QStringLiteral("dark")));
        dialog->fontSizeBox()->setValue(130);
        answered = true;
        dialog->accept();
    });
    answer.start();
    const qreal system = QFontDatabase::systemFont(QFontDatabase::GeneralFont).pointSizeF();
    settingsAction->trigger();
    QVERIFY(answered);
    QVERIFY(ui::isDark(QApplication::palette()));
    QTRY_VERIFY(ui::isDark(window->conversationList()->palette())); // the change events are posted
    QCOMPARE(QApplication::font().pointSizeF(), system * 1.3);
    QTRY_VERIFY(qFuzzyCompare(window->conversationList()->font().pointSizeF(), system * 1.3));
    auto *title = window->chatView()->findChild<QLabel *>(QStringLiteral("chatTitle"));
    QVERIFY(title);
    QTRY_VERIFY(qFuzzyCompare(title->font().pointSizeF(), system * 1.3 * 1.25)); // the header grows along
    QSettings qs;
    QCOMPARE(ui::AppSettings::load(qs).theme, QStringLiteral("dark"));
    QCOMPARE(ui::AppSettings::load(qs).fontPercent, 130);
    (void)window->grab(); // every delegate paints with the dark palette
    app->appearance().apply(ui::Theme::System, 100);
    ui::AppSettings().save(qs);
}

void TestClientUi::muteFromTheChatHeaderMenu()
{
    auto app = start();
    logIn(*app, QStringLiteral("alice"), TestUser::defaultPassword());
    QTRY_VERIFY(app->mainWindow());
    ui::MainWindow *window = app->mainWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QTRY_COMPARE(window->conversationList()->model()->rowCount(), 1);
    window->openRoom(m_room);
    auto muteAction = [&]() -> QAction * {
        QMenu *menu = window->chatView()->roomMenuButton()->menu();
        emit menu->aboutToShow();
        return menu->findChild<QAction *>(QStringLiteral("muteAction"));
    };
    QAction *mute = muteAction();
    QVERIFY(mute);
    QCOMPARE(mute->text().remove(QLatin1Char('&')), QStringLiteral("Mute"));
    QLabel *mark = window->chatView()->mutedMark();
    QVERIFY(!mark->isVisibleTo(window));
    mute->trigger();
    client::ConversationListModel *list = app->controller().conversations();
    QTRY_VERIFY(list->index(0).data(client::ConversationListModel::MutedRole).toBool());
    QVERIFY(mark->isVisibleTo(window)); // the header says so too
    QVERIFY(!mark->pixmap().isNull());
    (void)window->conversationList()->grab(); // the muted row paints (glyph, grey badge)
    QCOMPARE(muteAction()->text().remove(QLatin1Char('&')), QStringLiteral("Unmute"));
    // Stored on the server: another device sees it and unmutes; this window follows.
    TestUser phone(m_server->url());
    QVERIFY(phone.login(QStringLiteral("alice")).ok());
    const auto rooms = phone.call(RoomListRequest{});
    QVERIFY(rooms.ok());
    QVERIFY(rooms.value->rooms.first().muted);
    QVERIFY(phone.call(SetMutedRequest{m_room, false}).ok());
    QTRY_VERIFY(!list->index(0).data(client::ConversationListModel::MutedRole).toBool());
    QCOMPARE(muteAction()->text().remove(QLatin1Char('&')), QStringLiteral("Mute"));
    QVERIFY(!mark->isVisibleTo(window));
}

void TestClientUi::rightClickOnlyOpensTheMenu()
{
    QStringListModel model({QStringLiteral("one"), QStringLiteral("two")});
    QListView view;
    view.setModel(&model);
    view.setContextMenuPolicy(Qt::CustomContextMenu);
    ui::keepCurrentOnRightClick(&view);
    QSignalSpy menu(&view, &QWidget::customContextMenuRequested);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setCurrentIndex(model.index(0));
    const QPoint second = view.visualRect(model.index(1)).center();
    // Through the window, as a real click: that is where Qt makes the context menu event.
    QTest::mouseClick(view.windowHandle(), Qt::RightButton, {}, view.viewport()->mapTo(&view, second));
    QTRY_COMPARE(menu.count(), 1);
    QCOMPARE(view.currentIndex().row(), 0); // the row under the mouse did not become current
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, second);
    QCOMPARE(view.currentIndex().row(), 1); // left clicks still select
}

QTEST_MAIN(TestClientUi)
#include "tst_clientui.moc"
