#pragma once
// LAN discovery for the client (docs/protocol.md §16): broadcasts a probe and collects the
// announcements of the natterd servers that answer. No Widgets: the login screen shows
// servers() and listens to serverFound().

#include "protocol/discovery.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QUdpSocket>
#include <QUrl>

namespace natter::client {

/// One server that answered, and where it answered from.
struct DiscoveredServer
{
    QHostAddress address;
    DiscoveryAnnouncement announcement;
    /// ws:// or wss:// URL to connect to.
    QUrl url() const;
};

class ServerBrowser : public QObject
{
    Q_OBJECT
public:
    explicit ServerBrowser(QObject *parent = nullptr);

    /// Sends one probe to each of `targets` on `port` (default: the IPv4 broadcast address,
    /// and the broadcast address of every IPv4 interface that has one). May be repeated; a
    /// server that answers again is not reported twice.
    void probe(quint16 port = discovery::defaultPort, const QList<QHostAddress> &targets = {});
    /// Forgets the servers found so far.
    void clear();
    const QList<DiscoveredServer> &servers() const { return m_servers; }

Q_SIGNALS:
    /// A server not seen before answered (or answered with changed details).
    void serverFound(const natter::client::DiscoveredServer &server);

private:
    void readPending();
    static QList<QHostAddress> broadcastTargets();

    QUdpSocket m_socket;
    QList<DiscoveredServer> m_servers;
};

} // namespace natter::client
