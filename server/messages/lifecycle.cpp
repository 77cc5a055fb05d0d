#include "messages/lifecycle.h"

#include "protocol/clientmsgid.h"
#include "protocol/limits.h"
#include "storage/repositories.h"

#include <QDateTime>

namespace natter::server {

namespace {

ProtocolError notFound()
{
    return {ErrorCode::MessageNotFound, errorCodeText(ErrorCode::MessageNotFound)};
}

/// The target as `me` sees it: it must be a readable message of the room. On success
/// `access` holds me's membership and `target` the stored message.
std::optional<ProtocolError> locate(Repositories &r, UserId me, RoomId room, MessageId id,
                                    Membership *access, StoredMessage *target)
{
    *access = r.members.membership(room, me);
    const std::optional<StoredMessage> found = r.messages.stored(room, id);
    if (!access->canRead() || !found || found->seq < access->readFrom
        || (access->readUntil > 0 && found->seq > access->readUntil))
        return notFound(); // unreadable and missing look the same: existence does not leak
    if (found->kind != timeline::message)
        return ProtocolError{ErrorCode::Forbidden, QStringLiteral("only messages can be edited or deleted")};
    *target = *found;
    return std::nullopt;
}

std::optional<ProtocolError> requireMember(const Membership &access)
{
    if (!access.active)
        return ProtocolError{ErrorCode::Forbidden, QStringLiteral("you are not a member of this room")};
    return std::nullopt;
}

bool windowClosed(qint64 windowSeconds, qint64 sentAt, qint64 now)
{
    return windowSeconds > 0 && now - sentAt > windowSeconds * 1000;
}

bool isModerator(const Membership &access)
{
    return access.active && access.kind == RoomKind::Group && int(access.role) >= int(MemberRole::Admin);
}

/// Appends the edited/deleted entry for `target` and fills the outcome with it.
void appendEntry(Repositories &r, UserId me, const StoredMessage &target, const QString &kind,
                 qint64 now, LifecycleOutcome &out)
{
    const Seq seq = r.rooms.allocateSeq(target.roomId, now, false);
    const QString key = kind + QLatin1Char('-') + newClientMsgId(now);
    out.message = r.messages.insert(target.roomId, seq, me, key, QString(), now, kind, UserId(), target.id);
    splitAudience(r, target.seq, out);
}

} // namespace

QString editHistoryName(EditHistory access)
{
    switch (access) {
    case EditHistory::Everyone: return QStringLiteral("everyone");
    case EditHistory::Author: return QStringLiteral("author");
    case EditHistory::Admins: return QStringLiteral("admins");
    }
    return QString();
}

bool editHistoryFromName(const QString &name, EditHistory *access)
{
    for (EditHistory a : {EditHistory::Everyone, EditHistory::Author, EditHistory::Admins}) {
        if (editHistoryName(a) == name) {
            *access = a;
            return true;
        }
    }
    return false;
}

void splitAudience(Repositories &r, Seq referencedSeq, LifecycleOutcome &out)
{
    out.limited = out.message;
    if (out.limited.targetId.isValid())
        out.limited.body = QStringLiteral("");
    out.limited.reply.reset();
    for (const auto &[user, readFrom] : r.members.activeWindows(out.message.roomId))
        (readFrom > referencedSeq ? out.limitedMembers : out.members).append(user);
}

void editMessage(Repositories &r, const LifecycleRules &rules, UserId me, const EditRequest &req,
                 LifecycleOutcome &out)
{
    Membership access;
    StoredMessage target;
    if ((out.error = locate(r, me, req.roomId, req.messageId, &access, &target)))
        return;
    if ((out.error = requireMember(access)))
        return;
    if (target.senderId != me)
        out.error = ProtocolError{ErrorCode::NotAuthor, QStringLiteral("only the author may edit a message")};
    else if (target.deleted)
        out.error = ProtocolError{ErrorCode::MessageDeleted, QStringLiteral("a deleted message cannot be edited")};
    else if (access.closed)
        out.error = ProtocolError{ErrorCode::RoomClosed, errorCodeText(ErrorCode::RoomClosed)};
    if (out.error)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (windowClosed(rules.editWindowSeconds, target.sentAt, now)) {
        out.error = ProtocolError{ErrorCode::WindowClosed,
                                  QStringLiteral("messages can be edited for %1 s after sending").arg(rules.editWindowSeconds)};
        return;
    }
    if (target.body == req.body) { // a repeated edit changes nothing
        out.message = *r.messages.find(target.id, access.readFrom);
        out.duplicate = true;
        return;
    }
    if (r.messages.revisionCount(target.id) >= limits::maxRevisions) {
        out.error = ProtocolError{ErrorCode::Forbidden,
                                  QStringLiteral("a message keeps at most %1 earlier texts").arg(limits::maxRevisions)};
        return;
    }
    r.messages.edit(target, req.body, now);
    appendEntry(r, me, target, timeline::edited, now, out);
}

void deleteMessage(Repositories &r, const LifecycleRules &rules, UserId me,
                   const DeleteMessageRequest &req, LifecycleOutcome &out)
{
    Membership access;
    StoredMessage target;
    if ((out.error = locate(r, me, req.roomId, req.messageId, &access, &target)))
        return;
    if ((out.error = requireMember(access)))
        return;
    const bool moderator = isModerator(access);
    if (target.senderId != me && !moderator) {
        out.error = ProtocolError{ErrorCode::NotAuthor,
                                  access.kind == RoomKind::Group
                                      ? QStringLiteral("only the author, the owner or an admin may delete a message")
                                      : QStringLiteral("only the author may delete a message")};
        return;
    }
    if (target.deleted) { // already gone: a retried delete succeeds without a new entry
        out.message = *r.messages.find(target.id, access.readFrom);
        out.duplicate = true;
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!moderator && windowClosed(rules.deleteWindowSeconds, target.sentAt, now)) {
        out.error = ProtocolError{ErrorCode::WindowClosed,
                                  QStringLiteral("messages can be deleted for %1 s after sending").arg(rules.deleteWindowSeconds)};
        return;
    }
    r.messages.tombstone(target.id, now);
    r.attachments.detachMessage(target.id); // the files go with the text
    appendEntry(r, me, target, timeline::deleted, now, out);
}

std::optional<ProtocolError> readRevisions(Repositories &r, const LifecycleRules &rules, UserId me,
                                           const RevisionsRequest &req, RevisionListReply *reply)
{
    Membership access;
    StoredMessage target;
    if (std::optional<ProtocolError> e = locate(r, me, req.roomId, req.messageId, &access, &target))
        return e;
    if (target.deleted)
        return ProtocolError{ErrorCode::MessageDeleted, QStringLiteral("a deleted message has no history")};
    switch (rules.editHistory) {
    case EditHistory::Everyone:
        break;
    case EditHistory::Author:
        if (target.senderId != me)
            return ProtocolError{ErrorCode::Forbidden, QStringLiteral("edit history is shown to the author only")};
        break;
    case EditHistory::Admins:
        if (!isModerator(access))
            return ProtocolError{ErrorCode::Forbidden,
                                 QStringLiteral("edit history is shown to a group room's owner and admins only")};
        break;
    }
    reply->revisions = r.messages.revisions(target.id);
    return std::nullopt;
}

std::optional<ProtocolError> checkReplyTarget(Repositories &r, UserId me, RoomId room, MessageId id,
                                              Seq *targetSeq)
{
    Membership access;
    StoredMessage target;
    if (std::optional<ProtocolError> e = locate(r, me, room, id, &access, &target))
        return e->code == ErrorCode::Forbidden
            ? ProtocolError{ErrorCode::MessageNotFound, QStringLiteral("only messages can be quoted")}
            : *e;
    if (target.deleted)
        return ProtocolError{ErrorCode::MessageDeleted, QStringLiteral("a deleted message cannot be quoted")};
    *targetSeq = target.seq;
    return std::nullopt;
}

} // namespace natter::server
