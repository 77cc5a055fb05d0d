#include "core/attachmenttransfer.h"

#include "protocol/limits.h"

#include <QCryptographicHash>
#include <QFileInfo>

namespace natter::client {

namespace {

std::optional<QString> sha256OfFile(QFile &file)
{
    if (!file.seek(0))
        return std::nullopt;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return std::nullopt;
    return QString::fromLatin1(hash.result().toHex());
}

ProtocolError localError(const QString &why) { return {ErrorCode::Internal, why}; }

} // namespace

// ---- upload -------------------------------------------------------------------------------

AttachmentUploader::AttachmentUploader(Connection &connection, QObject *parent)
    : QObject(parent), m_connection(connection)
{
}

void AttachmentUploader::start(const QString &path, RoomId room, const QString &mimeType,
                               const QString &name, const QString &expectedSha256)
{
    ++m_generation;
    m_file.close();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly))
        return fail(localError(QStringLiteral("cannot read %1: %2").arg(path, m_file.errorString())));
    const std::optional<QString> sha = sha256OfFile(m_file);
    if (!sha)
        return fail(localError(QStringLiteral("cannot read %1").arg(path)));
    if (!expectedSha256.isEmpty() && *sha != expectedSha256)
        return fail(localError(QStringLiteral("the file %1 changed since it was attached").arg(path)));
    m_request = UploadBeginRequest{room, name.isEmpty() ? QFileInfo(path).fileName() : name, m_file.size(),
                                   mimeType, *sha};
    m_uploadId.clear();
    m_stored = 0;
    begin();
}

void AttachmentUploader::resume()
{
    if (m_file.isOpen())
        begin();
}

void AttachmentUploader::cancel()
{
    ++m_generation;
    if (!m_uploadId.isEmpty())
        m_connection.send(UploadCancelRequest{m_uploadId}, this, {});
    m_file.close();
}

void AttachmentUploader::begin()
{
    const quint64 generation = ++m_generation;
    m_inFlight = 0;
    m_connection.send(m_request, this, [this, generation](const Reply<UploadReply> &reply) {
        if (generation != m_generation)
            return;
        if (!reply.ok())
            return fail(reply.error);
        m_uploadId = reply.value->uploadId;
        m_chunkBytes = qMin(reply.value->chunkBytes, limits::maxChunkBytes);
        m_stored = m_next = reply.value->offset;
        emit progress(m_stored, m_request.size);
        if (m_stored == m_request.size)
            return finish();
        sendMore();
    });
}

void AttachmentUploader::sendMore()
{
    const quint64 generation = m_generation;
    while (m_inFlight < window && m_next < m_request.size) {
        if (!m_file.seek(m_next))
            return fail(localError(QStringLiteral("cannot read the file")));
        const QByteArray data = m_file.read(qMin(m_chunkBytes, m_request.size - m_next));
        if (data.isEmpty())
            return fail(localError(QStringLiteral("the file shrank while uploading")));
        m_connection.sendChunk(m_uploadId, m_next, data, this, [this, generation](const Reply<UploadReply> &r) {
            if (generation == m_generation)
                onAck(r);
        });
        m_next += data.size();
        ++m_inFlight;
    }
}

void AttachmentUploader::onAck(const Reply<UploadReply> &reply)
{
    --m_inFlight;
    if (!reply.ok())
        return fail(reply.error);
    m_stored = qMax(m_stored, reply.value->offset);
    emit progress(m_stored, m_request.size);
    if (m_stored == m_request.size && m_inFlight == 0)
        return finish();
    sendMore();
}

void AttachmentUploader::finish()
{
    const quint64 generation = m_generation;
    m_connection.send(UploadFinishRequest{m_uploadId}, this,
                      [this, generation](const Reply<AttachmentReply> &reply) {
                          if (generation != m_generation)
                              return;
                          if (!reply.ok())
                              return fail(reply.error);
                          m_file.close();
                          emit finished(reply.value->attachment);
                      });
}

void AttachmentUploader::fail(const ProtocolError &error)
{
    ++m_generation; // later acknowledgements of this attempt are stale
    m_inFlight = 0;
    emit failed(error);
}

// ---- download -----------------------------------------------------------------------------

AttachmentDownloader::AttachmentDownloader(Connection &connection, QObject *parent)
    : QObject(parent), m_connection(connection)
{
}

void AttachmentDownloader::start(AttachmentId id, const QString &path, const QString &sha256, bool thumbnail)
{
    m_id = id;
    m_path = path;
    m_sha256 = sha256;
    m_thumbnail = thumbnail;
    resume();
}

void AttachmentDownloader::resume()
{
    ++m_generation;
    m_part.close();
    m_part.setFileName(m_path + QStringLiteral(".part"));
    if (!m_part.open(QIODevice::ReadWrite))
        return fail(localError(QStringLiteral("cannot write %1: %2").arg(m_part.fileName(), m_part.errorString())));
    m_written = m_next = m_part.size();
    m_total = -1;
    m_inFlight = 0;
    m_early.clear();
    request(m_next);
}

void AttachmentDownloader::request(qint64 offset)
{
    const quint64 generation = m_generation;
    FetchRequest req;
    req.attachmentId = m_id;
    req.offset = offset;
    req.length = chunkBytes;
    req.thumbnail = m_thumbnail;
    m_next = offset + chunkBytes;
    ++m_inFlight;
    m_connection.send(req, this, [this, generation](const Reply<FetchReply> &reply) {
        if (generation == m_generation)
            onData(reply);
    });
}

void AttachmentDownloader::requestMore()
{
    while (m_total >= 0 && m_inFlight < window && m_next < m_total)
        request(m_next);
}

void AttachmentDownloader::onData(const Reply<FetchReply> &reply)
{
    --m_inFlight;
    if (!reply.ok())
        return fail(reply.error);
    if (m_total < 0) {
        m_total = reply.value->total;
        if (m_written > m_total) // a stale .part from something else: start over
            return fail(localError(QStringLiteral("the partial download is longer than the file")));
    }
    m_early.insert(reply.value->offset, reply.value->data);
    // Write what is contiguous; later ranges wait in m_early (bounded by the window).
    while (!m_early.isEmpty() && m_early.firstKey() == m_written) {
        const QByteArray data = m_early.take(m_written);
        if (!m_part.seek(m_written) || m_part.write(data) != data.size())
            return fail(localError(QStringLiteral("cannot write %1").arg(m_part.fileName())));
        m_written += data.size();
        if (data.isEmpty())
            break;
    }
    emit progress(m_written, m_total);
    if (m_written == m_total && m_inFlight == 0)
        return complete();
    requestMore();
}

void AttachmentDownloader::complete()
{
    ++m_generation;
    m_part.flush();
    if (!m_sha256.isEmpty() && sha256OfFile(m_part) != m_sha256) {
        m_part.remove();
        return fail({ErrorCode::HashMismatch, QStringLiteral("the downloaded bytes do not match the SHA-256")});
    }
    m_part.close();
    QFile::remove(m_path);
    if (!m_part.rename(m_path))
        return fail(localError(QStringLiteral("cannot rename the download to %1").arg(m_path)));
    emit finished(m_path);
}

void AttachmentDownloader::fail(const ProtocolError &error)
{
    ++m_generation;
    m_inFlight = 0;
    emit failed(error);
}

} // namespace natter::client
