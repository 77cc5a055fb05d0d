#pragma once
// The one list of every frame type. The request variant, the decoder's type table and the
// server's dispatch are all generated from these lists; add a frame here and nowhere else.
// The two binary frames (upload chunks, fetched data) are not JSON requests; they are defined
// in binaryframes.h and answered through the same request ids.

#include "protocol/attachmentrequests.h"
#include "protocol/events.h"
#include "protocol/grouprequests.h"
#include "protocol/lifecyclerequests.h"
#include "protocol/liverequests.h"
#include "protocol/requests.h"
#include "protocol/searchrequests.h"

#include <variant>

#define NATTER_REQUESTS(X)                                                                         \
    X(HelloRequest)                                                                                \
    X(SignupRequest)                                                                               \
    X(CreateInviteCodeRequest)                                                                     \
    X(LoginRequest)                                                                                \
    X(ResumeRequest)                                                                               \
    X(LogoutRequest)                                                                               \
    X(UserSearchRequest)                                                                           \
    X(FriendListRequest)                                                                           \
    X(FriendRequestRequest)                                                                        \
    X(FriendAcceptRequest)                                                                         \
    X(FriendDeclineRequest)                                                                        \
    X(FriendCancelRequest)                                                                         \
    X(FriendRemoveRequest)                                                                         \
    X(BlockRequest)                                                                                \
    X(UnblockRequest)                                                                              \
    X(RoomListRequest)                                                                             \
    X(SendRequest)                                                                                 \
    X(HistoryRequest)                                                                              \
    X(SyncRequest)                                                                                 \
    X(CreateRoomRequest)                                                                           \
    X(UpdateRoomRequest)                                                                           \
    X(InviteRequest)                                                                               \
    X(JoinRoomRequest)                                                                             \
    X(DeclineInviteRequest)                                                                        \
    X(LeaveRoomRequest)                                                                            \
    X(KickRequest)                                                                                 \
    X(SetRoleRequest)                                                                              \
    X(TransferOwnershipRequest)                                                                    \
    X(DeleteRoomRequest)                                                                           \
    X(DirectoryRequest)                                                                            \
    X(InviteListRequest)                                                                           \
    X(SetPresenceRequest)                                                                          \
    X(PresenceQueryRequest)                                                                        \
    X(TypingRequest)                                                                               \
    X(ViewRoomRequest)                                                                             \
    X(MarkReadRequest)                                                                             \
    X(SetMutedRequest)                                                                             \
    X(EditRequest)                                                                                 \
    X(DeleteMessageRequest)                                                                        \
    X(RevisionsRequest)                                                                            \
    X(SearchRequest)                                                                               \
    X(UploadBeginRequest)                                                                          \
    X(UploadFinishRequest)                                                                         \
    X(UploadCancelRequest)                                                                         \
    X(FetchRequest)

#define NATTER_EVENTS(X)                                                                           \
    X(MessageEvent)                                                                                \
    X(FriendEvent)                                                                                 \
    X(RoomEvent)                                                                                   \
    X(InviteEvent)                                                                                 \
    X(RoomRemovedEvent)                                                                            \
    X(PresenceEvent)                                                                               \
    X(TypingEvent)                                                                                 \
    X(ReadEvent)                                                                                   \
    X(MutedEvent)                                                                                  \
    X(NotificationEvent)

namespace natter {

#define NATTER_X(T) T,
using AnyRequest = std::variant<NATTER_REQUESTS(NATTER_X) std::monostate>;
using AnyEvent = std::variant<NATTER_EVENTS(NATTER_X) std::monostate>;
#undef NATTER_X

} // namespace natter
