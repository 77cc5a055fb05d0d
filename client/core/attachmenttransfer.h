#pragma once
// Resumable attachment transfers over a Connection: an uploader (hash, begin, chunks with a
// window of acknowledgements, finish) and a downloader (ranged fetches into a .part file,
// checked against the SHA-256 at the end). Both keep going across reconnects when told to
// resume(): the server says where an upload stands, and a download continues from the bytes
// already in its .part file.

#include "core/connection.h"

#include <QFile>
#include <QMap>
#include <QObject>

namespace natter::client {

class AttachmentUploader : public QObject
{
    Q_OBJECT
public:
    /// Chunks sent ahead of their acknowledgements (the server allows 8 transfers in flight).
    static constexpr int window = 4;

    explicit AttachmentUploader(Connection &connection, QObject *parent = nullptr);

    /// Uploads the file at `path` into `room` under `name` (default: the file's name). The file
    /// is hashed first, on the calling thread. Progress arrives as progress(), the end as
    /// finished() or failed(). With `expectedSha256`, a file whose content changed since then
    /// fails (Internal, "the file changed…") before anything is sent.
    void start(const QString &path, RoomId room, const QString &mimeType, const QString &name = QString(),
               const QString &expectedSha256 = QString());
    /// After failed() with Unavailable (connection lost) and a new connection: continues where
    /// the server stands.
    void resume();
    /// Abandons the upload on the server.
    void cancel();

    QString uploadId() const { return m_uploadId; }
    qint64 stored() const { return m_stored; }

signals:
    void progress(qint64 stored, qint64 total);
    void finished(const natter::Attachment &attachment);
    void failed(const natter::ProtocolError &error);

private:
    void begin();
    void sendMore();
    void onAck(const Reply<UploadReply> &reply);
    void finish();
    void fail(const ProtocolError &error);

    Connection &m_connection;
    QFile m_file;
    UploadBeginRequest m_request;
    QString m_uploadId;
    qint64 m_chunkBytes = 0;
    qint64 m_next = 0;   ///< next offset to send
    qint64 m_stored = 0; ///< acknowledged by the server
    int m_inFlight = 0;
    quint64 m_generation = 0; ///< bumped on failure and resume; older replies are ignored
};

class AttachmentDownloader : public QObject
{
    Q_OBJECT
public:
    static constexpr int window = 4;
    static constexpr qint64 chunkBytes = 256 * 1024;

    explicit AttachmentDownloader(Connection &connection, QObject *parent = nullptr);

    /// Downloads the attachment (or its thumbnail) to `path`, through `path`.part: bytes already
    /// there are kept and the download continues after them. When `sha256` is given, the
    /// finished file must hash to it, else it is removed and failed() reports HashMismatch.
    void start(AttachmentId id, const QString &path, const QString &sha256 = QString(), bool thumbnail = false);
    /// After failed() with Unavailable and a new connection: continues from the .part file.
    void resume();

    qint64 received() const { return m_written; }

signals:
    void progress(qint64 received, qint64 total);
    void finished(const QString &path);
    void failed(const natter::ProtocolError &error);

private:
    void request(qint64 offset);
    void requestMore();
    void onData(const Reply<FetchReply> &reply);
    void complete();
    void fail(const ProtocolError &error);

    Connection &m_connection;
    AttachmentId m_id;
    QString m_path;
    QString m_sha256;
    bool m_thumbnail = false;
    QFile m_part;
    qint64 m_total = -1;  ///< unknown until the first reply
    qint64 m_next = 0;    ///< next offset to request
    qint64 m_written = 0; ///< contiguous bytes in the .part file
    QMap<qint64, QByteArray> m_early; ///< replies that overtook an earlier one (≤ window)
    int m_inFlight = 0;
    quint64 m_generation = 0;
};

} // namespace natter::client
