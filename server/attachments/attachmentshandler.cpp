#include "attachments/attachmentshandler.h"

#include "core/serverconfig.h"
#include "protocol/limits.h"
#include "storage/repositories.h"
#include "storage/storage.h"
#include "storage/storageerror.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QLoggingCategory>
#include <QRandomGenerator>

#include <utility>

Q_LOGGING_CATEGORY(lcAttach, "natter.server.attachments")

namespace natter::server {

namespace {

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

QString newUploadId()
{
    QByteArray raw(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), 4);
    return QString::fromLatin1(raw.toHex());
}

void release(const RequestContext &ctx)
{
    if (ClientConnection *c = ctx.connection())
        c->addTransfers(-1);
}

/// Result of checking a staged upload on the pool.
struct Verification
{
    std::optional<ContentFacts> facts;
    ProtocolError error;
};

struct FinishOutcome
{
    std::optional<ProtocolError> error;
    Attachment attachment;
};

Verification verifyStaged(const QString &staged, const QString &thumbnail, const QString &expected)
{
    if (!QFileInfo::exists(staged)) { // an empty upload never wrote a chunk
        QFile empty(staged);
        if (!empty.open(QIODevice::WriteOnly))
            return {std::nullopt, {ErrorCode::Internal, QStringLiteral("cannot stage the upload")}};
    }
    qint64 size = 0;
    const std::optional<QString> sha = ContentStore::sha256Of(staged, &size);
    if (!sha)
        return {std::nullopt, {ErrorCode::Internal, QStringLiteral("cannot read the staged upload")}};
    if (*sha != expected)
        return {std::nullopt, {ErrorCode::HashMismatch,
                               QStringLiteral("the bytes received hash to %1, not to the announced %2; "
                                              "nothing was stored").arg(*sha, expected)}};
    if (!ContentStore::sync(staged))
        return {std::nullopt, {ErrorCode::Internal, QStringLiteral("cannot sync the staged upload")}};
    ContentFacts facts = makeThumbnail(staged, thumbnail, limits::maxThumbnailSide);
    facts.sha256 = *sha;
    facts.size = size;
    if (facts.thumbnailBytes > 0 && !ContentStore::sync(thumbnail))
        facts.thumbnailBytes = 0;
    return {facts, {}};
}

} // namespace

AttachmentsHandler::AttachmentsHandler(const ServerConfig &config, Storage &storage, QObject *parent)
    : QObject(parent), m_config(config), m_storage(storage), m_store(config.storage.dataDir)
{
    m_pool.setMaxThreadCount(2);
    m_pool.setObjectName(QStringLiteral("attachment-io"));
    // Process-wide: no image decode may allocate more than this (decompression bombs).
    QImageReader::setAllocationLimit(256);
}

AttachmentsHandler::~AttachmentsHandler() { m_pool.waitForDone(); }

bool AttachmentsHandler::start(QString *error) { return m_store.prepare(error); }

void AttachmentsHandler::waitForIdle() { m_pool.waitForDone(); }

template <class R>
void AttachmentsHandler::onPool(std::function<R()> work, std::function<void(R)> done)
{
    m_pool.start([this, work = std::move(work), done = std::move(done)] {
        R result = work();
        QMetaObject::invokeMethod(this, [done, result] { done(result); }, Qt::QueuedConnection);
    });
}

AttachmentsHandler::UploadPtr AttachmentsHandler::findUpload(const RequestContext &ctx, const QString &id) const
{
    UploadPtr u = m_uploads.value(id);
    return u && u->user == ctx.userId() ? u : nullptr;
}

AttachmentsHandler::UploadPtr AttachmentsHandler::findResumable(UserId user, const UploadBeginRequest &req) const
{
    for (const UploadPtr &u : m_uploads) {
        if (u->user == user && u->room == req.roomId && u->sha256 == req.sha256 && u->size == req.size
            && u->name == req.name && !u->finishing)
            return u;
    }
    return nullptr;
}

UploadReply AttachmentsHandler::progress(const Upload &upload) const
{
    return UploadReply{upload.id, upload.accepted, limits::maxChunkBytes};
}

