#pragma once
// The main window: side bar (conversations, friends, groups), the chat, the member list,
// menus and shortcuts, connection state and the tray icon.

#include "protocol/ids.h"
#include "ui/settings.h"

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QSystemTrayIcon;
class QTabWidget;
class QComboBox;

namespace natter::client {
class ClientController;
}

namespace natter::ui {

class ChatView;
class SearchPanel;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(client::ClientController &controller, AppSettings &settings,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a conversation (selects it in the list and shows it; with `showChats` the Chats tab
    /// comes to the front and the composer gets the focus).
    void openRoom(RoomId room, bool showChats = true);
    RoomId currentRoom() const;

    ChatView *chatView() const { return m_chat; }
    QListView *conversationList() const { return m_conversations; }
    QListView *memberList() const { return m_members; }
    QLabel *connectionLabel() const { return m_connection; }
    QTabWidget *sideTabs() const { return m_tabs; }
    SearchPanel *searchPanel() const { return m_search; }

signals:
    void logoutRequested();
    /// The user accepted the Settings dialog (the shared AppSettings hold the new values).
    void settingsChanged();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void buildTray();
    QWidget *buildSideBar();
    QWidget *buildMemberPanel();
    void onConversationSelected(const QModelIndex &index);
    void onNotify(const QString &title, const QString &text, RoomId room, bool mention);
    void updateTitle();
    void updateRoomActions();
    void showMemberMenu(const QPoint &pos);
    void showConversationMenu(const QPoint &pos);
    void stepConversation(int delta);
    void showSettings();
    void createGroup();
    void inviteToGroup();
    void leaveGroup();
    void editGroup();

    client::ClientController &m_controller;
    AppSettings &m_settings;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_filter = nullptr;
    QListView *m_conversations = nullptr;
    QSortFilterProxyModel *m_filtered = nullptr;
    ChatView *m_chat = nullptr;
    SearchPanel *m_search = nullptr;
    QWidget *m_memberPanel = nullptr;
    QListView *m_members = nullptr;
    QLabel *m_connection = nullptr;
    QComboBox *m_presence = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QAction *m_inviteAction = nullptr;
    QAction *m_leaveAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_membersAction = nullptr;
};

} // namespace natter::ui
