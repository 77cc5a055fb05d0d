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

namespace natter::client {
class ClientController;
class TimelineModel;
} // namespace natter::client

namespace natter::ui {

/// The message editor: Enter sends (Shift+Enter breaks the line), or Ctrl+Enter sends when
/// enterSends is off.
class ComposerEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    using QPlainTextEdit::QPlainTextEdit;
    void setEnterSends(bool on) { m_enterSends = on; }
    QSize sizeHint() const override;

signals:
    void submitted();

protected:
    void keyPressEvent(QKeyEvent *event) override;

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

    /// Adds the actions that fit the entry at `index` (copy, reply, edit, delete, edit history,
    /// retry/discard for a failed send) to `menu`; the context menu is built with it.
    void fillContextMenu(QMenu &menu, const QModelIndex &index);
    /// The composer quotes the entry at `index` / edits it; cancelMode() returns to writing.
    void startReply(const QModelIndex &index);
    void startEdit(const QModelIndex &index);
    void cancelMode();

private:
    enum class Mode { Write, Reply, Edit };
    void setMode(Mode mode, MessageId target, const QString &label);
    void deleteAt(const QModelIndex &index);
    void showHistory(const QModelIndex &index);
    void report(const std::optional<ProtocolError> &error);
    void connectSignals();
    void send();
    void updateHeader();
    void updateTyping();
    void onScrolled(int value);
    void loadOlder();
    void onRowsAboutToBeInserted(int first);
    void onRowsInserted(int first, int last);
    void showContextMenu(const QPoint &pos);
    void onTextEdited();

    client::ClientController &m_controller;
    RoomId m_room;
    QPointer<client::TimelineModel> m_model;
    QIdentityProxyModel *m_proxy;
    QLabel *m_title;
    QLabel *m_topic;
    QListView *m_list;
    QLabel *m_typing;
    QLabel *m_empty;
    ComposerEdit *m_composer;
    QPushButton *m_send;
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
