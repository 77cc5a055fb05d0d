#pragma once
// LAN discovery datagrams (UDP, docs/protocol.md §16). They are not WebSocket frames, so they
// are not in registry.h: a client broadcasts a probe, every natterd that hears it answers the
// sender with one announcement.

#include "protocol/errorcode.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace natter {

namespace discovery {
constexpr quint16 defaultPort = 7448;
constexpr int version = 1;
constexpr int maxDatagramBytes = 1024; ///< larger datagrams are ignored unread
constexpr int maxNameLength = 64;
} // namespace discovery

/// "Which Natter servers are there?" — {"type":"natter.discover","version":1}.
struct DiscoveryProbe
{
    int version = discovery::version;
    QByteArray toDatagram() const;
    /// Strict: nullopt (with the reason) for anything else, including other protocols' traffic.
    static std::optional<DiscoveryProbe> fromDatagram(const QByteArray &datagram, ProtocolError *error);
};

/// A server's answer: where to connect and which certificate to expect.
struct DiscoveryAnnouncement
{
    int version = discovery::version;
    QString name;         ///< the server's display name (1–64)
    quint16 port = 0;     ///< its WebSocket port
    bool tls = true;      ///< wss:// (true) or ws://
    QString fingerprint;  ///< SHA-256 of its certificate, "AB:CD:…" (95 characters); empty without TLS
    QString server;       ///< "natterd/<version>"
    QByteArray toDatagram() const;
    static std::optional<DiscoveryAnnouncement> fromDatagram(const QByteArray &datagram, ProtocolError *error);
};

} // namespace natter
