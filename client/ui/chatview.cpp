#include "ui/chatview.h"

#include "core/clientcontroller.h"
#include "protocol/lifecyclerequests.h"
#include "ui/attachmentstrip.h"
#include "ui/messagedelegate.h"
#include "ui/thumbnailcache.h"
#include "ui/roommenu.h"
#include "ui/style.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDialog>
#include <QListWidget>
#include <QMessageBox>
#include <QShortcut>
#include <QToolButton>
#include <QHBoxLayout>
#include <QIdentityProxyModel>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

namespace natter::ui {

using client::TimelineModel;

namespace {
/// The view must not fetch by itself: QAbstractItemView fetches whenever the last row is
/// visible, which in a chat (scrolled to the bottom) would load the whole history. ChatView
/// fetches older entries when the user scrolls to the top.
class NoAutoFetchProxy : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    bool canFetchMore(const QModelIndex &) const override { return false; }
    void fetchMore(const QModelIndex &) override {}
};
constexpr int typingIdleMs = 4000;
} // namespace

QSize ComposerEdit::sizeHint() const
{
    return {300, fontMetrics().height() * 3 + 12};
}

void ComposerEdit::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    if (enter && ((m_enterSends && !shift && !ctrl) || (!m_enterSends && ctrl))) {
        emit submitted();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

ChatView::ChatView(client::ClientController &controller, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_proxy(new NoAutoFetchProxy(this))
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("chatTitle"));
    updateTitleFont();
    m_title->setTextFormat(Qt::PlainText);
    m_topic = new QLabel(this);
    m_topic->setTextFormat(Qt::PlainText);
    m_topic->setForegroundRole(QPalette::PlaceholderText);
    m_mutedMark = new QLabel(this);
    m_mutedMark->setObjectName(QStringLiteral("mutedMark"));
    m_mutedMark->setToolTip(tr("Muted: no alerts, except when you are mentioned"));
    m_mutedMark->setAccessibleName(tr("Muted"));
    m_mutedMark->hide();
    updateMutedMark();

    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("timeline"));
    m_list->setAccessibleName(tr("Messages"));
    m_list->setModel(m_proxy);
    m_thumbnails = new ThumbnailCache(controller, this);
    auto *delegate = new MessageDelegate(m_list);
    delegate->setThumbnails(m_thumbnails);
    m_list->setItemDelegate(delegate);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_typing = new QLabel(this);
    m_typing->setForegroundRole(QPalette::PlaceholderText);
    m_composer = new ComposerEdit(this);
    m_composer->setObjectName(QStringLiteral("composer"));
    m_composer->setAccessibleName(tr("Message"));
    m_composer->setPlaceholderText(tr("Write a message…"));
    m_send = new QPushButton(QIcon(QStringLiteral(":/icons/send.svg")), tr("Send"), this);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setToolTip(tr("Send the message (Enter)"));
    m_attach = new QToolButton(this);
    m_attach->setObjectName(QStringLiteral("attachButton"));
    m_attach->setIcon(QIcon(QStringLiteral(":/icons/attach.svg")));
    m_attach->setAccessibleName(tr("Attach files"));
    m_attach->setToolTip(tr("Attach files (or drop or paste them here)"));
    m_attachments = new AttachmentStrip(controller, this);
    m_transfer = new QLabel(this);
    m_transfer->setObjectName(QStringLiteral("transferStatus"));
    m_transfer->setTextFormat(Qt::PlainText);
    m_transfer->setWordWrap(true);
    m_transfer->hide();
    setAcceptDrops(true);

    m_modeBar = new QWidget(this);
    m_modeLabel = new QLabel(m_modeBar);
    m_modeLabel->setTextFormat(Qt::PlainText);
    auto *cancel = new QToolButton(m_modeBar);
    cancel->setText(tr("Cancel"));
    cancel->setToolTip(tr("Cancel (Esc)"));
    auto *modeRow = new QHBoxLayout(m_modeBar);
    modeRow->setContentsMargins(0, 0, 0, 0);
    modeRow->addWidget(m_modeLabel, 1);
    modeRow->addWidget(cancel);
    m_modeBar->hide();
    connect(cancel, &QToolButton::clicked, this, &ChatView::cancelMode);
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_composer, nullptr, nullptr,
                                 Qt::WidgetShortcut);
    connect(escape, &QShortcut::activated, this, &ChatView::cancelMode);

    m_empty = new QLabel(tr("Pick a conversation on the left, or add a friend to start one."), this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    m_body = new QWidget(this);
    m_roomMenu = new QToolButton(this);
    m_roomMenu->setObjectName(QStringLiteral("roomMenuButton"));
    m_roomMenu->setText(QStringLiteral("⋯"));
    m_roomMenu->setAccessibleName(tr("Conversation menu"));
    m_roomMenu->setToolTip(tr("Conversation menu"));
    m_roomMenu->setPopupMode(QToolButton::InstantPopup);
    m_roomMenu->setAutoRaise(true);
    auto *roomMenu = new QMenu(m_roomMenu);
    m_roomMenu->setMenu(roomMenu);
    connect(roomMenu, &QMenu::aboutToShow, this, [this, roomMenu] {
        roomMenu->clear();
        addMuteAction(*roomMenu, m_controller, m_room, this);
    });
    auto *titles = new QVBoxLayout;
    titles->setSpacing(0);
    auto *titleRow = new QHBoxLayout;
    titleRow->setSpacing(6);
    titleRow->addWidget(m_title);
    titleRow->addWidget(m_mutedMark);
    titleRow->addStretch(1);
    titles->addLayout(titleRow);
    titles->addWidget(m_topic);
    auto *header = new QHBoxLayout;
    header->addLayout(titles, 1);
    header->addWidget(m_roomMenu, 0, Qt::AlignTop);
    auto *composerRow = new QHBoxLayout;
    composerRow->addWidget(m_attach, 0, Qt::AlignBottom);
    composerRow->addWidget(m_composer, 1);
    composerRow->addWidget(m_send, 0, Qt::AlignBottom);
    auto *body = new QVBoxLayout(m_body);
    body->setContentsMargins(0, 0, 0, 0);
    body->addLayout(header);
    body->addWidget(m_list, 1);
    body->addWidget(m_typing);
    body->addWidget(m_transfer);
    body->addWidget(m_modeBar);
    body->addWidget(m_attachments);
    body->addLayout(composerRow);
    auto *outer = new QVBoxLayout(this);
    outer->addWidget(m_body);
    outer->addWidget(m_empty);

    connectSignals();
    setRoom(RoomId());
}

