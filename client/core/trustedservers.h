#pragma once
// Trust on first use for natterd's TLS certificates. A self-signed server certificate is
// trusted only once the user accepted its SHA-256 fingerprint (compared with the one natterd
// printed, or `natterd tls-fingerprint`); a later change is refused until the user accepts the
// new one explicitly. Certificates that verify against the system's CAs need no pin.

#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QUrl>

class QWebSocket;

namespace natter::client {

/// SHA-256 of a certificate, "AB:CD:…" (the format natterd prints).
QString certificateFingerprint(const QSslCertificate &certificate);

/// The accepted fingerprints, one per server (host:port), kept in an INI file.
class TrustedServers
{
public:
    enum class Verdict {
        Unknown, ///< never seen: ask the user (first use)
        Trusted, ///< the fingerprint the user accepted
        Changed, ///< a different certificate than the accepted one: refuse, warn loudly
    };

    explicit TrustedServers(QString iniPath);

    Verdict check(const QUrl &server, const QString &fingerprint) const;
    /// The accepted fingerprint, or empty.
    QString pinned(const QUrl &server) const;
    /// The user's explicit decision to trust `fingerprint` for `server` (replaces any earlier).
    void accept(const QUrl &server, const QString &fingerprint);
    void forget(const QUrl &server);

private:
    static QString key(const QUrl &server);
    QString m_path;
};

/// What a connection saw when its certificate did not verify.
struct PinCheck
{
    QUrl server;
    TrustedServers::Verdict verdict = TrustedServers::Verdict::Unknown;
    QString presented; ///< fingerprint of the certificate the server presented
    QString pinned;    ///< the accepted one, if any
    QList<QSslError> errors;
};

/// Applies the pins to one QWebSocket: on TLS errors the connection goes on only when the
/// presented certificate is the pinned one; otherwise it is aborted and refused() tells why
/// (Unknown: offer the user to accept `presented`; Changed: refuse, show both fingerprints).
class CertificatePinner : public QObject
{
    Q_OBJECT
public:
    CertificatePinner(QWebSocket *socket, const TrustedServers &trusted, QObject *parent = nullptr);

Q_SIGNALS:
    void refused(const natter::client::PinCheck &check);

private:
    void onSslErrors(const QList<QSslError> &errors);

    QPointer<QWebSocket> m_socket;
    const TrustedServers &m_trusted;
};

} // namespace natter::client
