#pragma once
// Small dialogs: add a friend (search users), create a group, invite friends to a group.

#include "protocol/grouprequests.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QTimer;

namespace natter::client {
class ClientController;
}

namespace natter::ui {

/// Searches users by name prefix and sends friend requests.
class AddFriendDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AddFriendDialog(client::ClientController &controller, QWidget *parent = nullptr);

private:
    void search();
    void sendRequest();

    client::ClientController &m_controller;
    QLineEdit *m_query;
    QListWidget *m_results;
    QLabel *m_status;
    QTimer *m_debounce;
    quint64 m_generation = 0;
};

/// Checkable list of the user's friends (for inviting them).
QListWidget *makeFriendPicker(client::ClientController &controller, QWidget *parent,
                              const QList<UserId> &exclude = {});
QList<UserId> pickedUsers(QListWidget *picker);

/// Name, topic, open/closed, history visibility and friends to invite.
class CreateGroupDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CreateGroupDialog(client::ClientController &controller, QWidget *parent = nullptr);
    CreateRoomRequest request() const;

private:
    void create();

    client::ClientController &m_controller;
    QLineEdit *m_name;
    QLineEdit *m_topic;
    QCheckBox *m_open;
    QComboBox *m_history;
    QListWidget *m_invitees;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;

public:
    RoomId createdRoom;
};

} // namespace natter::ui
