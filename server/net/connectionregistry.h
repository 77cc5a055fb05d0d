#pragma once

#include "protocol/ids.h"

#include <QHash>
#include <QList>
#include <QString>

namespace natter::server {

class ClientConnection;

/// Which authenticated connections each user has (all their devices), for pushing events.
class ConnectionRegistry
{
public:
    void add(UserId user, ClientConnection *connection);
    void remove(UserId user, ClientConnection *connection);
    QList<ClientConnection *> connectionsOf(UserId user) const { return m_byUser.value(user); }
    bool isOnline(UserId user) const { return m_byUser.contains(user); }
    int userCount() const { return int(m_byUser.size()); }

    /// Sends one encoded frame to every connection of `user`, except `skip`.
    void pushToUser(UserId user, const QString &frame, const ClientConnection *skip = nullptr) const;
    void pushToUsers(const QList<UserId> &users, const QString &frame,
                     const ClientConnection *skip = nullptr) const;

private:
    QHash<UserId, QList<ClientConnection *>> m_byUser;
};

} // namespace natter::server
