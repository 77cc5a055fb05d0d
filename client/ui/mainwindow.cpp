#include "ui/mainwindow.h"

#include "core/clientcontroller.h"
#include "ui/chatview.h"
#include "ui/connectionstatus.h"
#include "ui/conversationdelegate.h"
#include "ui/dialogs.h"
#include "ui/persondelegate.h"
#include "ui/settingsdialog.h"
#include "ui/roommenu.h"
#include "ui/searchpanel.h"
#include "ui/sidepanels.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QVBoxLayout>

namespace natter::ui {

using client::ClientSession;
using client::ConversationListModel;
using client::MembersModel;

MainWindow::MainWindow(client::ClientController &controller, AppSettings &settings, QWidget *parent)
    : QMainWindow(parent), m_controller(controller), m_settings(settings)
{
    setWindowIcon(QIcon(QStringLiteral(":/icons/natter.svg")));
    m_chat = new ChatView(controller, this);
    m_chat->setEnterSends(settings.enterSends);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(buildSideBar());
    splitter->addWidget(m_chat);
    splitter->addWidget(buildMemberPanel());
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({380, 600, 190});
    setCentralWidget(splitter);

    auto *connectionStatus = new ConnectionStatus(controller.session(), this);
    m_connection = connectionStatus->label();
    m_presence = new QComboBox(this);
    m_presence->setAccessibleName(tr("Your status"));
    m_presence->addItem(tr("Online"), int(Presence::Online));
    m_presence->addItem(tr("Away"), int(Presence::Away));
    m_presence->addItem(tr("Do not disturb"), int(Presence::DoNotDisturb));
    statusBar()->addWidget(connectionStatus, 1);
    statusBar()->addPermanentWidget(m_presence);
    connect(m_presence, &QComboBox::activated, this, [this] {
        m_controller.setPresence(Presence(m_presence->currentData().toInt()));
    });

    buildMenus();
    buildTray();
    connect(&controller, &client::ClientController::notify, this, &MainWindow::onNotify);
    connect(&controller, &client::ClientController::problem, this,
            [this](const QString &m) { statusBar()->showMessage(m, 5000); });
    connect(&controller, &client::ClientController::roomRemoved, this,
            [this](RoomId room, const QString &reason) {
                if (room != currentRoom())
                    return;
                m_chat->setRoom(RoomId());
                statusBar()->showMessage(reason == QLatin1String("deleted")
                                             ? tr("The group was deleted.")
                                             : tr("You are no longer in that group."), 5000);
            });
    connect(controller.conversations(), &ConversationListModel::unreadChanged, this,
            &MainWindow::updateTitle);
    connect(controller.conversations(), &QAbstractItemModel::dataChanged, this,
            &MainWindow::updateRoomActions);
    updateTitle();
    updateRoomActions();
    resize(1100, 720);
    QSettings qs;
    restoreGeometry(qs.value(QStringLiteral("window/geometry")).toByteArray());
}

MainWindow::~MainWindow()
{
    QSettings qs;
    qs.setValue(QStringLiteral("window/geometry"), saveGeometry());
}

QWidget *MainWindow::buildSideBar()
{
    auto *chats = new QWidget(this);
    m_filter = new QLineEdit(chats);
    m_filter->setPlaceholderText(tr("Filter conversations (Ctrl+K)"));
    m_filter->setAccessibleName(tr("Filter conversations"));
    m_filter->setClearButtonEnabled(true);
    m_filtered = new QSortFilterProxyModel(this);
    m_filtered->setSourceModel(m_controller.conversations());
    m_filtered->setFilterRole(ConversationListModel::TitleRole);
    m_filtered->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_conversations = new QListView(chats);
    m_conversations->setObjectName(QStringLiteral("conversations"));
    m_conversations->setAccessibleName(tr("Conversations"));
    m_conversations->setModel(m_filtered);
    m_conversations->setItemDelegate(new ConversationDelegate(m_conversations));
    m_conversations->setUniformItemSizes(true);
    auto *layout = new QVBoxLayout(chats);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_conversations, 1);
    connect(m_filter, &QLineEdit::textChanged, m_filtered, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_conversations->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onConversationSelected);
    m_conversations->setContextMenuPolicy(Qt::CustomContextMenu);
    keepCurrentOnRightClick(m_conversations);
    connect(m_conversations, &QListView::customContextMenuRequested, this,
            &MainWindow::showConversationMenu);

