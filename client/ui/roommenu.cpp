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
QString tr(const char *text)
{
    return QCoreApplication::translate("natter::ui::RoomMenu", text);
}
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
    QAction *action = menu.addAction(mute ? tr("&Mute") : tr("Un&mute"));
    action->setObjectName(QStringLiteral("muteAction"));
    action->setToolTip(mute ? tr("No notifications and no unread total for this conversation, "
                                 "except when you are mentioned")
                            : tr("Notify about this conversation again"));
    QObject::connect(action, &QAction::triggered, &controller,
                     [&controller, room, mute, guard = QPointer<QWidget>(parent)] {
                         controller.setRoomMuted(room, mute, [guard](const auto &error) {
                             if (error && guard)
                                 QMessageBox::warning(guard, tr("Mute"),
                                                      tr("Could not change the setting: %1")
                                                          .arg(error->message));
                         });
                     });
    return true;
}

} // namespace natter::ui