void ChatView::updateTitleFont()
{
    QFont big = font();
    big.setBold(true);
    if (big.pointSizeF() > 0)
        big.setPointSizeF(big.pointSizeF() * 1.25);
    m_title->setFont(big);
}

void ChatView::updateMutedMark()
{
    if (!m_mutedMark)
        return; // a palette or font change during construction
    const int side = qMax(12, fontMetrics().height());
    const qreal dpr = devicePixelRatioF();
    QPixmap glyph(QSize(side, side) * dpr);
    glyph.setDevicePixelRatio(dpr);
    glyph.fill(Qt::transparent);
    QPainter p(&glyph);
    drawMutedGlyph(p, QRect(0, 0, side, side), palette().color(QPalette::PlaceholderText));
    p.end();
    m_mutedMark->setPixmap(glyph);
}

void ChatView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange) {
        updateTitleFont();
        updateMutedMark();
    } else if (event->type() == QEvent::PaletteChange) {
        updateMutedMark();
    }
    QWidget::changeEvent(event);
}

void ChatView::connectSignals()
{
    m_typingIdle.setSingleShot(true);
    m_typingIdle.setInterval(typingIdleMs);
    connect(&m_typingIdle, &QTimer::timeout, this, [this] {
        if (m_typingSent)
            m_controller.setTyping(m_room, false);
        m_typingSent = false;
    });
    connect(m_composer, &ComposerEdit::submitted, this, &ChatView::send);
    connect(m_composer, &QPlainTextEdit::textChanged, this, &ChatView::onTextEdited);
    connect(m_send, &QPushButton::clicked, this, &ChatView::send);
    connect(m_composer, &QPlainTextEdit::textChanged, this, &ChatView::updateSendEnabled);
    connect(m_composer, &ComposerEdit::filesDropped, this, &ChatView::attachFiles);
    connect(m_composer, &ComposerEdit::imagePasted, this, &ChatView::attachImage);
    connect(m_attach, &QToolButton::clicked, this, &ChatView::chooseFiles);
    connect(m_attachments, &AttachmentStrip::changed, this, &ChatView::updateSendEnabled);
    connect(m_thumbnails, &ThumbnailCache::ready, m_list->viewport(), qOverload<>(&QWidget::update));
    connect(m_list, &QListView::doubleClicked, this, &ChatView::onDoubleClicked);
    connect(m_list->verticalScrollBar(), &QScrollBar::valueChanged, this, &ChatView::onScrolled);
    connect(m_list->verticalScrollBar(), &QScrollBar::rangeChanged, this, [this] {
        QScrollBar *bar = m_list->verticalScrollBar();
        if (m_distanceFromBottom >= 0) {
            // Older entries went in above: keep what the user looked at where it was.
            bar->setValue(bar->maximum() - std::exchange(m_distanceFromBottom, -1));
        } else if (m_stickToBottom) {
            m_list->scrollToBottom();
        }
    });
    connect(m_list, &QListView::customContextMenuRequested, this, &ChatView::showContextMenu);
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int first, int) { onRowsAboutToBeInserted(first); });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { onRowsInserted(first, last); });
    connect(&m_controller, &client::ClientController::typingChanged, this, [this](RoomId room) {
        if (room == m_room)
            updateTyping();
    });
    connect(m_controller.conversations(), &QAbstractItemModel::dataChanged, this,
            &ChatView::updateHeader);
}

