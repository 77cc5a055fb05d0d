#pragma once

#include "storage/attachmentrepository.h"
#include "storage/friendrepository.h"
#include "storage/membershiprepository.h"
#include "storage/messagerepository.h"
#include "storage/revocationrepository.h"
#include "storage/roomrepository.h"
#include "storage/inviterepository.h"
#include "storage/searchrepository.h"
#include "storage/sessionrepository.h"
#include "storage/userrepository.h"

namespace natter::server {

/// The repositories of one database connection. Lives on that connection's thread only.
class Repositories
{
public:
    explicit Repositories(QSqlDatabase db, const QString &dataDir = QString())
        : m_cache(std::move(db)), users(m_cache), sessions(m_cache), friends(m_cache),
          rooms(m_cache, m_roomStates), members(m_cache, m_roomStates), messages(m_cache),
          search(m_cache), invites(m_cache), revocations(m_cache),
          attachments(m_cache, dataDir)
    {
    }
    QSqlDatabase &database() { return m_cache.database(); }
    StatementCache &statements() { return m_cache; }
    RoomStateCache &roomStates() { return m_roomStates; }

private:
    StatementCache m_cache;
    RoomStateCache m_roomStates;

public:
    UserRepository users;
    SessionRepository sessions;
    FriendRepository friends;
    RoomRepository rooms;
    MembershipRepository members;
    MessageRepository messages;
    SearchRepository search;
    InviteRepository invites;
    RevocationRepository revocations;
    AttachmentRepository attachments;
};

} // namespace natter::server