void AttachmentsHandler::handle(const RequestContext &ctx, const UploadBeginRequest &req)
{
    if (req.size > m_config.maxAttachmentBytes)
        return ctx.fail(ErrorCode::TooLarge, QStringLiteral("attachments are limited to %1 bytes on this server")
                                                 .arg(m_config.maxAttachmentBytes));
    if (UploadPtr u = findResumable(ctx.userId(), req)) {
        u->lastActivityMs = nowMs();
        return ctx.reply(progress(*u));
    }
    const auto mine = std::count_if(m_uploads.cbegin(), m_uploads.cend(),
                                    [user = ctx.userId()](const UploadPtr &u) { return u->user == user; });
    if (mine >= m_config.maxUploadsPerUser)
        return ctx.fail(ErrorCode::RateLimited,
                        QStringLiteral("too many unfinished uploads; finish or cancel one first"));
    m_storage.read<Membership>(
        this, [room = req.roomId, user = ctx.userId()](Repositories &r) { return r.members.membership(room, user); },
        [this, ctx, req](const StorageResult<Membership> &result) {
            if (!result.ok())
                return ctx.fail(ErrorCode::Internal);
            if (!result.value->active)
                return ctx.fail(ErrorCode::Forbidden, QStringLiteral("you are not a member of this room"));
            if (result.value->closed)
                return ctx.fail(ErrorCode::RoomClosed, errorCodeText(ErrorCode::RoomClosed));
            startUpload(ctx, req);
        });
}

void AttachmentsHandler::startUpload(const RequestContext &ctx, const UploadBeginRequest &req)
{
    UploadPtr u = findResumable(ctx.userId(), req); // a twin begin may have won the race
    if (!u) {
        u = std::make_shared<Upload>();
        u->id = newUploadId();
        u->user = ctx.userId();
        u->room = req.roomId;
        u->name = req.name;
        u->mimeType = req.mimeType;
        u->sha256 = req.sha256;
        u->size = req.size;
        m_uploads.insert(u->id, u);
    }
    u->lastActivityMs = nowMs();
    ctx.reply(progress(*u));
}

bool AttachmentsHandler::handleChunk(const RequestContext &ctx, const UploadChunkFrame &chunk)
{
    ClientConnection *connection = ctx.connection();
    if (!connection)
        return true;
    const UploadPtr u = findUpload(ctx, QString::fromLatin1(chunk.uploadId.toHex()));
    std::optional<ProtocolError> refusal;
    if (!u)
        refusal = ProtocolError{ErrorCode::UnknownUpload, errorCodeText(ErrorCode::UnknownUpload)};
    else if (u->finishing)
        refusal = ProtocolError{ErrorCode::Conflict, QStringLiteral("the upload is being finished")};
    else if (chunk.offset != u->accepted)
        refusal = ProtocolError{ErrorCode::BadOffset, QStringLiteral("the upload continues at offset %1").arg(u->accepted)};
    else if (chunk.data.size() > u->size - u->accepted)
        refusal = ProtocolError{ErrorCode::TooLarge, QStringLiteral("the chunk goes past the announced size")};
    else if (connection->transfersInFlight() >= m_config.maxTransfersInFlight)
        refusal = ProtocolError{ErrorCode::RateLimited, QStringLiteral("too many chunks in flight; wait for acknowledgements")};
    if (refusal) {
        ctx.fail(refusal->code, refusal->message);
        return false;
    }
    connection->addTransfers(1);
    u->accepted += chunk.data.size();
    u->lastActivityMs = nowMs();
    u->queue.enqueue(Chunk{ctx, chunk.offset, chunk.data});
    pump(u);
    return true;
}

void AttachmentsHandler::pump(const UploadPtr &upload)
{
    if (upload->writing || upload->queue.isEmpty())
        return;
    upload->writing = true;
    Chunk chunk = upload->queue.dequeue();
    const QString path = m_store.stagingPath(upload->id);
    onPool<QString>(
        [path, offset = chunk.offset, data = chunk.data] {
            QString error;
            if (ContentStore::appendChunk(path, offset, data, &error))
                return QString();
            return error.isEmpty() ? QStringLiteral("write failed") : error;
        },
        [this, upload, chunk](const QString &error) { chunkWritten(upload, chunk, error.isEmpty(), error); });
}

