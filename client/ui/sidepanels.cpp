#include "ui/sidepanels.h"

#include "core/clientcontroller.h"
#include "ui/persondelegate.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace natter::ui {

using client::FriendsModel;
using client::RoomSummaryModel;

FriendsPanel::FriendsPanel(client::ClientController &controller, QWidget *parent)
    : QWidget(parent), m_controller(controller)
{
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("friendsList"));
    m_list->setAccessibleName(tr("Friends and requests"));
    m_list->setModel(controller.friends());
    m_list->setItemDelegate(
        new PersonDelegate(FriendsModel::StateTextRole, FriendsModel::PresenceRole, m_list));
    auto *add = new QPushButton(QIcon(QStringLiteral(":/icons/add-friend.svg")), tr("Add friend…"), this);
    m_primary = new QPushButton(this);
    m_secondary = new QPushButton(this);
    m_block = new QPushButton(tr("Block"), this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_primary);
    actions->addWidget(m_secondary);
    actions->addWidget(m_block);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(add);
    layout->addWidget(m_list, 1);
    layout->addLayout(actions);
    layout->addWidget(m_status);

    connect(add, &QPushButton::clicked, this, &FriendsPanel::addFriendRequested);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &FriendsPanel::updateButtons);
    connect(controller.friends(), &QAbstractItemModel::modelReset, this, &FriendsPanel::updateButtons);
    connect(controller.friends(), &QAbstractItemModel::rowsInserted, this, &FriendsPanel::updateButtons);
    connect(m_list, &QListView::activated, this, [this](const QModelIndex &index) {
        const RoomId room(index.data(FriendsModel::RoomIdRole).toLongLong());
        if (room.isValid() && FriendState(index.data(FriendsModel::StateRole).toInt()) == FriendState::Friend)
            emit openRoom(room);
    });
    wireActions();
    updateButtons();
}

void FriendsPanel::wireActions()
{
    auto act = [this](auto run) {
        const QModelIndex index = m_list->currentIndex();
        if (!index.isValid())
            return;
        run(UserId(index.data(FriendsModel::UserIdRole).toLongLong()),
            FriendState(index.data(FriendsModel::StateRole).toInt()), index);
    };
    auto done = [this](const std::optional<ProtocolError> &e) { report(e); };
    connect(m_primary, &QPushButton::clicked, this, [this, act, done] {
        act([this, done](UserId user, FriendState state, const QModelIndex &index) {
            if (state == FriendState::Incoming)
                m_controller.friendAction<FriendAcceptRequest>(user, done);
            else if (state == FriendState::Blocked)
                m_controller.friendAction<UnblockRequest>(user, done);
            else if (state == FriendState::Friend)
                emit openRoom(RoomId(index.data(FriendsModel::RoomIdRole).toLongLong()));
        });
    });
    connect(m_secondary, &QPushButton::clicked, this, [this, act, done] {
        act([this, done](UserId user, FriendState state, const QModelIndex &) {
            if (state == FriendState::Incoming)
                m_controller.friendAction<FriendDeclineRequest>(user, done);
            else if (state == FriendState::Outgoing)
                m_controller.friendAction<FriendCancelRequest>(user, done);
            else if (state == FriendState::Friend)
                m_controller.friendAction<FriendRemoveRequest>(user, done);
        });
    });
    connect(m_block, &QPushButton::clicked, this, [this, act, done] {
        act([this, done](UserId user, FriendState, const QModelIndex &) {
            m_controller.friendAction<BlockRequest>(user, done);
        });
    });
}

