#pragma once
// The "Friends" and "Groups" tabs of the main window's side bar.

#include "protocol/errorcode.h"
#include "protocol/ids.h"

#include <optional>

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace natter::client {
class ClientController;
}

namespace natter::ui {

/// Friends, requests and blocked users, with the actions that fit the selected row.
class FriendsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FriendsPanel(client::ClientController &controller, QWidget *parent = nullptr);
    QListView *list() const { return m_list; }

signals:
    void openRoom(natter::RoomId room);
    void addFriendRequested();

private:
    void wireActions();
    void updateButtons();
    void report(const std::optional<ProtocolError> &error);

    client::ClientController &m_controller;
    QListView *m_list;
    QPushButton *m_primary;   ///< Accept / Message / Unblock
    QPushButton *m_secondary; ///< Decline / Cancel / Unfriend
    QPushButton *m_block;
    QLabel *m_status;
};

/// Invitations (join/decline) and the directory of open groups (search/join).
class GroupsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit GroupsPanel(client::ClientController &controller, QWidget *parent = nullptr);

signals:
    void openRoom(natter::RoomId room);
    void createGroupRequested();

private:
    void join(RoomId room);

    client::ClientController &m_controller;
    QListView *m_invites;
    QListView *m_directory;
    QLineEdit *m_search;
    QLabel *m_status;
};

} // namespace natter::ui
