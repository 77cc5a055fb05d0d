// natterd's administration commands (user list/add/disable/enable/reset-password, backup,
// check) and its config file, run in-process against a real database — mostly while a real
// server uses the same database, as an administrator would.
#include "../support/rawclient.h"
#include "../support/testserver.h"
#include "../support/testuser.h"

#include "admin/admincommands.h"
#include "core/commandline.h"
#include "net/clientconnection.h"
#include "storage/sqlconnection.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace natter;
using namespace natter::server;
using namespace natter::test;

namespace {

struct CommandResult
{
    int status = -1;
    QString out;
    QString err;
};

/// Parses `arguments` as natterd's command line and runs the command; `input` is stdin.
CommandResult natterd(const QStringList &arguments, const QString &input = QString())
{
    ServerConfig config;
    AdminRequest request;
    QString error;
    bool exitNow = false;
    CommandResult r;
    if (!parseCommandLine(QStringList{QStringLiteral("natterd")} + arguments, &config, &request, &error, &exitNow)) {
        r.status = 2;
        r.err = error;
        return r;
    }
    QString in = input;
    QTextStream inStream(&in), outStream(&r.out), errStream(&r.err);
    r.status = runAdminCommand(config, request, inStream, outStream, errStream);
    outStream.flush();
    errStream.flush();
    return r;
}

/// A second raw connection of an existing account, resumed with its token.
bool resume(RawClient &client, const QUrl &url, const QString &token)
{
    if (!client.connectTo(url) || !client.hello())
        return false;
    client.send(2, ResumeRequest{token});
    const auto reply = client.waitReply(2);
    return reply && reply->kind == ServerFrame::Kind::Result;
}

/// The error frames without a request id the server sent to `client`.
QList<ProtocolError> unsolicitedErrors(const RawClient &client)
{
    QList<ProtocolError> out;
    for (const ServerFrame &f : client.frames) {
        if (f.kind == ServerFrame::Kind::Error && !f.id)
            out.append(f.error);
    }
    return out;
}

QString passwordLine(const QString &out)
{
    static const QRegularExpression re(QStringLiteral("^password: (\\S+)$"), QRegularExpression::MultilineOption);
    return re.match(out).captured(1);
}

} // namespace

class TestAdmin : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void addedUserLogsInWithTheGeneratedPassword();
    void addRefusesBadNamesTakenNamesAndWeakPasswords();
    void disableEndsSessionsAndRefusesLogin();
    void resetPasswordReplacesItAndEndsSessions();
    void disableClosesTheUsersLiveConnections();
    void resetPasswordClosesTheUsersLiveConnections();
    void listShowsEveryAccountAndItsState();
    void backupIsAConsistentCopyWhileTheServerRuns();
    void checkPassesOnAHealthyDatabase();
    void checkReportsANewerSchemaAndCorruption();
    void configFileGivesDefaultsTheCommandLineOverrides();
    void configFileRejectsUnknownKeys();
    void inviteCodeFromTheCommandLine();
    void usageErrors();

private:
    QStringList db() const
    {
        return {QStringLiteral("--data-dir"), QFileInfo(m_server->databasePath()).path(), QStringLiteral("--database"),
                m_server->databasePath()};
    }
    std::unique_ptr<TestServer> m_server;
};

void TestAdmin::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->start(), qPrintable(m_server->error()));
}

void TestAdmin::cleanup() { m_server.reset(); }

void TestAdmin::addedUserLogsInWithTheGeneratedPassword()
{
    const CommandResult add = natterd(db() + QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("Alice")});
    QCOMPARE(add.status, 0);
    QVERIFY2(add.out.startsWith(QLatin1String("created Alice")), qPrintable(add.out));
    const QString password = passwordLine(add.out);
    QCOMPARE(password.size(), 20);

    TestUser alice(m_server->url());
    const auto login = alice.login(QStringLiteral("alice"), password);
    QVERIFY2(login.ok(), qPrintable(login.error.message));
    QCOMPARE(login.value->user.username, QStringLiteral("Alice"));

    const CommandResult chosen = natterd(db() + QStringList{QStringLiteral("user"), QStringLiteral("add"),
                                                            QStringLiteral("bob"), QStringLiteral("--password-stdin")},
                                         QStringLiteral("a-chosen-secret-77\n"));
    QCOMPARE(chosen.status, 0);
    QVERIFY(passwordLine(chosen.out).isEmpty()); // a chosen password is never echoed
    TestUser bob(m_server->url());
    QVERIFY(bob.login(QStringLiteral("bob"), QStringLiteral("a-chosen-secret-77")).ok());
}

