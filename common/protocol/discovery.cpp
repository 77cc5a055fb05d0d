#include "protocol/discovery.h"

#include "protocol/jsonreader.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace natter {

namespace {

/// The datagram as a JSON object of the given type, or nullopt with the reason.
std::optional<QJsonObject> parse(const QByteArray &datagram, const char *type, ProtocolError *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = ProtocolError{ErrorCode::BadFrame, why};
        return std::nullopt;
    };
    if (datagram.size() > discovery::maxDatagramBytes)
        return fail(QStringLiteral("datagram too large"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(datagram, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return fail(QStringLiteral("not a JSON object"));
    if (doc.object().value(QStringLiteral("type")).toString() != QLatin1String(type))
        return fail(QStringLiteral("type is not %1").arg(QLatin1String(type)));
    return doc.object();
}

template <class T>
std::optional<T> finish(const JsonReader &r, T value, ProtocolError *error)
{
    if (r.ok())
        return value;
    if (error)
        *error = r.error();
    return std::nullopt;
}

} // namespace

QByteArray DiscoveryProbe::toDatagram() const
{
    return QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("natter.discover")},
                                     {QStringLiteral("version"), version}})
        .toJson(QJsonDocument::Compact);
}

std::optional<DiscoveryProbe> DiscoveryProbe::fromDatagram(const QByteArray &datagram, ProtocolError *error)
{
    const auto object = parse(datagram, "natter.discover", error);
    if (!object)
        return std::nullopt;
    JsonReader r(*object);
    DiscoveryProbe p;
    p.version = int(r.integer("version", 1, 1 << 30));
    return finish(r, p, error);
}

QByteArray DiscoveryAnnouncement::toDatagram() const
{
    return QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("natter.server")},
                                     {QStringLiteral("version"), version},
                                     {QStringLiteral("name"), name},
                                     {QStringLiteral("port"), port},
                                     {QStringLiteral("tls"), tls},
                                     {QStringLiteral("fingerprint"), fingerprint},
                                     {QStringLiteral("server"), server}})
        .toJson(QJsonDocument::Compact);
}

std::optional<DiscoveryAnnouncement> DiscoveryAnnouncement::fromDatagram(const QByteArray &datagram,
                                                                         ProtocolError *error)
{
    const auto object = parse(datagram, "natter.server", error);
    if (!object)
        return std::nullopt;
    JsonReader r(*object);
    DiscoveryAnnouncement a;
    a.version = int(r.integer("version", 1, 1 << 30));
    a.name = r.string("name", 1, discovery::maxNameLength);
    a.port = quint16(r.integer("port", 1, 65535));
    a.tls = r.boolean("tls");
    a.fingerprint = r.string("fingerprint", 0, 95);
    a.server = r.string("server", 0, 128);
    static const QRegularExpression sha256(QStringLiteral("^([0-9A-F]{2}:){31}[0-9A-F]{2}$"));
    if (r.ok() && a.tls && !sha256.match(a.fingerprint).hasMatch())
        r.fail("fingerprint", QStringLiteral("must be 32 upper-case hex pairs joined by colons"));
    if (r.ok() && !a.tls && !a.fingerprint.isEmpty())
        r.fail("fingerprint", QStringLiteral("must be empty without TLS"));
    return finish(r, a, error);
}

} // namespace natter
