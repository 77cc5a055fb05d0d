#pragma once
// Sample users, rooms and messages for the client tests that run without a server.
#include "protocol/types.h"

#include <QString>

namespace natter::test {

inline const RoomId kRoom(7);
inline const User kAlice{UserId(1), QStringLiteral("alice")};
inline const User kBob{UserId(2), QStringLiteral("bob")};

/// Message number `seq` in kRoom, by `from` (bob unless said), with a body and a client id
/// derived from `seq` unless given.
inline Message msg(Seq seq, const User &from = kBob, const QString &body = QString(),
                   const QString &clientMsgId = QString())
{
    Message m;
    m.id = MessageId(1000 + seq);
    m.roomId = kRoom;
    m.seq = seq;
    m.senderId = from.id;
    m.body = body.isEmpty() ? QStringLiteral("message %1").arg(seq) : body;
    m.clientMsgId = clientMsgId.isEmpty() ? QStringLiteral("c%1").arg(seq) : clientMsgId;
    m.sentAt = 1700000000000 + seq * 1000;
    return m;
}

/// A room of alice and bob (a group named "group <id>" when `kind` says so).
inline Room room(qint64 id, qint64 activity, RoomKind kind = RoomKind::Direct)
{
    Room r;
    r.id = RoomId(id);
    r.kind = kind;
    r.name = kind == RoomKind::Group ? QStringLiteral("group %1").arg(id) : QString();
    r.members = {kAlice, kBob};
    r.lastActivity = activity;
    return r;
}

/// A timeline entry by alice that edits (or, `deleted`, deletes) message `target`.
inline Message change(Seq seq, const QString &kind, MessageId target, const QString &body, bool deleted)
{
    Message m = msg(seq, kAlice, body.isEmpty() ? QStringLiteral("x") : body);
    m.body = body;
    m.kind = kind;
    m.targetId = target;
    m.editedAt = 1700000099000;
    m.deleted = deleted;
    return m;
}

} // namespace natter::test
