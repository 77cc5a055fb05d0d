// natter-demo: fills a running natterd with a small, realistic demo (people, friendships, a
// group, conversations) through the protocol, for screenshots and trying the client.
//   natter-demo --server ws://localhost:7447 [--password PASSWORD]
// Every demo user gets the same password (default "demo-password-1").
#include "core/clientsession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>
#include <cstdio>
#include <memory>

using namespace natter;
using namespace natter::client;

namespace {

/// Runs `send` (which takes a callback) and waits for the reply.
template <class R, class Start>
Reply<R> await(Start start)
{
    std::optional<Reply<R>> out;
    QEventLoop loop;
    start([&](const Reply<R> &r) {
        out = r;
        loop.quit();
    });
    if (!out) {
        QTimer::singleShot(15000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (!out)
        return {std::nullopt, {ErrorCode::Unavailable, QStringLiteral("timed out")}};
    return *out;
}

struct Person
{
    explicit Person(const QString &n) : name(n) {}
    QString name;
    std::unique_ptr<ClientSession> session;
    UserId id() const { return session->user().id; }

    template <class Req>
    Reply<typename Req::Reply> call(const Req &req)
    {
        return await<typename Req::Reply>(
            [&](auto cb) { session->connection().send(req, nullptr, cb); });
    }
    void say(RoomId room, const QString &text)
    {
        const auto r = await<SendReply>([&](auto cb) { session->sendMessage(room, text, cb); });
        if (!r.ok())
            std::fprintf(stderr, "send failed: %s\n", qPrintable(r.error.message));
    }
};

bool join(Person &p, const QUrl &url, const QString &password)
{
    p.session = std::make_unique<ClientSession>();
    p.session->setServerUrl(url);
    auto r = await<SessionReply>([&](auto cb) { p.session->signup(p.name, password, cb); });
    if (!r.ok() && r.error.code == ErrorCode::UsernameTaken)
        r = await<SessionReply>([&](auto cb) { p.session->login(p.name, password, cb); });
    if (!r.ok())
        std::fprintf(stderr, "%s: %s\n", qPrintable(p.name), qPrintable(r.error.message));
    return r.ok();
}

RoomId befriend(Person &a, Person &b)
{
    FriendRequestRequest ask;
    ask.userId = b.id();
    a.call(ask);
    FriendAcceptRequest accept;
    accept.userId = a.id();
    const auto r = b.call(accept);
    return r.ok() ? r.value->relation.roomId : RoomId();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("server"), QStringLiteral("WebSocket URL of natterd."),
                      QStringLiteral("url"), QStringLiteral("ws://localhost:7447")});
    parser.addOption({QStringLiteral("password"), QStringLiteral("Password of every demo user."),
                      QStringLiteral("password"), QStringLiteral("demo-password-1")});
    parser.process(app);
    const QUrl url(parser.value(QStringLiteral("server")));
    const QString password = parser.value(QStringLiteral("password"));

    Person alice(QStringLiteral("alice")), bob(QStringLiteral("bob")),
        carol(QStringLiteral("carol")), dave(QStringLiteral("dave")), erin(QStringLiteral("erin"));
    for (Person *p : {&alice, &bob, &carol, &dave, &erin})
        if (!join(*p, url, password))
            return 1;

    const RoomId withBob = befriend(alice, bob);
    const RoomId withCarol = befriend(alice, carol);
    befriend(alice, dave);
    befriend(bob, carol);
    FriendRequestRequest erinAsks;
    erinAsks.userId = alice.id();
    erin.call(erinAsks); // an incoming request for alice

    CreateRoomRequest hike;
    hike.name = QStringLiteral("Weekend hike");
    hike.topic = QStringLiteral("Saturday 9:00 at the station — bring water");
    hike.invite = {bob.id(), carol.id()};
    const auto created = alice.call(hike);
    const RoomId group = created.ok() ? created.value->room.id : RoomId();
    for (Person *p : {&bob, &carol}) {
        JoinRoomRequest j;
        j.roomId = group;
        p->call(j);
    }
    CreateRoomRequest lobby;
    lobby.name = QStringLiteral("Book club");
    lobby.topic = QStringLiteral("This month: The Left Hand of Darkness");
    lobby.open = true;
    dave.call(lobby);

    alice.say(withBob, QStringLiteral("Hey Bob, did you get the photos from last week?"));
    bob.say(withBob, QStringLiteral("Yes, they look great! The one at the summit is my favourite."));
    alice.say(withBob, QStringLiteral("Same. I'll print a few for the club room."));
    bob.say(withBob, QStringLiteral("Nice — see you Saturday @alice"));

    carol.say(withCarol, QStringLiteral("Lunch tomorrow?"));
    alice.say(withCarol, QStringLiteral("Sounds good, 12:30 at the usual place?"));
    carol.say(withCarol, QStringLiteral("Great, see you there!"));
    alice.say(group, QStringLiteral("Who's in for Saturday?"));
    bob.say(group, QStringLiteral("Me! Which trail are we doing?"));
    carol.say(group, QStringLiteral("The ridge loop — about 14 km, with a lunch stop at the lake."));
    alice.say(group, QStringLiteral("Perfect. @bob can you bring the map?"));
    bob.say(group, QStringLiteral("Sure, and snacks"));
    carol.say(group, QStringLiteral("Forecast says sunny after 10."));

    std::printf("demo ready: users alice, bob, carol, dave, erin (password %s)\n",
                qPrintable(password));
    return 0;
}
