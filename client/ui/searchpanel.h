#pragma once
// The "Search" tab: message search over every conversation or the open one; picking a result
// opens its conversation at that message.

#include "protocol/types.h"

#include <QStyledItemDelegate>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListView;
class QTimer;

namespace natter::client {
class ClientController;
}

namespace natter::ui {

/// Draws a search result: conversation, sender and time, then the snippet with the matches bold.
class SearchResultDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

class SearchPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SearchPanel(client::ClientController &controller, QWidget *parent = nullptr);

    /// The room "in this conversation" limits the search to (invalid: none open).
    void setCurrentRoom(RoomId room) { m_room = room; }
    QLineEdit *queryEdit() const { return m_query; }
    QListView *results() const { return m_results; }
    void focusQuery();

signals:
    void openResult(natter::RoomId room, natter::Seq seq);

private:
    void search();

    client::ClientController &m_controller;
    QLineEdit *m_query;
    QCheckBox *m_here;
    QListView *m_results;
    QLabel *m_status;
    QTimer *m_debounce;
    RoomId m_room;
};

} // namespace natter::ui