    auto *friends = new FriendsPanel(m_controller, this);
    auto *groups = new GroupsPanel(m_controller, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("sideTabs"));
    m_tabs->addTab(chats, QIcon(QStringLiteral(":/icons/chat.svg")), tr("Chats"));
    m_tabs->addTab(friends, QIcon(QStringLiteral(":/icons/friends.svg")), tr("Friends"));
    m_tabs->addTab(groups, QIcon(QStringLiteral(":/icons/group.svg")), tr("Groups"));
    m_search = new SearchPanel(m_controller, this);
    m_tabs->addTab(m_search, QIcon(QStringLiteral(":/icons/search.svg")), tr("Search"));
    // Every tab stays visible: no scroll arrows, no eliding, so the tab bar's full width is the
    // side bar's minimum (the splitter keeps it, in every language and with "Friends (n)").
    m_tabs->setUsesScrollButtons(false);
    m_tabs->setElideMode(Qt::ElideNone);
    for (int i = 0; i < m_tabs->count(); ++i)
        m_tabs->setTabToolTip(i, m_tabs->tabText(i));
    connect(m_search, &SearchPanel::openResult, this, [this](RoomId room, Seq seq) {
        openRoom(room, false);
        m_chat->jumpTo(seq);
    });
    auto open = [this](RoomId room) { openRoom(room); };
    connect(friends, &FriendsPanel::openRoom, this, open);
    connect(groups, &GroupsPanel::openRoom, this, open);
    connect(friends, &FriendsPanel::addFriendRequested, this, [this] {
        AddFriendDialog(m_controller, this).exec();
    });
    connect(groups, &GroupsPanel::createGroupRequested, this, &MainWindow::createGroup);
    connect(m_controller.friends(), &client::FriendsModel::incomingCountChanged, this,
            [this](int n) {
                m_tabs->setTabText(1, n > 0 ? tr("Friends (%1)").arg(n) : tr("Friends"));
            });
    return m_tabs;
}

QWidget *MainWindow::buildMemberPanel()
{
    m_memberPanel = new QWidget(this);
    m_members = new QListView(m_memberPanel);
    m_members->setObjectName(QStringLiteral("members"));
    m_members->setAccessibleName(tr("Members"));
    m_members->setModel(m_controller.members());
    m_members->setItemDelegate(
        new PersonDelegate(MembersModel::RoleTextRole, MembersModel::PresenceRole, m_members));
    m_members->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_members, &QListView::customContextMenuRequested, this, &MainWindow::showMemberMenu);
    auto *layout = new QVBoxLayout(m_memberPanel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Members"), m_memberPanel));
    layout->addWidget(m_members, 1);
    m_memberPanel->setVisible(m_settings.showMembers);
    return m_memberPanel;
}

