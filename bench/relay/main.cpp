// natter-relay: a bare QtWebSockets relay, the yardstick for natter-load. No storage, no
// accounts, no limits: it answers the requests natter-load sends (hello, auth.resume,
// auth.login, rooms.create, rooms.join, rooms.view, messages.send) with minimal results in
// natterd's frame shapes, and relays each message, encoded once, to the other connections in
// its room. Whatever it sustains, the load tool sustains at least as well.
//
// It runs on Qt's own event dispatcher, which poll()s every socket on every pass: with 2,000
// connections sending in pairs that, not the load tool, is what it saturates on. --epoll runs
// it on natterd's epoll dispatcher instead, to show what the load tool drives there.
//
// --drop-every N withholds the room's copies (not the reply) of every message whose body
// carries a sequence number k (natter-load's "k=<k>") divisible by N: the smoke test checks
// that natter-load reports exactly those copies as lost.
#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>
#include <algorithm>
#include <cstdio>
#include <cstring>
#ifdef NATTER_HAVE_EPOLL
#include "core/epolldispatcher.h"
#endif

namespace {

class Relay : public QObject
{
public:
    explicit Relay(qint64 dropEvery)
        : m_ws(QStringLiteral("natter-relay"), QWebSocketServer::NonSecureMode), m_dropEvery(dropEvery)
    {
        connect(&m_tcp, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_tcp.nextPendingConnection()) {
                s->setSocketOption(QAbstractSocket::LowDelayOption, 1); // as natterd does
                m_ws.handleConnection(s);
            }
        });
        connect(&m_ws, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *s = m_ws.nextPendingConnection()) {
                connect(s, &QWebSocket::textMessageReceived, this,
                        [this, s](const QString &text) { handle(s, text); });
                connect(s, &QWebSocket::disconnected, this, [this, s] { leave(s); });
            }
        });
    }

    bool listen(quint16 port) { return m_tcp.listen(QHostAddress::LocalHost, port); }
    quint16 port() const { return m_tcp.serverPort(); }

private:
    void handle(QWebSocket *s, const QString &text)
    {
        const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
        const QString type = frame.value(QStringLiteral("type")).toString();
        const qint64 id = qint64(frame.value(QStringLiteral("id")).toDouble());
        const QJsonObject data = frame.value(QStringLiteral("data")).toObject();
        if (type == QLatin1String("messages.send")) {
            const qint64 room = qint64(data.value(QStringLiteral("roomId")).toDouble());
            reply(s, id, {});
            if (m_dropEvery > 0 && dropped(data.value(QStringLiteral("body")).toString()))
                return;
            const QJsonObject message{
                {QStringLiteral("roomId"), room},
                {QStringLiteral("clientMsgId"), data.value(QStringLiteral("clientMsgId"))},
                {QStringLiteral("body"), data.value(QStringLiteral("body"))}};
            const QString event = QString::fromUtf8(
                QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("event")},
                                          {QStringLiteral("event"), QStringLiteral("message")},
                                          {QStringLiteral("data"),
                                           QJsonObject{{QStringLiteral("message"), message}}}})
                    .toJson(QJsonDocument::Compact));
            for (QWebSocket *member : m_rooms.value(room)) {
                if (member != s)
                    member->sendTextMessage(event);
            }
        } else if (type == QLatin1String("rooms.create") || type == QLatin1String("rooms.join")) {
            const qint64 room = type == QLatin1String("rooms.join")
                                    ? qint64(data.value(QStringLiteral("roomId")).toDouble())
                                    : m_nextRoom++;
            if (!m_rooms[room].contains(s)) {
                m_rooms[room].append(s);
                m_joined[s].insert(room);
            }
            reply(s, id, {{QStringLiteral("room"), QJsonObject{{QStringLiteral("id"), room}}}});
        } else if (type == QLatin1String("hello")) {
            reply(s, id,
                  {{QStringLiteral("version"), 1},
                   {QStringLiteral("server"), QStringLiteral("natter-relay")}});
        } else if (type == QLatin1String("auth.resume") || type == QLatin1String("auth.login")) {
            reply(s, id,
                  {{QStringLiteral("user"), QJsonObject{{QStringLiteral("id"), ++m_users}}}});
        } else { // rooms.view and anything else: nothing to do
            reply(s, id, {});
        }
    }

    bool dropped(const QString &body) const
    {
        const qsizetype at = body.indexOf(QLatin1String(" k="));
        if (at < 0)
            return false;
        qsizetype end = at + 3;
        while (end < body.size() && body.at(end).isDigit())
            ++end;
        bool ok = false;
        const qint64 k = body.mid(at + 3, end - at - 3).toLongLong(&ok);
        return ok && k % m_dropEvery == 0;
    }

    void reply(QWebSocket *s, qint64 id, const QJsonObject &data)
    {
        s->sendTextMessage(QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("result")},
                                      {QStringLiteral("id"), id},
                                      {QStringLiteral("data"), data}})
                .toJson(QJsonDocument::Compact)));
    }

    void leave(QWebSocket *s)
    {
        for (qint64 room : m_joined.take(s))
            m_rooms[room].removeAll(s);
        s->deleteLater();
    }

    QTcpServer m_tcp;
    QWebSocketServer m_ws;
    QHash<qint64, QList<QWebSocket *>> m_rooms;
    QHash<QWebSocket *, QSet<qint64>> m_joined;
    const qint64 m_dropEvery;
    qint64 m_nextRoom = 1;
    qint64 m_users = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    const bool epoll = std::any_of(argv + 1, argv + argc,
                                   [](const char *arg) { return std::strcmp(arg, "--epoll") == 0; });
    if (epoll) {
#ifdef NATTER_HAVE_EPOLL
        if (!natter::server::installEpollDispatcher()) {
            std::fprintf(stderr, "natter-relay: cannot set up the epoll dispatcher\n");
            return 1;
        }
#else
        std::fprintf(stderr, "natter-relay: --epoll needs Linux\n");
        return 1;
#endif
    }
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int at = int(args.indexOf(QStringLiteral("--port")));
    const quint16 port = at > 0 && at + 1 < args.size() ? quint16(args[at + 1].toUInt()) : 0;
    const int dropAt = int(args.indexOf(QStringLiteral("--drop-every")));
    const qint64 dropEvery = dropAt > 0 && dropAt + 1 < args.size() ? args[dropAt + 1].toLongLong() : 0;
    Relay relay(dropEvery);
    if (!relay.listen(port)) {
        std::fprintf(stderr, "natter-relay: cannot listen on 127.0.0.1:%u\n", port);
        return 1;
    }
    std::printf("relay listening on 127.0.0.1:%u\n", relay.port());
    std::fflush(stdout);
    return app.exec();
}
