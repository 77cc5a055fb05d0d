#include "core/messagechanges.h"

namespace natter::client {

namespace {
constexpr int previewLength = 120; // as the server cuts reply previews

QString excerpt(const QString &body)
{
    qsizetype n = qMin(body.size(), qsizetype(previewLength));
    if (n < body.size() && n > 0 && body.at(n - 1).isHighSurrogate())
        --n;
    return body.left(n);
}
} // namespace

bool isMessageChange(const Message &entry)
{
    return entry.targetId.isValid() && (entry.kind == timeline::edited || entry.kind == timeline::deleted);
}

bool applyMessageChange(Message &message, const Message &entry)
{
    if (!isMessageChange(entry) || message.roomId != entry.roomId)
        return false;
    if (!entry.deleted && entry.body.isEmpty())
        return false; // the target is outside the reader's window: nothing to apply
    if (message.id == entry.targetId) {
        const Message before = message;
        message.body = entry.body;
        message.editedAt = entry.editedAt;
        message.deleted = entry.deleted;
        return !(message == before);
    }
    if (message.replyTo == entry.targetId && message.reply) {
        const ReplyPreview before = *message.reply;
        message.reply->body = entry.deleted ? QString() : excerpt(entry.body);
        message.reply->deleted = entry.deleted;
        return !(*message.reply == before);
    }
    return false;
}

} // namespace natter::client
