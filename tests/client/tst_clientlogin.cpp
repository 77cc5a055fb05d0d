// The desktop client's connection and login screens, offscreen, against a real natterd
// in-process: the "reconnecting in N s" countdown with "Retry now", the login dialog's address
// rules (wss:// by default, a clear message for a plain ws:// server), discovered and remembered
// servers, "remember me" resuming at start-up, and sending while files still upload.
#include "../support/testserver.h"
#include "../support/testuser.h"
#include "core/clientcontroller.h"
#include "ui/application.h"
#include "ui/credentialstore.h"
#include "ui/attachmentstrip.h"
#include "ui/chatview.h"
#include "ui/logindialog.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QComboBox>
#include <QCryptographicHash>
#include <QHostAddress>
#include <QListWidget>
#include <QMessageBox>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

using namespace natter;
using namespace natter::test;

class TestClientLogin : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void statusBarCountsDownAndRetriesNow();
    void bareAddressMeansTls();
    void plainServerIsNamedNotDowngradedAndRemembered();
    void discoveredServerIsListedAndPickingFillsTheAddress();
    void rememberMeResumesAtStartWithoutPasswordUntilLogout();
    void sendingWhileFilesUploadHandsThemToTheOutbox();

private:
    std::unique_ptr<ui::Application> start(const QString &server);
    static void logIn(ui::LoginDialog *dialog, const QString &name);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_cacheRoot;
};

void TestClientLogin::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestClientLogin::init()
{
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    QSettings().clear();
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    m_cacheRoot = std::make_unique<QTemporaryDir>();
    TestUser alice(m_server->url());
    QVERIFY(alice.signup(QStringLiteral("alice")).ok());
}

void TestClientLogin::cleanup()
{
    m_server.reset();
    m_cacheRoot.reset();
}

std::unique_ptr<ui::Application> TestClientLogin::start(const QString &server)
{
    ui::AppSettings settings;
    settings.server = server;
    settings.lanDiscovery = false; // tests stay on loopback
    auto app = std::make_unique<ui::Application>(settings);
    app->controller().setCacheRoot(m_cacheRoot->path());
    app->controller().session().setReconnectDelays(20, 200);
    app->start();
    return app;
}

void TestClientLogin::logIn(ui::LoginDialog *dialog, const QString &name)
{
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    dialog->usernameEdit()->clear();
    dialog->passwordEdit()->clear();
    QTest::keyClicks(dialog->usernameEdit(), name);
    QTest::keyClicks(dialog->passwordEdit(), TestUser::defaultPassword());
    QTest::mouseClick(dialog->loginButton(), Qt::LeftButton);
}

