#pragma once
// The application flow: log in (or resume a remembered session), the main window, log out.

#include "core/clientcontroller.h"
#include "ui/appearance.h"
#include "ui/credentialstore.h"
#include "ui/settings.h"

#include <QObject>
#include <QPointer>

namespace natter::ui {

class LoginDialog;
class MainWindow;

class Application : public QObject
{
    Q_OBJECT
public:
    explicit Application(const AppSettings &settings, QObject *parent = nullptr);
    ~Application() override;

    /// Resumes the remembered session when the keyring has one, else shows the login dialog.
    void start();

    client::ClientController &controller() { return m_controller; }
    MainWindow *mainWindow() const;
    LoginDialog *loginDialog() const;
    /// The theme and font size in use (applied from the settings at construction and whenever
    /// the Settings dialog is accepted).
    Appearance &appearance() { return m_appearance; }

private:
    void showLogin(const QString &notice = QString());
    void showMain();
    void logout();
    /// Tells the user (once per fallback) that the token lives in the settings store.
    void warnAboutFallback();

    void applyAppearance();

    AppSettings m_settings;
    Appearance m_appearance;
    client::ClientController m_controller;
    CredentialStore m_credentials;
    QPointer<LoginDialog> m_login;
    QPointer<MainWindow> m_main;
    QString m_rememberError; ///< "remember me" failed; told once the main window shows
    QString m_fallbackWarning; ///< the token went to the settings store; told once it shows
};

} // namespace natter::ui
