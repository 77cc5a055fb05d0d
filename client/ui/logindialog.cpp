#include "ui/logindialog.h"
#include "protocol/limits.h"

#include "core/clientcontroller.h"
#include "core/connection.h"
#include "core/serverbrowser.h"
#include "ui/credentialstore.h"

#include <optional>
#include <memory>
#include <QMessageBox>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QListWidget>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>

namespace natter::ui {

LoginDialog::LoginDialog(client::ClientController &controller, CredentialStore &credentials,
                         AppSettings &settings, QWidget *parent)
    : QDialog(parent), m_controller(controller), m_credentials(credentials), m_settings(settings)
{
    setWindowTitle(tr("Natter — Log in"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/natter.svg")));
    auto *logo = new QLabel(this);
    logo->setPixmap(QIcon(QStringLiteral(":/icons/natter.svg")).pixmap(64, 64));
    logo->setAlignment(Qt::AlignCenter);
    auto *welcome = new QLabel(tr("Welcome to Natter"), this);
    QFont big = welcome->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    welcome->setFont(big);
    welcome->setAlignment(Qt::AlignCenter);
    m_notice = new QLabel(this);
    m_notice->setWordWrap(true);
    m_notice->hide();

    m_username = new QLineEdit(settings.lastUsername, this);
    m_username->setObjectName(QStringLiteral("username"));
    m_username->setAccessibleName(tr("Username"));
    m_username->setMaxLength(limits::maxUsernameLength);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMaxLength(limits::maxPasswordLength);
    m_remember = new QCheckBox(tr("&Remember me on this computer"), this);
    m_remember->setChecked(settings.rememberMe);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("loginStatus"));
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Status"));

    auto *buttons = new QDialogButtonBox(this);
    m_login = buttons->addButton(tr("&Log in"), QDialogButtonBox::AcceptRole);
    m_login->setDefault(true);
    m_signup = buttons->addButton(tr("&Create account"), QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Cancel);

    auto *form = new QFormLayout;
    buildServerPicker(form);
    form->addRow(tr("&Username:"), m_username);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(logo);
    layout->addWidget(welcome);
    layout->addWidget(m_notice);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    setMinimumWidth(380);

    connect(m_login, &QPushButton::clicked, this, [this] { submit(false); });
    connect(m_signup, &QPushButton::clicked, this, [this] { submit(true); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    QLineEdit *first = m_username->text().isEmpty() ? m_username : m_password;
    QTimer::singleShot(0, first, [first] { first->setFocus(); });
}

void LoginDialog::buildServerPicker(QFormLayout *form)
{
    m_server = new QComboBox(this);
    m_server->setObjectName(QStringLiteral("server"));
    m_server->setEditable(true);
    m_server->setInsertPolicy(QComboBox::NoInsert);
    m_server->addItems(m_settings.recentServers);
    m_server->setEditText(m_settings.server);
    m_server->setAccessibleName(tr("Server address"));
    m_server->lineEdit()->setPlaceholderText(tr("host:port (or ws://host:port without encryption)"));
    m_server->setToolTip(tr("A bare host:port connects with TLS (wss://); type ws:// to connect "
                            "without encryption."));
    m_discovered = new QListWidget(this);
    m_discovered->setObjectName(QStringLiteral("discoveredServers"));
    m_discovered->setAccessibleName(tr("Servers on your network"));
    m_discovered->setMaximumHeight(90);
    auto *searchAgain = new QPushButton(tr("Search &again"), this);
    m_browser = new client::ServerBrowser(this);
    form->addRow(tr("&Server:"), m_server);
    auto *discovered = new QHBoxLayout;
    discovered->addWidget(m_discovered, 1);
    discovered->addWidget(searchAgain, 0, Qt::AlignTop);
    form->addRow(tr("On your network:"), discovered);

    connect(m_browser, &client::ServerBrowser::serverFound, this, &LoginDialog::addDiscovered);
    connect(m_discovered, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            m_server->setEditText(item->data(Qt::UserRole).toString());
    });
    connect(searchAgain, &QPushButton::clicked, this, [this] {
        m_discovered->clear();
        m_browser->clear();
        m_browser->probe();
    });
    if (m_settings.lanDiscovery)
        m_browser->probe();
}

QLineEdit *LoginDialog::serverEdit() const
{
    return m_server->lineEdit();
}

void LoginDialog::discoverServers(quint16 port, const QList<QHostAddress> &targets)
{
    m_browser->probe(port, targets);
}

void LoginDialog::addDiscovered(const client::DiscoveredServer &server)
{
    const QUrl url = server.url();
    const QString address = QStringLiteral("%1:%2").arg(url.host()).arg(url.port());
    // What the server field gets: a bare address means wss://, so only ws:// is spelled out.
    const QString fill = server.announcement.tls ? address : QStringLiteral("ws://") + address;
    const QString fingerprint = server.announcement.fingerprint;
    const QString security = server.announcement.tls
        ? tr("fingerprint %1…").arg(fingerprint.left(23))
        : tr("no encryption");
    const QString text = QStringLiteral("%1 — %2 (%3)").arg(server.announcement.name, address, security);
    for (int row = 0; row < m_discovered->count(); ++row) {
        QListWidgetItem *item = m_discovered->item(row);
        if (item->data(Qt::UserRole).toString() == fill) {
            item->setText(text); // answered again with other details
            item->setToolTip(fingerprint);
            return;
        }
    }
    auto *item = new QListWidgetItem(text, m_discovered);
    item->setData(Qt::UserRole, fill);
    item->setToolTip(fingerprint.isEmpty() ? tr("This server does not use encryption.")
                                           : tr("Certificate fingerprint (a hint; you are asked to "
                                                "accept the certificate when you connect):\n%1")
                                                 .arg(fingerprint));
}

void LoginDialog::failed(const QString &message)
{
    setBusy(false);
    m_status->setText(message);
}

void LoginDialog::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

QString LoginDialog::username() const
{
    return m_username->text().trimmed();
}

void LoginDialog::setBusy(bool busy)
{
    m_login->setEnabled(!busy);
    m_signup->setEnabled(!busy);
    m_server->setEnabled(!busy);
    m_username->setEnabled(!busy);
    m_password->setEnabled(!busy);
}

void LoginDialog::askAboutCertificate(const client::PinCheck &check, bool signup)
{
    const bool changed = check.verdict == client::TrustedServers::Verdict::Changed;
    const QString text = changed
        ? tr("The certificate of %1 has CHANGED since you accepted it.\n\nAccepted: %2\nNow: %3\n\n"
             "Accept the new one only if your administrator confirms it.")
              .arg(check.server.authority(), check.pinned, check.presented)
        : tr("%1 presents a certificate this computer does not know.\n\nSHA-256 fingerprint:\n%2\n\n"
             "Accept it only if it matches the fingerprint your administrator published.")
              .arg(check.server.authority(), check.presented);
    const auto answer = QMessageBox::warning(this, tr("Server certificate"), text,
                                             QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    m_controller.trustedServers().accept(check.server, check.presented);
    submit(signup);
}

void LoginDialog::submit(bool signup)
{
    const QString user = username();
    const QString password = m_password->text();
    if (user.size() < limits::minUsernameLength) {
        m_status->setText(tr("Enter a username of at least %1 characters.").arg(limits::minUsernameLength));
        return;
    }
    if (signup && password.size() < limits::minPasswordLength) {
        m_status->setText(tr("Choose a password of at least %1 characters.").arg(limits::minPasswordLength));
        return;
    }
    setBusy(true);
    m_status->setText(signup ? tr("Creating your account…") : tr("Logging in…"));
    const QUrl url(serverUrlFromText(m_server->currentText()));
    m_controller.setServerUrl(url);
    // One answer per attempt: a refused certificate is asked about after the attempt failed.
    auto refusal = std::make_shared<std::optional<client::PinCheck>>();
    auto plain = std::make_shared<bool>(false);
    client::Connection *connection = &m_controller.session().connection();
    auto watch = std::make_shared<QList<QMetaObject::Connection>>(QList<QMetaObject::Connection>{
        connect(connection, &client::Connection::certificateRefused, this,
                [refusal](const client::PinCheck &check) { *refusal = check; }),
        connect(connection, &client::Connection::tlsNotSpoken, this, [plain] { *plain = true; })});
    auto done = [this, refusal, plain, watch, signup, url](const client::Reply<SessionReply> &reply) {
        for (const QMetaObject::Connection &c : *watch)
            disconnect(c);
        if (!reply.ok() && *plain) {
            // Never downgraded silently: the user decides to connect without encryption.
            failed(tr("This server does not use TLS. Type ws://%1 to connect without encryption.")
                       .arg(url.authority()));
            return;
        }
        if (!reply.ok() && refusal->has_value()) {
            setBusy(false);
            m_status->setText(tr("The server's certificate was not accepted."));
            const client::PinCheck check = **refusal;
            QMetaObject::invokeMethod(this, [this, check, signup] { askAboutCertificate(check, signup); },
                                      Qt::QueuedConnection);
            return;
        }
        if (!reply.ok()) {
            failed(reply.error.code == ErrorCode::Unavailable
                       ? tr("Cannot reach the server: %1").arg(reply.error.message)
                       : reply.error.message);
            return;
        }
        onAuthenticated(reply.value->token);
    };
    if (signup)
        m_controller.signup(user, password, done);
    else
        m_controller.login(user, password, done);
}

void LoginDialog::onAuthenticated(const QString &token)
{
    m_settings.server = m_server->currentText().trimmed();
    m_settings.rememberServer(m_settings.server);
    m_settings.lastUsername = username();
    m_settings.rememberMe = m_remember->isChecked();
    QSettings qs;
    m_settings.save(qs);
    m_password->clear();
    const QString account = CredentialStore::accountKey(m_settings.server, username());
    if (!m_remember->isChecked()) {
        m_credentials.remove(account);
        accept();
        return;
    }
    m_status->setText(tr("Saving your session in the system keyring…"));
    m_credentials.store(account, token, [this](const QString &error) {
        if (!error.isEmpty()) {
            m_settings.rememberMe = false;
            QSettings qs;
            m_settings.save(qs);
            emit rememberFailed(error);
        }
        accept();
    });
}

} // namespace natter::ui
