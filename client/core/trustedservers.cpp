#include "core/trustedservers.h"

#include <QSettings>
#include <QWebSocket>

namespace natter::client {

QString certificateFingerprint(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

TrustedServers::TrustedServers(QString iniPath) : m_path(std::move(iniPath)) {}

QString TrustedServers::key(const QUrl &server)
{
    // "host:port" with the port wss:// implies; '/' separates QSettings groups, so avoid it.
    return QStringLiteral("%1_%2").arg(server.host().toLower()).arg(server.port(443));
}

TrustedServers::Verdict TrustedServers::check(const QUrl &server, const QString &fingerprint) const
{
    const QString known = pinned(server);
    if (known.isEmpty())
        return Verdict::Unknown;
    return known.compare(fingerprint, Qt::CaseInsensitive) == 0 ? Verdict::Trusted : Verdict::Changed;
}

QString TrustedServers::pinned(const QUrl &server) const
{
    QSettings s(m_path, QSettings::IniFormat);
    return s.value(QStringLiteral("pins/") + key(server)).toString();
}

void TrustedServers::accept(const QUrl &server, const QString &fingerprint)
{
    QSettings s(m_path, QSettings::IniFormat);
    s.setValue(QStringLiteral("pins/") + key(server), fingerprint.toUpper());
    s.sync();
}

void TrustedServers::forget(const QUrl &server)
{
    QSettings s(m_path, QSettings::IniFormat);
    s.remove(QStringLiteral("pins/") + key(server));
    s.sync();
}

CertificatePinner::CertificatePinner(QWebSocket *socket, const TrustedServers &trusted, QObject *parent)
    : QObject(parent), m_socket(socket), m_trusted(trusted)
{
    connect(socket, &QWebSocket::sslErrors, this, &CertificatePinner::onSslErrors);
}

void CertificatePinner::onSslErrors(const QList<QSslError> &errors)
{
    if (!m_socket)
        return;
    PinCheck check;
    check.server = m_socket->requestUrl();
    check.presented = certificateFingerprint(m_socket->sslConfiguration().peerCertificate());
    check.pinned = m_trusted.pinned(check.server);
    check.verdict = m_trusted.check(check.server, check.presented);
    check.errors = errors;
    if (check.verdict == TrustedServers::Verdict::Trusted) {
        m_socket->ignoreSslErrors(); // the pin replaces CA trust for this server
        return;
    }
    m_socket->abort();
    Q_EMIT refused(check);
}

} // namespace natter::client
