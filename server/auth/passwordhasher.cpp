#include "auth/passwordhasher.h"

#include <QPointer>
#include <QThread>
#include <sodium.h>

namespace natter::server {

PasswordHasher::PasswordHasher(bool fast, int maxPending)
    : m_opsLimit(fast ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE),
      m_memLimit(fast ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE),
      m_maxPending(maxPending)
{
    if (sodium_init() < 0)
        qFatal("libsodium failed to initialise");
    m_pool.setMaxThreadCount(qMax(1, QThread::idealThreadCount()));
    char out[crypto_pwhash_STRBYTES];
    const QByteArray dummy = QByteArrayLiteral("natter-dummy-password");
    if (crypto_pwhash_str(out, dummy.constData(), dummy.size(), m_opsLimit, m_memLimit) == 0)
        m_dummyHash = QByteArray(out);
}

PasswordHasher::~PasswordHasher() { m_pool.waitForDone(); }

bool PasswordHasher::submit(std::function<void()> work)
{
    if (m_pending.load() >= m_maxPending)
        return false;
    ++m_pending;
    m_pool.start([this, work = std::move(work)] {
        work();
        --m_pending;
    });
    return true;
}

bool PasswordHasher::hash(const QString &password, QObject *context,
                          std::function<void(const QString &)> done)
{
    QPointer<QObject> guard(context);
    return submit([this, password, guard, context, done = std::move(done)] {
        const QByteArray utf8 = password.toUtf8();
        char out[crypto_pwhash_STRBYTES];
        QString result;
        if (crypto_pwhash_str(out, utf8.constData(), quint64(utf8.size()), m_opsLimit, m_memLimit) == 0)
            result = QString::fromLatin1(out);
        QMetaObject::invokeMethod(context, [guard, done, result] {
            if (guard)
                done(result);
        }, Qt::QueuedConnection);
    });
}

QString PasswordHasher::hashNow(const QString &password) const
{
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, utf8.constData(), quint64(utf8.size()), m_opsLimit, m_memLimit) != 0)
        return {};
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &hash, const QString &password, QObject *context,
                            std::function<void(bool)> done)
{
    QPointer<QObject> guard(context);
    return submit([this, hash, password, guard, context, done = std::move(done)] {
        const QByteArray utf8 = password.toUtf8();
        const QByteArray stored = hash.isEmpty() ? m_dummyHash : hash.toLatin1();
        // An unknown user verifies against the dummy hash: the same work, and always false.
        const bool matches =
            crypto_pwhash_str_verify(stored.constData(), utf8.constData(), quint64(utf8.size())) == 0;
        const bool ok = !hash.isEmpty() && matches;
        QMetaObject::invokeMethod(context, [guard, done, ok] {
            if (guard)
                done(ok);
        }, Qt::QueuedConnection);
    });
}

} // namespace natter::server