void ChatView::setRoom(RoomId room)
{
    if (m_typingSent)
        m_controller.setTyping(m_room, false);
    m_typingSent = false;
    m_room = room;
    m_body->setVisible(room.isValid());
    m_empty->setVisible(!room.isValid());
    m_model = room.isValid() ? m_controller.timeline(room) : nullptr;
    m_proxy->setSourceModel(m_model);
    m_composer->clear();
    m_attachments->clear();
    m_transfer->hide();
    setMode(Mode::Write, MessageId(), QString());
    m_stickToBottom = true;
    m_distanceFromBottom = -1;
    updateHeader();
    updateTyping();
    if (m_model && m_model->rowCount() < 30)
        loadOlder();
    scrollToBottom();
}

void ChatView::focusComposer()
{
    m_composer->setFocus();
}

void ChatView::scrollToBottom()
{
    m_stickToBottom = true;
    m_list->scrollToBottom();
}

void ChatView::jumpTo(Seq seq)
{
    if (!m_model)
        return;
    m_stickToBottom = false;
    QPointer<TimelineModel> model = m_model;
    auto conn = std::make_shared<QMetaObject::Connection>();
    *conn = connect(m_model, &TimelineModel::reached, this, [this, model, conn](Seq, int row) {
        disconnect(*conn);
        if (!model || model != m_model || row < 0)
            return;
        m_stickToBottom = false;
        const QModelIndex index = m_proxy->index(row, 0);
        m_list->setCurrentIndex(index);
        m_list->scrollTo(index, QAbstractItemView::PositionAtCenter);
    });
    m_model->fetchUntil(seq);
}

void ChatView::updateHeader()
{
    const auto info = m_controller.conversations()->room(m_room);
    if (!info) {
        m_title->clear();
        m_topic->clear();
        m_mutedMark->hide();
        return;
    }
    m_title->setText(m_controller.conversations()->title(*info));
    m_mutedMark->setVisible(info->muted);
    m_topic->setText(info->topic);
    m_topic->setVisible(!info->topic.isEmpty());
    m_closed = info->closed;
    m_composer->setEnabled(!info->closed);
    m_attach->setEnabled(!info->closed);
    updateSendEnabled();
    m_composer->setPlaceholderText(info->closed ? tr("This conversation is closed.")
                                                : tr("Write a message…"));
}

