#pragma once
// Loads the application's translation for the chosen language, or the system's.

#include <QString>

class QCoreApplication;

namespace natter::ui {

/// Installs Natter's and Qt's own translations for `language` ("de", "fr", ...; empty: the
/// system locale). Returns the language actually loaded ("en" when none was needed or found).
QString installTranslations(QCoreApplication &app, const QString &language);

/// The languages Natter ships, as (code, native name).
QList<QPair<QString, QString>> availableLanguages();

} // namespace natter::ui
