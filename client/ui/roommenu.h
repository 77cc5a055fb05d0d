#pragma once
// Room actions shared by the conversation list's context menu and the chat header's menu.

#include "protocol/ids.h"

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

} // namespace natter::ui