void FriendsPanel::updateButtons()
{
    const QModelIndex index = m_list->currentIndex();
    const auto state = index.isValid() ? FriendState(index.data(FriendsModel::StateRole).toInt())
                                       : FriendState::None;
    m_primary->setVisible(state == FriendState::Incoming || state == FriendState::Friend
                          || state == FriendState::Blocked);
    m_secondary->setVisible(state == FriendState::Incoming || state == FriendState::Outgoing
                            || state == FriendState::Friend);
    m_block->setVisible(index.isValid() && state != FriendState::Blocked);
    m_primary->setText(state == FriendState::Incoming ? tr("Accept")
                       : state == FriendState::Blocked ? tr("Unblock")
                                                       : tr("Message"));
    m_secondary->setText(state == FriendState::Incoming   ? tr("Decline")
                         : state == FriendState::Outgoing ? tr("Cancel request")
                                                          : tr("Unfriend"));
}

void FriendsPanel::report(const std::optional<ProtocolError> &error)
{
    m_status->setText(error ? tr("Failed: %1").arg(error->message) : QString());
    updateButtons();
}

GroupsPanel::GroupsPanel(client::ClientController &controller, QWidget *parent)
    : QWidget(parent), m_controller(controller)
{
    auto *create = new QPushButton(QIcon(QStringLiteral(":/icons/new-group.svg")), tr("New group…"), this);
    m_invites = new QListView(this);
    m_invites->setAccessibleName(tr("Invitations"));
    m_invites->setModel(controller.invites());
    m_invites->setItemDelegate(new PersonDelegate(RoomSummaryModel::InviterRole, -1, m_invites));
    m_invites->setMaximumHeight(140);
    auto *acceptInvite = new QPushButton(tr("Join"), this);
    auto *declineInvite = new QPushButton(tr("Decline"), this);
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search open groups"));
    m_search->setAccessibleName(tr("Search open groups"));
    m_search->setClearButtonEnabled(true);
    m_directory = new QListView(this);
    m_directory->setAccessibleName(tr("Open groups"));
    m_directory->setModel(controller.directory());
    m_directory->setItemDelegate(new PersonDelegate(RoomSummaryModel::TopicRole, -1, m_directory));
    auto *joinOpen = new QPushButton(tr("Join group"), this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);

    auto *inviteButtons = new QHBoxLayout;
    inviteButtons->addWidget(acceptInvite);
    inviteButtons->addWidget(declineInvite);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(create);
    layout->addWidget(new QLabel(tr("Invitations"), this));
    layout->addWidget(m_invites);
    layout->addLayout(inviteButtons);
    layout->addWidget(new QLabel(tr("Directory"), this));
    layout->addWidget(m_search);
    layout->addWidget(m_directory, 1);
    layout->addWidget(joinOpen);
    layout->addWidget(m_status);

    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(250);
    connect(debounce, &QTimer::timeout, this, [this] { m_controller.refreshDirectory(m_search->text()); });
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(create, &QPushButton::clicked, this, &GroupsPanel::createGroupRequested);
    auto current = [](QListView *v) {
        return RoomId(v->currentIndex().data(RoomSummaryModel::RoomIdRole).toLongLong());
    };
    connect(acceptInvite, &QPushButton::clicked, this, [this, current] { join(current(m_invites)); });
    connect(joinOpen, &QPushButton::clicked, this, [this, current] { join(current(m_directory)); });
    connect(m_directory, &QListView::activated, this, [this, current] { join(current(m_directory)); });
    connect(declineInvite, &QPushButton::clicked, this, [this, current] {
        const RoomId room = current(m_invites);
        if (room.isValid())
            m_controller.roomAction<DeclineInviteRequest>(room);
    });
    connect(&controller, &client::ClientController::synced, this,
            [this] { m_controller.refreshDirectory(m_search->text()); });
}

void GroupsPanel::join(RoomId room)
{
    if (!room.isValid())
        return;
    m_controller.roomAction<JoinRoomRequest>(room, [this, room](const std::optional<ProtocolError> &e) {
        m_status->setText(e ? tr("Could not join: %1").arg(e->message) : QString());
        if (!e)
            emit openRoom(room);
    });
}

} // namespace natter::ui
