#include "core/epolldispatcher.h"

#include <QAbstractSocket>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimerEvent>
#include <QVarLengthArray>

#include <algorithm>
#include <utility>

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace natter::server {

EpollEventDispatcher::EpollEventDispatcher(QObject *parent) : QAbstractEventDispatcher(parent)
{
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    m_wakeFd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_epoll >= 0 && m_wakeFd >= 0) {
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.fd = m_wakeFd;
        epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &ev);
    }
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

namespace {
/// The socket a write notifier belongs to: Qt's socket engine creates its notifiers as its own
/// children, and is itself the child of its QAbstractSocket. Null for other notifiers.
QAbstractSocket *socketOf(QSocketNotifier *n)
{
    QObject *engine = n->parent();
    return engine ? qobject_cast<QAbstractSocket *>(engine->parent()) : nullptr;
}
} // namespace

EpollEventDispatcher::Watch *EpollEventDispatcher::watchOf(int fd)
{
    if (fd < 0 || size_t(fd) >= m_watches.size() || !m_watches[size_t(fd)].inUse())
        return nullptr;
    return &m_watches[size_t(fd)];
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    if (fd < 0)
        return;
    if (size_t(fd) >= m_watches.size())
        m_watches.resize(std::max(size_t(fd) + 1, m_watches.size() * 2));
    Watch &w = m_watches[size_t(fd)];
    switch (notifier->type()) {
    case QSocketNotifier::Read: w.read = notifier; break;
    case QSocketNotifier::Write:
        w.write = notifier;
        w.writeSocket = socketOf(notifier);
        w.writeArmed = false;
        m_optimisticWrites.append(fd);
        break;
    case QSocketNotifier::Exception: w.exception = notifier; break;
    }
    updateWatch(fd);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    Watch *w = watchOf(fd);
    if (!w)
        return;
    if (w->read == notifier)
        w->read = nullptr;
    if (w->write == notifier) {
        w->write = nullptr;
        w->writeSocket = nullptr;
        w->writeArmed = false;
    }
    if (w->exception == notifier)
        w->exception = nullptr;
    updateWatch(fd);
}

void EpollEventDispatcher::updateWatch(int fd)
{
    Watch *w = watchOf(fd);
    if (!w)
        return;
    const quint32 wanted = (w->read ? quint32(EPOLLIN) : 0u)
        | (w->write && w->writeArmed ? quint32(EPOLLOUT) : 0u)
        | (w->exception ? quint32(EPOLLPRI) : 0u);
    if (wanted == w->events)
        return; // a watch with no notifiers and nothing watched is not in use: nothing to erase
    epoll_event ev{};
    ev.events = wanted;
    ev.data.fd = fd;
    if (!wanted) {
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, &ev); // may fail if the fd is already closed
        w->events = 0; // an optimistic write notifier may still be pending
        return;
    }
    if (epoll_ctl(m_epoll, w->events ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &ev) != 0)
        epoll_ctl(m_epoll, w->events ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, fd, &ev); // fd was reused
    w->events = wanted;
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    m_timers.insert(timerId, Timer{interval, timerType, object,
                                   Clock::now() + std::chrono::milliseconds(interval), false});
}

bool EpollEventDispatcher::unregisterTimer(int timerId) { return m_timers.remove(timerId) > 0; }

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    bool any = false;
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        if (it->object == object) {
            it = m_timers.erase(it);
            any = true;
        } else {
            ++it;
        }
    }
    return any;
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> out;
    for (auto it = m_timers.cbegin(); it != m_timers.cend(); ++it) {
        if (it->object == object)
            out.append(TimerInfo(it.key(), int(it->interval), it->type));
    }
    return out;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto it = m_timers.constFind(timerId);
    if (it == m_timers.constEnd())
        return -1;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(it->due - Clock::now()).count();
    return int(qMax<qint64>(0, left));
}

void EpollEventDispatcher::wakeUp()
{
    if (m_wakePending.exchange(true))
        return;
    const quint64 one = 1;
    [[maybe_unused]] auto n = ::write(m_wakeFd, &one, sizeof one);
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted = true;
    wakeUp();
}

int EpollEventDispatcher::millisecondsToNextTimer() const
{
    if (m_timers.isEmpty())
        return -1;
    Clock::time_point next = Clock::time_point::max();
    for (const Timer &t : m_timers) {
        if (!t.active && t.due < next)
            next = t.due;
    }
    if (next == Clock::time_point::max())
        return -1;
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(next - Clock::now()).count();
    return int(qBound(qint64(0), qint64(left), qint64(24 * 3600 * 1000)));
}

bool EpollEventDispatcher::activateTimers()
{
    const Clock::time_point now = Clock::now();
    QVarLengthArray<int, 32> due;
    for (auto it = m_timers.cbegin(); it != m_timers.cend(); ++it) {
        if (!it->active && it->due <= now)
            due.append(it.key());
    }
    for (int id : due) {
        auto it = m_timers.find(id);
        if (it == m_timers.end())
            continue; // unregistered by an earlier timer's handler
        it->due += std::chrono::milliseconds(it->interval);
        if (it->due <= now)
            it->due = now + std::chrono::milliseconds(it->interval);
        it->active = true;
        QObject *object = it->object;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(object, &event);
        it = m_timers.find(id);
        if (it != m_timers.end())
            it->active = false;
    }
    return !due.isEmpty();
}

