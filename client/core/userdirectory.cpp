#include "core/userdirectory.h"

namespace natter::client {

QString UserDirectory::name(UserId id) const
{
    const auto it = m_names.find(id);
    return it != m_names.end() ? *it : QStringLiteral("#%1").arg(id.value);
}

void UserDirectory::addUser(const User &user)
{
    if (!user.id.isValid())
        return;
    auto it = m_names.find(user.id);
    if (it != m_names.end() && *it == user.username)
        return;
    m_names.insert(user.id, user.username);
    emit nameChanged(user.id);
}

void UserDirectory::addUsers(const QList<User> &users)
{
    for (const User &u : users)
        addUser(u);
}

void UserDirectory::setPresence(UserId id, Presence presence)
{
    if (m_presence.value(id, Presence::Offline) == presence)
        return;
    m_presence.insert(id, presence);
    emit presenceChanged(id, presence);
}

} // namespace natter::client
