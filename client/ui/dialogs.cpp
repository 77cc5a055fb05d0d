#include "ui/dialogs.h"
#include "protocol/limits.h"

#include "core/clientcontroller.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace natter::ui {

namespace {
constexpr int userIdRole = Qt::UserRole + 1;
}

AddFriendDialog::AddFriendDialog(client::ClientController &controller, QWidget *parent)
    : QDialog(parent), m_controller(controller)
{
    setWindowTitle(tr("Add a friend"));
    m_query = new QLineEdit(this);
    m_query->setPlaceholderText(tr("Username"));
    m_query->setAccessibleName(tr("Search for a username"));
    m_results = new QListWidget(this);
    m_results->setAccessibleName(tr("Search results"));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *ask = buttons->addButton(tr("Send friend request"), QDialogButtonBox::ActionRole);
    ask->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Find people by the start of their username:"), this));
    layout->addWidget(m_query);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &AddFriendDialog::search);
    connect(m_query, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_results, &QListWidget::currentRowChanged, ask, [ask](int row) { ask->setEnabled(row >= 0); });
    connect(m_results, &QListWidget::itemActivated, this, &AddFriendDialog::sendRequest);
    connect(ask, &QPushButton::clicked, this, &AddFriendDialog::sendRequest);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(360, 400);
}

void AddFriendDialog::search()
{
    const quint64 generation = ++m_generation;
    m_controller.searchUsers(m_query->text(), [this, generation](const QList<User> &users) {
        if (generation != m_generation)
            return; // an older query answered late
        m_results->clear();
        for (const User &u : users) {
            if (u.id == m_controller.me().id)
                continue;
            auto *item = new QListWidgetItem(u.username, m_results);
            item->setData(userIdRole, u.id.value);
        }
        m_status->setText(m_results->count() == 0 && !m_query->text().isEmpty()
                              ? tr("Nobody found.") : QString());
    });
}

void AddFriendDialog::sendRequest()
{
    QListWidgetItem *item = m_results->currentItem();
    if (!item)
        return;
    const QString name = item->text();
    m_controller.friendAction<FriendRequestRequest>(
        UserId(item->data(userIdRole).toLongLong()),
        [this, name](const std::optional<ProtocolError> &error) {
            m_status->setText(error ? tr("Could not send the request: %1").arg(error->message)
                                    : tr("Friend request sent to %1.").arg(name));
        });
}

QListWidget *makeFriendPicker(client::ClientController &controller, QWidget *parent,
                              const QList<UserId> &exclude)
{
    auto *list = new QListWidget(parent);
    list->setAccessibleName(QCoreApplication::translate("FriendPicker", "Friends to invite"));
    for (const Friend &f : controller.friends()->friends()) {
        if (f.state != FriendState::Friend || exclude.contains(f.user.id))
            continue;
        auto *item = new QListWidgetItem(f.user.username, list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        item->setData(userIdRole, f.user.id.value);
    }
    return list;
}

QList<UserId> pickedUsers(QListWidget *picker)
{
    QList<UserId> out;
    for (int i = 0; i < picker->count(); ++i)
        if (picker->item(i)->checkState() == Qt::Checked)
            out << UserId(picker->item(i)->data(userIdRole).toLongLong());
    return out;
}

CreateGroupDialog::CreateGroupDialog(client::ClientController &controller, QWidget *parent)
    : QDialog(parent), m_controller(controller)
{
    setWindowTitle(tr("New group"));
    m_name = new QLineEdit(this);
    m_name->setMaxLength(limits::maxRoomNameLength);
    m_name->setAccessibleName(tr("Group name"));
    m_topic = new QLineEdit(this);
    m_topic->setMaxLength(limits::maxTopicLength);
    m_topic->setAccessibleName(tr("Topic"));
    m_open = new QCheckBox(tr("Listed in the directory: anyone may join"), this);
    m_history = new QComboBox(this);
    m_history->addItem(tr("New members see the whole history"), int(HistoryVisibility::Shared));
    m_history->addItem(tr("New members see messages from when they joined"),
                       int(HistoryVisibility::Joined));
    m_invitees = makeFriendPicker(controller, this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *create = m_buttons->addButton(tr("Create"), QDialogButtonBox::AcceptRole);
    create->setEnabled(false);
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Topic:"), m_topic);
    form->addRow(QString(), m_open);
    form->addRow(tr("&History:"), m_history);
    form->addRow(tr("&Invite:"), m_invitees);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    connect(m_name, &QLineEdit::textChanged, create,
            [create](const QString &t) { create->setEnabled(!t.trimmed().isEmpty()); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CreateGroupDialog::create);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

CreateRoomRequest CreateGroupDialog::request() const
{
    CreateRoomRequest r;
    r.name = m_name->text().trimmed();
    r.topic = m_topic->text().trimmed();
    r.open = m_open->isChecked();
    r.historyVisibility = HistoryVisibility(m_history->currentData().toInt());
    r.invite = pickedUsers(m_invitees);
    return r;
}

void CreateGroupDialog::create()
{
    m_buttons->setEnabled(false);
    m_status->setText(tr("Creating…"));
    m_controller.createGroup(
        request(),
        [this](RoomId room) {
            createdRoom = room;
            accept();
        },
        [this](const std::optional<ProtocolError> &error) {
            m_buttons->setEnabled(true);
            m_status->setText(tr("Could not create the group: %1")
                                  .arg(error ? error->message : QString()));
        });
}

} // namespace natter::ui
