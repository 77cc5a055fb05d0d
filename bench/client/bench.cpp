// natter-client-bench: measures the desktop client against a running natterd (bench/client/run
// seeds one): cold start to a usable main window, warm start from the cache, opening a room with
// a long history, scrolling back through it, and memory after opening 50 rooms.
// Prints one "figure: value" line per measurement.
#include "core/clientcontroller.h"
#include "ui/chatview.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QListView>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>

using namespace natter;
using namespace natter::client;

namespace {

QElapsedTimer g_sinceStart;

void figure(const char *name, double value, const char *unit)
{
    std::printf("%-44s %10.1f %s\n", name, value, unit);
    std::fflush(stdout);
}

double rssMiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

bool login(ClientController &c, const QString &user, const QString &password)
{
    bool done = false, ok = false, synced = false;
    QObject::connect(&c, &ClientController::synced, [&] { synced = true; });
    c.login(user, password, [&](const Reply<SessionReply> &r) {
        done = true;
        ok = r.ok();
        if (!ok)
            std::fprintf(stderr, "login failed: %s\n", qPrintable(r.error.message));
    });
    (void)QTest::qWaitFor([&] { return done; }, 30000);
    return ok && QTest::qWaitFor([&] { return synced; }, 120000);
}

/// Makes sure the user is in at least `rooms` rooms, each with a few messages (paced below
/// the server's per-connection rate limit).
void ensureRooms(ClientController &c, int rooms)
{
    while (c.conversations()->rowCount() < rooms) {
        CreateRoomRequest create;
        create.name = QStringLiteral("Bench room %1").arg(c.conversations()->rowCount());
        RoomId room;
        bool failed = false;
        c.createGroup(create, [&room](RoomId id) { room = id; },
                      [&failed](const auto &) { failed = true; });
        (void)QTest::qWaitFor([&] { return room.isValid() || failed; }, 10000);
        if (!room.isValid()) {
            QTest::qWait(1000); // rate limited: try again
            continue;
        }
        for (int m = 0; m < 10; ++m)
            c.sendMessage(room, QStringLiteral("message %1 in room %2 with some ordinary length text").arg(m).arg(room.value));
        (void)QTest::qWaitFor([&] { return c.outbox().size() == 0; }, 120000);
    }
}

RoomId biggestRoom(ClientController &c)
{
    RoomId best;
    Seq bestSeq = -1;
    for (const Room &r : c.conversations()->rooms())
        if (r.lastSeq > bestSeq) {
            best = r.id;
            bestSeq = r.lastSeq;
        }
    return best;
}

void measureRoom(ui::MainWindow &window, ClientController &c, RoomId room, int scrollPages)
{
    TimelineModel *t = c.timeline(room);
    QElapsedTimer timer;
    timer.start();
    window.openRoom(room);
    (void)QTest::qWaitFor([&] { return t->rowCount() > 0 && !t->isLoading(); }, 30000);
    QApplication::processEvents();
    window.chatView()->timelineView()->viewport()->repaint();
    figure("open room (first page shown)", timer.nsecsElapsed() / 1e6, "ms");

    QScrollBar *bar = window.chatView()->timelineView()->verticalScrollBar();
    timer.restart();
    int pages = 0;
    while (pages < scrollPages && t->canFetchMore()) {
        bar->setValue(bar->minimum()); // what the user does: scroll to the top, older ones load
        (void)QTest::qWaitFor([&] { return !t->isLoading(); }, 30000);
        QApplication::processEvents();
        ++pages;
    }
    const double loadMs = timer.nsecsElapsed() / 1e6;
    figure("scroll back: pages of 50 loaded", pages, "pages");
    figure("scroll back: entries in the timeline", t->rowCount(), "rows");
    figure("scroll back: mean time per page", pages ? loadMs / pages : 0, "ms");

    QListView *view = window.chatView()->timelineView();
    const int steps = 200;
    timer.restart();
    for (int i = 0; i <= steps; ++i) {
        bar->setValue(bar->minimum() + (bar->maximum() - bar->minimum()) * i / steps);
        view->viewport()->repaint();
    }
    figure("scroll through loaded rows: mean frame", timer.nsecsElapsed() / 1e6 / (steps + 1), "ms");
}

/// Empty cache: log in and show the main window; then the large room; then 50 rooms.
bool coldStart(const QCommandLineParser &parser, const QString &cacheRoot, ui::AppSettings &settings)
{
    const QString user = parser.value(QStringLiteral("user"));
    const QString password = parser.value(QStringLiteral("password"));
    ClientController c;
    c.setCacheRoot(cacheRoot);
    c.setServerUrl(QUrl(parser.value(QStringLiteral("server"))));
    ui::MainWindow window(c, settings);
    window.show();
    if (!login(c, user, password))
        return false;
    QApplication::processEvents();
    window.conversationList()->viewport()->repaint();
    figure("cold start to usable main window", g_sinceStart.nsecsElapsed() / 1e6, "ms");
    figure("RSS after cold start", rssMiB(), "MiB");

    const RoomId big = biggestRoom(c);
    const Seq bigSeq = c.conversations()->room(big)->lastSeq;
    figure("largest room: entries", bigSeq, "entries");
    measureRoom(window, c, big, parser.value(QStringLiteral("scroll-pages")).toInt());
    figure("RSS after scrolling back", rssMiB(), "MiB");

    ensureRooms(c, 51);
    QElapsedTimer timer;
    timer.start();
    int opened = 0;
    for (const Room &r : c.conversations()->rooms()) {
        if (r.id == big || opened == 50)
            continue;
        window.openRoom(r.id);
        (void)QTest::qWaitFor([&] { return !c.timeline(r.id)->isLoading(); }, 30000);
        QApplication::processEvents();
        ++opened;
    }
    figure("open 50 rooms one after another: mean", timer.nsecsElapsed() / 1e6 / qMax(1, opened), "ms");
    figure("RSS after loading 50 rooms (+ the large one)", rssMiB(), "MiB");
    figure("rooms in the conversation list", c.conversations()->rowCount(), "rooms");
    return true;
}

/// The same cache again: the conversations show before the server answers.
bool warmStart(const QCommandLineParser &parser, const QString &cacheRoot, ui::AppSettings &settings)
{
    const QString user = parser.value(QStringLiteral("user"));
    const QString password = parser.value(QStringLiteral("password"));
    QElapsedTimer timer;
    timer.start();
    ClientController c;
    c.setCacheRoot(cacheRoot);
    c.setServerUrl(QUrl(parser.value(QStringLiteral("server"))));
    ui::MainWindow window(c, settings);
    window.show();
    c.openAccount(user);
    QApplication::processEvents();
    window.conversationList()->viewport()->repaint();
    figure("warm start: conversations shown from cache", timer.nsecsElapsed() / 1e6, "ms");
    figure("warm start: rooms shown", c.conversations()->rowCount(), "rooms");
    if (!login(c, user, password))
        return false;
    figure("warm start: logged in and synced", timer.nsecsElapsed() / 1e6, "ms");
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    g_sinceStart.start();
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("server"), QStringLiteral("natterd WebSocket URL"), QStringLiteral("url")});
    parser.addOption({QStringLiteral("user"), QStringLiteral("username"), QStringLiteral("name")});
    parser.addOption({QStringLiteral("password"), QStringLiteral("password"), QStringLiteral("password")});
    parser.addOption({QStringLiteral("scroll-pages"), QStringLiteral("pages to scroll back"), QStringLiteral("n"), QStringLiteral("100")});
    parser.process(app);
    QTemporaryDir cacheRoot;
    ui::AppSettings settings;
    settings.showMembers = true;

    if (!coldStart(parser, cacheRoot.path(), settings) || !warmStart(parser, cacheRoot.path(), settings))
        return 1;
    return 0;
}
