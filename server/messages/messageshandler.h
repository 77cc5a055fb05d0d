#pragma once

#include "messages/lifecycle.h"
#include "net/requestcontext.h"
#include "protocol/lifecyclerequests.h"

#include <QObject>

namespace natter::server {

class ConnectionRegistry;
class Notifier;
class Storage;

/// Sending, history, lossless resume, and the message lifecycle (edit, delete, edit history).
///
/// A message is acknowledged only after the write batch holding it has committed; then it is
/// encoded once and the same frame goes to every connection of every member (except the
/// sending connection, which has the reply). A resend with a known clientMsgId returns the
/// stored original and pushes nothing. History and sync read the database, never memory.
/// Edits and deletes are timeline entries of their own (see lifecycle.h): they reach members
/// like messages, but raise no unread counts and no notifications.
class MessagesHandler : public QObject
{
    Q_OBJECT
public:
    MessagesHandler(Storage &storage, ConnectionRegistry &registry, Notifier &notifier,
                    LifecycleRules rules = {}, QObject *parent = nullptr);

    void handle(const RequestContext &ctx, const SendRequest &req);
    void handle(const RequestContext &ctx, const HistoryRequest &req);
    void handle(const RequestContext &ctx, const SyncRequest &req);
    void handle(const RequestContext &ctx, const EditRequest &req);
    void handle(const RequestContext &ctx, const DeleteMessageRequest &req);
    void handle(const RequestContext &ctx, const RevisionsRequest &req);

    /// Approximate body bytes in one sync reply before it is cut (and `more` is set).
    static constexpr qint64 syncByteBudget = 512 * 1024;

private:
    /// Runs a lifecycle write, replies, and pushes the new entry to the room's members.
    void change(const RequestContext &ctx, std::function<void(Repositories &, LifecycleOutcome &)> job);
    /// Pushes an entry: `message` to `members`, the limited copy to `limitedMembers`.
    /// Sends the reply and the members' events of a stored entry (the entry written once).
    void replyAndPush(const LifecycleOutcome &out, const RequestContext &ctx);

    Storage &m_storage;
    ConnectionRegistry &m_registry;
    Notifier &m_notifier;
    LifecycleRules m_rules;
};

} // namespace natter::server
