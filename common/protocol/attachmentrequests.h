#pragma once
// Attachments: resumable uploads in chunks, and ranged downloads of a file or its thumbnail.
// The chunk data itself travels in binary WebSocket frames (binaryframes.h); these are the
// JSON requests around them. docs/protocol.md describes the whole exchange.

#include "protocol/requests.h"

#include <QByteArray>

namespace natter {

/// Where an upload stands: its id and how many bytes the server holds (send from `offset` on).
struct UploadReply
{
    QString uploadId;     ///< 32 lowercase hex characters
    qint64 offset = 0;    ///< bytes received so far, in order
    qint64 chunkBytes = 0; ///< largest data part the server accepts in one chunk
    QJsonObject toJson() const;
    static UploadReply fromJson(JsonReader &r);
};

/// A finished upload, ready to be attached to a message in its room.
struct AttachmentReply
{
    Attachment attachment;
    QJsonObject toJson() const { return {{QStringLiteral("attachment"), attachment.toJson()}}; }
    static AttachmentReply fromJson(JsonReader &r);
};

/// One range of a file, delivered as a binary frame (FetchDataFrame); the client core turns it
/// into this reply. `data` is empty when offset == total.
struct FetchReply
{
    qint64 offset = 0;
    qint64 total = 0;  ///< size of the whole file (or thumbnail)
    QByteArray data;
    QJsonObject toJson() const
    {
        return {{QStringLiteral("offset"), offset}, {QStringLiteral("total"), total}};
    }
    static FetchReply fromJson(JsonReader &r);
};

/// Starts an upload, or resumes the caller's unfinished upload of the same file (same room,
/// name, size and SHA-256): the reply's offset says where to continue.
struct UploadBeginRequest
{
    static constexpr const char *type = "attachments.begin";
    using Reply = UploadReply;
    RoomId roomId;
    QString name;
    qint64 size = 0;
    QString mimeType;
    QString sha256;
    QJsonObject toJson() const;
    static UploadBeginRequest fromJson(JsonReader &r);
};

/// Completes an upload whose bytes have all been acknowledged: the server checks size and
/// SHA-256 and stores the file. Only then does the attachment exist.
struct UploadFinishRequest
{
    static constexpr const char *type = "attachments.finish";
    using Reply = AttachmentReply;
    QString uploadId;
    QJsonObject toJson() const { return {{QStringLiteral("uploadId"), uploadId}}; }
    static UploadFinishRequest fromJson(JsonReader &r);
};

/// Abandons an upload and discards what was received.
struct UploadCancelRequest
{
    static constexpr const char *type = "attachments.cancel";
    using Reply = EmptyReply;
    QString uploadId;
    QJsonObject toJson() const { return {{QStringLiteral("uploadId"), uploadId}}; }
    static UploadCancelRequest fromJson(JsonReader &r);
};

/// Reads up to `length` bytes of an attachment (or its thumbnail) from `offset`. Answered by a
/// binary frame, or an error frame.
struct FetchRequest
{
    static constexpr const char *type = "attachments.fetch";
    using Reply = FetchReply;
    AttachmentId attachmentId;
    qint64 offset = 0;
    qint64 length = 256 * 1024;
    bool thumbnail = false;
    QJsonObject toJson() const;
    static FetchRequest fromJson(JsonReader &r);
};

/// Upload ids travel as 32 hex characters in JSON and as 16 raw bytes in chunk frames.
bool isUploadId(const QString &hex);

} // namespace natter
