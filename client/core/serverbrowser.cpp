#include "core/serverbrowser.h"

#include <QNetworkDatagram>
#include <QNetworkInterface>
#include <algorithm>

namespace natter::client {

QUrl DiscoveredServer::url() const
{
    QUrl url;
    url.setScheme(announcement.tls ? QStringLiteral("wss") : QStringLiteral("ws"));
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    url.setHost(isV4 ? QHostAddress(v4).toString() : address.toString());
    url.setPort(announcement.port);
    return url;
}

ServerBrowser::ServerBrowser(QObject *parent) : QObject(parent)
{
    connect(&m_socket, &QUdpSocket::readyRead, this, &ServerBrowser::readPending);
}

QList<QHostAddress> ServerBrowser::broadcastTargets()
{
    QList<QHostAddress> out{QHostAddress(QHostAddress::Broadcast)};
    for (const QNetworkInterface &iface : QNetworkInterface::allInterfaces()) {
        if (!(iface.flags() & QNetworkInterface::IsUp) || !(iface.flags() & QNetworkInterface::CanBroadcast))
            continue;
        for (const QNetworkAddressEntry &entry : iface.addressEntries()) {
            if (!entry.broadcast().isNull() && !out.contains(entry.broadcast()))
                out.append(entry.broadcast());
        }
    }
    return out;
}

void ServerBrowser::probe(quint16 port, const QList<QHostAddress> &targets)
{
    if (m_socket.state() != QAbstractSocket::BoundState)
        m_socket.bind(QHostAddress(QHostAddress::AnyIPv4), 0);
    const QByteArray probe = DiscoveryProbe{}.toDatagram();
    for (const QHostAddress &target : targets.isEmpty() ? broadcastTargets() : targets)
        m_socket.writeDatagram(probe, target, port);
}

void ServerBrowser::clear() { m_servers.clear(); }

void ServerBrowser::readPending()
{
    while (m_socket.hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_socket.receiveDatagram(discovery::maxDatagramBytes + 1);
        const auto announcement = DiscoveryAnnouncement::fromDatagram(datagram.data(), nullptr);
        if (!announcement)
            continue; // malformed answers are ignored
        const DiscoveredServer found{datagram.senderAddress(), *announcement};
        const auto known = std::find_if(m_servers.begin(), m_servers.end(),
                                        [&](const DiscoveredServer &s) { return s.url() == found.url(); });
        if (known == m_servers.end()) {
            m_servers.append(found);
        } else if (known->announcement.toDatagram() != found.announcement.toDatagram()) {
            *known = found; // restarted with another certificate or name
        } else {
            continue;
        }
        Q_EMIT serverFound(found);
    }
}

} // namespace natter::client
