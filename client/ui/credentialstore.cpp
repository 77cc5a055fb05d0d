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

QString CredentialStore::accountKey(const QString &server, const QString &username)
{
    return username.toLower() + QLatin1Char('@') + server;
}

void CredentialStore::store(const QString &account, const QString &token, Done done)
{
    auto *job = new QKeychain::WritePasswordJob(service, this);
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
    auto *job = new QKeychain::ReadPasswordJob(service, this);
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
    auto *job = new QKeychain::DeletePasswordJob(service, this);
    job->setAutoDelete(true);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *j) {
        if (done)
            done(describe(j));
    });
    job->start();
}

} // namespace natter::ui
