#include "ui/settingsdialog.h"

#include "ui/translations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace natter::ui {

SettingsDialog::SettingsDialog(const AppSettings &settings, QWidget *parent)
    : QDialog(parent), m_settings(settings)
{
    setWindowTitle(tr("Settings"));
    m_language = new QComboBox(this);
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System language"), QString());
    for (const auto &[code, name] : availableLanguages())
        m_language->addItem(name, code);
    m_language->setCurrentIndex(qMax(0, m_language->findData(settings.language)));
    m_notifications = new QCheckBox(tr("Show notifications for new messages and requests"), this);
    m_notifications->setChecked(settings.notifications);
    m_enterSends = new QCheckBox(tr("Enter sends the message (Shift+Enter for a new line)"), this);
    m_enterSends->setChecked(settings.enterSends);
    auto *note = new QLabel(tr("A new language applies after restarting Natter."), this);
    note->setForegroundRole(QPalette::PlaceholderText);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), note);
    form->addRow(QString(), m_notifications);
    form->addRow(QString(), m_enterSends);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

AppSettings SettingsDialog::result() const
{
    AppSettings s = m_settings;
    s.language = m_language->currentData().toString();
    s.notifications = m_notifications->isChecked();
    s.enterSends = m_enterSends->isChecked();
    return s;
}

} // namespace natter::ui
