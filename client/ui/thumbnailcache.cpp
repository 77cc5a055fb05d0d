#include "ui/thumbnailcache.h"

#include "core/clientcontroller.h"

#include <QPointer>

namespace natter::ui {

ThumbnailCache::ThumbnailCache(client::ClientController &controller, QObject *parent)
    : QObject(parent), m_controller(controller), m_pixmaps(32 * 1024)
{
}

QPixmap ThumbnailCache::pixmap(const Attachment &attachment)
{
    if (const QPixmap *p = m_pixmaps.object(attachment.sha256))
        return *p;
    if (!attachment.thumbnail || m_requested.contains(attachment.sha256))
        return QPixmap();
    m_requested.insert(attachment.sha256);
    const QString sha = attachment.sha256;
    QPointer<ThumbnailCache> self(this);
    m_controller.fetchThumbnail(attachment, [self, sha](const QString &path) {
        if (!self || path.isEmpty())
            return; // stays in m_requested: no thumbnail, not asked again
        QPixmap loaded(path);
        if (loaded.isNull())
            return;
        self->m_requested.remove(sha);
        self->m_pixmaps.insert(sha, new QPixmap(loaded),
                               qMax<qsizetype>(1, loaded.width() * loaded.height() * 4 / 1024));
        emit self->ready();
    });
    // A thumbnail already on disk arrives at once.
    const QPixmap *p = m_pixmaps.object(sha);
    return p ? *p : QPixmap();
}

} // namespace natter::ui
