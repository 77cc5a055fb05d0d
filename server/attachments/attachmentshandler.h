#pragma once

#include "attachments/contentstore.h"
#include "net/requestcontext.h"
#include "protocol/attachmentrequests.h"
#include "protocol/binaryframes.h"

#include <QHash>
#include <QObject>
#include <QQueue>
#include <QThreadPool>
#include <memory>

namespace natter::server {

class Storage;
struct ServerConfig;

/// Uploads and downloads of attachments.
///
/// An upload is begun (attachments.begin), fed with binary chunks strictly in order, and
/// finished (attachments.finish): the server hashes the staged bytes, makes a thumbnail for
/// images, moves the content into content-addressed storage and records it, and only then
/// does the attachment exist. Unfinished uploads are kept in memory (their bytes in staging/)
/// and belong to the user, so any of the user's connections may resume one where it stands;
/// they expire after ServerConfig::uploadExpiryMs idle and do not survive a restart.
///
/// All disk I/O runs on this handler's own small thread pool (each upload has at most one
/// write in flight, so uploads take turns); the database is reached through Storage jobs.
/// A connection may have ServerConfig::maxTransfersInFlight chunks and fetches pending; more
/// are refused with rate_limited, which bounds the memory one connection can pin.
class AttachmentsHandler : public QObject
{
    Q_OBJECT
public:
    AttachmentsHandler(const ServerConfig &config, Storage &storage, QObject *parent = nullptr);
    ~AttachmentsHandler() override;

    /// Prepares the folders (emptying staging/); false with `error` when it cannot.
    bool start(QString *error);

    void handle(const RequestContext &ctx, const UploadBeginRequest &req);
    void handle(const RequestContext &ctx, const UploadFinishRequest &req);
    void handle(const RequestContext &ctx, const UploadCancelRequest &req);
    void handle(const RequestContext &ctx, const FetchRequest &req);
    /// A decoded upload chunk of an authenticated connection. Returns false when the chunk was
    /// refused (the caller counts refusals against the rate limit).
    bool handleChunk(const RequestContext &ctx, const UploadChunkFrame &chunk);

    /// Drops idle uploads and, in storage, unsent attachments older than the expiry; the first
    /// call after a start also drops every content no attachment refers to.
    void expire();
    /// Waits for disk work in progress (on shutdown).
    void waitForIdle();

private:
    struct Chunk
    {
        RequestContext ctx;
        qint64 offset = 0;
        QByteArray data;
    };
    struct Upload
    {
        QString id;
        UserId user;
        RoomId room;
        QString name;
        QString mimeType;
        QString sha256;
        qint64 size = 0;
        qint64 stored = 0;   ///< bytes written to the staged file
        qint64 accepted = 0; ///< bytes accepted in order: stored plus those queued
        QQueue<Chunk> queue;
        bool writing = false;
        bool finishing = false;
        bool discarded = false;
        qint64 lastActivityMs = 0;
    };
    using UploadPtr = std::shared_ptr<Upload>;

    UploadPtr findUpload(const RequestContext &ctx, const QString &id) const;
    UploadPtr findResumable(UserId user, const UploadBeginRequest &req) const;
    void startUpload(const RequestContext &ctx, const UploadBeginRequest &req);
    UploadReply progress(const Upload &upload) const;
    void pump(const UploadPtr &upload);
    void chunkWritten(const UploadPtr &upload, Chunk chunk, bool ok, const QString &error);
    void discard(const UploadPtr &upload);
    /// Commits a verified upload to content storage and the database, then replies.
    void store(const RequestContext &ctx, const UploadPtr &upload, const ContentFacts &facts);
    void sendRange(const RequestContext &ctx, const FetchRequest &req, const QString &path, qint64 total);
    /// Runs `work` on the I/O pool, then `done` with its result on the event loop.
    template <class R>
    void onPool(std::function<R()> work, std::function<void(R)> done);

    const ServerConfig &m_config;
    Storage &m_storage;
    ContentStore m_store;
    QHash<QString, UploadPtr> m_uploads;
    bool m_contentSwept = false; ///< expire() walked all contents once since the start
    QThreadPool m_pool; ///< last: destroyed (and drained) first
};

} // namespace natter::server
