#pragma once
// Image thumbnails for the timeline, in memory: the delegate asks for an attachment's
// thumbnail while painting; the first request fetches it through the controller (which keeps
// it on disk in the account's cache, by sha256) and ready() asks the view to paint again.

#include "protocol/types.h"

#include <QCache>
#include <QObject>
#include <QPixmap>
#include <QSet>

namespace natter::client {
class ClientController;
}

namespace natter::ui {

class ThumbnailCache : public QObject
{
    Q_OBJECT
public:
    explicit ThumbnailCache(client::ClientController &controller, QObject *parent = nullptr);

    /// The thumbnail of `attachment` if loaded; otherwise a null pixmap, and it is fetched.
    QPixmap pixmap(const Attachment &attachment);

signals:
    /// A thumbnail arrived; views should repaint.
    void ready();

private:
    client::ClientController &m_controller;
    QCache<QString, QPixmap> m_pixmaps; ///< by sha256, cost in KiB
    QSet<QString> m_requested;          ///< being fetched, or without a thumbnail
};

} // namespace natter::ui
