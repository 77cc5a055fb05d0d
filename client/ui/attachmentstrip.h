#pragma once
// The composer's pending attachments: one row per file with its name, size, upload progress
// and a remove button (and retry after a failure). Uploads start as soon as a file is added
// (AttachmentUploader) and resume by themselves after a reconnect; the message can be sent
// once every row has finished (ready()), with ids() as its attachmentIds.

#include "protocol/errorcode.h"
#include "protocol/ids.h"
#include "protocol/types.h"

#include <QPointer>
#include <optional>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;
class QVBoxLayout;

namespace natter::client {
class AttachmentUploader;
class ClientController;
} // namespace natter::client

namespace natter::ui {

class AttachmentStrip : public QWidget
{
    Q_OBJECT
public:
    explicit AttachmentStrip(client::ClientController &controller, QWidget *parent = nullptr);

    /// Starts uploading the local file `path` into `room`; false (with a message shown in the
    /// strip) if it cannot be read or too many files are pending.
    bool addFile(RoomId room, const QString &path);
    /// Drops every row (unfinished uploads are cancelled on the server).
    void clear();

    int count() const { return int(m_items.size()); }
    /// True if there are rows and every upload has finished.
    bool ready() const;
    /// True if any upload is still running or failed.
    bool busy() const;
    /// The finished uploads' ids, in the order added.
    QList<AttachmentId> ids() const;
    /// True if an upload failed (retry or remove it before sending).
    bool failed() const;
    /// Every row's local file, in the order added.
    QStringList paths() const;
    /// Drops every row without cancelling unfinished uploads on the server: the message is
    /// handed to ClientController::sendMessageWithFiles(), whose uploads resume them.
    void release();

signals:
    /// A row was added, removed, finished or failed (Send may change state).
    void changed();

private:
    struct Item
    {
        QString path;
        RoomId room;
        QPointer<client::AttachmentUploader> uploader;
        std::optional<Attachment> done;
        std::optional<ProtocolError> error;
        QWidget *row = nullptr;
        QLabel *status = nullptr;
        QProgressBar *bar = nullptr;
        QToolButton *retry = nullptr;
    };
    void start(Item &item);
    void remove(QWidget *row);
    Item *itemFor(QWidget *row);
    void showState(Item &item);
    void resumeStalled();

    client::ClientController &m_controller;
    QVBoxLayout *m_layout;
    QLabel *m_notice;
    QList<Item> m_items;
};

} // namespace natter::ui
