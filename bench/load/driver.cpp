#include "driver.h"

#include "peer.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>

namespace natter::bench {

Driver::Driver(DriverOptions options)
    : m_options(std::move(options)),
      m_nonce(QRandomGenerator::global()->generate()),
      m_nextRequestId(requestIdBase)
{
    m_messages.reserve(4 * 1000 * 1000);
    m_sendTimer.setTimerType(Qt::PreciseTimer);
    m_sendTimer.setInterval(1);
    QObject::connect(&m_sendTimer, &QTimer::timeout, [this] { tick(); });
}

Driver::~Driver()
{
    m_sendTimer.stop();
    for (auto &p : m_peers)
        p->close();
    m_peers.clear();
}

// ---- accounting ---------------------------------------------------------------------------

void Driver::onCopy(qint64 sentNs, qint64 k, qint64 receivedNs)
{
    if (k < 0 || k >= qint64(m_messages.size())) {
        ++m_foreignCopies;
        return;
    }
    countCopy(k, sentNs, receivedNs);
}

void Driver::countCopy(qint64 k, qint64 sentNs, qint64 receivedNs)
{
    MessageRecord &m = m_messages[size_t(k)];
    ++m.received;
    const bool duplicate = m.received > m.expected;
    for (Window *w : m_active) {
        if (k >= w->firstK && k < w->endK) {
            if (duplicate) {
                ++w->duplicates;
            } else {
                ++w->received;
                w->latency.add(receivedNs - sentNs);
            }
        }
        if (receivedNs >= w->startNs && receivedNs < w->endNs)
            ++w->copiesInWindow;
    }
}

void Driver::onAck(qint64 k, qint64 receivedNs)
{
    if (k < 0 || k >= qint64(m_messages.size()))
        return;
    MessageRecord &m = m_messages[size_t(k)];
    m.acked = true;
    ++m_answered;
    for (Window *w : m_active) {
        if (k >= w->firstK && k < w->endK) {
            ++w->acks;
            w->ack.add(receivedNs - m.sentNs);
        }
    }
    // The reply carries the stored message: it is the sender's copy.
    countCopy(k, m.sentNs, receivedNs);
}

void Driver::onSendError(qint64 k, const QString &)
{
    if (k < 0 || k >= qint64(m_messages.size()))
        return;
    MessageRecord &m = m_messages[size_t(k)];
    m.failed = true;
    ++m_answered;
    for (Window *w : m_active) {
        if (k >= w->firstK && k < w->endK) {
            ++w->sendErrors;
            w->expected -= m.expected; // not stored, so no copies are owed
        }
    }
}

void Driver::onPeerClosed(Peer *, const QString &why)
{
    ++m_closedPeers;
    ++m_closeReasons[why];
}

// ---- connections --------------------------------------------------------------------------

Peer *Driver::makePeer(int userIndex)
{
    m_peers.push_back(std::make_unique<Peer>(*this, userIndex));
    return m_peers.back().get();
}

int Driver::connectAll(const QList<Peer *> &peers, bool login, int concurrency, Latencies *latency,
                       qint64 timeoutMs)
{
    struct State
    {
        int next = 0;
        int finished = 0;
        int ok = 0;
        std::function<void()> launch;
    };
    auto state = std::make_shared<State>();
    std::weak_ptr<State> weak = state;
    state->launch = [this, weak, peers, login, concurrency, latency] {
        auto s = weak.lock();
        if (!s)
            return;
        while (s->next < peers.size() && s->next - s->finished < concurrency) {
            Peer *p = peers[s->next++];
            p->start(login, [this, weak, p, latency](bool ok) {
                auto s = weak.lock();
                if (!s)
                    return;
                ++s->finished;
                if (ok) {
                    ++s->ok;
                    if (latency)
                        latency->add(p->readyNs() - p->startedNs());
                } else {
                    ++m_connectFailures[p->failure()];
                }
                s->launch();
            });
        }
    };
    state->launch();
    waitFor([&] { return state->finished == peers.size(); }, timeoutMs);
    return state->ok;
}

bool Driver::waitFor(const std::function<bool()> &done, qint64 timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    QElapsedTimer elapsed;
    elapsed.start();
    poll.setInterval(2);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || elapsed.elapsed() >= timeoutMs)
            loop.quit();
    });
    poll.start();
    loop.exec();
    return done();
}

