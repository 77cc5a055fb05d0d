#include "poller.h"

#include <sys/epoll.h>
#include <unistd.h>

namespace natter::bench {

Poller::Poller() : m_epoll(epoll_create1(EPOLL_CLOEXEC))
{
    if (m_epoll < 0)
        qFatal("epoll_create1 failed");
    m_notifier = std::make_unique<QSocketNotifier>(m_epoll, QSocketNotifier::Read);
    QObject::connect(m_notifier.get(), &QSocketNotifier::activated, [this] { dispatch(); });
}

Poller::~Poller()
{
    m_notifier.reset();
    ::close(m_epoll);
}

bool Poller::add(int fd, Watcher *watcher, quint32 events)
{
    epoll_event e{};
    e.events = events;
    e.data.ptr = watcher;
    return epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &e) == 0;
}

void Poller::modify(int fd, Watcher *watcher, quint32 events)
{
    epoll_event e{};
    e.events = events;
    e.data.ptr = watcher;
    epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &e);
}

void Poller::remove(int fd)
{
    epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
}

void Poller::dispatch()
{
    // A few rounds at most, so timers (the send clock) still get their turn.
    constexpr int batch = 256;
    epoll_event events[batch];
    for (int round = 0; round < 4; ++round) {
        const int n = epoll_wait(m_epoll, events, batch, 0);
        for (int i = 0; i < n; ++i)
            static_cast<Watcher *>(events[i].data.ptr)->onEvents(events[i].events);
        if (n < batch)
            break;
    }
}

} // namespace natter::bench
