#pragma once
// The group room rules, as functions run inside a write job. Each checks the caller's role
// against the stored state first and sets outcome.error without writing when it refuses.

#include "groups/groupoutcome.h"

namespace natter::server {

class Repositories;

void createRoom(Repositories &r, const User &me, const CreateRoomRequest &req, GroupOutcome &out);
void updateRoom(Repositories &r, const User &me, const UpdateRoomRequest &req, GroupOutcome &out);
void inviteUser(Repositories &r, const User &me, const InviteRequest &req, GroupOutcome &out);
void joinRoom(Repositories &r, const User &me, const JoinRoomRequest &req, GroupOutcome &out);
void declineInvite(Repositories &r, const User &me, const DeclineInviteRequest &req, GroupOutcome &out);
void leaveRoom(Repositories &r, const User &me, const LeaveRoomRequest &req, GroupOutcome &out);
void kickUser(Repositories &r, const User &me, const KickRequest &req, GroupOutcome &out);
void setRole(Repositories &r, const User &me, const SetRoleRequest &req, GroupOutcome &out);
void transferOwnership(Repositories &r, const User &me, const TransferOwnershipRequest &req, GroupOutcome &out);
void deleteRoom(Repositories &r, const User &me, const DeleteRoomRequest &req, GroupOutcome &out);

} // namespace natter::server
