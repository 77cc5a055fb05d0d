#pragma once
// Who is who: usernames and presence of every user the client has seen (room members,
// friends, search results). Models ask it for names; it says when something changed.

#include "protocol/liverequests.h"

#include <QHash>
#include <QObject>

namespace natter::client {

class UserDirectory : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// The username, or "#<id>" for a user not seen yet.
    QString name(UserId id) const;
    bool knows(UserId id) const { return m_names.contains(id); }
    Presence presence(UserId id) const { return m_presence.value(id, Presence::Offline); }
    QList<UserId> knownUsers() const { return m_names.keys(); }

    void addUser(const User &user);
    void addUsers(const QList<User> &users);
    void setPresence(UserId id, Presence presence);

signals:
    void nameChanged(natter::UserId id);
    void presenceChanged(natter::UserId id, natter::Presence presence);

private:
    QHash<UserId, QString> m_names;
    QHash<UserId, Presence> m_presence;
};

} // namespace natter::client
