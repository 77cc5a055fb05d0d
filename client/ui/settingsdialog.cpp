#include "ui/settingsdialog.h"

#include "core/trustedservers.h"
#include "ui/appearance.h"
#include "ui/translations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

namespace natter::ui {

SettingsDialog::SettingsDialog(const AppSettings &settings, QWidget *parent,
                               client::TrustedServers *trusted)
    : QDialog(parent), m_settings(settings), m_trusted(trusted)
{
    setWindowTitle(tr("Settings"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildAppearance());
    layout->addWidget(buildGeneral());
    layout->addWidget(buildServers());
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QWidget *SettingsDialog::buildAppearance()
{
    auto *box = new QGroupBox(tr("Appearance"), this);
    m_theme = new QComboBox(box);
    m_theme->setObjectName(QStringLiteral("theme"));
    m_theme->setAccessibleName(tr("Theme"));
    m_theme->addItem(tr("Follow system"), themeName(Theme::System));
    m_theme->addItem(tr("Light"), themeName(Theme::Light));
    m_theme->addItem(tr("Dark"), themeName(Theme::Dark));
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(themeName(themeFromName(m_settings.theme)))));
    m_fontPercent = new QSpinBox(box);
    m_fontPercent->setObjectName(QStringLiteral("fontPercent"));
    m_fontPercent->setAccessibleName(tr("Font size"));
    m_fontPercent->setRange(Appearance::minFontPercent, Appearance::maxFontPercent);
    m_fontPercent->setSingleStep(10);
    m_fontPercent->setSuffix(tr(" %"));
    m_fontPercent->setValue(m_settings.fontPercent);
    auto *form = new QFormLayout(box);
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("&Font size:"), m_fontPercent);
    return box;
}

QWidget *SettingsDialog::buildGeneral()
{
    auto *box = new QGroupBox(tr("Language and notifications"), this);
    m_language = new QComboBox(box);
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System language"), QString());
    for (const auto &[code, name] : availableLanguages())
        m_language->addItem(name, code);
    m_language->setCurrentIndex(qMax(0, m_language->findData(m_settings.language)));
    m_notifications = new QCheckBox(tr("Show notifications for new messages and requests"), box);
    m_notifications->setChecked(m_settings.notifications);
    m_enterSends = new QCheckBox(tr("Enter sends the message (Shift+Enter for a new line)"), box);
    m_enterSends->setChecked(m_settings.enterSends);
    auto *note = new QLabel(tr("A new language applies after restarting Natter."), box);
    note->setForegroundRole(QPalette::PlaceholderText);
    auto *form = new QFormLayout(box);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), note);
    form->addRow(QString(), m_notifications);
    form->addRow(QString(), m_enterSends);
    return box;
}

QWidget *SettingsDialog::buildServers()
{
    auto *box = new QGroupBox(tr("Server"), this);
    m_current = new QLabel(box);
    m_current->setObjectName(QStringLiteral("currentServer"));
    m_current->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_current->setWordWrap(true);
    m_current->setText(tr("Current server: %1\nCertificate: %2")
                           .arg(m_settings.server, fingerprintText(m_settings.server)));
    m_servers = new QListWidget(box);
    m_servers->setObjectName(QStringLiteral("recentServers"));
    m_servers->setAccessibleName(tr("Remembered servers"));
    for (const QString &address : m_settings.recentServers)
        addServerItem(address);
    m_edit = new QPushButton(tr("&Edit…"), box);
    m_remove = new QPushButton(tr("&Remove"), box);
    m_edit->setObjectName(QStringLiteral("editServer"));
    m_remove->setObjectName(QStringLiteral("removeServer"));
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_edit);
    row->addWidget(m_remove);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_current);
    layout->addWidget(new QLabel(tr("Remembered servers:"), box));
    layout->addWidget(m_servers);
    layout->addLayout(row);
    auto update = [this] {
        m_edit->setEnabled(m_servers->currentItem() != nullptr);
        m_remove->setEnabled(m_servers->currentItem() != nullptr);
    };
    update();
    connect(m_servers, &QListWidget::currentItemChanged, this, update);
    connect(m_edit, &QPushButton::clicked, this, &SettingsDialog::editServer);
    connect(m_servers, &QListWidget::itemDoubleClicked, this, &SettingsDialog::editServer);
    connect(m_remove, &QPushButton::clicked, this, &SettingsDialog::removeServer);
    return box;
}

QString SettingsDialog::fingerprintText(const QString &address) const
{
    const QUrl url(serverUrlFromText(address));
    if (url.scheme() != QLatin1String("wss"))
        return tr("none (not encrypted)");
    const QString pin = m_trusted ? m_trusted->pinned(url) : QString();
    return pin.isEmpty() ? tr("not pinned (verified by the system, or not yet seen)") : pin;
}

void SettingsDialog::addServerItem(const QString &address)
{
    auto *item = new QListWidgetItem(address, m_servers);
    item->setData(Qt::UserRole, address);
    item->setToolTip(tr("Certificate: %1").arg(fingerprintText(address)));
}

void SettingsDialog::editServer()
{
    QListWidgetItem *item = m_servers->currentItem();
    if (!item)
        return;
    bool ok = false;
    const QString old = item->data(Qt::UserRole).toString();
    const QString address = QInputDialog::getText(this, tr("Edit server"), tr("Server address (host:port):"),
                                                  QLineEdit::Normal, old, &ok).trimmed();
    if (!ok || address.isEmpty() || address == old)
        return;
    m_forgotten.append(old); // the old address's pin does not belong to the new one
    item->setText(address);
    item->setData(Qt::UserRole, address);
    item->setToolTip(tr("Certificate: %1").arg(fingerprintText(address)));
}

void SettingsDialog::removeServer()
{
    QListWidgetItem *item = m_servers->currentItem();
    if (!item)
        return;
    m_forgotten.append(item->data(Qt::UserRole).toString());
    delete item;
}

void SettingsDialog::accept()
{
    if (m_trusted) {
        const AppSettings kept = result();
        for (const QString &address : std::as_const(m_forgotten))
            if (!kept.recentServers.contains(address) && address != kept.server)
                m_trusted->forget(QUrl(serverUrlFromText(address)));
    }
    QDialog::accept();
}

AppSettings SettingsDialog::result() const
{
    AppSettings s = m_settings;
    s.theme = m_theme->currentData().toString();
    s.fontPercent = m_fontPercent->value();
    s.language = m_language->currentData().toString();
    s.notifications = m_notifications->isChecked();
    s.enterSends = m_enterSends->isChecked();
    s.recentServers.clear();
    for (int i = 0; i < m_servers->count(); ++i)
        s.recentServers.append(m_servers->item(i)->data(Qt::UserRole).toString());
    return s;
}

} // namespace natter::ui
