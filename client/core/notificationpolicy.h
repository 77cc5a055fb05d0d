#pragma once
// Whether a server notification becomes a desktop alert (docs/protocol.md §7.7, §7.9).

#include "protocol/liverequests.h"

namespace natter::client {

/// What the client knows about the user and the room when a notification arrives.
struct AlertContext
{
    bool roomMuted = false;     ///< the user muted the notification's room
    bool doNotDisturb = false;  ///< the user set their status to "do not disturb"
};

/// Whether `event` should raise a desktop alert: never while the user is in do-not-disturb;
/// for a `message` in a muted room only when it mentions the user; everything else alerts.
/// (The server already leaves out rooms the user is viewing on any device.)
bool shouldAlert(const NotificationEvent &event, const AlertContext &context);

} // namespace natter::client
