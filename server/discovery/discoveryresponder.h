#pragma once

#include "net/ratelimiter.h"
#include "protocol/discovery.h"

#include <QHostAddress>
#include <QObject>
#include <QUdpSocket>

namespace natter::server {

/// Answers LAN discovery probes (docs/protocol.md §16) with this server's announcement, sent
/// back to the prober only. Probes from outside private, link-local and loopback networks are
/// ignored, and answers are rate-limited server-wide, so the responder cannot be used to
/// reflect traffic at someone else.
class DiscoveryResponder : public QObject
{
    Q_OBJECT
public:
    explicit DiscoveryResponder(DiscoveryAnnouncement announcement, QObject *parent = nullptr);

    /// Binds the UDP port (0 picks one). A loopback `address` binds loopback only; any other
    /// binds all IPv4 interfaces, since broadcasts reach only such sockets.
    bool start(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const { return m_socket.localPort(); }

    /// Whether a probe from `sender` may be answered (private, link-local or loopback).
    static bool isLocalNetwork(const QHostAddress &sender);

private:
    void readPending();

    QUdpSocket m_socket;
    QByteArray m_answer;
    RateLimiter m_limiter{50, 100};
};

} // namespace natter::server
