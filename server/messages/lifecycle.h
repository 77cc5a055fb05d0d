#pragma once
// The message lifecycle rules (edit, delete, edit history, reply targets), as functions run
// inside a storage job. Each checks the caller against the stored state first and returns or
// sets an error without writing when it refuses.

#include "protocol/errorcode.h"
#include "protocol/lifecyclerequests.h"

#include <optional>

namespace natter::server {

class Repositories;

/// Who may read a message's earlier revisions (server setting --edit-history).
enum class EditHistory { Everyone, Author, Admins };
QString editHistoryName(EditHistory access);
bool editHistoryFromName(const QString &name, EditHistory *access);

/// Server settings for edits and deletes.
struct LifecycleRules
{
    EditHistory editHistory = EditHistory::Everyone;
    qint64 editWindowSeconds = 0;   ///< 0: messages stay editable
    qint64 deleteWindowSeconds = 0; ///< 0: authors may delete at any time (moderators always may)
};

/// What a write produced: the reply, and which members get which frame. Members whose readable
/// window starts after a referenced message get `limited` (no text of it) instead.
struct LifecycleOutcome
{
    std::optional<ProtocolError> error;
    Message message;          ///< the new entry; with `duplicate`, the unchanged target
    bool duplicate = false;   ///< nothing changed (same text, or already deleted)
    QList<UserId> members;    ///< receive `message`
    QList<UserId> limitedMembers;
    Message limited;
};

void editMessage(Repositories &r, const LifecycleRules &rules, UserId me, const EditRequest &req,
                 LifecycleOutcome &out);
void deleteMessage(Repositories &r, const LifecycleRules &rules, UserId me,
                   const DeleteMessageRequest &req, LifecycleOutcome &out);
/// Earlier texts of a message, or the reason they are withheld.
std::optional<ProtocolError> readRevisions(Repositories &r, const LifecycleRules &rules, UserId me,
                                           const RevisionsRequest &req, RevisionListReply *reply);
/// Checks that `me` may quote message `target` of `room` in a new message; sets its seq.
std::optional<ProtocolError> checkReplyTarget(Repositories &r, UserId me, RoomId room, MessageId target,
                                              Seq *targetSeq);
/// Fills out.members / limitedMembers / limited for `out.message`, which refers to the entry
/// at `referencedSeq`: members whose window starts after it get the limited copy.
void splitAudience(Repositories &r, Seq referencedSeq, LifecycleOutcome &out);

} // namespace natter::server
