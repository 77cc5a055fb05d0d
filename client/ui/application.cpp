#include "ui/application.h"

#include "ui/logindialog.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QMessageBox>
#include <QSettings>

namespace natter::ui {

Application::Application(const AppSettings &settings, QObject *parent)
    : QObject(parent), m_settings(settings),
      m_appearance(*static_cast<QApplication *>(QCoreApplication::instance()))
{
    applyAppearance();
    m_controller.session().setDeviceName(QStringLiteral("desktop"));
    connect(&m_controller.session(), &client::ClientSession::sessionInvalid, this,
            [this](const ProtocolError &error) {
        m_credentials.remove(CredentialStore::accountKey(m_settings.server, m_settings.lastUsername));
        if (m_main)
            m_main->deleteLater();
        if (error.code == ErrorCode::AccountDisabled)
            showLogin(tr("An administrator disabled your account. Ask them to enable it again."));
        else if (error.code == ErrorCode::SessionRevoked)
            showLogin(tr("An administrator ended your sessions. Please log in again (with your new password if it was reset)."));
        else
            showLogin(tr("Your session ended (logged out elsewhere or expired). Please log in again."));
    });
    connect(&m_credentials, &CredentialStore::fallbackUsed, this, [this](const QString &why) {
        m_fallbackWarning = why;
        if (m_main && m_main->isVisible())
            warnAboutFallback();
    });
}

Application::~Application()
{
    delete m_main;
    delete m_login;
}

MainWindow *Application::mainWindow() const
{
    return m_main;
}

LoginDialog *Application::loginDialog() const
{
    return m_login;
}

void Application::start()
{
    m_controller.setServerUrl(QUrl(serverUrlFromText(m_settings.server)));
    if (!m_settings.rememberMe || m_settings.lastUsername.isEmpty()) {
        showLogin();
        return;
    }
    const QString account = CredentialStore::accountKey(m_settings.server, m_settings.lastUsername);
    m_credentials.load(account, [this](const QString &token, const QString &error) {
        if (token.isEmpty()) {
            showLogin(error.isEmpty() ? QString()
                                      : tr("Could not read the remembered session: %1").arg(error));
            return;
        }
        // Warm start: the cached conversations show while the session resumes.
        m_controller.openAccount(m_settings.lastUsername);
        showMain();
        m_controller.resume(m_settings.lastUsername, token, [this](const auto &reply) {
            if (!reply.ok() && reply.error.code != ErrorCode::Unavailable) {
                if (m_main)
                    m_main->deleteLater();
                showLogin(tr("Please log in again: %1").arg(reply.error.message));
            } else if (!reply.ok()) {
                // Server unreachable: keep the cached view and retry in the background.
                m_controller.session().setAutoReconnect(true);
            }
        });
    });
}

void Application::showLogin(const QString &notice)
{
    if (!m_login) {
        m_login = new LoginDialog(m_controller, m_credentials, m_settings);
        connect(m_login, &QDialog::accepted, this, [this] {
            m_login->deleteLater();
            showMain();
        });
        connect(m_login, &QDialog::rejected, qApp, &QApplication::quit);
        connect(m_login, &LoginDialog::rememberFailed, this,
                [this](const QString &error) { m_rememberError = error; });
    }
    m_login->setNotice(notice);
    m_login->show();
    m_login->raise();
}

void Application::showMain()
{
    if (!m_main) {
        m_main = new MainWindow(m_controller, m_settings);
        m_main->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_main, &MainWindow::logoutRequested, this, &Application::logout);
        connect(m_main, &MainWindow::settingsChanged, this, &Application::applyAppearance);
    }
    m_settings.rememberServer(m_settings.server); // the Settings dialog lists it
    QSettings qs;
    m_settings.save(qs);
    m_main->show();
    if (!m_rememberError.isEmpty()) {
        // Visible but not in the way: the login itself worked.
        auto *box = new QMessageBox(QMessageBox::Information, tr("Not remembered"),
                                    tr("Natter could not save your session in the system "
                                       "keyring, so you will need to log in next time.\n\n%1")
                                        .arg(std::exchange(m_rememberError, {})),
                                    QMessageBox::Ok, m_main);
        box->setObjectName(QStringLiteral("rememberFailed"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    warnAboutFallback();
}

void Application::warnAboutFallback()
{
    if (m_fallbackWarning.isEmpty() || !m_main)
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Session kept outside the keyring"),
                                tr("No system keyring is available, so Natter keeps your session "
                                   "in its settings file, where other programs running as you can "
                                   "read it. Log out to remove it, or start a keyring (Secret "
                                   "Service) and log in again.\n\n%1")
                                    .arg(std::exchange(m_fallbackWarning, {})),
                                QMessageBox::Ok, m_main);
    box->setObjectName(QStringLiteral("credentialFallback"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void Application::applyAppearance()
{
    m_appearance.apply(themeFromName(m_settings.theme), m_settings.fontPercent);
}

void Application::logout()
{
    m_credentials.remove(CredentialStore::accountKey(m_settings.server, m_settings.lastUsername));
    m_controller.logout([this](const auto &) {
        if (m_main)
            m_main->deleteLater();
        showLogin();
    });
}

} // namespace natter::ui