void MainWindow::buildMenus()
{
    QMenu *app = menuBar()->addMenu(tr("&Natter"));
    app->addAction(QIcon(QStringLiteral(":/icons/settings.svg")), tr("&Settings…"),
                   QKeySequence(Qt::CTRL | Qt::Key_Comma), this, &MainWindow::showSettings);
    app->addAction(tr("Log &out"), this, &MainWindow::logoutRequested);
    app->addSeparator();
    app->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);

    QMenu *conv = menuBar()->addMenu(tr("&Conversation"));
    conv->addAction(QIcon(QStringLiteral(":/icons/add-friend.svg")), tr("&Add friend…"),
                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), this,
                    [this] { AddFriendDialog(m_controller, this).exec(); });
    conv->addAction(QIcon(QStringLiteral(":/icons/new-group.svg")), tr("&New group…"),
                    QKeySequence::New, this, &MainWindow::createGroup);
    conv->addSeparator();
    m_inviteAction = conv->addAction(tr("&Invite friends…"), this, &MainWindow::inviteToGroup);
    m_editAction = conv->addAction(tr("Group &settings…"), this, &MainWindow::editGroup);
    m_leaveAction = conv->addAction(tr("&Leave group"), this, &MainWindow::leaveGroup);
    conv->addSeparator();
    conv->addAction(tr("&Previous conversation"), QKeySequence(Qt::ALT | Qt::Key_Up), this,
                    [this] { stepConversation(-1); });
    conv->addAction(tr("N&ext conversation"), QKeySequence(Qt::ALT | Qt::Key_Down), this,
                    [this] { stepConversation(1); });
    conv->addAction(tr("&Find conversation"), QKeySequence(Qt::CTRL | Qt::Key_K), this, [this] {
        m_tabs->setCurrentIndex(0);
        m_filter->setFocus();
        m_filter->selectAll();
    });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_membersAction = view->addAction(tr("Show &members"), this, [this](bool on) {
        m_memberPanel->setVisible(on);
        m_settings.showMembers = on;
        QSettings qs;
        m_settings.save(qs);
    });
    m_membersAction->setCheckable(true);
    m_membersAction->setChecked(m_settings.showMembers);
    m_membersAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    view->addAction(tr("&Chats"), QKeySequence(Qt::CTRL | Qt::Key_1), this, [this] { m_tabs->setCurrentIndex(0); });
    view->addAction(tr("&Friends"), QKeySequence(Qt::CTRL | Qt::Key_2), this, [this] { m_tabs->setCurrentIndex(1); });
    view->addAction(tr("&Groups"), QKeySequence(Qt::CTRL | Qt::Key_3), this, [this] { m_tabs->setCurrentIndex(2); });
    view->addAction(tr("&Search messages"), QKeySequence::Find, this, [this] {
        m_tabs->setCurrentWidget(m_search);
        m_search->focusQuery();
    });
    view->addAction(tr("Go to &newest message"), QKeySequence(Qt::CTRL | Qt::Key_End), this,
                    [this] { m_chat->scrollToBottom(); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Natter"), this, [this] {
        QMessageBox::about(this, tr("About Natter"),
                           tr("<b>Natter</b> %1<br>Chat on your local network.")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::buildTray()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/natter.svg")), this);
    m_tray->setToolTip(tr("Natter"));
    auto *menu = new QMenu(this);
    menu->addAction(tr("Show Natter"), this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    menu->addAction(tr("Quit"), qApp, &QApplication::quit);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
        showNormal();
        activateWindow();
    });
    m_tray->show();
}

void MainWindow::openRoom(RoomId room, bool showChats)
{
    if (showChats)
        m_tabs->setCurrentIndex(0);
    m_filter->clear();
    const int row = m_controller.conversations()->rowOf(room);
    if (row >= 0) {
        const QModelIndex index = m_filtered->mapFromSource(m_controller.conversations()->index(row));
        m_conversations->setCurrentIndex(index);
    }
    if (room != m_chat->room()) {
        m_controller.setCurrentRoom(room);
        m_chat->setRoom(room);
    }
    m_search->setCurrentRoom(room);
    updateRoomActions();
    if (showChats)
        m_chat->focusComposer();
}

RoomId MainWindow::currentRoom() const
{
    return m_chat->room();
}

void MainWindow::onConversationSelected(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const RoomId room(index.data(ConversationListModel::RoomIdRole).toLongLong());
    if (room == m_chat->room())
        return;
    m_controller.setCurrentRoom(room);
    m_chat->setRoom(room);
    m_search->setCurrentRoom(room);
    updateRoomActions();
}

void MainWindow::stepConversation(int delta)
{
    const int rows = m_filtered->rowCount();
    if (rows == 0)
        return;
    const int row = qBound(0, m_conversations->currentIndex().row() + delta, rows - 1);
    m_conversations->setCurrentIndex(m_filtered->index(row, 0));
    m_chat->focusComposer();
}

void MainWindow::onNotify(const QString &title, const QString &text, RoomId room, bool mention)
{
    if (!m_settings.notifications || !m_tray)
        return;
    if (isActiveWindow() && room.isValid() && room == currentRoom())
        return;
    m_tray->showMessage(mention ? tr("%1 (mentioned you)").arg(title) : title, text,
                        QSystemTrayIcon::Information, 5000);
    if (room.isValid()) {
        disconnect(m_tray, &QSystemTrayIcon::messageClicked, nullptr, nullptr);
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this, room] {
            showNormal();
            activateWindow();
            openRoom(room);
        });
    }
}

void MainWindow::updateTitle()
{
    const int unread = m_controller.conversations()->totalUnread();
    const QString me = m_controller.me().username;
    setWindowTitle(unread > 0 ? tr("(%1) Natter — %2").arg(unread).arg(me) : tr("Natter — %1").arg(me));
    if (m_tray)
        m_tray->setToolTip(unread > 0 ? tr("Natter: %n unread", nullptr, unread) : tr("Natter"));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::ActivationChange)
        m_controller.setActive(isActiveWindow());
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QMainWindow::closeEvent(event);
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_settings, this, &m_controller.trustedServers());
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_settings = dialog.result();
    QSettings qs;
    m_settings.save(qs);
    m_chat->setEnterSends(m_settings.enterSends);
    emit settingsChanged();
}

} // namespace natter::ui
