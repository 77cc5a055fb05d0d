#pragma once

#include "protocol/liverequests.h"

namespace natter::server {

class ConnectionRegistry;

/// The per-user notification stream: friend requests and acceptances, invitations, removals,
/// deleted rooms, and new messages in rooms the user is not viewing on any device (flagged
/// when they mention the user), so clients can badge and notify without opening each room.
class Notifier
{
public:
    explicit Notifier(ConnectionRegistry &registry) : m_registry(registry) {}

    void notify(UserId to, const NotificationEvent &event);
    /// For a new message: tells every member except the sender who is online but viewing the
    /// room nowhere. Encodes at most two frames (with and without the mention flag).
    void notifyMessage(const Message &message, const QList<User> &members);

    static constexpr int previewLength = 120;
    /// The start of a body, at most previewLength units, never ending in half a character.
    static QString preview(const QString &body);

private:
    bool isViewing(UserId user, RoomId room) const;

    ConnectionRegistry &m_registry;
};

} // namespace natter::server
