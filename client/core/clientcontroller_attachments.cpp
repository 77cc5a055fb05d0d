// ClientController: attachment uploads, downloads and the thumbnail disk cache.
#include "core/clientcontroller.h"

#include <QDir>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QRegularExpression>

namespace natter::client {

namespace {
/// A sha256 as the server sends it: 64 lowercase hex digits (anything else is not a file name).
bool isSha256(const QString &hex)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{64}$"));
    return re.match(hex).hasMatch();
}
} // namespace

AttachmentUploader *ClientController::uploadAttachment(RoomId room, const QString &path,
                                                       QObject *owner)
{
    auto *uploader = new AttachmentUploader(m_session.connection(), owner);
    const QString mime = QMimeDatabase().mimeTypeForFile(path).name();
    uploader->start(path, room, mime);
    return uploader;
}

AttachmentDownloader *ClientController::downloadAttachment(const Attachment &attachment,
                                                           const QString &path, QObject *owner)
{
    auto *downloader = new AttachmentDownloader(m_session.connection(), owner);
    downloader->start(attachment.id, path, attachment.sha256);
    return downloader;
}

QString ClientController::cachedThumbnail(const Attachment &attachment) const
{
    if (m_cachePath.isEmpty() || !attachment.thumbnail || !isSha256(attachment.sha256))
        return QString();
    const QString path = QFileInfo(m_cachePath).absolutePath() + QStringLiteral("/thumbnails/")
                         + attachment.sha256 + QStringLiteral(".jpg");
    return path;
}

void ClientController::fetchThumbnail(const Attachment &attachment,
                                      std::function<void(const QString &)> done)
{
    const QString path = cachedThumbnail(attachment);
    if (path.isEmpty()) {
        done(QString());
        return;
    }
    if (QFileInfo::exists(path)) {
        done(path);
        return;
    }
    auto &waiters = m_thumbnailWaiters[attachment.sha256];
    waiters.append(std::move(done));
    if (waiters.size() > 1)
        return; // already being fetched
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto *downloader = new AttachmentDownloader(m_session.connection(), this);
    const QString sha = attachment.sha256;
    auto deliver = [this, sha, downloader](const QString &file) {
        const auto list = m_thumbnailWaiters.take(sha);
        for (const auto &w : list)
            w(file);
        downloader->deleteLater();
    };
    connect(downloader, &AttachmentDownloader::finished, this, deliver);
    connect(downloader, &AttachmentDownloader::failed, this,
            [deliver](const ProtocolError &) { deliver(QString()); });
    downloader->start(attachment.id, path, QString(), true);
}

} // namespace natter::client