void TestAdmin::addRefusesBadNamesTakenNamesAndWeakPasswords()
{
    TestUser carol(m_server->url());
    QVERIFY(carol.signup(QStringLiteral("carol")).ok());
    const QStringList add{QStringLiteral("user"), QStringLiteral("add")};
    CommandResult r = natterd(db() + add + QStringList{QStringLiteral("CAROL")});
    QCOMPARE(r.status, 1);
    QVERIFY2(r.err.contains(QLatin1String("taken")), qPrintable(r.err));
    r = natterd(db() + add + QStringList{QStringLiteral("has space")});
    QCOMPARE(r.status, 1);
    r = natterd(db() + add + QStringList{QStringLiteral("dave"), QStringLiteral("--password-stdin")},
                QStringLiteral("short\n"));
    QCOMPARE(r.status, 1);
    QVERIFY(!r.err.isEmpty());
    const CommandResult list = natterd(db() + QStringList{QStringLiteral("user"), QStringLiteral("list")});
    QVERIFY(list.out.contains(QLatin1String("1 account\n")));
    QVERIFY(!list.out.contains(QLatin1String("dave")));
}

void TestAdmin::disableEndsSessionsAndRefusesLogin()
{
    TestUser erin(m_server->url());
    const auto signup = erin.signup(QStringLiteral("erin"));
    QVERIFY(signup.ok());
    const CommandResult r = natterd(db() + QStringList{QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("Erin")});
    QCOMPARE(r.status, 0);
    QVERIFY2(r.out.contains(QLatin1String("1 session(s) ended")), qPrintable(r.out));

    TestUser again(m_server->url());
    QCOMPARE(again.login(QStringLiteral("erin")).error.code, ErrorCode::InvalidCredentials);
    TestUser resumed(m_server->url());
    QVERIFY(!resumed.resume(signup.value->token).ok());

    QCOMPARE(natterd(db() + QStringList{QStringLiteral("user"), QStringLiteral("enable"), QStringLiteral("erin")}).status, 0);
    TestUser back(m_server->url());
    QVERIFY(back.login(QStringLiteral("erin")).ok());
}

void TestAdmin::resetPasswordReplacesItAndEndsSessions()
{
    TestUser frank(m_server->url());
    const auto signup = frank.signup(QStringLiteral("frank"));
    QVERIFY(signup.ok());
    const CommandResult r = natterd(db() + QStringList{QStringLiteral("user"), QStringLiteral("reset-password"),
                                                       QStringLiteral("frank")});
    QCOMPARE(r.status, 0);
    const QString password = passwordLine(r.out);
    QVERIFY(!password.isEmpty());

    TestUser old(m_server->url());
    QCOMPARE(old.login(QStringLiteral("frank")).error.code, ErrorCode::InvalidCredentials);
    TestUser resumed(m_server->url());
    QVERIFY(!resumed.resume(signup.value->token).ok());
    TestUser fresh(m_server->url());
    QVERIFY(fresh.login(QStringLiteral("frank"), password).ok());

    const CommandResult missing = natterd(db() + QStringList{QStringLiteral("user"), QStringLiteral("reset-password"),
                                                             QStringLiteral("nobody")});
    QCOMPARE(missing.status, 1);
    QVERIFY(missing.err.contains(QLatin1String("no account named nobody")));
}

// The command runs on its own database connection, as `natterd user disable` does from another
// process; the running server notices within its poll interval and closes every connection of
// that user with an error frame and close code 4006. Other users keep their connections.
void TestAdmin::disableClosesTheUsersLiveConnections()
{
    TestUser olga(m_server->url());
    QVERIFY(olga.signup(QStringLiteral("olga")).ok());
    RawClient laptop, phone;
    QVERIFY(laptop.connectTo(m_server->url()));
    const auto session = laptop.signup(QStringLiteral("ivan"));
    QVERIFY(session);
    QVERIFY(resume(phone, m_server->url(), session->token));
    QVERIFY(unsolicitedErrors(laptop).isEmpty());

    const CommandResult r = natterd(db() + QStringList{QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("ivan")});
    QCOMPARE(r.status, 0);
    for (RawClient *c : {&laptop, &phone}) {
        QVERIFY(c->waitDisconnected(10000));
        const QList<ProtocolError> errors = unsolicitedErrors(*c);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors[0].code, ErrorCode::AccountDisabled);
        QVERIFY(!errors[0].message.isEmpty());
        QCOMPARE(c->closeCode(), int(closecode::accountDisabled));
    }
    // Olga is untouched: still online, still served.
    QCOMPARE(olga.session.state(), client::ClientSession::State::Online);
    QVERIFY(olga.call(RoomListRequest{}).ok());
    // And the token is gone for good.
    RawClient again;
    QVERIFY(!resume(again, m_server->url(), session->token));
}

