#include "net/connectionregistry.h"

#include "net/clientconnection.h"

namespace natter::server {

void ConnectionRegistry::add(UserId user, ClientConnection *connection)
{
    QList<ClientConnection *> &list = m_byUser[user];
    if (!list.contains(connection))
        list.append(connection);
}

void ConnectionRegistry::remove(UserId user, ClientConnection *connection)
{
    auto it = m_byUser.find(user);
    if (it == m_byUser.end())
        return;
    it->removeAll(connection);
    if (it->isEmpty())
        m_byUser.erase(it);
}

void ConnectionRegistry::pushToUser(UserId user, const QString &frame, const ClientConnection *skip) const
{
    const auto it = m_byUser.constFind(user);
    if (it == m_byUser.constEnd())
        return;
    // Copy: a send may drop a slow reader, which unregisters it while we iterate.
    const QList<ClientConnection *> targets = *it;
    for (ClientConnection *c : targets) {
        if (c != skip)
            c->send(frame);
    }
}

void ConnectionRegistry::pushToUsers(const QList<UserId> &users, const QString &frame,
                                     const ClientConnection *skip) const
{
    for (UserId u : users)
        pushToUser(u, frame, skip);
}

} // namespace natter::server