void TestClientLogin::statusBarCountsDownAndRetriesNow()
{
    client::ClientController controller;
    controller.setCacheRoot(m_cacheRoot->path());
    controller.setServerUrl(m_server->url());
    std::optional<client::Reply<SessionReply>> reply;
    controller.login(QStringLiteral("alice"), TestUser::defaultPassword(),
                     [&reply](const auto &r) { reply = r; });
    QTRY_VERIFY(reply.has_value());
    QVERIFY(reply->ok());
    ui::AppSettings settings;
    ui::MainWindow window(controller, settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QLabel *label = window.connectionLabel();
    auto *retry = window.findChild<QPushButton *>(QStringLiteral("retryNow"));
    QVERIFY(retry);
    QTRY_COMPARE(label->text(), QStringLiteral("Connected"));
    QVERIFY(!retry->isVisible());

    controller.session().setReconnectDelays(30000, 30000);
    m_server->stop();
    // "reconnecting in N s", then a second later "in N-1 s": a live countdown.
    const QRegularExpression countdown(QStringLiteral("reconnecting in (\\d+) s"));
    QTRY_VERIFY_WITH_TIMEOUT(countdown.match(label->text()).hasMatch(), 10000);
    const int first = countdown.match(label->text()).captured(1).toInt();
    QVERIFY2(first >= 20 && first <= 30, qPrintable(label->text()));
    QVERIFY(retry->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(QStringLiteral("reconnecting in %1 s").arg(first - 1)), 5000);

    QVERIFY(m_server->start());
    QTest::mouseClick(retry, Qt::LeftButton); // long before the countdown ends
    QTRY_COMPARE_WITH_TIMEOUT(label->text(), QStringLiteral("Connected"), 10000);
    QVERIFY(!retry->isVisible());
}

void TestClientLogin::bareAddressMeansTls()
{
    QCOMPARE(ui::serverUrlFromText(QStringLiteral("chat.lan")), QStringLiteral("wss://chat.lan:7447"));
    QCOMPARE(ui::serverUrlFromText(QStringLiteral(" chat.lan:9000 ")), QStringLiteral("wss://chat.lan:9000"));
    QCOMPARE(ui::serverUrlFromText(QStringLiteral("10.0.0.5")), QStringLiteral("wss://10.0.0.5:7447"));
    QCOMPARE(ui::serverUrlFromText(QStringLiteral("[::1]:8000")), QStringLiteral("wss://[::1]:8000"));
    QCOMPARE(ui::serverUrlFromText(QString()), QStringLiteral("wss://localhost:7447"));
    QCOMPARE(ui::serverUrlFromText(QStringLiteral("wss://chat.lan")), QStringLiteral("wss://chat.lan:7447"));
    QCOMPARE(ui::serverUrlFromText(QStringLiteral("ws://chat.lan:81")), QStringLiteral("ws://chat.lan:81"));
    QCOMPARE(ui::serverUrlFromText(QStringLiteral("WS://chat.lan")), QStringLiteral("ws://chat.lan:7447"));
}

void TestClientLogin::plainServerIsNamedNotDowngradedAndRemembered()
{
    // The test server speaks plain ws://; a bare address tries wss:// and says why it failed.
    const QString bare = QStringLiteral("127.0.0.1:%1").arg(m_server->port());
    auto app = start(bare);
    ui::LoginDialog *dialog = app->loginDialog();
    logIn(dialog, QStringLiteral("alice"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->loginButton()->isEnabled(), 15000);
    const QString status = dialog->statusLabel()->text();
    QVERIFY2(status.contains(QStringLiteral("does not use TLS")), qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("ws://") + bare), qPrintable(status));
    QVERIFY(!app->mainWindow()); // nothing was sent without encryption behind the user's back
    QCOMPARE(app->controller().session().state(), client::ClientSession::State::Offline);

    // Typed explicitly, ws:// connects; the server joins the remembered list.
    dialog->serverEdit()->clear();
    QTest::keyClicks(dialog->serverEdit(), QStringLiteral("ws://") + bare);
    logIn(dialog, QStringLiteral("alice"));
    QTRY_VERIFY_WITH_TIMEOUT(app->mainWindow(), 15000);
    const ui::AppSettings saved = [] {
        QSettings qs;
        return ui::AppSettings::load(qs);
    }();
    QCOMPARE(saved.server, QStringLiteral("ws://") + bare);
    QCOMPARE(saved.recentServers, QStringList{QStringLiteral("ws://") + bare});

    ui::AppSettings next = saved;
    next.lanDiscovery = false;
    next.rememberServer(QStringLiteral("other.lan"));
    client::ClientController controller;
    ui::CredentialStore credentials;
    ui::LoginDialog again(controller, credentials, next);
    QCOMPARE(again.serverBox()->count(), 2);
    QCOMPARE(again.serverBox()->itemText(0), QStringLiteral("other.lan"));
    QCOMPARE(again.serverBox()->itemText(1), QStringLiteral("ws://") + bare);
    QCOMPARE(again.serverEdit()->text(), QStringLiteral("ws://") + bare); // the last one used
}

void TestClientLogin::discoveredServerIsListedAndPickingFillsTheAddress()
{
    TestServer lan([](server::ServerConfig &c) {
        c.tls = true;
        c.discovery = true;
        c.discoveryPort = 0;
        c.displayName = QStringLiteral("Office chat");
    });
    QVERIFY2(lan.start(), qPrintable(lan.error()));
    QVERIFY(lan.server().discoveryPort() != 0);
    const QString fingerprint = lan.server().tlsFingerprint();
    auto app = start(QStringLiteral("elsewhere.lan"));
    ui::LoginDialog *dialog = app->loginDialog();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QListWidget *list = dialog->discoveredList();
    QCOMPARE(list->count(), 0);

    dialog->discoverServers(lan.server().discoveryPort(), {QHostAddress(QHostAddress::LocalHost)});
    QTRY_COMPARE_WITH_TIMEOUT(list->count(), 1, 10000);
    const QString address = QStringLiteral("127.0.0.1:%1").arg(lan.port());
    const QString row = list->item(0)->text();
    QVERIFY2(row.contains(QStringLiteral("Office chat")), qPrintable(row));
    QVERIFY2(row.contains(address), qPrintable(row));
    QVERIFY2(row.contains(fingerprint.left(23)), qPrintable(row)); // the short form
    QVERIFY(list->item(0)->toolTip().contains(fingerprint));
    dialog->discoverServers(lan.server().discoveryPort(), {QHostAddress(QHostAddress::LocalHost)});
    QTest::qWait(200);
    QCOMPARE(list->count(), 1); // answering again adds no second row

    QCOMPARE(dialog->serverEdit()->text(), QStringLiteral("elsewhere.lan"));
    list->setCurrentRow(0); // picking fills the address: bare, so wss://
    QCOMPARE(dialog->serverEdit()->text(), address);
    QCOMPARE(ui::serverUrlFromText(dialog->serverEdit()->text()), lan.url().toString());
    // The announced fingerprint is only a hint: nothing is trusted until the user accepts it.
    QCOMPARE(app->controller().trustedServers().check(lan.url(), fingerprint),
             client::TrustedServers::Verdict::Unknown);
}

void TestClientLogin::rememberMeResumesAtStartWithoutPasswordUntilLogout()
{
    // No Secret Service here: the token falls back to the settings store, and the user is told.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/natter-test-bus");
    const QString server = QStringLiteral("ws://127.0.0.1:%1").arg(m_server->port());
    const QString account = ui::CredentialStore::accountKey(server, QStringLiteral("alice"));
    auto readToken = [&account] {
        ui::CredentialStore store;
        std::optional<QString> token;
        store.load(account, [&token](const QString &t, const QString &) { token = t; });
        (void)QTest::qWaitFor([&] { return token.has_value(); }, 30000);
        return token.value_or(QStringLiteral("<no answer>"));
    };
    auto warningShown = [](ui::Application &app) {
        auto *box = app.mainWindow() ? app.mainWindow()->findChild<QMessageBox *>(QStringLiteral("credentialFallback"))
                                     : nullptr;
        return box && box->isVisible() && box->text().contains(QStringLiteral("keyring"));
    };
    {
        auto app = start(server);
        app->loginDialog()->rememberBox()->setChecked(true);
        logIn(app->loginDialog(), QStringLiteral("alice"));
        QTRY_VERIFY_WITH_TIMEOUT(app->mainWindow(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(warningShown(*app), 30000);
        QTRY_COMPARE(app->mainWindow()->connectionLabel()->text(), QStringLiteral("Connected"));
    } // the client quits
    QSettings qs;
    const ui::AppSettings saved = ui::AppSettings::load(qs);
    QVERIFY(saved.rememberMe);
    QCOMPARE(saved.lastUsername, QStringLiteral("alice"));
    const QString token = readToken();
    QVERIFY(!token.isEmpty());

    {
        // A new client with the same settings and data: no dialog, no password, resumed.
        ui::AppSettings settings = saved;
        settings.lanDiscovery = false;
        ui::Application app(settings);
        app.controller().setCacheRoot(m_cacheRoot->path());
        QSignalSpy synced(&app.controller(), &client::ClientController::synced);
        app.start();
        QTRY_VERIFY_WITH_TIMEOUT(app.mainWindow(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(synced.count() > 0, 10000);
        QVERIFY(!app.loginDialog());
        QCOMPARE(app.controller().me().username, QStringLiteral("alice"));
        QCOMPARE(app.controller().session().token(), token);
        QTRY_VERIFY_WITH_TIMEOUT(warningShown(app), 30000);

        // Logging out forgets the token, here and on the server.
        emit app.mainWindow()->logoutRequested();
        QTRY_VERIFY_WITH_TIMEOUT(app.loginDialog() && app.loginDialog()->isVisible(), 10000);
    }
    QCOMPARE(readToken(), QString());
    TestUser other(m_server->url());
    QCOMPARE(other.resume(token).error.code, ErrorCode::InvalidToken);
    {
        // The next start asks for the password again.
        ui::AppSettings settings = ui::AppSettings::load(qs);
        settings.lanDiscovery = false;
        ui::Application app(settings);
        app.controller().setCacheRoot(m_cacheRoot->path());
        app.start();
        QTRY_VERIFY_WITH_TIMEOUT(app.loginDialog() && app.loginDialog()->isVisible(), 30000);
        QVERIFY(!app.mainWindow());
    }
}

void TestClientLogin::sendingWhileFilesUploadHandsThemToTheOutbox()
{
    TestUser aliceToo(m_server->url());
    QVERIFY(aliceToo.login(QStringLiteral("alice")).ok());
    TestUser bob(m_server->url());
    QVERIFY(bob.signup(QStringLiteral("bob")).ok());
    const RoomId room = makeFriends(aliceToo, bob);
    QTemporaryDir files;
    const QString path = files.filePath(QStringLiteral("big.bin"));
    QByteArray bytes(4 * 1024 * 1024, Qt::Uninitialized);
    for (int i = 0; i < bytes.size(); ++i)
        bytes[i] = char((i * 31 + i / 977) % 253);
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(bytes), qint64(bytes.size()));
    }
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());

    client::ClientController controller;
    controller.setCacheRoot(m_cacheRoot->path());
    controller.setServerUrl(m_server->url());
    std::optional<client::Reply<SessionReply>> reply;
    QSignalSpy synced(&controller, &client::ClientController::synced);
    controller.login(QStringLiteral("alice"), TestUser::defaultPassword(), [&reply](const auto &r) { reply = r; });
    QTRY_VERIFY(reply.has_value() && reply->ok());
    QTRY_VERIFY(synced.count() > 0);
    ui::AppSettings settings;
    ui::MainWindow window(controller, settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openRoom(room);
    ui::ChatView *chat = window.chatView();
    chat->attachFiles({path});
    QVERIFY(chat->attachments()->busy()); // still uploading
    auto *send = chat->findChild<QPushButton *>(QStringLiteral("sendButton"));
    QVERIFY(send->isEnabled()); // no need to wait for the upload
    QTest::keyClicks(chat->composer(), QStringLiteral("the file"));
    QTest::mouseClick(send, Qt::LeftButton);
    QCOMPARE(chat->attachments()->count(), 0);
    QCOMPARE(controller.outbox().size(), 1);
    QCOMPARE(controller.pendingUploads().count(), 1);

    QVERIFY(bob.waitMessages(1, 30000));
    QCOMPARE(bob.messages.at(0).body, QStringLiteral("the file"));
    QCOMPARE(bob.messages.at(0).attachments.size(), 1);
    QCOMPARE(bob.messages.at(0).attachments.first().sha256, sha);
    QTRY_COMPARE(controller.outbox().size(), 0);
    QTest::qWait(200);
    QCOMPARE(bob.messages.size(), 1);
}

QTEST_MAIN(TestClientLogin)
#include "tst_clientlogin.moc"
