#pragma once
// The conversation on screen: header, timeline, "is typing" line and composer.

#include "protocol/errorcode.h"
#include "protocol/ids.h"
#include "protocol/types.h"

#include <optional>

#include <QPlainTextEdit>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QListView;
class QPushButton;
class QIdentityProxyModel;
class QMenu;
class QToolButton;
class QMimeData;
class QImage;

namespace natter::client {
class ClientController;
class TimelineModel;
} // namespace natter::client

namespace natter::ui {

class AttachmentStrip;
class ThumbnailCache;

/// The message editor: Enter sends (Shift+Enter breaks the line), or Ctrl+Enter sends when
/// enterSends is off.
/// Files dropped or pasted onto it (local files, or image data) are not inserted as text but
/// reported with filesDropped() / imagePasted().
class ComposerEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    using QPlainTextEdit::QPlainTextEdit;
    void setEnterSends(bool on) { m_enterSends = on; }
    QSize sizeHint() const override;

signals:
    void submitted();
    void filesDropped(const QStringList &paths);
    void imagePasted(const QImage &image);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;

private:
    bool m_enterSends = true;
};

class ChatView : public QWidget
{
    Q_OBJECT
public:
    explicit ChatView(client::ClientController &controller, QWidget *parent = nullptr);

    /// Shows `room` (invalid: the empty "pick a conversation" state).
    void setRoom(RoomId room);
    RoomId room() const { return m_room; }
    void setEnterSends(bool on) { m_composer->setEnterSends(on); }
    void focusComposer();
    /// Scrolls to the newest entry.
    void scrollToBottom();
    /// Shows and selects the entry `seq` of the room on screen, loading older pages first if
    /// needed (a search result).
    void jumpTo(Seq seq);

    QListView *timelineView() const { return m_list; }
    ComposerEdit *composer() const { return m_composer; }
    QToolButton *roomMenuButton() const { return m_roomMenu; }
    /// The struck-through bell beside the title, shown while the room is muted.
    QLabel *mutedMark() const { return m_mutedMark; }

    /// Adds the actions that fit the entry at `index` (copy, reply, edit, delete, edit history,
    /// retry/discard for a failed send) to `menu`; the context menu is built with it.
    void fillContextMenu(QMenu &menu, const QModelIndex &index);
    /// The composer quotes the entry at `index` / edits it; cancelMode() returns to writing.
    void startReply(const QModelIndex &index);
    void startEdit(const QModelIndex &index);
    void cancelMode();

    /// Starts uploading local files for the next message (the Attach button, drops, pastes).
    void attachFiles(const QStringList &paths);
    AttachmentStrip *attachments() const { return m_attachments; }
    /// Downloads attachment `which` of the entry at `index` to `path` (progress in the transfer
    /// line); opens it afterwards if `open`.
    void downloadAttachment(const QModelIndex &index, int which, const QString &path, bool open);
    /// Asks where to save attachment `which` of `index`, then downloads it.
    void saveAttachmentAs(const QModelIndex &index, int which);
    /// Downloads attachment `which` of `index` into the account's cache and opens it.
    void openAttachment(const QModelIndex &index, int which);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    /// Keeps the title a quarter larger than the text when the font size setting changes, and
    /// the muted mark in the palette's colours.
    void changeEvent(QEvent *event) override;

private:
    enum class Mode { Write, Reply, Edit };
    void setMode(Mode mode, MessageId target, const QString &label);
    void deleteAt(const QModelIndex &index);
    void showHistory(const QModelIndex &index);
    void report(const std::optional<ProtocolError> &error);
    void connectSignals();
    void updateTitleFont();
    void updateMutedMark();
    void send();
    void updateHeader();
    void updateTyping();
    void onScrolled(int value);
    void loadOlder();
    void onRowsAboutToBeInserted(int first);
    void onRowsInserted(int first, int last);
    void showContextMenu(const QPoint &pos);
    void onTextEdited();
    void updateSendEnabled();
    void chooseFiles();
    void attachImage(const QImage &image);
    void fillAttachmentMenu(QMenu &menu, const QModelIndex &index);
    void onDoubleClicked(const QModelIndex &index);

    client::ClientController &m_controller;
    RoomId m_room;
    QPointer<client::TimelineModel> m_model;
    QIdentityProxyModel *m_proxy;
    QLabel *m_title;
    QLabel *m_topic;
    QLabel *m_mutedMark = nullptr;
    QToolButton *m_roomMenu; ///< the header's menu (mute)
    QListView *m_list;
    QLabel *m_typing;
    QLabel *m_empty;
    ComposerEdit *m_composer;
    QPushButton *m_send;
    QToolButton *m_attach;
    AttachmentStrip *m_attachments;
    ThumbnailCache *m_thumbnails;
    QLabel *m_transfer; ///< download progress / result
    bool m_closed = false; ///< the room is closed: nothing can be sent
    QWidget *m_modeBar;
    QLabel *m_modeLabel;
    Mode m_mode = Mode::Write;
    MessageId m_target;
    QWidget *m_body;
    bool m_stickToBottom = true;
    int m_distanceFromBottom = -1; ///< kept while older rows are inserted above
    QTimer m_typingIdle;
    bool m_typingSent = false;
};

} // namespace natter::ui