void ChatView::updateTyping()
{
    QStringList names;
    for (UserId u : m_controller.typingIn(m_room))
        names << m_controller.users().name(u);
    if (names.isEmpty())
        m_typing->setText(QStringLiteral(" "));
    else if (names.size() == 1)
        m_typing->setText(tr("%1 is typing…").arg(names.first()));
    else
        m_typing->setText(tr("%1 are typing…").arg(names.join(QStringLiteral(", "))));
}

void ChatView::send()
{
    const QString text = m_composer->toPlainText();
    if (!m_room.isValid() || m_closed)
        return;
    if (m_mode == Mode::Edit) {
        if (text.trimmed().isEmpty())
            return;
        m_controller.editMessage(m_room, m_target, text,
                                 [this](const auto &error) { report(error); });
    } else {
        // Files still uploading go with the message into the outbox: they finish in the
        // background (even after a restart) and the message follows. A failed one holds it.
        if (m_attachments->failed())
            return;
        const MessageId replyTo = m_mode == Mode::Reply ? m_target : MessageId();
        if (m_attachments->busy()) {
            const QStringList paths = m_attachments->paths();
            m_attachments->release();
            QString error;
            if (m_controller.sendMessageWithFiles(m_room, text, paths, replyTo, &error).isEmpty()) {
                report(ProtocolError{ErrorCode::Internal, error});
                return;
            }
            scrollToBottom();
            m_typingSent = false;
            m_composer->clear();
            setMode(Mode::Write, MessageId(), QString());
            return;
        }
        const QList<AttachmentId> files = m_attachments->ids();
        if (text.trimmed().isEmpty() && files.isEmpty())
            return;
        m_controller.sendMessage(m_room, text, m_mode == Mode::Reply ? m_target : MessageId(),
                                 files);
        m_attachments->clear();
        scrollToBottom();
    }
    m_typingSent = false;
    m_composer->clear();
    setMode(Mode::Write, MessageId(), QString());
}

void ChatView::setMode(Mode mode, MessageId target, const QString &label)
{
    m_mode = mode;
    m_target = target;
    m_modeLabel->setText(label);
    m_modeBar->setVisible(mode != Mode::Write);
    m_send->setText(mode == Mode::Edit ? tr("Save") : tr("Send"));
    updateSendEnabled();
}

void ChatView::cancelMode()
{
    if (m_mode == Mode::Edit)
        m_composer->clear();
    setMode(Mode::Write, MessageId(), QString());
}

void ChatView::startReply(const QModelIndex &index)
{
    const QString who = index.data(TimelineModel::SenderNameRole).toString();
    const QString text = index.data(TimelineModel::BodyRole).toString().simplified().left(80);
    setMode(Mode::Reply, MessageId(index.data(TimelineModel::MessageIdRole).toLongLong()),
            tr("Replying to %1: %2").arg(who, text));
    focusComposer();
}

void ChatView::startEdit(const QModelIndex &index)
{
    setMode(Mode::Edit, MessageId(index.data(TimelineModel::MessageIdRole).toLongLong()),
            tr("Editing your message"));
    m_composer->setPlainText(index.data(TimelineModel::BodyRole).toString());
    m_composer->moveCursor(QTextCursor::End);
    focusComposer();
}

void ChatView::report(const std::optional<ProtocolError> &error)
{
    if (error)
        m_typing->setText(tr("Failed: %1").arg(error->message));
}

void ChatView::onTextEdited()
{
    if (!m_room.isValid() || m_composer->toPlainText().isEmpty())
        return;
    if (!m_typingSent) {
        m_controller.setTyping(m_room, true);
        m_typingSent = true;
    }
    m_typingIdle.start();
}

void ChatView::onScrolled(int value)
{
    QScrollBar *bar = m_list->verticalScrollBar();
    if (m_distanceFromBottom < 0)
        m_stickToBottom = value >= bar->maximum() - 4;
    if (value <= bar->minimum() && bar->maximum() > 0)
        loadOlder();
}

