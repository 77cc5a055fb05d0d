#pragma once
// natterd's TLS identity: the administrator's certificate and key, or a self-signed pair
// generated on first start (OpenSSL) and kept in the data directory.

#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace natter::server {

struct TlsIdentity
{
    QSslCertificate certificate;        ///< the server's own certificate (first in its file)
    QList<QSslCertificate> chain;       ///< intermediates that followed it in the file
    QSslKey key;
    QString fingerprint;                ///< SHA-256 of the certificate, "AB:CD:…" (95 characters)
    bool generated = false;             ///< created just now by loadOrCreateTlsIdentity()
};

/// The SHA-256 fingerprint of a certificate's DER encoding as 32 upper-case hex pairs joined
/// by colons; what clients pin and administrators compare.
QString tlsFingerprint(const QSslCertificate &certificate);

/// Generates a self-signed certificate (ECDSA P-256, SHA-256, valid 10 years, subject
/// CN=`commonName`, subjectAltName DNS:`commonName`, DNS:localhost, IP:127.0.0.1, IP:::1) and
/// writes it to `certPath` and its key to `keyPath` (mode 0600). Returns false with a reason.
bool generateSelfSignedCertificate(const QString &certPath, const QString &keyPath, const QString &commonName,
                                   QString *error);

/// With `certPath`/`keyPath` given (the administrator's PEM files), loads them; both must be
/// readable and the key must match the certificate. Otherwise uses
/// `<dataDir>/tls/natterd.crt` and `natterd.key`, generating them when absent.
bool loadOrCreateTlsIdentity(const QString &certPath, const QString &keyPath, const QString &dataDir,
                             TlsIdentity *identity, QString *error);

} // namespace natter::server
