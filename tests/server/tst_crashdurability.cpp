// Durability: natterd is killed with SIGKILL while messages stream in; after a restart on
// the same data directory, every message that had been acknowledged is in the history.
#include "../support/rawclient.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace natter;
using namespace natter::test;

namespace {

class NatterdProcess
{
public:
    bool start(const QString &dataDir)
    {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(QStringLiteral(NATTERD_PATH),
                        {QStringLiteral("--listen"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                         QStringLiteral("0"), QStringLiteral("--data-dir"), dataDir,
                         QStringLiteral("--log-level"), QStringLiteral("warning"), QStringLiteral("--no-tls")});
        if (!m_process.waitForStarted(5000))
            return false;
        static const QRegularExpression listening(QStringLiteral("listening on [^:]+:(\\d+)"));
        QByteArray out;
        const bool ok = QTest::qWaitFor([&] {
            out += m_process.readAllStandardOutput();
            const auto m = listening.match(QString::fromUtf8(out));
            if (m.hasMatch())
                m_port = quint16(m.captured(1).toUInt());
            return m_port != 0 || m_process.state() == QProcess::NotRunning;
        }, 10000);
        return ok && m_port != 0;
    }
    void kill()
    {
        m_process.kill(); // SIGKILL: no chance to flush or shut down
        m_process.waitForFinished(5000);
    }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_port)); }
    ~NatterdProcess()
    {
        if (m_process.state() != QProcess::NotRunning)
            kill();
    }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

template <class T, class Request>
std::optional<T> call(RawClient &c, RequestId id, const Request &request)
{
    c.send(id, request);
    const auto reply = c.waitReply(id, 10000);
    if (!reply || reply->kind != ServerFrame::Kind::Result)
        return std::nullopt;
    return readData<T>(reply->data, nullptr);
}

} // namespace

class TestCrashDurability : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void acknowledgedMessagesSurviveSigkill();
};

void TestCrashDurability::acknowledgedMessagesSurviveSigkill()
{
    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    auto server = std::make_unique<NatterdProcess>();
    QVERIFY(server->start(dataDir.path()));

    RawClient alice, bob;
    QVERIFY(alice.connectTo(server->url()) && bob.connectTo(server->url()));
    const auto aliceSession = alice.signup(QStringLiteral("alice"));
    const auto bobSession = bob.signup(QStringLiteral("bob"));
    QVERIFY(aliceSession && bobSession);
    FriendRequestRequest ask;
    ask.userId = bobSession->user.id;
    QVERIFY(call<FriendReply>(alice, 1, ask));
    FriendAcceptRequest accept;
    accept.userId = aliceSession->user.id;
    const auto accepted = call<FriendReply>(bob, 2, accept);
    QVERIFY(accepted && accepted->relation.roomId.isValid());
    const RoomId room = accepted->relation.roomId;

    // Stream sends without waiting for acknowledgements (about 400/s, within the connection's
    // burst allowance), and kill the server mid-stream, with sends still in flight.
    int sent = 0;
    QTimer streamer;
    QObject::connect(&streamer, &QTimer::timeout, [&] {
        for (int k = 0; k < 2 && sent < 380; ++k, ++sent)
            alice.send(10000 + sent, SendRequest{room, QStringLiteral("k-%1").arg(sent), QStringLiteral("message %1").arg(sent)});
    });
    streamer.start(5);
    auto results = [&] {
        int n = 0;
        for (const ServerFrame &f : std::as_const(alice.frames))
            n += f.id && *f.id >= 10000 ? 1 : 0;
        return n;
    };
    QVERIFY(QTest::qWaitFor([&] { return results() >= 100; }, 20000));
    const int total = sent;
    server->kill();
    streamer.stop();

    QHash<QString, Seq> acknowledged;
    for (const ServerFrame &f : std::as_const(alice.frames)) {
        if (!f.id || *f.id < 10000)
            continue;
        QCOMPARE(f.kind, ServerFrame::Kind::Result); // nothing refused, nothing rate-limited
        const auto reply = readData<SendReply>(f.data, nullptr);
        QVERIFY(reply);
        acknowledged.insert(reply->message.clientMsgId, reply->message.seq);
    }
    QVERIFY(acknowledged.size() >= 100);
    QVERIFY(acknowledged.size() < total + 1);
    qInfo() << acknowledged.size() << "of" << total << "sends acknowledged before SIGKILL";

    server = std::make_unique<NatterdProcess>();
    QVERIFY(server->start(dataDir.path()));
    RawClient reader;
    QVERIFY(reader.connectTo(server->url()));
    QVERIFY(reader.hello());
    QVERIFY(call<SessionReply>(reader, 3, ResumeRequest{bobSession->token}));
    QHash<QString, Seq> stored;
    Seq before = 0;
    RequestId id = 100;
    for (;;) {
        const auto page = call<MessagePageReply>(reader, id++, HistoryRequest{room, before, 200});
        QVERIFY(page);
        for (const Message &m : page->messages)
            stored.insert(m.clientMsgId, m.seq);
        if (!page->more || page->messages.isEmpty())
            break;
        before = page->messages.first().seq;
    }
    for (auto it = acknowledged.cbegin(); it != acknowledged.cend(); ++it) {
        QVERIFY2(stored.contains(it.key()), qPrintable(it.key()));
        QCOMPARE(stored.value(it.key()), it.value());
    }
    // Sequences stay gapless across the crash: 1..N.
    QList<Seq> seqs = stored.values();
    std::sort(seqs.begin(), seqs.end());
    for (int i = 0; i < seqs.size(); ++i)
        QCOMPARE(seqs[i], Seq(i + 1));
}

QTEST_GUILESS_MAIN(TestCrashDurability)
#include "tst_crashdurability.moc"
