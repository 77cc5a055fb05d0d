#pragma once
// Attachment files on disk. Every function here blocks on disk I/O: call them from the
// attachment I/O pool or a storage job, never from the event loop.
//
// Layout under the data directory:
//   files/<h0h1>/<sha256>            content, stored once per hash, immutable
//   files/<h0h1>/<sha256>.thumb.jpg  its thumbnail, when it is an image
//   staging/<upload id>              bytes of an unfinished upload (never served)
//   staging/<upload id>.thumb.jpg    thumbnail made while finishing, before the commit

#include <QByteArray>
#include <QString>
#include <optional>

namespace natter::server {

/// What the server learnt about a finished upload's content.
struct ContentFacts
{
    QString sha256;
    qint64 size = 0;
    int width = 0;             ///< pixels when the content reads as an image, else 0
    int height = 0;
    qint64 thumbnailBytes = 0; ///< 0: no thumbnail
};

class ContentStore
{
public:
    /// `dataDir` is the server's data directory; files/ and staging/ live inside it.
    explicit ContentStore(const QString &dataDir);

    /// Creates the folders and empties staging/ (uploads do not survive a restart).
    bool prepare(QString *error) const;

    QString stagingPath(const QString &uploadId) const;
    QString stagedThumbnailPath(const QString &uploadId) const;
    QString contentPath(const QString &sha256) const;
    QString thumbnailPath(const QString &sha256) const;
    const QString &filesDir() const { return m_files; }

    /// Writes `data` at `offset` of a staged upload; the file must hold exactly `offset` bytes.
    static bool appendChunk(const QString &path, qint64 offset, const QByteArray &data, QString *error);
    /// Lowercase hex SHA-256 of a file, read in blocks; nothing when it cannot be read.
    static std::optional<QString> sha256Of(const QString &path, qint64 *size);
    /// fsync()s a file or directory.
    static bool sync(const QString &path);
    /// Reads `length` bytes from `offset` (fewer at the end); `total` receives the file size.
    static std::optional<QByteArray> readRange(const QString &path, qint64 offset, qint64 length, qint64 *total);

    /// Moves a verified staged upload (and its thumbnail, if any) into content storage. When
    /// the content is stored already, the staged copy is dropped instead. Durable on return.
    bool commit(const QString &uploadId, const QString &sha256, bool withThumbnail, QString *error) const;
    /// Removes a content file and its thumbnail.
    void removeContent(const QString &sha256) const;
    /// Removes an upload's staged files.
    void discardStaged(const QString &uploadId) const;

private:
    QString bucket(const QString &sha256) const;

    QString m_files;
    QString m_staging;
};

/// Reads `source` as an image (PNG, JPEG, GIF, BMP, WebP, as far as Qt's plugins allow; the
/// format is taken from the content, not the name; vector formats are not rendered) and writes a JPEG thumbnail of at most `maxSide` pixels a
/// side to `thumbnailPath`. Returns width, height and thumbnail bytes; all 0 for non-images
/// and for images too large to decode safely.
ContentFacts makeThumbnail(const QString &source, const QString &thumbnailPath, int maxSide);

} // namespace natter::server
