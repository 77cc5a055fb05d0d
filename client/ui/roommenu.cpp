#include "ui/roommenu.h"

#include "core/clientcontroller.h"

#include <QAbstractItemView>
#include <QCoreApplication>
#include <QMouseEvent>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>

namespace natter::ui {

namespace {
/// The translation context of this file's strings (lupdate reads the macro's argument).
struct RoomMenu
{
    Q_DECLARE_TR_FUNCTIONS(natter::ui::RoomMenu)
};

/// Swallows right-button presses on an item view's viewport (the context menu event still comes).
class RightClickFilter : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        const bool press = event->type() == QEvent::MouseButtonPress
            || event->type() == QEvent::MouseButtonDblClick;
        if (press && static_cast<QMouseEvent *>(event)->button() == Qt::RightButton)
            return true;
        return QObject::eventFilter(watched, event);
    }
};
} // namespace

void keepCurrentOnRightClick(QAbstractItemView *view)
{
    view->viewport()->installEventFilter(new RightClickFilter(view));
}

bool addMuteAction(QMenu &menu, client::ClientController &controller, RoomId room, QWidget *parent)
{
    const auto info = controller.conversations()->room(room);
    if (!info)
        return false;
    const bool mute = !info->muted;
    QAction *action = menu.addAction(mute ? RoomMenu::tr("&Mute") : RoomMenu::tr("Un&mute"));
    action->setObjectName(QStringLiteral("muteAction"));
    action->setToolTip(mute ? RoomMenu::tr("No notifications and no unread total for this conversation, "
                                 "except when you are mentioned")
                            : RoomMenu::tr("Notify about this conversation again"));
    QObject::connect(action, &QAction::triggered, &controller,
                     [&controller, room, mute, guard = QPointer<QWidget>(parent)] {
                         controller.setRoomMuted(room, mute, [guard](const auto &error) {
                             if (error && guard)
                                 QMessageBox::warning(guard, RoomMenu::tr("Mute"),
                                                      RoomMenu::tr("Could not change the setting: %1")
                                                          .arg(error->message));
                         });
                     });
    return true;
}

} // namespace natter::ui