void Driver::sleepMs(qint64 ms)
{
    waitFor([] { return false; }, ms);
}

// ---- rooms --------------------------------------------------------------------------------

QList<SendSlot> Driver::seededSlots(const QList<Peer *> &peers) const
{
    QHash<int, Peer *> byUser;
    for (Peer *p : peers)
        byUser.insert(p->userIndex(), p);
    QList<SendSlot> sendSlots;
    for (const PlanRoom &room : m_options.plan.rooms) {
        bool all = true;
        for (int member : room.members)
            all = all && byUser.contains(member);
        if (!all)
            continue;
        for (int member : room.members)
            sendSlots.append(SendSlot{byUser.value(member), room.id, int(room.members.size())});
    }
    return sendSlots;
}

bool Driver::createRooms(const QList<Peer *> &peers, int roomSize, QList<SendSlot> *sendSlots,
                         QString *error)
{
    const int groups = int((peers.size() + roomSize - 1) / roomSize);
    auto roomIds = std::make_shared<QList<qint64>>(groups, 0);
    auto failures = std::make_shared<QStringList>();
    auto replies = std::make_shared<int>(0);
    for (int g = 0; g < groups; ++g) {
        peers[g * roomSize]->request(
            "rooms.create",
            {{QStringLiteral("name"), QStringLiteral("bench room %1").arg(g)},
             {QStringLiteral("topic"), QStringLiteral("load test")},
             {QStringLiteral("open"), true}},
            [=](const QJsonObject &data, const QString &code) {
                ++*replies;
                const qint64 id = qint64(data.value(QStringLiteral("room"))
                                             .toObject()
                                             .value(QStringLiteral("id"))
                                             .toDouble());
                if (!code.isEmpty() || id <= 0)
                    failures->append(
                        QStringLiteral("rooms.create: %1")
                            .arg(code.isEmpty() ? QStringLiteral("no room id") : code));
                (*roomIds)[g] = id;
            });
    }
    waitFor([&] { return *replies == groups; }, 15000);
    if (*replies != groups)
        failures->append(QStringLiteral("rooms.create: no reply"));
    if (!failures->isEmpty()) {
        *error = failures->first();
        return false;
    }
    *replies = 0;
    const int joins = int(peers.size()) - groups;
    for (int i = 0; i < peers.size(); ++i) {
        if (i % roomSize == 0)
            continue;
        peers[i]->request("rooms.join", {{QStringLiteral("roomId"), (*roomIds)[i / roomSize]}},
                          [=](const QJsonObject &, const QString &code) {
                              ++*replies;
                              if (!code.isEmpty())
                                  failures->append(QStringLiteral("rooms.join: %1").arg(code));
                          });
    }
    waitFor([&] { return *replies == joins; }, 30000);
    if (*replies != joins)
        failures->append(QStringLiteral("rooms.join: no reply"));
    if (!failures->isEmpty()) {
        *error = failures->first();
        return false;
    }
    for (int i = 0; i < peers.size(); ++i) {
        const int g = i / roomSize;
        const int members = qMin(roomSize, int(peers.size()) - g * roomSize);
        sendSlots->append(SendSlot{peers[i], (*roomIds)[g], members});
    }
    sleepMs(500); // let the membership events settle before anything is measured
    return true;
}

