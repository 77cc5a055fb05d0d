#pragma once
// File contents for attachment tests, and what the server stored of them.

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace natter::test {

/// `size` bytes of noise, the same for the same seed.
QByteArray randomBytes(qint64 size, quint32 seed);
QString sha256Hex(const QByteArray &data);
/// A `width` x `height` gradient encoded as `format` ("PNG", "JPG", ...).
QByteArray encodedImage(const char *format, int width, int height);
/// Content files (not thumbnails) stored under <data-dir>/files.
QStringList storedContents(const QString &dataDir);

} // namespace natter::test