bool EpollEventDispatcher::dispatchSockets(const void *raw, int count)
{
    const auto *events = static_cast<const epoll_event *>(raw);
    bool any = false;
    for (int i = 0; i < count; ++i) {
        const int fd = events[i].data.fd;
        if (fd == m_wakeFd)
            continue;
        const quint32 what = events[i].events;
        // Look the notifiers up afresh each time: an earlier handler may have removed them.
        const bool readable = what & (EPOLLIN | EPOLLHUP | EPOLLERR);
        const bool writable = what & (EPOLLOUT | EPOLLHUP | EPOLLERR);
        for (QSocketNotifier::Type type : {QSocketNotifier::Exception, QSocketNotifier::Read, QSocketNotifier::Write}) {
            if ((type == QSocketNotifier::Read && !readable) || (type == QSocketNotifier::Write && !writable)
                || (type == QSocketNotifier::Exception && !(what & EPOLLPRI)))
                continue;
            const Watch *w = watchOf(fd);
            if (!w)
                break;
            QSocketNotifier *n = type == QSocketNotifier::Read ? w->read
                : type == QSocketNotifier::Write                ? w->write
                                                                : w->exception;
            if (!n)
                continue;
            any = true;
            if (type == QSocketNotifier::Write) {
                activateWrites(fd, n);
                continue;
            }
            QEvent event(QEvent::SockAct);
            QCoreApplication::sendEvent(n, &event);
        }
    }
    return any;
}

bool EpollEventDispatcher::activateWrites(int fd, QSocketNotifier *n)
{
    const Watch *w = watchOf(fd);
    qint64 queued = w && w->writeSocket ? w->writeSocket->bytesToWrite() : -1;
    for (int round = 0; round < maxWriteRounds; ++round) {
        QEvent event(QEvent::SockAct);
        ++m_writeActivations;
        QCoreApplication::sendEvent(n, &event);
        // Looked up afresh: the activation may have disabled the notifier or closed the socket.
        w = watchOf(fd);
        if (!w || w->write != n)
            return false; // disabled: everything was written (or the socket went away)
        if (w->writeSocket) {
            const qint64 left = w->writeSocket->bytesToWrite();
            if (left >= queued)
                return true; // nothing written: the peer's buffers are full
            queued = left;
        }
    }
    return true;
}

bool EpollEventDispatcher::activateOptimisticWrites()
{
    if (m_optimisticWrites.isEmpty())
        return false;
    const QList<int> fds = std::exchange(m_optimisticWrites, {});
    bool any = false;
    for (int fd : fds) {
        const Watch *w = watchOf(fd);
        if (!w || !w->write || w->writeArmed)
            continue; // disabled meanwhile, or already left to epoll
        QSocketNotifier *n = w->write;
        any = true;
        if (!activateWrites(fd, n))
            continue;
        // Still enabled: the socket could not take everything. Let epoll say when it can.
        Watch *still = watchOf(fd);
        if (still && still->write == n && !still->writeArmed) {
            still->writeArmed = true;
            m_optimisticWrites.removeAll(fd);
            updateWatch(fd);
        }
    }
    return any;
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted = false;
    Q_EMIT awake();
    QCoreApplication::sendPostedEvents();
    if (m_interrupted)
        return false;
    const bool socketsAllowed = !flags.testFlag(QEventLoop::ExcludeSocketNotifiers);
    bool wrote = socketsAllowed && activateOptimisticWrites();

    // Anything posted meanwhile (here or from another thread) has written the wake fd, so
    // waiting below returns at once; nothing is left waiting in the queue.
    const bool wait = flags.testFlag(QEventLoop::WaitForMoreEvents);
    if (wait)
        Q_EMIT aboutToBlock();
    epoll_event events[256];
    const bool mustReturn = !m_optimisticWrites.isEmpty() || wrote;
    int count = epoll_wait(m_epoll, events, 256, wait && !mustReturn ? millisecondsToNextTimer() : 0);
    if (count < 0)
        count = 0;
    Q_EMIT awake();
    for (int i = 0; i < count; ++i) {
        if (events[i].data.fd == m_wakeFd) {
            quint64 value;
            [[maybe_unused]] auto n = ::read(m_wakeFd, &value, sizeof value);
            m_wakePending = false;
        }
    }
    bool any = wrote;
    if (socketsAllowed) {
        any = dispatchSockets(events, count) || any;
        any = activateOptimisticWrites() || any;
    }
    if (m_interrupted)
        return any;
    any = activateTimers() || any;
    return any || count > 0;
}

bool installEpollDispatcher()
{
    if (qEnvironmentVariable("NATTER_EVENT_DISPATCHER") == QLatin1String("qt"))
        return false;
    auto *dispatcher = new EpollEventDispatcher;
    if (!dispatcher->isValid()) {
        delete dispatcher;
        return false;
    }
    QCoreApplication::setEventDispatcher(dispatcher);
    return true;
}

} // namespace natter::server