void TestAdmin::resetPasswordClosesTheUsersLiveConnections()
{
    RawClient judy, kim;
    QVERIFY(judy.connectTo(m_server->url()) && kim.connectTo(m_server->url()));
    QVERIFY(judy.signup(QStringLiteral("judy")));
    QVERIFY(kim.signup(QStringLiteral("kim")));
    const CommandResult r = natterd(db() + QStringList{QStringLiteral("user"), QStringLiteral("reset-password"),
                                                       QStringLiteral("judy")});
    QCOMPARE(r.status, 0);
    QVERIFY(judy.waitDisconnected(10000));
    const QList<ProtocolError> errors = unsolicitedErrors(judy);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors[0].code, ErrorCode::SessionRevoked);
    QCOMPARE(judy.closeCode(), int(closecode::sessionRevoked));
    // Kim's connection stays open and answers.
    QVERIFY(kim.isConnected());
    QVERIFY(unsolicitedErrors(kim).isEmpty());
    kim.send(7, RoomListRequest{});
    const auto reply = kim.waitReply(7);
    QVERIFY(reply && reply->kind == ServerFrame::Kind::Result);
    // Later polls leave kim alone.
    QTest::qWait(1500);
    QVERIFY(kim.isConnected());
}

void TestAdmin::listShowsEveryAccountAndItsState()
{
    for (const char *name : {"gina", "hugo"}) {
        TestUser u(m_server->url());
        QVERIFY(u.signup(QLatin1String(name)).ok());
    }
    QCOMPARE(natterd(db() + QStringList{QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("hugo")}).status, 0);
    const CommandResult list = natterd(db() + QStringList{QStringLiteral("user"), QStringLiteral("list")});
    QCOMPARE(list.status, 0);
    const QStringList lines = list.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4); // header, two accounts, total
    QVERIFY(lines[1].contains(QLatin1String("gina")) && lines[1].contains(QLatin1String("enabled")));
    QVERIFY(lines[1].contains(QLatin1String(" admin "))); // the first account administers the server
    QVERIFY(lines[2].contains(QLatin1String("hugo")) && lines[2].contains(QLatin1String("disabled")));
    QVERIFY(lines[2].contains(QLatin1String(" user ")));
    QCOMPARE(lines[3], QStringLiteral("2 accounts"));

    QCOMPARE(natterd(db() + QStringList{QStringLiteral("user"), QStringLiteral("grant-admin"), QStringLiteral("hugo")}).status, 0);
    QCOMPARE(natterd(db() + QStringList{QStringLiteral("user"), QStringLiteral("revoke-admin"), QStringLiteral("gina")}).status, 0);
    const QStringList after = natterd(db() + QStringList{QStringLiteral("user"), QStringLiteral("list")})
                                  .out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(after[1].contains(QLatin1String(" user ")), qPrintable(after[1]));
    QVERIFY2(after[2].contains(QLatin1String(" admin ")), qPrintable(after[2]));
}

void TestAdmin::backupIsAConsistentCopyWhileTheServerRuns()
{
    TestUser ivy(m_server->url());
    QVERIFY(ivy.signup(QStringLiteral("ivy")).ok());
    QTemporaryDir out;
    const QString copy = out.filePath(QStringLiteral("copy.db"));
    const CommandResult r = natterd(db() + QStringList{QStringLiteral("backup"), copy});
    QCOMPARE(r.status, 0);
    QVERIFY(!QFileInfo::exists(copy + QStringLiteral(".partial")));
    QVERIFY(!QFileInfo::exists(copy + QStringLiteral("-wal"))); // one self-contained file

    // The copy is a complete database: it passes check and holds the account.
    const CommandResult check = natterd({QStringLiteral("--data-dir"), out.path(), QStringLiteral("--database"), copy,
                                         QStringLiteral("check")});
    QVERIFY2(check.status == 0, qPrintable(check.err));
    const CommandResult list = natterd({QStringLiteral("--data-dir"), out.path(), QStringLiteral("--database"), copy,
                                        QStringLiteral("user"), QStringLiteral("list")});
    QVERIFY(list.out.contains(QLatin1String("ivy")));
    QVERIFY(!QFileInfo::exists(out.filePath(QStringLiteral("copy-search.db")))); // commands leave the index alone
    // It names itself another copy for the search index, which is built again for it.
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("backupcopy"));
        c.setDatabaseName(copy);
        QVERIFY(c.open());
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral("SELECT token FROM search_source")) && q.next());
        const QString token = q.value(0).toString();
        QCOMPARE(token.size(), 32);
        QVERIFY(token != m_server->dbValue(QStringLiteral("SELECT token FROM search_source")).toString());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("backupcopy"));

    QCOMPARE(natterd(db() + QStringList{QStringLiteral("backup"), out.filePath(QStringLiteral("no/such/dir/x.db"))}).status, 1);
}

