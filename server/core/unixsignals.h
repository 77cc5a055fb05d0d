#pragma once

#include <QObject>

namespace natter::server {

/// Turns SIGINT and SIGTERM into a Qt signal on the event loop (self-pipe), so natterd can
/// finish queued database work before it exits.
class UnixSignals : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignals(QObject *parent = nullptr);
    ~UnixSignals() override;

Q_SIGNALS:
    void terminationRequested();
};

} // namespace natter::server
