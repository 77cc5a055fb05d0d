// natter-attach: times one attachment upload and its download through a real natterd (in this
// process, on its own thread) and the client core's AttachmentUploader/AttachmentDownloader,
// over loopback. Prints the figures; exits non-zero if the bytes did not come back intact.
//
//   natter-attach [--mib 25] [--runs 3]
#include "core/attachmenttransfer.h"
#include "core/clientsession.h"
#include "core/natterserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <cstdio>
#include <utility>

using namespace natter;

namespace {

/// Runs the event loop until `done` is true (signals end the wait, no polling).
template <class F>
bool waitFor(F done, int timeoutMs = 120000)
{
    QEventLoop loop;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    tick.start(1);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!done())
        loop.exec();
    return done();
}

template <class Req>
std::optional<typename Req::Reply> call(client::ClientSession &s, const Req &req)
{
    std::optional<client::Reply<typename Req::Reply>> out;
    s.connection().send(req, nullptr, [&out](const auto &r) { out = r; });
    waitFor([&] { return out.has_value(); });
    return out && out->ok() ? out->value : std::nullopt;
}

bool signup(client::ClientSession &s, const QUrl &url, const QString &name)
{
    s.setServerUrl(url);
    std::optional<bool> ok;
    s.signup(name, QStringLiteral("a-good-password-42"), [&ok](const auto &r) { ok = r.ok(); });
    return waitFor([&] { return ok.has_value(); }) && *ok
        && waitFor([&] { return s.state() == client::ClientSession::State::Online; });
}

/// Uploads `path` as alice, sends it, downloads it as bob; prints the times. False on failure.
bool runOnce(client::ClientSession &alice, client::ClientSession &bob, RoomId room, const QString &path,
             const QString &outPath, qint64 bytes, int run)
{
    client::AttachmentUploader up(alice.connection());
    std::optional<Attachment> attachment;
    bool failed = false;
    QObject::connect(&up, &client::AttachmentUploader::finished, [&](const Attachment &a) { attachment = a; });
    QObject::connect(&up, &client::AttachmentUploader::failed, [&] { failed = true; });
    QElapsedTimer t;
    t.start();
    up.start(path, room, QStringLiteral("application/octet-stream"));
    waitFor([&] { return attachment || failed; });
    const qint64 upMs = t.elapsed();
    if (!attachment || !call(alice, SendRequest{room, QStringLiteral("m%1").arg(run), QString(), {}, {attachment->id}}))
        return false;
    client::AttachmentDownloader down(bob.connection());
    std::optional<bool> ok;
    QObject::connect(&down, &client::AttachmentDownloader::finished, [&] { ok = true; });
    QObject::connect(&down, &client::AttachmentDownloader::failed, [&] { ok = false; });
    t.restart();
    down.start(attachment->id, outPath, attachment->sha256);
    waitFor([&] { return ok.has_value(); });
    const qint64 downMs = t.elapsed();
    const double mib = double(bytes) / (1024 * 1024);
    std::printf("run %d: %.0f MiB upload %lld ms (%.1f MiB/s incl. hashing, fsync, commit), "
                "download %lld ms (%.1f MiB/s incl. hash check)\n",
                run + 1, mib, qlonglong(upMs), mib * 1000 / qMax<qint64>(1, upMs), qlonglong(downMs),
                mib * 1000 / qMax<qint64>(1, downMs));
    return ok && *ok;
}

/// Two users who are friends; their direct room, or an invalid id.
RoomId makeFriends(client::ClientSession &alice, client::ClientSession &bob, const QUrl &url)
{
    if (!signup(alice, url, QStringLiteral("alice")) || !signup(bob, url, QStringLiteral("bob")))
        return RoomId();
    call(alice, FriendRequestRequest{{bob.user().id}});
    const auto accepted = call(bob, FriendAcceptRequest{{alice.user().id}});
    return accepted ? accepted->relation.roomId : RoomId();
}

/// Writes `bytes` of random data whose first byte is `run`, so no two runs share content.
bool writeFile(const QString &path, qint64 bytes, int run)
{
    QByteArray content(bytes, Qt::Uninitialized);
    QRandomGenerator(7).fillRange(reinterpret_cast<quint32 *>(content.data()), int(bytes / 4));
    if (bytes > 0)
        content[0] = char(run);
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == bytes;
}

int measure(const QUrl &url, const QTemporaryDir &dir, qint64 bytes, int runs)
{
    client::ClientSession alice, bob;
    const RoomId room = makeFriends(alice, bob, url);
    bool ok = room.isValid();
    const QString path = dir.filePath(QStringLiteral("upload.bin"));
    for (int run = 0; run < runs && ok; ++run) {
        ok = writeFile(path, bytes, run)
            && runOnce(alice, bob, room, path, dir.filePath(QStringLiteral("down-%1.bin").arg(run)), bytes, run);
    }
    alice.disconnectFromServer();
    bob.disconnectFromServer();
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption mibOption(QStringLiteral("mib"), QStringLiteral("File size in MiB (default 25)."),
                                       QStringLiteral("n"), QStringLiteral("25"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Repetitions (default 3)."),
                                        QStringLiteral("n"), QStringLiteral("3"));
    parser.addOptions({mibOption, runsOption});
    parser.process(app);
    const qint64 bytes = parser.value(mibOption).toLongLong() * 1024 * 1024;
    const int runs = qMax(1, parser.value(runsOption).toInt());

    QTemporaryDir dir;
    server::ServerConfig config;
    config.address = QHostAddress::LocalHost;
    config.port = 0;
    config.storage.sqlitePath = dir.filePath(QStringLiteral("natter.db"));
    config.fastPasswordHashing = true;
    config.maxAttachmentBytes = qMax<qint64>(1, bytes);
    // natterd gets its own thread, as the client side keeps the main one busy.
    QThread serverThread;
    QObject anchor;
    anchor.moveToThread(&serverThread);
    serverThread.start();
    server::NatterServer *server = nullptr;
    QString error;
    QMetaObject::invokeMethod(&anchor, [&] {
        server = new server::NatterServer(config);
        if (!server->start(&error))
            std::exchange(server, nullptr)->deleteLater();
    }, Qt::BlockingQueuedConnection);
    int status = 1;
    if (server) {
        status = measure(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(server->port())), dir, bytes, runs);
        QMetaObject::invokeMethod(&anchor, [&] { delete server; }, Qt::BlockingQueuedConnection);
    } else {
        std::fprintf(stderr, "natterd did not start: %s\n", qPrintable(error));
    }
    serverThread.quit();
    serverThread.wait();
    if (status != 0)
        std::fprintf(stderr, "the transfer failed\n");
    return status;
}
