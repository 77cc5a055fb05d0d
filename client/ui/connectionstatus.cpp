#include "ui/connectionstatus.h"

#include "core/clientsession.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace natter::ui {

using client::ClientSession;

ConnectionStatus::ConnectionStatus(ClientSession &session, QWidget *parent)
    : QWidget(parent), m_session(session)
{
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("connectionState"));
    m_label->setAccessibleName(tr("Connection state"));
    m_retry = new QPushButton(tr("Retry now"), this);
    m_retry->setObjectName(QStringLiteral("retryNow"));
    m_retry->setFlat(true);
    m_retry->setToolTip(tr("Try to reconnect now instead of waiting"));
    m_retry->hide();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_retry);

    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ConnectionStatus::refresh);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        m_session.retryNow();
        refresh();
    });
    connect(&session, &ClientSession::stateChanged, this, &ConnectionStatus::refresh);
    connect(&session, &ClientSession::reconnectScheduled, this, [this] {
        m_tick.start(); // restart, so the ticks fall on whole seconds before the attempt
        refresh();
    });
    refresh();
}

void ConnectionStatus::refresh()
{
    const qint64 waitMs = m_session.msUntilNextAttempt();
    const bool waiting = m_session.state() == ClientSession::State::Reconnecting && waitMs >= 0;
    m_retry->setVisible(waiting);
    if (!waiting)
        m_tick.stop();
    else if (!m_tick.isActive())
        m_tick.start();
    switch (m_session.state()) {
    case ClientSession::State::Online: m_label->setText(tr("Connected")); break;
    case ClientSession::State::Syncing: m_label->setText(tr("Syncing…")); break;
    case ClientSession::State::Connecting:
    case ClientSession::State::Authenticating: m_label->setText(tr("Connecting…")); break;
    case ClientSession::State::Reconnecting:
        if (waiting) {
            const qint64 seconds = (waitMs + 999) / 1000; // never "in 0 s" before the attempt
            m_label->setText(tr("Connection lost — reconnecting in %1 s. Messages you write are "
                                "sent when back.")
                                 .arg(seconds));
        } else {
            m_label->setText(tr("Connection lost — reconnecting now…"));
        }
        break;
    case ClientSession::State::Offline: m_label->setText(tr("Offline")); break;
    }
}

} // namespace natter::ui