void TestAdmin::checkPassesOnAHealthyDatabase()
{
    QTemporaryDir dir;
    const CommandResult fresh = natterd({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("check")});
    QCOMPARE(fresh.status, 0);
    QVERIFY2(fresh.out.contains(QLatin1String("does not exist yet")), qPrintable(fresh.out));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("natter.db")))); // check creates nothing

    const CommandResult live = natterd(db() + QStringList{QStringLiteral("check")});
    QVERIFY2(live.status == 0, qPrintable(live.err));
    QVERIFY(live.out.contains(QLatin1String("(current)")));
    QVERIFY(live.out.contains(QLatin1String("ok   integrity check")));
}

void TestAdmin::checkReportsANewerSchemaAndCorruption()
{
    m_server->stop();
    {
        StorageConfig storage;
        storage.sqlitePath = m_server->databasePath();
        QSqlDatabase conn = openConnection(storage, QStringLiteral("tst-admin"));
        QSqlQuery q(conn);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future', 0)")));
    }
    closeConnection(QStringLiteral("tst-admin"));
    QTemporaryDir dir;
    const CommandResult order = natterd(db() + QStringList{QStringLiteral("check")});
    QVERIFY2(order.out.contains(QLatin1String("ok   rooms' order of messages")), qPrintable(order.out));
    {
        // A message below the order's mark that message_order does not hold.
        StorageConfig storage;
        storage.sqlitePath = m_server->databasePath();
        QSqlDatabase conn = openConnection(storage, QStringLiteral("tst-admin"));
        QSqlQuery q(conn);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO users (username, username_key, password_hash, created_at) "
                                      "VALUES ('orderless', 'orderless', 'x', 0)")));
        const QVariant user = q.lastInsertId();
        QVERIFY(q.exec(QStringLiteral("INSERT INTO rooms (kind, name, last_activity, created_at) "
                                      "VALUES ('group', 'orderless', 0, 0)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO messages (room_id, seq, sender_id, client_msg_id, body, sent_at) "
                                      "VALUES (%1, 1, %2, 'lost', 'lost', 0)")
                           .arg(q.lastInsertId().toLongLong())
                           .arg(user.toLongLong())));
        QVERIFY2(q.exec(QStringLiteral("UPDATE message_order_state SET through = (SELECT MAX(id) FROM messages)")),
                 qPrintable(q.lastError().text()));
    }
    closeConnection(QStringLiteral("tst-admin"));
    const CommandResult lost = natterd(db() + QStringList{QStringLiteral("check")});
    QCOMPARE(lost.status, 1);
    QVERIFY2(lost.err.contains(QLatin1String("1 message(s) missing from it")), qPrintable(lost.err));
    const CommandResult newer = natterd(db() + QStringList{QStringLiteral("check")});
    QCOMPARE(newer.status, 1);
    QVERIFY2(newer.err.contains(QLatin1String("newer than this natterd")), qPrintable(newer.err));

    QFile garbage(dir.filePath(QStringLiteral("garbage.db")));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(8192, 'x'));
    garbage.close();
    const CommandResult corrupt = natterd({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--database"),
                                           garbage.fileName(), QStringLiteral("check")});
    QCOMPARE(corrupt.status, 1);
    QVERIFY(corrupt.err.contains(QLatin1String("problem")));
}

