#pragma once
// The load tool's engine: owns the simulated users, sends messages at a fixed total rate from a
// 1 ms timer, and accounts for every message (its send time, how many copies are expected and
// how many arrived) and for measurement windows (latencies, copies per second, server CPU).
// Single-threaded: everything runs on the Qt event loop; scenarios wait by spinning it.

#include "metrics.h"
#include "plan.h"
#include "poller.h"

#include <QHostAddress>
#include <QMap>
#include <QTimer>
#include <functional>
#include <limits>
#include <memory>
#include <vector>

namespace natter::bench {

class Peer;

struct DriverOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0;
    qint64 serverPid = 0;
    Plan plan;
    int maxInFlightPerPeer = 1000; ///< unacknowledged sends per connection before it skips
};

/// Who sends where: one user's connection and one of its rooms.
struct SendSlot
{
    Peer *peer = nullptr;
    qint64 roomId = 0;
    /// Copies each message owes: one per member (all connected, one connection each); the
    /// sender's is the send's reply, which carries the stored message.
    int expectedCopies = 0;
};

/// One measurement window. Messages numbered [firstK, endK) are "its" messages: their copies
/// are awaited, counted and timed. Copies that arrive in [startNs, endNs) count for throughput.
/// A copy is one member receiving the message: the others through a message event, the
/// sender through the send's reply.
struct Window
{
    qint64 firstK = 0;
    qint64 endK = std::numeric_limits<qint64>::max();
    qint64 startNs = 0;
    qint64 endNs = std::numeric_limits<qint64>::max();
    qint64 expected = 0; ///< copies expected for its messages (failed sends excluded)
    qint64 received = 0; ///< of those, arrived
    qint64 duplicates = 0;
    qint64 copiesInWindow = 0; ///< any copy received while the window was open
    qint64 acks = 0;
    qint64 sendErrors = 0;
    qint64 skipped = 0;     ///< sends not made: connection not ready or too many unacknowledged
    qint64 behind = 0;      ///< sends not made because the tool fell more than 50 ms behind
    qint64 unacked = 0;     ///< its messages with neither a reply nor an error after the drain
    qint64 otherEvents = 0; ///< events other than message copies while the window was open
    Latencies latency;      ///< send → each copy received
    Latencies ack;          ///< send → reply (the message is stored)
    ProcSample server0, server1;
    qint64 tool0 = 0, tool1 = 0;
    qint64 machine0 = 0, machine1 = 0; ///< busy CPU time of the whole machine
    /// CPU used by processes other than the server and this tool, in % of one CPU.
    double othersPercent() const
    {
        const double others = double(machine1 - machine0) - double(server1.cpuUs - server0.cpuUs) -
                              double(tool1 - tool0);
        return 100.0 * others / (seconds() * 1e6);
    }
    double seconds() const { return (endNs - startNs) / 1e9; }
    qint64 sent() const { return endK - firstK; }
};

class Driver
{
public:
    explicit Driver(DriverOptions options);
    ~Driver();

    const Plan &plan() const { return m_options.plan; }
    const DriverOptions &options() const { return m_options; }
    QHostAddress address() const { return m_options.address; }
    quint16 port() const { return m_options.port; }
    /// Random bits of this run's message keys, so that runs on one database never collide.
    quint32 runNonce() const { return m_nonce; }
    qint64 nextRequestId() { return m_nextRequestId++; }
    Poller &poller() { return m_poller; }

    // ---- called by peers
    void onCopy(qint64 sentNs, qint64 k, qint64 receivedNs);
    void onAck(qint64 k, qint64 receivedNs);
    void onSendError(qint64 k, const QString &code);
    void countError(const QString &code) { ++m_errors[code]; }
    void countOtherEvent() { ++m_otherEvents; }
    void countSlowPath() { ++m_slowPath; }
    void onPeerClosed(Peer *peer, const QString &why);

    // ---- building blocks of scenarios
    /// A new connection for plan user `userIndex` (not started).
    Peer *makePeer(int userIndex);
    /// Starts the peers, at most `concurrency` signing in at a time; waits until all finished
    /// or the timeout. Returns how many are signed in; `latency` gets start → signed in.
    int connectAll(const QList<Peer *> &peers, bool login, int concurrency, Latencies *latency,
                   qint64 timeoutMs);
    /// Spins the event loop until `done` or the timeout; returns done().
    bool waitFor(const std::function<bool()> &done, qint64 timeoutMs);
    void sleepMs(qint64 ms);

    /// Send sendSlots for the plan's seeded rooms whose members are all among `peers`.
    QList<SendSlot> seededSlots(const QList<Peer *> &peers) const;
    /// Puts `peers` into rooms of `roomSize` through the protocol: the first of each group
    /// sends rooms.create (open), the others rooms.join. False with `error` if refused.
    bool createRooms(const QList<Peer *> &peers, int roomSize, QList<SendSlot> *sendSlots,
                     QString *error);
    /// Each peer says it shows its (first) room with rooms.view, as a client with the
    /// conversation open does; natterd then sends it no notification for that room's messages.
    /// Returns how many were accepted (a server without rooms.view refuses them).
    int viewRooms(const QList<SendSlot> &sendSlots);

    void startTraffic(const QList<SendSlot> &sendSlots, double messagesPerSecond);
    void setRate(double messagesPerSecond);
    void stopTraffic();

    Window *beginWindow();
    void endWindow(Window *window);
    /// Waits until every expected copy of the window's messages arrived (true) or the timeout.
    /// The window stops counting afterwards: what arrives later is lost.
    bool drain(Window *window, qint64 timeoutMs);

    const QMap<QString, qint64> &errors() const { return m_errors; }
    qint64 errorCount(const QString &code) const { return m_errors.value(code); }
    qint64 closedPeers() const { return m_closedPeers; }
    const QMap<QString, qint64> &closeReasons() const { return m_closeReasons; }
    const QMap<QString, qint64> &connectFailures() const { return m_connectFailures; }
    qint64 slowPathFrames() const { return m_slowPath; }
    /// Sends so far with neither a reply nor an error.
    qint64 outstandingSends() const { return qint64(m_messages.size()) - m_answered; }

private:
    struct MessageRecord
    {
        qint64 sentNs = 0;
        quint16 expected = 0;
        quint16 received = 0;
        bool acked = false;
        bool failed = false;
    };

    void tick();
    void sendOne(const SendSlot &slot);
    void countCopy(qint64 k, qint64 sentNs, qint64 receivedNs);

    DriverOptions m_options;
    quint32 m_nonce;
    qint64 m_nextRequestId;
    Poller m_poller; // before the peers: their sockets leave it when they go
    std::vector<std::unique_ptr<Peer>> m_peers;
    std::vector<MessageRecord> m_messages;
    std::vector<std::unique_ptr<Window>> m_windows;
    std::vector<Window *> m_active;

    QTimer m_sendTimer;
    QList<SendSlot> m_slots;
    int m_nextSlot = 0;
    double m_rate = 0;
    qint64 m_rateStartNs = 0;
    qint64 m_sentSinceRateStart = 0;
    qint64 m_skipped = 0;
    qint64 m_behind = 0;

    QMap<QString, qint64> m_errors;
    QMap<QString, qint64> m_closeReasons;
    QMap<QString, qint64> m_connectFailures;
    qint64 m_closedPeers = 0;
    qint64 m_otherEvents = 0;
    qint64 m_slowPath = 0;
    qint64 m_foreignCopies = 0;
    qint64 m_answered = 0;
};

} // namespace natter::bench
