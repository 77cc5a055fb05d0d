#include "tls/tlsidentity.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QSslConfiguration>

#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace natter::server {

namespace {

template <class T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using PKeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;

/// Everything in a memory BIO, as bytes.
QByteArray drain(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(size));
}

bool addExtension(X509 *cert, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    ExtPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData()));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

/// A self-signed certificate for `key`.
X509Ptr makeCertificate(EVP_PKEY *key, const QString &commonName)
{
    X509Ptr cert(X509_new());
    if (!cert || X509_set_version(cert.get(), 2) != 1)
        return nullptr;
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return nullptr;
    serial[0] &= 0x7f; // positive
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    const bool serialOk = bn && BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    if (!serialOk)
        return nullptr;
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 10L * 365 * 24 * 3600);
    X509_NAME *name = X509_get_subject_name(cert.get());
    const QByteArray cn = commonName.toUtf8().left(64);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>("Natter"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(cn.constData()),
                               -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    if (X509_set_pubkey(cert.get(), key) != 1)
        return nullptr;
    const QByteArray san = "DNS:" + cn + ",DNS:localhost,IP:127.0.0.1,IP:::1";
    if (!addExtension(cert.get(), NID_subject_alt_name, san)
        || !addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(cert.get(), NID_key_usage, "critical,digitalSignature")
        || !addExtension(cert.get(), NID_ext_key_usage, "serverAuth"))
        return nullptr;
    if (X509_sign(cert.get(), key, EVP_sha256()) <= 0)
        return nullptr;
    return cert;
}

bool writeFile(const QString &path, const QByteArray &data, QFileDevice::Permissions permissions, QString *error)
{
    QFile file(path);
    // Created with the final permissions before any byte is written.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, permissions) || file.write(data) != data.size()
        || !file.flush()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool loadFiles(const QString &certPath, const QString &keyPath, TlsIdentity *identity, QString *error)
{
    QFile certFile(certPath), keyFile(keyPath);
    if (!certFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the TLS certificate %1: %2").arg(certPath, certFile.errorString());
        return false;
    }
    if (!keyFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the TLS key %1: %2").arg(keyPath, keyFile.errorString());
        return false;
    }
    const QList<QSslCertificate> certs = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    if (certs.isEmpty() || certs.first().isNull()) {
        *error = QStringLiteral("%1 holds no PEM certificate").arg(certPath);
        return false;
    }
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa, QSsl::Dsa}) {
        key = QSslKey(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        *error = QStringLiteral("%1 holds no unencrypted PEM private key (EC or RSA)").arg(keyPath);
        return false;
    }
    identity->certificate = certs.first();
    identity->chain = certs.mid(1);
    identity->key = key;
    identity->fingerprint = tlsFingerprint(certs.first());
    return true;
}

/// Whether the private key belongs to the certificate (OpenSSL compares the public halves).
bool keyMatches(const QString &certPath, const QString &keyPath)
{
    QFile c(certPath), k(keyPath);
    if (!c.open(QIODevice::ReadOnly) || !k.open(QIODevice::ReadOnly))
        return false;
    const QByteArray certPem = c.readAll(), keyPem = k.readAll();
    BioPtr certBio(BIO_new_mem_buf(certPem.constData(), int(certPem.size())));
    BioPtr keyBio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())));
    X509Ptr cert(PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr));
    PKeyPtr key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
    return cert && key && X509_check_private_key(cert.get(), key.get()) == 1;
}

} // namespace

QString tlsFingerprint(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

bool generateSelfSignedCertificate(const QString &certPath, const QString &keyPath, const QString &commonName,
                                   QString *error)
{
    PKeyPtr key(EVP_EC_gen("P-256"));
    X509Ptr cert = key ? makeCertificate(key.get(), commonName) : nullptr;
    if (!cert) {
        *error = QStringLiteral("OpenSSL could not generate a certificate");
        return false;
    }
    BioPtr keyBio(BIO_new(BIO_s_mem())), certBio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1
        || PEM_write_bio_X509(certBio.get(), cert.get()) != 1) {
        *error = QStringLiteral("OpenSSL could not encode the certificate");
        return false;
    }
    QFile::remove(keyPath);
    QFile::remove(certPath);
    return writeFile(keyPath, drain(keyBio.get()), QFileDevice::ReadOwner | QFileDevice::WriteOwner, error)
        && writeFile(certPath, drain(certBio.get()),
                     QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther,
                     error);
}

bool loadOrCreateTlsIdentity(const QString &certPath, const QString &keyPath, const QString &dataDir,
                             TlsIdentity *identity, QString *error)
{
    if (certPath.isEmpty() != keyPath.isEmpty()) {
        *error = QStringLiteral("give both tls-cert and tls-key, or neither");
        return false;
    }
    QString cert = certPath, key = keyPath;
    identity->generated = false;
    if (cert.isEmpty()) {
        const QString dir = QDir(dataDir).filePath(QStringLiteral("tls"));
        if (!QDir().mkpath(dir)) {
            *error = QStringLiteral("cannot create %1").arg(dir);
            return false;
        }
        QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        cert = QDir(dir).filePath(QStringLiteral("natterd.crt"));
        key = QDir(dir).filePath(QStringLiteral("natterd.key"));
        if (!QFileInfo::exists(cert) || !QFileInfo::exists(key)) {
            if (!generateSelfSignedCertificate(cert, key, QHostInfo::localHostName(), error))
                return false;
            identity->generated = true;
        }
    }
    if (!loadFiles(cert, key, identity, error))
        return false;
    if (!keyMatches(cert, key)) {
        *error = QStringLiteral("the TLS key %1 does not belong to the certificate %2").arg(key, cert);
        return false;
    }
    return true;
}

} // namespace natter::server