void ChatView::loadOlder()
{
    if (m_model && m_model->canFetchMore())
        m_model->fetchMore();
}

void ChatView::onRowsAboutToBeInserted(int first)
{
    if (first == 0 && m_model && m_model->rowCount() > 0 && !m_stickToBottom) {
        QScrollBar *bar = m_list->verticalScrollBar();
        m_distanceFromBottom = bar->maximum() - bar->value();
    }
}

void ChatView::onRowsInserted(int, int)
{
    if (m_stickToBottom)
        m_list->scrollToBottom();
}

void ChatView::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_list->indexAt(pos);
    if (!index.isValid() || !m_model)
        return;
    QMenu menu(this);
    fillContextMenu(menu, index);
    menu.exec(m_list->viewport()->mapToGlobal(pos));
}

void ChatView::fillContextMenu(QMenu &menu, const QModelIndex &index)
{
    fillAttachmentMenu(menu, index);
    const QString body = index.data(TimelineModel::BodyRole).toString();
    const bool stored = index.data(TimelineModel::MessageIdRole).toLongLong() > 0;
    const bool message = !index.data(TimelineModel::IsEventRole).toBool();
    const bool deleted = index.data(TimelineModel::DeletedRole).toBool();
    const bool own = index.data(TimelineModel::IsOwnRole).toBool();
    const QPersistentModelIndex at(index);
    if (!deleted)
        menu.addAction(QIcon(QStringLiteral(":/icons/copy.svg")), tr("Copy text"), this,
                       [body] { QApplication::clipboard()->setText(body); });
    const auto room = m_controller.conversations()->room(m_room);
    const bool open = room && !room->closed;
    if (stored && message && !deleted && open) {
        menu.addAction(tr("Reply"), this, [this, at] { startReply(at); });
        if (own)
            menu.addAction(tr("Edit"), this, [this, at] { startEdit(at); });
        const MemberRole mine = m_controller.members()->roleOf(m_controller.me().id);
        if (own || (room->kind == RoomKind::Group && mine != MemberRole::Member))
            menu.addAction(tr("Delete"), this, [this, at] { deleteAt(at); });
    }
    if (stored && index.data(TimelineModel::EditedRole).toBool() && !deleted)
        menu.addAction(tr("Show edit history"), this, [this, at] { showHistory(at); });
    const auto delivery = TimelineModel::Delivery(index.data(TimelineModel::DeliveryRole).toInt());
    const QString id = index.data(TimelineModel::ClientMsgIdRole).toString();
    if (delivery == TimelineModel::Delivery::Failed) {
        menu.addAction(tr("Retry sending"), this, [this, id] { m_controller.retryMessage(id); });
        menu.addAction(tr("Discard"), this, [this, id] { m_controller.discardMessage(id); });
    }
}

void ChatView::deleteAt(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const MessageId id(index.data(TimelineModel::MessageIdRole).toLongLong());
    if (QMessageBox::question(this, tr("Delete message"),
                              tr("Delete this message for everyone? This cannot be undone."))
        != QMessageBox::Yes)
        return;
    m_controller.deleteMessage(m_room, id, [this](const auto &error) { report(error); });
}

void ChatView::showHistory(const QModelIndex &index)
{
    const MessageId id(index.data(TimelineModel::MessageIdRole).toLongLong());
    const QString current = index.data(TimelineModel::BodyRole).toString();
    m_controller.fetchRevisions(m_room, id, [this, current](const auto &revisions, const auto &error) {
        if (error) {
            report(error);
            return;
        }
        auto *dialog = new QDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(tr("Edit history"));
        auto *list = new QListWidget(dialog);
        list->setWordWrap(true);
        for (const Revision &r : revisions)
            list->addItem(tr("%1 — %2").arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(r.sentAt), QLocale::ShortFormat), r.body));
        list->addItem(tr("Now — %1").arg(current));
        auto *layout = new QVBoxLayout(dialog);
        layout->addWidget(list);
        dialog->resize(420, 300);
        dialog->open();
    });
}

} // namespace natter::ui
