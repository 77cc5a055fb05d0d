#include "notifications/notifier.h"

#include "messages/mentions.h"
#include "net/clientconnection.h"
#include "net/connectionregistry.h"

namespace natter::server {

void Notifier::notify(UserId to, const NotificationEvent &event)
{
    m_registry.pushToUser(to, QString::fromUtf8(encodeEvent(event)));
}

QString Notifier::preview(const QString &body)
{
    qsizetype n = qMin(body.size(), qsizetype(previewLength));
    if (n < body.size() && n > 0 && body.at(n - 1).isHighSurrogate())
        --n; // never split a surrogate pair
    return body.left(n);
}

bool Notifier::isViewing(UserId user, RoomId room) const
{
    const QList<ClientConnection *> connections = m_registry.connectionsOf(user);
    return std::any_of(connections.begin(), connections.end(),
                       [room](const ClientConnection *c) { return c->viewing() == room; });
}

void Notifier::notifyMessage(const Message &message, const QList<User> &members)
{
    if (message.kind != timeline::message)
        return;
    QString plain;
    QString mentioned;
    for (const User &member : members) {
        if (member.id == message.senderId || !m_registry.isOnline(member.id)
            || isViewing(member.id, message.roomId))
            continue;
        const bool mention = mentions(message.body, member.username);
        QString &frame = mention ? mentioned : plain;
        if (frame.isEmpty()) {
            frame = QString::fromUtf8(encodeEvent(NotificationEvent{
                QStringLiteral("message"), message.roomId, message.senderId, message.seq,
                preview(message.body), mention}));
        }
        m_registry.pushToUser(member.id, frame);
    }
}

} // namespace natter::server