void AttachmentsHandler::chunkWritten(const UploadPtr &upload, Chunk chunk, bool ok, const QString &error)
{
    upload->writing = false;
    release(chunk.ctx);
    if (upload->discarded) {
        chunk.ctx.fail(ErrorCode::UnknownUpload, QStringLiteral("the upload was cancelled or expired"));
        onPool<bool>([store = m_store, id = upload->id] { store.discardStaged(id); return true; }, [](bool) {});
        return;
    }
    if (!ok) {
        qCWarning(lcAttach) << "cannot write upload" << upload->id << error;
        chunk.ctx.fail(ErrorCode::Internal, QStringLiteral("the chunk could not be stored; begin the upload again"));
        discard(upload);
        return;
    }
    upload->stored += chunk.data.size();
    chunk.ctx.reply(UploadReply{upload->id, upload->stored, limits::maxChunkBytes});
    pump(upload);
}

void AttachmentsHandler::discard(const UploadPtr &upload)
{
    upload->discarded = true;
    m_uploads.remove(upload->id);
    while (!upload->queue.isEmpty()) {
        const Chunk chunk = upload->queue.dequeue();
        release(chunk.ctx);
        chunk.ctx.fail(ErrorCode::UnknownUpload, QStringLiteral("the upload was discarded"));
    }
    if (!upload->writing) // else chunkWritten() removes the staged file after the write
        onPool<bool>([store = m_store, id = upload->id] { store.discardStaged(id); return true; }, [](bool) {});
}

void AttachmentsHandler::handle(const RequestContext &ctx, const UploadCancelRequest &req)
{
    const UploadPtr u = findUpload(ctx, req.uploadId);
    if (!u)
        return ctx.fail(ErrorCode::UnknownUpload, errorCodeText(ErrorCode::UnknownUpload));
    if (u->finishing)
        return ctx.fail(ErrorCode::Conflict, QStringLiteral("the upload is being finished"));
    discard(u);
    ctx.reply(EmptyReply{});
}

void AttachmentsHandler::handle(const RequestContext &ctx, const UploadFinishRequest &req)
{
    const UploadPtr u = findUpload(ctx, req.uploadId);
    if (!u)
        return ctx.fail(ErrorCode::UnknownUpload, errorCodeText(ErrorCode::UnknownUpload));
    if (u->finishing)
        return ctx.fail(ErrorCode::Conflict, QStringLiteral("the upload is already being finished"));
    if (u->writing || !u->queue.isEmpty() || u->stored != u->size)
        return ctx.fail(ErrorCode::Incomplete,
                        QStringLiteral("%1 of %2 bytes received so far").arg(u->stored).arg(u->size));
    u->finishing = true;
    onPool<Verification>(
        [staged = m_store.stagingPath(u->id), thumb = m_store.stagedThumbnailPath(u->id), sha = u->sha256] {
            return verifyStaged(staged, thumb, sha);
        },
        [this, ctx, u](const Verification &v) {
            if (!v.facts) {
                discard(u);
                return ctx.fail(v.error.code, v.error.message);
            }
            store(ctx, u, *v.facts);
        });
}

