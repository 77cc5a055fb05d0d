#pragma once

#include <QAbstractEventDispatcher>
#include <QHash>
#include <atomic>
#include <chrono>
#include <vector>

class QAbstractSocket;
class QSocketNotifier;

namespace natter::server {

/// An event dispatcher for Linux built on epoll. Qt's own dispatchers (glib and UNIX) poll()
/// every registered socket on every loop iteration, so with thousands of connections most of
/// natterd's CPU went into the kernel's poll bookkeeping; epoll costs per ready socket instead.
/// natterd installs it on its main thread; NATTER_EVENT_DISPATCHER=qt selects Qt's own.
///
/// Write notifiers are optimistic: a socket almost always has room, so a newly enabled write
/// notifier is activated on the next pass without asking epoll, and EPOLLOUT is registered
/// only when the socket still wants to write after that (its buffer was full). Qt enables and
/// disables a socket's write notifier around every buffered write; asking epoll each time
/// cost two epoll_ctl calls per frame sent.
///
/// A write activation is repeated while the notifier stays enabled (up to maxWriteRounds):
/// QAbstractSocket writes one chunk of its buffer per activation, so one activation per loop
/// pass capped what a connection could receive at a chunk per pass. Under overload, with
/// passes growing long, its buffers then grew without bound while the kernel's sat empty.
/// The repeats stop at the first activation that wrote nothing (the peer's buffers are full;
/// EPOLLOUT says when there is room): each would be one more failed write() per pass.
class EpollEventDispatcher : public QAbstractEventDispatcher
{
    Q_OBJECT
public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    /// Whether epoll could be set up (false: use Qt's dispatcher).
    bool isValid() const { return m_epoll >= 0 && m_wakeFd >= 0; }
    /// Write notifier activations delivered so far (for tests and statistics).
    qint64 writeActivations() const { return m_writeActivations; }

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;
    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;
    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;
    void wakeUp() override;
    void interrupt() override;

private:
    using Clock = std::chrono::steady_clock;
    struct Watch
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
        QSocketNotifier *exception = nullptr;
        /// The socket `write` belongs to (null for other notifiers): alive while `write` is
        /// registered, since the notifier is its socket engine's child.
        QAbstractSocket *writeSocket = nullptr;
        quint32 events = 0; ///< what epoll currently watches
        bool writeArmed = false; ///< EPOLLOUT wanted: an optimistic write activation did not drain it
        bool inUse() const { return read || write || exception || events; }
    };
    struct Timer
    {
        qint64 interval = 0;
        Qt::TimerType type = Qt::CoarseTimer;
        QObject *object = nullptr;
        Clock::time_point due;
        bool active = false; ///< its event is being delivered: do not fire it again meanwhile
    };

    /// The watch of `fd`, or null if nothing watches it.
    Watch *watchOf(int fd);
    void updateWatch(int fd);
    int millisecondsToNextTimer() const;
    bool activateTimers();
    bool dispatchSockets(const void *events, int count);
    bool activateOptimisticWrites();
    /// Activates write notifier `n` of `fd` until it is disabled (its buffer is written out),
    /// an activation wrote nothing, or maxWriteRounds times; returns whether it is still enabled.
    bool activateWrites(int fd, QSocketNotifier *n);
    static constexpr int maxWriteRounds = 16;

    int m_epoll = -1;
    int m_wakeFd = -1;
    std::vector<Watch> m_watches; ///< by file descriptor: looked up several times per frame sent
    QHash<int, Timer> m_timers;
    QList<int> m_optimisticWrites; ///< fds whose write notifier was enabled since the last pass
    qint64 m_writeActivations = 0;
    std::atomic<bool> m_interrupted{false};
    std::atomic<bool> m_wakePending{false};
};

/// Installs EpollEventDispatcher for the calling (main) thread before QCoreApplication exists,
/// unless NATTER_EVENT_DISPATCHER=qt; returns whether it did.
bool installEpollDispatcher();

} // namespace natter::server
