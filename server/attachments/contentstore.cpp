#include "attachments/contentstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#include <fcntl.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcFiles, "natter.server.files")

namespace natter::server {

ContentStore::ContentStore(const QString &dataDir)
    : m_files(QDir(dataDir).absoluteFilePath(QStringLiteral("files"))),
      m_staging(QDir(dataDir).absoluteFilePath(QStringLiteral("staging")))
{
}

bool ContentStore::prepare(QString *error) const
{
    if (!QDir().mkpath(m_files) || !QDir().mkpath(m_staging)) {
        *error = QStringLiteral("cannot create the attachment folders in the data directory");
        return false;
    }
    QDir staging(m_staging);
    for (const QString &name : staging.entryList(QDir::Files | QDir::Hidden))
        staging.remove(name);
    return true;
}

QString ContentStore::stagingPath(const QString &uploadId) const { return m_staging + QLatin1Char('/') + uploadId; }

QString ContentStore::stagedThumbnailPath(const QString &uploadId) const
{
    return stagingPath(uploadId) + QStringLiteral(".thumb.jpg");
}

QString ContentStore::bucket(const QString &sha256) const { return m_files + QLatin1Char('/') + sha256.left(2); }

QString ContentStore::contentPath(const QString &sha256) const { return bucket(sha256) + QLatin1Char('/') + sha256; }

QString ContentStore::thumbnailPath(const QString &sha256) const
{
    return contentPath(sha256) + QStringLiteral(".thumb.jpg");
}

bool ContentStore::appendChunk(const QString &path, qint64 offset, const QByteArray &data, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite)) {
        *error = f.errorString();
        return false;
    }
    if (f.size() != offset) {
        *error = QStringLiteral("staged file holds %1 bytes, expected %2").arg(f.size()).arg(offset);
        return false;
    }
    if (!f.seek(offset) || f.write(data) != data.size() || !f.flush()) {
        *error = f.errorString();
        return false;
    }
    return true;
}

std::optional<QString> ContentStore::sha256Of(const QString &path, qint64 *size)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray block(64 * 1024, Qt::Uninitialized);
    qint64 total = 0;
    for (;;) {
        const qint64 n = f.read(block.data(), block.size());
        if (n < 0)
            return std::nullopt;
        if (n == 0)
            break;
        hash.addData(QByteArrayView(block.constData(), n));
        total += n;
    }
    *size = total;
    return QString::fromLatin1(hash.result().toHex());
}

bool ContentStore::sync(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

std::optional<QByteArray> ContentStore::readRange(const QString &path, qint64 offset, qint64 length, qint64 *total)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    *total = f.size();
    if (offset > *total)
        return std::nullopt;
    if (!f.seek(offset))
        return std::nullopt;
    QByteArray data = f.read(qMin(length, *total - offset));
    if (data.size() != qMin(length, *total - offset))
        return std::nullopt;
    return data;
}

bool ContentStore::commit(const QString &uploadId, const QString &sha256, bool withThumbnail, QString *error) const
{
    const QString dir = bucket(sha256);
    if (!QDir().mkpath(dir)) {
        *error = QStringLiteral("cannot create %1").arg(dir);
        return false;
    }
    const auto place = [](const QString &from, const QString &to) {
        if (QFileInfo::exists(to)) { // stored already: identical content, keep that copy
            QFile::remove(from);
            return true;
        }
        return QFile::rename(from, to);
    };
    if (withThumbnail && !place(stagedThumbnailPath(uploadId), thumbnailPath(sha256))) {
        *error = QStringLiteral("cannot store the thumbnail");
        return false;
    }
    if (!place(stagingPath(uploadId), contentPath(sha256))) {
        *error = QStringLiteral("cannot move the upload into storage");
        return false;
    }
    if (!sync(dir) || !sync(m_files)) {
        *error = QStringLiteral("cannot sync the attachment folder");
        return false;
    }
    return true;
}

void ContentStore::removeContent(const QString &sha256) const
{
    QFile::remove(contentPath(sha256));
    QFile::remove(thumbnailPath(sha256));
}

void ContentStore::discardStaged(const QString &uploadId) const
{
    QFile::remove(stagingPath(uploadId));
    QFile::remove(stagedThumbnailPath(uploadId));
}

} // namespace natter::server
