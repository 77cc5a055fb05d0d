#include "ui/credentialstore.h"

#include <QSettings>
#include <qt6keychain/keychain.h>

namespace natter::ui {

namespace {
const QString service = QStringLiteral("Natter");

bool noKeyring(QKeychain::Job *job)
{
    return job->error() == QKeychain::NoBackendAvailable || job->error() == QKeychain::OtherError;
}

QString describe(QKeychain::Job *job)
{
    if (job->error() == QKeychain::NoError)
        return QString();
    if (noKeyring(job))
        return CredentialStore::tr("no system keyring is available (%1)").arg(job->errorString());
    return job->errorString();
}
} // namespace

// Jobs have no parent: a keyring reply (libsecret, asynchronous) may arrive after the store is
// gone, and it must find its job alive. Each job deletes itself once finished (autoDelete); the
// connections to `this` end with the store, so a late reply calls nobody.

QString CredentialStore::accountKey(const QString &server, const QString &username)
{
    return username.toLower() + QLatin1Char('@') + server;
}

QString CredentialStore::fallbackKey(const QString &account)
{
    // QSettings treats '/' and '\' as group separators; keep the key one level deep.
    QString key = account;
    key.replace(QLatin1Char('/'), QLatin1Char('|')).replace(QLatin1Char('\\'), QLatin1Char('|'));
    return QStringLiteral("sessionTokens/") + QString::fromLatin1(key.toUtf8().toPercentEncoding());
}

void CredentialStore::store(const QString &account, const QString &token, Done done)
{
    auto *job = new QKeychain::WritePasswordJob(service);
    job->setAutoDelete(true);
    job->setKey(account);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [this, account, token, done](QKeychain::Job *j) {
        QString error = describe(j);
        if (j->error() == QKeychain::NoError) {
            forgetFallback(account); // a copy from a time without a keyring must not linger
        } else if (noKeyring(j)) {
            QSettings settings;
            settings.setValue(fallbackKey(account), token);
            settings.sync();
            // isWritable(), not status(): Qt 6.4 may report AccessError after a successful sync.
            if (settings.isWritable()) {
                emit fallbackUsed(error);
                error.clear();
            }
        }
        if (done)
            done(error);
    });
    job->start();
}

void CredentialStore::load(const QString &account, Loaded done)
{
    auto *job = new QKeychain::ReadPasswordJob(service);
    job->setAutoDelete(true);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [this, account, done](QKeychain::Job *j) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        const QString fallback = QSettings().value(fallbackKey(account)).toString();
        if (read->error() == QKeychain::NoError) {
            if (!fallback.isEmpty())
                forgetFallback(account);
            done(read->textData(), QString());
            return;
        }
        const QString error = describe(j);
        if (noKeyring(j) && !fallback.isEmpty()) {
            emit fallbackUsed(error);
            done(fallback, QString());
            return;
        }
        if (read->error() == QKeychain::EntryNotFound && !fallback.isEmpty()) {
            // Saved while there was no keyring; there is one now: the token moves into it (and
            // the plain copy is removed once the keyring holds it).
            store(account, fallback, {});
            done(fallback, QString());
            return;
        }
        done(QString(), read->error() == QKeychain::EntryNotFound ? QString() : error);
    });
    job->start();
}

void CredentialStore::forgetFallback(const QString &account)
{
    QSettings settings;
    settings.remove(fallbackKey(account));
    settings.sync();
}

void CredentialStore::remove(const QString &account, Done done)
{
    forgetFallback(account);
    auto *job = new QKeychain::DeletePasswordJob(service);
    job->setAutoDelete(true);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *j) {
        if (done)
            done(noKeyring(j) || j->error() == QKeychain::EntryNotFound ? QString() : describe(j));
    });
    job->start();
}

} // namespace natter::ui
