#include "protocol/attachmentrequests.h"

#include "protocol/limits.h"

namespace natter {

namespace {
constexpr qint64 maxInt = limits::maxJsonInteger;

QString readUploadId(JsonReader &r)
{
    const QString id = r.string("uploadId", 32, 32);
    if (r.ok() && !isUploadId(id))
        r.fail("uploadId", QStringLiteral("must be 32 lowercase hexadecimal characters"));
    return id;
}
} // namespace

bool isUploadId(const QString &hex)
{
    if (hex.size() != 32)
        return false;
    for (QChar c : hex) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

QJsonObject UploadReply::toJson() const
{
    return {{QStringLiteral("uploadId"), uploadId},
            {QStringLiteral("offset"), offset},
            {QStringLiteral("chunkBytes"), chunkBytes}};
}

UploadReply UploadReply::fromJson(JsonReader &r)
{
    UploadReply u;
    u.uploadId = readUploadId(r);
    u.offset = r.integer("offset", 0, maxInt);
    u.chunkBytes = r.integer("chunkBytes", 1, limits::maxChunkBytes);
    return u;
}

AttachmentReply AttachmentReply::fromJson(JsonReader &r)
{
    return {r.object<Attachment>("attachment", &Attachment::fromJson)};
}

FetchReply FetchReply::fromJson(JsonReader &r)
{
    FetchReply f;
    f.offset = r.integer("offset", 0, maxInt);
    f.total = r.integer("total", 0, maxInt);
    if (r.ok() && f.offset > f.total)
        r.fail("offset", QStringLiteral("must not exceed total"));
    return f;
}

QJsonObject UploadBeginRequest::toJson() const
{
    return {{QStringLiteral("roomId"), roomId.value},
            {QStringLiteral("name"), name},
            {QStringLiteral("size"), size},
            {QStringLiteral("mimeType"), mimeType},
            {QStringLiteral("sha256"), sha256}};
}

UploadBeginRequest UploadBeginRequest::fromJson(JsonReader &r)
{
    UploadBeginRequest b;
    b.roomId = r.id<RoomIdTag>("roomId");
    b.name = r.string("name", 1, limits::maxFileNameLength);
    if (r.ok() && (b.name.contains(QLatin1Char('/')) || b.name.contains(QLatin1Char('\\'))
                   || b.name == QLatin1String(".") || b.name == QLatin1String("..")))
        r.fail("name", QStringLiteral("must be a plain file name without directories"));
    b.size = r.integer("size", 0, maxInt);
    b.mimeType = r.string("mimeType", 1, limits::maxMimeTypeLength);
    if (r.ok() && !b.mimeType.contains(QLatin1Char('/')))
        r.fail("mimeType", QStringLiteral("must look like type/subtype"));
    b.sha256 = r.sha256("sha256");
    return b;
}

UploadFinishRequest UploadFinishRequest::fromJson(JsonReader &r) { return {readUploadId(r)}; }

UploadCancelRequest UploadCancelRequest::fromJson(JsonReader &r) { return {readUploadId(r)}; }

QJsonObject FetchRequest::toJson() const
{
    return {{QStringLiteral("attachmentId"), attachmentId.value},
            {QStringLiteral("offset"), offset},
            {QStringLiteral("length"), length},
            {QStringLiteral("thumbnail"), thumbnail}};
}

FetchRequest FetchRequest::fromJson(JsonReader &r)
{
    FetchRequest f;
    f.attachmentId = r.id<AttachmentIdTag>("attachmentId");
    f.offset = r.optionalInteger("offset", 0, maxInt).value_or(0);
    f.length = r.optionalInteger("length", 1, limits::maxChunkBytes).value_or(limits::maxChunkBytes);
    f.thumbnail = r.optionalBoolean("thumbnail").value_or(false);
    return f;
}

} // namespace natter
