#pragma once

#include "net/requestcontext.h"
#include "protocol/grouprequests.h"

#include <QObject>

namespace natter::server {

class ConnectionRegistry;
class Notifier;
class Storage;
struct GroupOutcome;

/// Group rooms: creation, settings, invitations, joining and leaving, kicks, roles, ownership
/// and deletion. Roles are checked inside the write job, against the stored state, before
/// anything changes; a refused action changes nothing. Membership changes are stored as
/// timeline entries with seqs (joined, left, kicked, renamed, ...) and pushed like messages.
class GroupsHandler : public QObject
{
    Q_OBJECT
public:
    GroupsHandler(Storage &storage, ConnectionRegistry &registry, Notifier &notifier,
                  QObject *parent = nullptr);

    void handle(const RequestContext &ctx, const CreateRoomRequest &req);
    void handle(const RequestContext &ctx, const UpdateRoomRequest &req);
    void handle(const RequestContext &ctx, const InviteRequest &req);
    void handle(const RequestContext &ctx, const JoinRoomRequest &req);
    void handle(const RequestContext &ctx, const DeclineInviteRequest &req);
    void handle(const RequestContext &ctx, const LeaveRoomRequest &req);
    void handle(const RequestContext &ctx, const KickRequest &req);
    void handle(const RequestContext &ctx, const SetRoleRequest &req);
    void handle(const RequestContext &ctx, const TransferOwnershipRequest &req);
    void handle(const RequestContext &ctx, const DeleteRoomRequest &req);
    void handle(const RequestContext &ctx, const DirectoryRequest &req);
    void handle(const RequestContext &ctx, const InviteListRequest &req);

private:
    using Action = std::function<void(class Repositories &, const User &me, GroupOutcome &)>;
    /// Runs `action` in a write job, then replies (RoomReply when `replyWithRoom`) and pushes
    /// what changed.
    void run(const RequestContext &ctx, bool replyWithRoom, Action action);
    void publish(const GroupOutcome &outcome);

    Storage &m_storage;
    ConnectionRegistry &m_registry;
    Notifier &m_notifier;
};

} // namespace natter::server
