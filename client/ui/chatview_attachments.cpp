// ChatView: attaching files (button, drop, paste) and opening or saving received attachments.
#include "ui/chatview.h"

#include "core/clientcontroller.h"
#include "core/models/timelinemodel.h"
#include "ui/attachmentstrip.h"
#include "ui/messagedelegate.h"

#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QStandardPaths>
#include <QToolButton>
#include <QRegularExpression>
#include <QUrl>

namespace natter::ui {

using client::TimelineModel;

namespace {
/// Local files among dropped or pasted data.
QStringList localFiles(const QMimeData *data)
{
    QStringList out;
    if (!data || !data->hasUrls())
        return out;
    for (const QUrl &url : data->urls())
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            out.append(url.toLocalFile());
    return out;
}

/// A file name the local disk accepts, from a name another user chose.
QString safeFileName(const QString &name)
{
    QString out = QFileInfo(name).fileName();
    out.replace(QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|\\x00-\\x1f]")), QStringLiteral("_"));
    return out.isEmpty() || out == QStringLiteral(".") || out == QStringLiteral("..")
        ? QStringLiteral("attachment") : out;
}
} // namespace

bool ComposerEdit::canInsertFromMimeData(const QMimeData *source) const
{
    return !localFiles(source).isEmpty() || (source && source->hasImage())
        || QPlainTextEdit::canInsertFromMimeData(source);
}

void ComposerEdit::insertFromMimeData(const QMimeData *source)
{
    const QStringList files = localFiles(source);
    if (!files.isEmpty()) {
        emit filesDropped(files);
        return;
    }
    if (source->hasImage() && !source->hasText()) {
        emit imagePasted(qvariant_cast<QImage>(source->imageData()));
        return;
    }
    QPlainTextEdit::insertFromMimeData(source);
}

void ChatView::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_room.isValid() && !m_closed && !localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void ChatView::dropEvent(QDropEvent *event)
{
    const QStringList files = localFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    attachFiles(files);
}

void ChatView::chooseFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Attach files"));
    attachFiles(files);
}

void ChatView::attachFiles(const QStringList &paths)
{
    if (!m_room.isValid() || m_closed)
        return;
    for (const QString &path : paths)
        if (!m_attachments->addFile(m_room, path))
            break;
    focusComposer();
}

void ChatView::attachImage(const QImage &image)
{
    if (image.isNull() || m_controller.cachePath().isEmpty())
        return;
    // Pasted pixels become a PNG file in the account's cache folder, uploaded like any file.
    const QString folder = QFileInfo(m_controller.cachePath()).absolutePath()
                           + QStringLiteral("/pasted");
    QDir().mkpath(folder);
    const QString path = folder + QStringLiteral("/pasted-%1.png")
                                      .arg(QDateTime::currentDateTime().toString(
                                          QStringLiteral("yyyyMMdd-HHmmss-zzz")));
    if (image.save(path, "PNG"))
        attachFiles({path});
}

void ChatView::updateSendEnabled()
{
    const bool hasText = !m_composer->toPlainText().trimmed().isEmpty();
    const bool ok = m_mode == Mode::Edit
        ? hasText
        : !m_attachments->failed() && (hasText || m_attachments->count() > 0);
    m_send->setEnabled(m_room.isValid() && !m_closed && ok);
    m_send->setToolTip(m_attachments->busy() && m_mode != Mode::Edit
                           ? tr("Send (Enter); the message follows once its files are uploaded")
                           : tr("Send the message (Enter)"));
}

void ChatView::fillAttachmentMenu(QMenu &menu, const QModelIndex &index)
{
    const auto files = index.data(TimelineModel::AttachmentsRole).value<QList<Attachment>>();
    const QPersistentModelIndex at(index);
    for (int i = 0; i < files.size(); ++i) {
        const QString name = files.at(i).name;
        menu.addAction(tr("Open %1").arg(name), this, [this, at, i] { openAttachment(at, i); });
        menu.addAction(tr("Save %1 as…").arg(name), this,
                       [this, at, i] { saveAttachmentAs(at, i); });
    }
    if (!files.isEmpty())
        menu.addSeparator();
}

void ChatView::onDoubleClicked(const QModelIndex &index)
{
    const auto files = index.data(TimelineModel::AttachmentsRole).value<QList<Attachment>>();
    if (files.isEmpty())
        return;
    auto *delegate = qobject_cast<MessageDelegate *>(m_list->itemDelegate());
    QStyleOptionViewItem option;
    option.initFrom(m_list);
    option.rect = m_list->visualRect(index);
    const QPoint pos = m_list->viewport()->mapFromGlobal(QCursor::pos());
    int which = delegate ? delegate->attachmentAt(option, index, pos) : -1;
    if (which < 0 && files.size() == 1)
        which = 0;
    if (which >= 0)
        openAttachment(index, which);
}

void ChatView::saveAttachmentAs(const QModelIndex &index, int which)
{
    const auto files = index.data(TimelineModel::AttachmentsRole).value<QList<Attachment>>();
    if (which < 0 || which >= files.size())
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save attachment"), folder + u'/' + safeFileName(files.at(which).name));
    if (!path.isEmpty())
        downloadAttachment(index, which, path, false);
}

void ChatView::openAttachment(const QModelIndex &index, int which)
{
    const auto files = index.data(TimelineModel::AttachmentsRole).value<QList<Attachment>>();
    if (which < 0 || which >= files.size() || m_controller.cachePath().isEmpty())
        return;
    const Attachment &a = files.at(which);
    // Opened files live in the account's cache, one folder per content hash.
    const QString path = QFileInfo(m_controller.cachePath()).absolutePath()
                         + QStringLiteral("/files/") + safeFileName(a.sha256) + u'/'
                         + safeFileName(a.name);
    if (QFileInfo::exists(path)) {
        QDesktopServices::openUrl(QUrl::fromLocalFile(path));
        return;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    downloadAttachment(index, which, path, true);
}

void ChatView::downloadAttachment(const QModelIndex &index, int which, const QString &path,
                                  bool open)
{
    const auto files = index.data(TimelineModel::AttachmentsRole).value<QList<Attachment>>();
    if (which < 0 || which >= files.size())
        return;
    const Attachment a = files.at(which);
    auto *down = m_controller.downloadAttachment(a, path, this);
    m_transfer->setText(tr("Downloading %1…").arg(a.name));
    m_transfer->show();
    connect(down, &client::AttachmentDownloader::progress, this,
            [this, a](qint64 received, qint64 total) {
                const int percent = total > 0 ? int(received * 100 / total) : 0;
                m_transfer->setText(tr("Downloading %1… %2%").arg(a.name).arg(percent));
            });
    connect(down, &client::AttachmentDownloader::finished, this,
            [this, a, open, down](const QString &file) {
                m_transfer->setText(tr("Saved %1 to %2").arg(a.name, QDir::toNativeSeparators(file)));
                if (open)
                    QDesktopServices::openUrl(QUrl::fromLocalFile(file));
                down->deleteLater();
            });
    connect(down, &client::AttachmentDownloader::failed, this,
            [this, a, down](const ProtocolError &error) {
                m_transfer->setText(tr("Could not download %1: %2").arg(a.name, error.message));
                down->deleteLater();
            });
}

} // namespace natter::ui
