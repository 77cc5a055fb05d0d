#pragma once
// Room actions shared by the conversation list's context menu and the chat header's menu.

#include "protocol/ids.h"

class QAbstractItemView;
class QMenu;
class QWidget;

namespace natter::client {
class ClientController;
}

namespace natter::ui {

/// Adds "Mute" or "Unmute" (whichever applies) for `room` to `menu`. The change goes to the
/// server (all the user's devices); a failure is shown in a message box over `parent`.
/// Returns false (adding nothing) when `room` is not in the conversation list.
bool addMuteAction(QMenu &menu, client::ClientController &controller, RoomId room, QWidget *parent);

/// Makes a right click on `view` only open its context menu: the row under the mouse does not
/// become current (in the conversation list that would open the room and mark it read).
void keepCurrentOnRightClick(QAbstractItemView *view);

} // namespace natter::ui
