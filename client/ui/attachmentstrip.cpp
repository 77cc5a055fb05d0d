#include "ui/attachmentstrip.h"

#include "core/clientcontroller.h"
#include "protocol/limits.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace natter::ui {

using client::AttachmentUploader;

AttachmentStrip::AttachmentStrip(client::ClientController &controller, QWidget *parent)
    : QWidget(parent), m_controller(controller)
{
    setObjectName(QStringLiteral("attachmentStrip"));
    setAccessibleName(tr("Attachments to send"));
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(2);
    m_notice = new QLabel(this);
    m_notice->setWordWrap(true);
    m_notice->setForegroundRole(QPalette::PlaceholderText);
    m_notice->hide();
    m_layout->addWidget(m_notice);
    hide();
    connect(&controller, &client::ClientController::synced, this, &AttachmentStrip::resumeStalled);
}

bool AttachmentStrip::addFile(RoomId room, const QString &path)
{
    const QFileInfo info(path);
    m_notice->hide();
    if (!info.isFile() || !info.isReadable()) {
        m_notice->setText(tr("Cannot read %1.").arg(info.fileName()));
        m_notice->show();
        show();
        return false;
    }
    if (count() >= limits::maxAttachmentsPerMessage) {
        m_notice->setText(tr("At most %n files can be sent with one message.", "",
                             limits::maxAttachmentsPerMessage));
        m_notice->show();
        show();
        return false;
    }
    Item item;
    item.path = info.absoluteFilePath();
    item.room = room;
    item.row = new QWidget(this);
    item.row->setObjectName(QStringLiteral("pendingAttachment"));
    auto *name = new QLabel(tr("%1 (%2)").arg(info.fileName(),
                                              QLocale().formattedDataSize(info.size())),
                            item.row);
    name->setTextFormat(Qt::PlainText);
    item.bar = new QProgressBar(item.row);
    item.bar->setMaximumWidth(160);
    item.bar->setTextVisible(false);
    item.bar->setAccessibleName(tr("Upload progress"));
    item.status = new QLabel(item.row);
    item.status->setTextFormat(Qt::PlainText);
    item.retry = new QToolButton(item.row);
    item.retry->setText(tr("Retry"));
    item.retry->setToolTip(tr("Upload %1 again").arg(info.fileName()));
    auto *remove = new QToolButton(item.row);
    remove->setText(QStringLiteral("✕"));
    remove->setAccessibleName(tr("Remove %1").arg(info.fileName()));
    remove->setToolTip(tr("Remove this file"));
    auto *row = new QHBoxLayout(item.row);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(QStringLiteral("📎"), item.row));
    row->addWidget(name, 1);
    row->addWidget(item.bar);
    row->addWidget(item.status);
    row->addWidget(item.retry);
    row->addWidget(remove);
    m_layout->addWidget(item.row);
    QWidget *key = item.row;
    connect(remove, &QToolButton::clicked, this, [this, key] { this->remove(key); });
    connect(item.retry, &QToolButton::clicked, this, [this, key] {
        if (Item *i = itemFor(key))
            start(*i);
    });
    m_items.append(item);
    start(m_items.last());
    show();
    emit changed();
    return true;
}

AttachmentStrip::Item *AttachmentStrip::itemFor(QWidget *row)
{
    for (Item &i : m_items)
        if (i.row == row)
            return &i;
    return nullptr;
}

void AttachmentStrip::start(Item &item)
{
    if (item.uploader)
        item.uploader->deleteLater();
    item.error.reset();
    item.done.reset();
    AttachmentUploader *up = m_controller.uploadAttachment(item.room, item.path, this);
    item.uploader = up;
    QWidget *key = item.row;
    connect(up, &AttachmentUploader::progress, this, [this, key](qint64 stored, qint64 total) {
        if (Item *i = itemFor(key)) {
            i->bar->setMaximum(1000);
            i->bar->setValue(total > 0 ? int(stored * 1000 / total) : 0);
        }
    });
    connect(up, &AttachmentUploader::finished, this, [this, key](const Attachment &a) {
        if (Item *i = itemFor(key)) {
            i->done = a;
            showState(*i);
            emit changed();
        }
    });
    connect(up, &AttachmentUploader::failed, this, [this, key](const ProtocolError &e) {
        if (Item *i = itemFor(key)) {
            i->error = e;
            showState(*i);
            emit changed();
        }
    });
    showState(item);
}

void AttachmentStrip::showState(Item &item)
{
    item.bar->setVisible(!item.done && !item.error);
    item.retry->setVisible(item.error && item.error->code != ErrorCode::TooLarge
                           && item.error->code != ErrorCode::Unavailable);
    QString text;
    if (item.done)
        text = tr("Ready");
    else if (item.error && item.error->code == ErrorCode::Unavailable)
        text = tr("Waiting for the connection…");
    else if (item.error && item.error->code == ErrorCode::TooLarge)
        text = tr("Too large for this server");
    else if (item.error)
        text = tr("Failed: %1").arg(item.error->message);
    item.status->setText(text);
    item.status->setToolTip(item.error ? item.error->message : QString());
    item.status->setForegroundRole(item.error && item.error->code != ErrorCode::Unavailable
                                       ? QPalette::BrightText : QPalette::WindowText);
    item.status->setStyleSheet(item.error && item.error->code != ErrorCode::Unavailable
                                   ? QStringLiteral("color: #d03030;") : QString());
}

void AttachmentStrip::resumeStalled()
{
    for (Item &i : m_items) {
        if (i.error && i.error->code == ErrorCode::Unavailable && i.uploader) {
            i.error.reset();
            showState(i);
            i.uploader->resume();
        }
    }
    emit changed();
}

void AttachmentStrip::remove(QWidget *row)
{
    for (int n = 0; n < m_items.size(); ++n) {
        Item &i = m_items[n];
        if (i.row != row)
            continue;
        if (i.uploader) {
            if (!i.done)
                i.uploader->cancel();
            i.uploader->deleteLater();
        }
        i.row->deleteLater();
        m_items.removeAt(n);
        break;
    }
    m_notice->hide();
    setVisible(!m_items.isEmpty());
    emit changed();
}

void AttachmentStrip::clear()
{
    while (!m_items.isEmpty())
        remove(m_items.first().row);
    m_notice->hide();
    hide();
}

bool AttachmentStrip::ready() const
{
    if (m_items.isEmpty())
        return false;
    for (const Item &i : m_items)
        if (!i.done)
            return false;
    return true;
}

bool AttachmentStrip::failed() const
{
    for (const Item &i : m_items)
        if (i.error)
            return true;
    return false;
}

QStringList AttachmentStrip::paths() const
{
    QStringList out;
    for (const Item &i : m_items)
        out.append(i.path);
    return out;
}

void AttachmentStrip::release()
{
    for (Item &i : m_items) {
        delete i.uploader.data(); // stops at once; its replies are dropped
        i.row->deleteLater();
    }
    m_items.clear();
    m_notice->hide();
    hide();
    emit changed();
}

bool AttachmentStrip::busy() const
{
    for (const Item &i : m_items)
        if (!i.done)
            return true;
    return false;
}

QList<AttachmentId> AttachmentStrip::ids() const
{
    QList<AttachmentId> out;
    for (const Item &i : m_items)
        if (i.done)
            out.append(i.done->id);
    return out;
}

} // namespace natter::ui
