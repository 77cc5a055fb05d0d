#pragma once
// One epoll set for all of the load tool's sockets, watched by a single QSocketNotifier.
//
// Qt's event dispatchers on Linux (glib and the Unix one) poll() every registered socket on
// every wake-up, so a process holding thousands of QTcpSockets spends its time in the kernel
// walking them. The load tool must not be the bottleneck, so its sockets live in an epoll set
// instead: the Qt loop sees one descriptor, and only sockets with news are visited.

#include <QSocketNotifier>
#include <memory>

namespace natter::bench {

class Poller
{
public:
    class Watcher
    {
    public:
        virtual ~Watcher() = default;
        /// epoll events (EPOLLIN, EPOLLOUT, EPOLLERR, EPOLLHUP, …) for the watched descriptor.
        virtual void onEvents(quint32 events) = 0;
    };

    Poller();
    ~Poller();
    Poller(const Poller &) = delete;
    Poller &operator=(const Poller &) = delete;

    bool add(int fd, Watcher *watcher, quint32 events);
    void modify(int fd, Watcher *watcher, quint32 events);
    /// Forget a descriptor before closing it. Watchers must outlive the Poller's dispatch.
    void remove(int fd);

private:
    void dispatch();

    int m_epoll = -1;
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace natter::bench
