#pragma once
// Preferences: appearance (theme, font size), language, notifications, how Enter behaves, and
// the servers: the current one with its certificate fingerprint, and the remembered list.

#include "ui/settings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace natter::client {
class TrustedServers;
}

namespace natter::ui {

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    /// `trusted` (optional) shows pinned fingerprints; a removed server's pin is forgotten when
    /// the dialog is accepted.
    explicit SettingsDialog(const AppSettings &settings, QWidget *parent = nullptr,
                            client::TrustedServers *trusted = nullptr);
    /// The settings as edited (call after exec() returned Accepted).
    AppSettings result() const;

    QComboBox *themeBox() const { return m_theme; }
    QSpinBox *fontSizeBox() const { return m_fontPercent; }
    QListWidget *serverList() const { return m_servers; }
    QLabel *currentServerLabel() const { return m_current; }

    void accept() override;

private:
    QWidget *buildAppearance();
    QWidget *buildGeneral();
    QWidget *buildServers();
    /// "host:port — fingerprint" for the list, and the fingerprint text for one address.
    QString fingerprintText(const QString &address) const;
    void addServerItem(const QString &address);
    void editServer();
    void removeServer();

    AppSettings m_settings;
    client::TrustedServers *m_trusted;
    QStringList m_forgotten; ///< addresses whose pins go when accepted
    QComboBox *m_theme;
    QSpinBox *m_fontPercent;
    QComboBox *m_language;
    QCheckBox *m_notifications;
    QCheckBox *m_enterSends;
    QLabel *m_current;
    QListWidget *m_servers;
    QPushButton *m_edit;
    QPushButton *m_remove;
};

} // namespace natter::ui
