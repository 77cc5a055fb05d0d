#include "messages/messageshandler.h"

#include "net/connectionregistry.h"
#include "notifications/notifier.h"
#include "storage/repositories.h"
#include "storage/storage.h"

#include <QDateTime>
#include <algorithm>

namespace natter::server {

namespace {

struct SendOutcome : LifecycleOutcome
{
    QList<User> memberUsers;
};

struct PageOutcome
{
    std::optional<ProtocolError> error;
    MessagePageReply page;
};

ProtocolError forbidden()
{
    return {ErrorCode::Forbidden, QStringLiteral("you are not a member of this room")};
}

SendOutcome storeMessage(Repositories &r, UserId sender, const SendRequest &req)
{
    SendOutcome out;
    const RoomState *room = r.members.roomState(req.roomId);
    if (!room || !room->memberIds.contains(sender)) {
        out.error = forbidden();
        return out;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!req.replyTo.isValid() && req.attachmentIds.isEmpty()) {
        // The common case in one statement: the next seq, unless the key was used already.
        std::optional<Message> stored;
        if (!room->closed)
            stored = r.messages.insertNext(req.roomId, sender, req.clientMsgId, req.body, now);
        if (stored) {
            r.rooms.advanceSeq(req.roomId, stored->seq, now);
            out.message = *stored;
            out.memberUsers = room->members;
            for (const User &u : std::as_const(out.memberUsers))
                out.members.append(u.id);
            return out;
        }
    }
    if (std::optional<Message> existing = r.messages.findByClientId(sender, req.clientMsgId)) {
        if (existing->roomId != req.roomId)
            out.error = ProtocolError{ErrorCode::Conflict,
                                      QStringLiteral("clientMsgId was already used in another room")};
        QList<Message> one{*existing};
        r.attachments.fill(one);
        out.message = one.first();
        out.duplicate = true;
        return out;
    }
    if (room->closed) {
        out.error = ProtocolError{ErrorCode::RoomClosed, errorCodeText(ErrorCode::RoomClosed)};
        return out;
    }
    Seq quotedSeq = 0;
    if (req.replyTo.isValid() && (out.error = checkReplyTarget(r, sender, req.roomId, req.replyTo, &quotedSeq)))
        return out;
    if (!req.attachmentIds.isEmpty()) {
        out.error = r.attachments.checkAttachable(req.attachmentIds, sender, req.roomId);
        if (out.error)
            return out;
    }
    out.memberUsers = room->members; // copied before anything below may reload the room state
    const Seq seq = r.rooms.allocateSeq(req.roomId, now);
    out.message = r.messages.insert(req.roomId, seq, sender, req.clientMsgId, req.body, now,
                                    timeline::message, UserId(), MessageId(), req.replyTo);
    if (!req.attachmentIds.isEmpty())
        out.message.attachments = r.attachments.attach(out.message.id, req.attachmentIds);
    if (req.replyTo.isValid()) {
        splitAudience(r, quotedSeq, out); // the quote is hidden from members who cannot read it
        return out;
    }
    for (const User &u : std::as_const(out.memberUsers))
        out.members.append(u.id);
    return out;
}

PageOutcome readSync(Repositories &r, UserId user, QList<SyncCursor> cursors, int limit)
{
    PageOutcome out;
    std::sort(cursors.begin(), cursors.end(), [](const SyncCursor &a, const SyncCursor &b) {
        return a.roomId < b.roomId || (a.roomId == b.roomId && a.afterSeq < b.afterSeq);
    });
    // One cursor per room: the lowest wins, so nothing is skipped or sent twice.
    cursors.erase(std::unique(cursors.begin(), cursors.end(),
                              [](const SyncCursor &a, const SyncCursor &b) { return a.roomId == b.roomId; }),
                  cursors.end());
    qint64 bytes = 0;
    for (const SyncCursor &cursor : cursors) {
        const Membership access = r.members.membership(cursor.roomId, user);
        if (!access.canRead())
            continue; // rooms the user cannot read are skipped, not an error
        const int remaining = limit - int(out.page.messages.size());
        const QList<Message> found = r.messages.after(cursor.roomId, cursor.afterSeq, remaining + 1,
                                                      access.readFrom, access.readUntil);
        for (const Message &m : found) {
            if (int(out.page.messages.size()) == limit
                || (bytes > MessagesHandler::syncByteBudget && !out.page.messages.isEmpty())) {
                out.page.more = true;
                r.attachments.fill(out.page.messages);
                return out;
            }
            bytes += m.body.size() * 3 + 160; // UTF-8 and JSON escaping: at most ~3 bytes per unit
            out.page.messages.append(m);
        }
    }
    r.attachments.fill(out.page.messages);
    return out;
}

} // namespace

MessagesHandler::MessagesHandler(Storage &storage, ConnectionRegistry &registry, Notifier &notifier,
                                 LifecycleRules rules, QObject *parent)
    : QObject(parent), m_storage(storage), m_registry(registry), m_notifier(notifier), m_rules(rules)
{
}

void MessagesHandler::replyAndPush(const LifecycleOutcome &out, const RequestContext &ctx)
{
    const MessageFrames frames = encodeMessageFrames(ctx.id(), SendReply{out.message, out.duplicate});
    ctx.replyEncoded(frames.reply);
    if (out.duplicate)
        return;
    m_registry.pushToUsers(out.members, QString::fromUtf8(frames.event), ctx.connection());
    if (!out.limitedMembers.isEmpty())
        m_registry.pushToUsers(out.limitedMembers, QString::fromUtf8(encodeEvent(MessageEvent{out.limited})),
                               ctx.connection());
}

void MessagesHandler::change(const RequestContext &ctx,
                             std::function<void(Repositories &, LifecycleOutcome &)> job)
{
    m_storage.write<LifecycleOutcome>(
        this,
        [job = std::move(job)](Repositories &r) {
            LifecycleOutcome out;
            job(r, out);
            return out;
        },
        [this, ctx](const StorageResult<LifecycleOutcome> &result) {
            if (!result.ok())
                return ctx.fail(ErrorCode::Internal, QStringLiteral("nothing was changed; try again"));
            const LifecycleOutcome &out = *result.value;
            if (out.error)
                return ctx.fail(out.error->code, out.error->message);
            replyAndPush(out, ctx); // no notification: edits and deletes are not news
        });
}

void MessagesHandler::handle(const RequestContext &ctx, const EditRequest &req)
{
    change(ctx, [rules = m_rules, me = ctx.userId(), req](Repositories &r, LifecycleOutcome &out) {
        editMessage(r, rules, me, req, out);
    });
}

void MessagesHandler::handle(const RequestContext &ctx, const DeleteMessageRequest &req)
{
    change(ctx, [rules = m_rules, me = ctx.userId(), req](Repositories &r, LifecycleOutcome &out) {
        deleteMessage(r, rules, me, req, out);
    });
}

void MessagesHandler::handle(const RequestContext &ctx, const RevisionsRequest &req)
{
    struct Outcome
    {
        std::optional<ProtocolError> error;
        RevisionListReply reply;
    };
    m_storage.read<Outcome>(
        this,
        [rules = m_rules, me = ctx.userId(), req](Repositories &r) {
            Outcome out;
            out.error = readRevisions(r, rules, me, req, &out.reply);
            return out;
        },
        [ctx](const StorageResult<Outcome> &result) {
            if (!result.ok())
                return ctx.fail(ErrorCode::Internal);
            if (result.value->error)
                return ctx.fail(result.value->error->code, result.value->error->message);
            ctx.reply(result.value->reply);
        });
}

void MessagesHandler::handle(const RequestContext &ctx, const SendRequest &req)
{
    // Repeatable: storeMessage changes nothing outside the database.
    m_storage.writeRepeatable<SendOutcome>(
        this, [sender = ctx.userId(), req](Repositories &r) { return storeMessage(r, sender, req); },
        [this, ctx](const StorageResult<SendOutcome> &result) {
            if (!result.ok())
                return ctx.fail(ErrorCode::Internal, QStringLiteral("the message was not stored; resend it"));
            const SendOutcome &out = *result.value;
            if (out.error)
                return ctx.fail(out.error->code, out.error->message);
            replyAndPush(out, ctx);
            if (out.duplicate)
                return;
            m_notifier.notifyMessage(out.message, out.memberUsers);
        });
}

void MessagesHandler::handle(const RequestContext &ctx, const HistoryRequest &req)
{
    m_storage.read<PageOutcome>(
        this,
        [user = ctx.userId(), req](Repositories &r) {
            PageOutcome out;
            const Membership access = r.members.membership(req.roomId, user);
            if (!access.canRead()) {
                out.error = forbidden();
                return out;
            }
            out.page.messages = r.messages.before(req.roomId, req.beforeSeq, req.limit + 1,
                                                  access.readFrom, access.readUntil);
            if (out.page.messages.size() > req.limit) {
                out.page.more = true;
                out.page.messages.removeFirst();
            }
            r.attachments.fill(out.page.messages);
            return out;
        },
        [ctx](const StorageResult<PageOutcome> &result) {
            if (!result.ok())
                return ctx.fail(ErrorCode::Internal);
            if (result.value->error)
                return ctx.fail(result.value->error->code, result.value->error->message);
            ctx.reply(result.value->page);
        });
}

void MessagesHandler::handle(const RequestContext &ctx, const SyncRequest &req)
{
    m_storage.read<PageOutcome>(
        this,
        [user = ctx.userId(), req](Repositories &r) { return readSync(r, user, req.cursors, req.limit); },
        [ctx](const StorageResult<PageOutcome> &result) {
            if (!result.ok())
                return ctx.fail(ErrorCode::Internal);
            ctx.reply(result.value->page);
        });
}

} // namespace natter::server
