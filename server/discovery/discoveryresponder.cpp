#include "discovery/discoveryresponder.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QNetworkDatagram>

Q_LOGGING_CATEGORY(lcDiscovery, "natter.server.discovery")

namespace natter::server {

DiscoveryResponder::DiscoveryResponder(DiscoveryAnnouncement announcement, QObject *parent)
    : QObject(parent), m_answer(announcement.toDatagram())
{
    connect(&m_socket, &QUdpSocket::readyRead, this, &DiscoveryResponder::readPending);
}

bool DiscoveryResponder::start(const QHostAddress &address, quint16 port, QString *error)
{
    const QHostAddress bindTo = address.isLoopback() ? address : QHostAddress(QHostAddress::AnyIPv4);
    if (!m_socket.bind(bindTo, port, QUdpSocket::ShareAddress | QUdpSocket::ReuseAddressHint)) {
        *error = QStringLiteral("cannot bind UDP %1:%2 for discovery: %3")
                     .arg(bindTo.toString())
                     .arg(port)
                     .arg(m_socket.errorString());
        return false;
    }
    return true;
}

bool DiscoveryResponder::isLocalNetwork(const QHostAddress &sender)
{
    bool isV4 = false;
    const QHostAddress v4(sender.toIPv4Address(&isV4));
    const QHostAddress a = isV4 ? v4 : sender;
    if (a.isLoopback() || a.isLinkLocal())
        return true;
    static const QList<QPair<QHostAddress, int>> privateNets{
        QHostAddress::parseSubnet(QStringLiteral("10.0.0.0/8")),
        QHostAddress::parseSubnet(QStringLiteral("172.16.0.0/12")),
        QHostAddress::parseSubnet(QStringLiteral("192.168.0.0/16")),
        QHostAddress::parseSubnet(QStringLiteral("100.64.0.0/10")),
        QHostAddress::parseSubnet(QStringLiteral("fc00::/7"))};
    for (const auto &net : privateNets) {
        if (a.isInSubnet(net))
            return true;
    }
    return false;
}

void DiscoveryResponder::readPending()
{
    while (m_socket.hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_socket.receiveDatagram(discovery::maxDatagramBytes + 1);
        if (!datagram.isValid() || !isLocalNetwork(datagram.senderAddress()))
            continue;
        if (!DiscoveryProbe::fromDatagram(datagram.data(), nullptr))
            continue; // not ours, or malformed: no answer
        if (!m_limiter.take(QDateTime::currentMSecsSinceEpoch()))
            continue;
        m_socket.writeDatagram(m_answer, datagram.senderAddress(), quint16(datagram.senderPort()));
        qCDebug(lcDiscovery) << "answered a probe from" << datagram.senderAddress().toString();
    }
}

} // namespace natter::server
