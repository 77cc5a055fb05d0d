#pragma once
// Log in or create an account: server, username, password, "remember me".

#include "ui/settings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QHostAddress;

namespace natter::client {
class ClientController;
class ServerBrowser;
struct DiscoveredServer;
struct PinCheck;
}

namespace natter::ui {

class CredentialStore;

/// Accepted once the server accepted the credentials. With "remember me" the session token is
/// written to the keyring; if that is impossible the dialog says so and stays usable.
/// The server field is an editable list of the servers logged in to before; next to it, the
/// servers found on the local network (ServerBrowser). Picking one fills the address; its
/// announced fingerprint is only a hint, the certificate question still decides trust.
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    LoginDialog(client::ClientController &controller, CredentialStore &credentials,
                AppSettings &settings, QWidget *parent = nullptr);

    /// Shows a message above the form (e.g. "your session ended").
    void setNotice(const QString &text);
    QString username() const;

    /// Probes the local network for servers (done once on construction with the defaults);
    /// each answer adds a row to discoveredList().
    void discoverServers(quint16 port, const QList<QHostAddress> &targets);

    QLineEdit *serverEdit() const;
    QComboBox *serverBox() const { return m_server; }
    QListWidget *discoveredList() const { return m_discovered; }
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
    /// The server field (with the remembered servers) and the discovered servers, as form rows.
    void buildServerPicker(QFormLayout *form);
    void submit(bool signup);
    /// Asks the user to accept a server certificate the connection refused, then tries again.
    void askAboutCertificate(const client::PinCheck &check, bool signup);
    void setBusy(bool busy);
    void onAuthenticated(const QString &token);
    void addDiscovered(const client::DiscoveredServer &server);
    void failed(const QString &message);

    client::ClientController &m_controller;
    CredentialStore &m_credentials;
    AppSettings &m_settings;
    QLabel *m_notice;
    QComboBox *m_server;
    QListWidget *m_discovered;
    client::ServerBrowser *m_browser;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_status;
    QPushButton *m_login;
    QPushButton *m_signup;
};

} // namespace natter::ui
