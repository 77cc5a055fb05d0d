#pragma once
// The connection state in the status bar: connected / syncing / connecting / "reconnecting in
// N s" with a live countdown and a "Retry now" button / offline. Observes a ClientSession only.

#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace natter::client {
class ClientSession;
}

namespace natter::ui {

class ConnectionStatus : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionStatus(client::ClientSession &session, QWidget *parent = nullptr);

    /// The state text (object name "connectionState").
    QLabel *label() const { return m_label; }
    /// "Retry now" (object name "retryNow"); visible only while waiting to reconnect.
    QPushButton *retryButton() const { return m_retry; }

private:
    /// Rewrites the text from the session's state and its next attempt time; runs every second
    /// while a reconnect is scheduled.
    void refresh();

    client::ClientSession &m_session;
    QLabel *m_label;
    QPushButton *m_retry;
    QTimer m_tick;
};

} // namespace natter::ui
