#pragma once
// Preferences: language, notifications, how Enter behaves.

#include "ui/settings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;

namespace natter::ui {

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(const AppSettings &settings, QWidget *parent = nullptr);
    /// The settings as edited (call after exec() returned Accepted).
    AppSettings result() const;

private:
    AppSettings m_settings;
    QComboBox *m_language;
    QCheckBox *m_notifications;
    QCheckBox *m_enterSends;
};

} // namespace natter::ui
