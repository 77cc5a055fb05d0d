// MainWindow: group actions (create, invite, settings, leave), the member context menu and the
// conversation list's context menu.
#include "core/clientcontroller.h"
#include "protocol/limits.h"
#include "ui/chatview.h"
#include "ui/dialogs.h"
#include "ui/mainwindow.h"
#include "ui/roommenu.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QInputDialog>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QVBoxLayout>

namespace natter::ui {

using client::MembersModel;

namespace {
client::ClientController::Done reporter(QStatusBar *bar)
{
    return [bar](const std::optional<ProtocolError> &e) {
        if (e)
            bar->showMessage(
                QCoreApplication::translate("natter::ui::MainWindow", "Failed: %1").arg(e->message),
                6000);
    };
}
} // namespace

void MainWindow::showConversationMenu(const QPoint &pos)
{
    const QModelIndex index = m_conversations->indexAt(pos);
    if (!index.isValid())
        return;
    const RoomId room(index.data(client::ConversationListModel::RoomIdRole).toLongLong());
    QMenu menu(this);
    menu.addAction(tr("&Open"), this, [this, room] { openRoom(room); });
    addMuteAction(menu, m_controller, room, this);
    menu.exec(m_conversations->viewport()->mapToGlobal(pos));
}

void MainWindow::updateRoomActions()
{
    const auto room = m_controller.conversations()->room(currentRoom());
    const bool group = room && room->kind == RoomKind::Group;
    const MemberRole mine = m_controller.members()->roleOf(m_controller.me().id);
    m_inviteAction->setEnabled(group);
    m_leaveAction->setEnabled(group);
    m_editAction->setEnabled(group && mine != MemberRole::Member);
}

void MainWindow::createGroup()
{
    CreateGroupDialog dialog(m_controller, this);
    if (dialog.exec() == QDialog::Accepted && dialog.createdRoom.isValid())
        openRoom(dialog.createdRoom);
}

void MainWindow::inviteToGroup()
{
    const auto room = m_controller.conversations()->room(currentRoom());
    if (!room || room->kind != RoomKind::Group)
        return;
    QList<UserId> members;
    for (const User &u : room->members)
        members << u.id;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Invite friends to %1").arg(room->name));
    QListWidget *picker = makeFriendPicker(m_controller, &dialog, members);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(picker);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    for (UserId user : pickedUsers(picker))
        m_controller.memberAction<InviteRequest>(room->id, user, reporter(statusBar()));
}

void MainWindow::editGroup()
{
    const auto room = m_controller.conversations()->room(currentRoom());
    if (!room || room->kind != RoomKind::Group)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Group settings"));
    auto *name = new QLineEdit(room->name, &dialog);
    name->setMaxLength(limits::maxRoomNameLength);
    auto *topic = new QLineEdit(room->topic, &dialog);
    topic->setMaxLength(limits::maxTopicLength);
    auto *open = new QCheckBox(tr("Listed in the directory: anyone may join"), &dialog);
    open->setChecked(room->open);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("&Name:"), name);
    form->addRow(tr("&Topic:"), topic);
    form->addRow(QString(), open);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    UpdateRoomRequest request;
    request.roomId = room->id;
    if (name->text().trimmed() != room->name && !name->text().trimmed().isEmpty())
        request.name = name->text().trimmed();
    if (topic->text().trimmed() != room->topic)
        request.topic = topic->text().trimmed();
    if (open->isChecked() != room->open)
        request.open = open->isChecked();
    m_controller.updateGroup(request, reporter(statusBar()));
}

void MainWindow::leaveGroup()
{
    const auto room = m_controller.conversations()->room(currentRoom());
    if (!room || room->kind != RoomKind::Group)
        return;
    const bool owner = room->ownerId == m_controller.me().id;
    const QString question = owner
        ? tr("You own \"%1\". Delete the group for everyone?").arg(room->name)
        : tr("Leave \"%1\"?").arg(room->name);
    if (QMessageBox::question(this, tr("Leave group"), question) != QMessageBox::Yes)
        return;
    if (owner)
        m_controller.roomAction<DeleteRoomRequest>(room->id, reporter(statusBar()));
    else
        m_controller.roomAction<LeaveRoomRequest>(room->id, reporter(statusBar()));
}

void MainWindow::showMemberMenu(const QPoint &pos)
{
    const QModelIndex index = m_members->indexAt(pos);
    const auto room = m_controller.conversations()->room(currentRoom());
    if (!index.isValid() || !room || room->kind != RoomKind::Group)
        return;
    const UserId user(index.data(MembersModel::UserIdRole).toLongLong());
    const MemberRole theirs = MemberRole(index.data(MembersModel::RoleRole).toInt());
    const MemberRole mine = m_controller.members()->roleOf(m_controller.me().id);
    if (user == m_controller.me().id || int(mine) <= int(theirs))
        return;
    QMenu menu(this);
    const RoomId id = room->id;
    auto done = reporter(statusBar());
    menu.addAction(tr("Remove from group"), this, [this, id, user, done] {
        m_controller.memberAction<KickRequest>(id, user, done);
    });
    if (mine == MemberRole::Owner) {
        if (theirs == MemberRole::Member)
            menu.addAction(tr("Make admin"), this, [this, id, user, done] {
                m_controller.setRole(id, user, MemberRole::Admin, done);
            });
        else
            menu.addAction(tr("Remove admin rights"), this, [this, id, user, done] {
                m_controller.setRole(id, user, MemberRole::Member, done);
            });
        menu.addAction(tr("Make owner"), this, [this, id, user, done] {
            m_controller.memberAction<TransferOwnershipRequest>(id, user, done);
        });
    }
    menu.exec(m_members->viewport()->mapToGlobal(pos));
}

} // namespace natter::ui
