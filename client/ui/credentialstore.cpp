#include "ui/credentialstore.h"

#include <qt6keychain/keychain.h>

namespace natter::ui {

namespace {
const QString service = QStringLiteral("Natter");

QString describe(QKeychain::Job *job)
{
    if (job->error() == QKeychain::NoError)
        return QString();
    if (job->error() == QKeychain::NoBackendAvailable || job->error() == QKeychain::OtherError)
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

void CredentialStore::store(const QString &account, const QString &token, Done done)
{
    auto *job = new QKeychain::WritePasswordJob(service);
    job->setAutoDelete(true);
    job->setKey(account);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *j) {
        if (done)
            done(describe(j));
    });
    job->start();
}

void CredentialStore::load(const QString &account, Loaded done)
{
    auto *job = new QKeychain::ReadPasswordJob(service);
    job->setAutoDelete(true);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *j) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        done(read->error() == QKeychain::NoError ? read->textData() : QString(), describe(j));
    });
    job->start();
}

void CredentialStore::remove(const QString &account, Done done)
{
    auto *job = new QKeychain::DeletePasswordJob(service);
    job->setAutoDelete(true);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *j) {
        if (done)
            done(describe(j));
    });
    job->start();
}

} // namespace natter::ui