void TestAdmin::configFileGivesDefaultsTheCommandLineOverrides()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("natterd.conf"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# natterd configuration\nport=9123\nlisten=127.0.0.1\ndata-dir=" + dir.path().toUtf8()
               + "\nedit-window=600\n#delete-window=5\n#tls-cert=/etc/natter/tls/natterd.crt\n");
    file.close();
    ServerConfig config;
    QString error;
    bool exitNow = false;
    QVERIFY2(parseCommandLine({QStringLiteral("natterd"), QStringLiteral("--config"), path, QStringLiteral("--port"),
                               QStringLiteral("9124")},
                              &config, &error, &exitNow),
             qPrintable(error));
    QCOMPARE(config.port, quint16(9124));                    // command line wins
    QCOMPARE(config.address, QHostAddress(QHostAddress::LocalHost)); // from the file
    QCOMPARE(config.lifecycle.editWindowSeconds, qint64(600));
    QCOMPARE(config.lifecycle.deleteWindowSeconds, qint64(0)); // commented out
    QVERIFY(config.tlsCertFile.isEmpty());
    QCOMPARE(config.storage.sqlitePath, dir.filePath(QStringLiteral("natter.db")));
    QCOMPARE(config.configFile, QFileInfo(path).absoluteFilePath());
}

void TestAdmin::configFileRejectsUnknownKeys()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("natterd.conf"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("prot=9123\n");
    file.close();
    ServerConfig config;
    QString error;
    bool exitNow = false;
    QVERIFY(!parseCommandLine({QStringLiteral("natterd"), QStringLiteral("--config"), path}, &config, &error, &exitNow));
    QVERIFY2(error.contains(QLatin1String("unknown key 'prot'")), qPrintable(error));
    QVERIFY(!parseCommandLine({QStringLiteral("natterd"), QStringLiteral("--config"), dir.filePath(QStringLiteral("none"))},
                              &config, &error, &exitNow));
    QVERIFY(error.contains(QLatin1String("cannot read")));
}

void TestAdmin::inviteCodeFromTheCommandLine()
{
    TestServer server([](ServerConfig &c) { c.signupMode = SignupMode::Invite; });
    QVERIFY(server.start());
    TestUser first(server.url());
    QVERIFY(first.signup(QStringLiteral("root")).ok()); // the first needs no code
    const QStringList dbArgs{QStringLiteral("--data-dir"), QFileInfo(server.databasePath()).path(),
                             QStringLiteral("--database"), server.databasePath(), QStringLiteral("--signup"),
                             QStringLiteral("invite")};
    const CommandResult r = natterd(dbArgs + QStringList{QStringLiteral("invite"), QStringLiteral("create"),
                                                         QStringLiteral("1"), QStringLiteral("2")});
    QCOMPARE(r.status, 0);
    const QString code = r.out.section(QLatin1Char('\n'), 0, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$")).match(code).hasMatch(),
             qPrintable(r.out));
    QVERIFY(!r.out.contains(QLatin1String("note:")));

    TestUser without(server.url());
    QCOMPARE(without.signup(QStringLiteral("bea")).error.code, ErrorCode::InviteRequired);
    RawClient guest;
    QVERIFY(guest.connectTo(server.url()));
    QVERIFY(guest.hello());
    SignupRequest req;
    req.username = QStringLiteral("bea");
    req.password = QStringLiteral("a-good-password-42");
    req.inviteCode = code;
    guest.send(2, req);
    const auto reply = guest.waitReply(2, 10000);
    QVERIFY(reply && reply->kind == ServerFrame::Kind::Result);

    QCOMPARE(natterd(dbArgs + QStringList{QStringLiteral("invite"), QStringLiteral("create"), QStringLiteral("0")}).status, 2);
    QCOMPARE(natterd(dbArgs + QStringList{QStringLiteral("invite"), QStringLiteral("make")}).status, 2);
}

void TestAdmin::usageErrors()
{
    QCOMPARE(natterd(db() + QStringList{QStringLiteral("user")}).status, 2);
    QCOMPARE(natterd(db() + QStringList{QStringLiteral("user"), QStringLiteral("add")}).status, 2);
    QCOMPARE(natterd(db() + QStringList{QStringLiteral("backup")}).status, 2);
    QCOMPARE(natterd(db() + QStringList{QStringLiteral("frobnicate")}).status, 2);
    ServerConfig config;
    QString error;
    bool exitNow = false;
    // Running the server takes no words.
    QVERIFY(!parseCommandLine({QStringLiteral("natterd"), QStringLiteral("user")}, &config, &error, &exitNow));
}

QTEST_GUILESS_MAIN(TestAdmin)
#include "tst_admin.moc"