int Driver::viewRooms(const QList<SendSlot> &sendSlots)
{
    QSet<Peer *> done;
    auto replies = std::make_shared<int>(0);
    auto accepted = std::make_shared<int>(0);
    for (const SendSlot &slot : sendSlots) {
        if (done.contains(slot.peer))
            continue;
        done.insert(slot.peer);
        slot.peer->request("rooms.view", {{QStringLiteral("roomId"), slot.roomId}},
                           [replies, accepted](const QJsonObject &, const QString &code) {
                               ++*replies;
                               *accepted += code.isEmpty();
                           });
    }
    waitFor([&] { return *replies == done.size(); }, 15000);
    return *accepted;
}

// ---- traffic ------------------------------------------------------------------------------

void Driver::startTraffic(const QList<SendSlot> &sendSlots, double messagesPerSecond)
{
    m_slots = sendSlots;
    m_nextSlot = 0;
    setRate(messagesPerSecond);
    m_sendTimer.start();
}

void Driver::setRate(double messagesPerSecond)
{
    m_rate = messagesPerSecond;
    m_rateStartNs = nowNs();
    m_sentSinceRateStart = 0;
}

void Driver::stopTraffic()
{
    m_sendTimer.stop();
    m_rate = 0;
}

void Driver::tick()
{
    if (m_slots.isEmpty() || m_rate <= 0)
        return;
    const qint64 due = qint64(m_rate * double(nowNs() - m_rateStartNs) / 1e9);
    // Never burst more than 50 ms of sends to catch up: a stalled tool must show, not hide.
    const qint64 maxBacklog = qMax<qint64>(1, qint64(m_rate * 0.05));
    if (due - m_sentSinceRateStart > maxBacklog) {
        m_behind += due - m_sentSinceRateStart - maxBacklog;
        m_sentSinceRateStart = due - maxBacklog;
    }
    while (m_sentSinceRateStart < due) {
        const SendSlot &slot = m_slots[m_nextSlot];
        m_nextSlot = (m_nextSlot + 1) % int(m_slots.size());
        ++m_sentSinceRateStart;
        if (!slot.peer->isReady() || slot.peer->inFlightSends() >= m_options.maxInFlightPerPeer) {
            ++m_skipped;
            continue;
        }
        sendOne(slot);
    }
}

void Driver::sendOne(const SendSlot &slot)
{
    const qint64 k = qint64(m_messages.size());
    const qint64 sentNs = nowNs();
    m_messages.push_back(MessageRecord{sentNs, quint16(slot.expectedCopies), 0, false, false});
    for (Window *w : m_active) {
        if (k >= w->firstK && k < w->endK)
            w->expected += slot.expectedCopies;
    }
    slot.peer->sendMessage(slot.roomId, k, sentNs);
}

// ---- windows ------------------------------------------------------------------------------

Window *Driver::beginWindow()
{
    m_windows.push_back(std::make_unique<Window>());
    Window *w = m_windows.back().get();
    w->firstK = qint64(m_messages.size());
    w->skipped = m_skipped;
    w->behind = m_behind;
    w->otherEvents = m_otherEvents;
    w->server0 = sampleProcess(m_options.serverPid);
    w->tool0 = selfCpuUs();
    w->machine0 = machineBusyUs();
    w->startNs = nowNs();
    m_active.push_back(w);
    return w;
}

void Driver::endWindow(Window *w)
{
    w->endNs = nowNs();
    w->endK = qint64(m_messages.size());
    w->server1 = sampleProcess(m_options.serverPid);
    w->tool1 = selfCpuUs();
    w->machine1 = machineBusyUs();
    w->skipped = m_skipped - w->skipped;
    w->behind = m_behind - w->behind;
    w->otherEvents = m_otherEvents - w->otherEvents;
}

bool Driver::drain(Window *w, qint64 timeoutMs)
{
    const bool complete = waitFor([w] { return w->received >= w->expected; }, timeoutMs);
    for (qint64 k = w->firstK; k < w->endK; ++k)
        w->unacked += !m_messages[size_t(k)].acked && !m_messages[size_t(k)].failed;
    m_active.erase(std::remove(m_active.begin(), m_active.end(), w), m_active.end());
    return complete;
}

} // namespace natter::bench