void AttachmentsHandler::store(const RequestContext &ctx, const UploadPtr &upload, const ContentFacts &facts)
{
    const Upload u = *upload;
    m_storage.write<FinishOutcome>(
        this,
        [u, facts](Repositories &r) {
            FinishOutcome out;
            if (!r.members.membership(u.room, u.user).active) {
                out.error = ProtocolError{ErrorCode::Forbidden, QStringLiteral("you are no longer a member of this room")};
                return out;
            }
            QString error;
            if (!r.attachments.store().commit(u.id, facts.sha256, facts.thumbnailBytes > 0, &error))
                throw StorageError(error);
            out.attachment = r.attachments.insert(u.user, u.room, facts, u.name, u.mimeType, nowMs());
            return out;
        },
        [this, ctx, upload](const StorageResult<FinishOutcome> &result) {
            discard(upload); // gone from the table; any staged leftovers are removed
            if (!result.ok()) {
                qCWarning(lcAttach) << "storing upload" << upload->id << "failed:" << result.error;
                return ctx.fail(ErrorCode::Internal, QStringLiteral("the attachment was not stored; upload it again"));
            }
            if (result.value->error)
                return ctx.fail(result.value->error->code, result.value->error->message);
            ctx.reply(AttachmentReply{result.value->attachment});
        });
}

void AttachmentsHandler::handle(const RequestContext &ctx, const FetchRequest &req)
{
    ClientConnection *c = ctx.connection();
    if (!c)
        return;
    if (c->transfersInFlight() >= m_config.maxTransfersInFlight)
        return ctx.fail(ErrorCode::RateLimited, QStringLiteral("too many transfers in flight; wait for replies"));
    c->addTransfers(1);
    m_storage.read<std::optional<FetchTarget>>(
        this, [id = req.attachmentId, user = ctx.userId()](Repositories &r) { return r.attachments.readable(id, user); },
        [this, ctx, req](const StorageResult<std::optional<FetchTarget>> &result) {
            const auto refuse = [&ctx](ErrorCode code, const QString &message) {
                release(ctx);
                ctx.fail(code, message);
            };
            if (!result.ok())
                return refuse(ErrorCode::Internal, QString());
            if (!*result.value)
                return refuse(ErrorCode::NotFound, QStringLiteral("no such attachment, or you may not read it"));
            const FetchTarget &t = **result.value;
            if (req.thumbnail && t.thumbnailBytes == 0)
                return refuse(ErrorCode::NotFound, QStringLiteral("this attachment has no thumbnail"));
            const qint64 total = req.thumbnail ? t.thumbnailBytes : t.size;
            if (req.offset > total)
                return refuse(ErrorCode::BadOffset, QStringLiteral("the file has only %1 bytes").arg(total));
            sendRange(ctx, req, req.thumbnail ? m_store.thumbnailPath(t.sha256) : m_store.contentPath(t.sha256), total);
        });
}

void AttachmentsHandler::sendRange(const RequestContext &ctx, const FetchRequest &req, const QString &path, qint64 total)
{
    onPool<std::optional<QByteArray>>(
        [path, offset = req.offset, length = req.length] {
            qint64 size = 0;
            return ContentStore::readRange(path, offset, length, &size);
        },
        [ctx, offset = req.offset, total](const std::optional<QByteArray> &data) {
            release(ctx);
            if (!data || offset + data->size() > total)
                return ctx.fail(ErrorCode::Internal, QStringLiteral("the file could not be read"));
            if (ctx.alive())
                ctx.connection()->sendBinary(FetchDataFrame{ctx.id(), offset, total, *data}.encode());
        });
}

void AttachmentsHandler::expire()
{
    const qint64 cutoff = nowMs() - m_config.uploadExpiryMs;
    const QList<UploadPtr> uploads = m_uploads.values();
    for (const UploadPtr &u : uploads) {
        if (!u->finishing && !u->writing && u->queue.isEmpty() && u->lastActivityMs < cutoff)
            discard(u);
    }
    // The first purge after a start also walks every stored content once, for contents an
    // older version left unreferenced (it dropped them only here); every other removal drops
    // the contents it unreferences itself.
    const bool sweep = !std::exchange(m_contentSwept, true);
    m_storage.write<int>(
        this,
        [cutoff, sweep](Repositories &r) {
            const int purged = r.attachments.purgeUnsent(cutoff);
            return sweep ? purged + r.attachments.dropUnreferencedContent() : purged;
        },
        [](const StorageResult<int> &result) {
            if (result.ok() && *result.value > 0)
                qCInfo(lcAttach) << "removed" << *result.value << "unreferenced files";
        });
}

} // namespace natter::server
