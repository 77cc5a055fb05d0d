#pragma once
// Log in or create an account: server, username, password, "remember me".

#include "ui/settings.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace natter::client {
class ClientController;
struct PinCheck;
}

namespace natter::ui {

class CredentialStore;

/// Accepted once the server accepted the credentials. With "remember me" the session token is
/// written to the keyring; if that is impossible the dialog says so and stays usable.
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    LoginDialog(client::ClientController &controller, CredentialStore &credentials,
                AppSettings &settings, QWidget *parent = nullptr);

    /// Shows a message above the form (e.g. "your session ended").
    void setNotice(const QString &text);
    QString username() const;

    QLineEdit *serverEdit() const { return m_server; }
    QLineEdit *usernameEdit() const { return m_username; }
    QLineEdit *passwordEdit() const { return m_password; }
    QPushButton *loginButton() const { return m_login; }
    QPushButton *signupButton() const { return m_signup; }
    QLabel *statusLabel() const { return m_status; }
    QCheckBox *rememberBox() const { return m_remember; }

signals:
    /// "Remember me" was asked for but the keyring refused; the login itself succeeded.
    void rememberFailed(const QString &error);

private:
    void submit(bool signup);
    /// Asks the user to accept a server certificate the connection refused, then tries again.
    void askAboutCertificate(const client::PinCheck &check, bool signup);
    void setBusy(bool busy);
    void onAuthenticated(const QString &token);

    client::ClientController &m_controller;
    CredentialStore &m_credentials;
    AppSettings &m_settings;
    QLabel *m_notice;
    QLineEdit *m_server;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_status;
    QPushButton *m_login;
    QPushButton *m_signup;
};

} // namespace natter::ui
