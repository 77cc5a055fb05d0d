// natter-install-probe: the host side of the install test (tests/install/test-packages.sh).
// A real natter_client_core client connects over wss:// to a natterd installed from the
// packages, pins the fingerprint given on the command line (what `natterd tls-fingerprint`
// printed where natterd runs), and checks a whole conversation:
//   1. with a different pin the connection is refused as a changed certificate;
//   2. the first account signs up and is the administrator, a second one is not;
//   3. they become friends and a message from one arrives at the other;
//   4. with a DISABLE command (the rest of the command line, e.g. `natterd user disable bob`
//      run where natterd runs), bob's live connection is closed with 4006 (account_disabled)
//      once the command ran, and the administrator's stays up.
// Usage: natter-install-probe wss://127.0.0.1:PORT FINGERPRINT [DISABLE COMMAND...]
// Prints one line per step; exits 0 when everything held, 1 with the failing step otherwise.
#include "../support/testuser.h"

#include "core/trustedservers.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

using namespace natter;
using namespace natter::client;
using namespace natter::test;

namespace {

QTextStream out(stdout);

int fail(const QString &what)
{
    out << "FAIL: " << what << Qt::endl;
    return 1;
}

void step(const QString &what) { out << "ok: " << what << Qt::endl; }

/// A user whose connection pins `trusted`'s fingerprints; remembers a refused certificate.
struct PinnedUser
{
    PinnedUser(const QUrl &url, const TrustedServers &trusted) : user(url)
    {
        user.session.connection().setTrustedServers(&trusted);
        QObject::connect(&user.session.connection(), &Connection::certificateRefused,
                         [this](const PinCheck &c) { refusal = c; });
    }
    TestUser user;
    std::optional<PinCheck> refusal;
};

int probe(const QUrl &url, const QString &fingerprint, const QStringList &disable)
{
    QTemporaryDir dir;
    QString other = fingerprint; // the same but for its first digit
    other[0] = fingerprint.startsWith(QLatin1Char('0')) ? QLatin1Char('1') : QLatin1Char('0');
    TrustedServers wrong(dir.filePath(QStringLiteral("wrong.ini")));
    wrong.accept(url, other);
    {
        PinnedUser mallory(url, wrong);
        const auto r = mallory.user.signup(QStringLiteral("mallory"));
        if (r.ok() || !mallory.refusal || mallory.refusal->verdict != TrustedServers::Verdict::Changed)
            return fail(QStringLiteral("a wrong pin was not refused"));
        if (mallory.refusal->presented != fingerprint)
            return fail(QStringLiteral("the server presented %1, natterd tls-fingerprint said %2")
                            .arg(mallory.refusal->presented, fingerprint));
        mallory.user.session.disconnectFromServer();
    }
    step(QStringLiteral("a different pin is refused; the certificate presented is %1").arg(fingerprint));

    TrustedServers trusted(dir.filePath(QStringLiteral("trusted.ini")));
    trusted.accept(url, fingerprint);
    PinnedUser admin(url, trusted), bob(url, trusted);
    const auto first = admin.user.signup(QStringLiteral("admin"));
    if (!first.ok())
        return fail(QStringLiteral("signup of the first account: %1").arg(first.error.message));
    if (!first.value->admin)
        return fail(QStringLiteral("the first account is not the administrator"));
    const auto second = bob.user.signup(QStringLiteral("bob"));
    if (!second.ok() || second.value->admin)
        return fail(QStringLiteral("signup of a second, ordinary account: %1").arg(second.error.message));
    step(QStringLiteral("over wss:// with the pin: admin (administrator) and bob signed up"));

    const RoomId room = makeFriends(admin.user, bob.user);
    if (!room.isValid())
        return fail(QStringLiteral("admin and bob did not become friends"));
    step(QStringLiteral("admin and bob are friends (room %1)").arg(room.value));

    const QString text = QStringLiteral("hello from the host, through the installed natterd");
    const auto sent = admin.user.send(room, text);
    if (!sent.ok())
        return fail(QStringLiteral("send: %1").arg(sent.error.message));
    if (!QTest::qWaitFor([&] {
            for (const Message &m : bob.user.messages)
                if (m.body == text)
                    return true;
            return false;
        }, 10000))
        return fail(QStringLiteral("bob did not receive the message"));
    step(QStringLiteral("bob received admin's message"));
    if (disable.isEmpty())
        return 0;

    int bobClosed = 0;
    QObject::connect(&bob.user.session.connection(), &Connection::disconnected,
                     [&bobClosed](int code, const QString &) {
                         if (!bobClosed)
                             bobClosed = code;
                     });
    QProcess command;
    command.setProcessChannelMode(QProcess::ForwardedChannels);
    command.start(disable.first(), disable.mid(1));
    if (!command.waitForFinished(60000) || command.exitStatus() != QProcess::NormalExit || command.exitCode() != 0)
        return fail(QStringLiteral("the disable command failed: %1").arg(disable.join(QLatin1Char(' '))));
    if (!QTest::qWaitFor([&] { return bobClosed != 0; }, 10000))
        return fail(QStringLiteral("bob's connection stayed open after the account was disabled"));
    if (bobClosed != 4006)
        return fail(QStringLiteral("bob's connection closed with %1, not 4006 (account disabled)").arg(bobClosed));
    if (admin.user.session.state() != ClientSession::State::Online || !admin.user.call(RoomListRequest{}).ok())
        return fail(QStringLiteral("the administrator's connection did not stay up"));
    step(QStringLiteral("disabling bob closed his live connection (4006); admin stays online"));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES")) // the steps speak for themselves
        QLoggingCategory::setFilterRules(QStringLiteral("natter.*.debug=false"));
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        out << "usage: natter-install-probe wss://HOST:PORT FINGERPRINT [DISABLE COMMAND...]" << Qt::endl;
        return 2;
    }
    return probe(QUrl(args[1]), args[2], args.mid(3));
}
