#pragma once
// Message lifecycle requests: edit, delete and edit history. registry.h lists them.
// Edits and deletes answer with SendReply: `message` is the new edited/deleted timeline entry
// (or, with `duplicate` set, the target itself when the request changed nothing).

#include "protocol/requests.h"

namespace natter {

/// Replaces the text of one's own message; the previous text becomes a revision.
struct EditRequest
{
    static constexpr const char *type = "messages.edit";
    using Reply = SendReply;
    RoomId roomId;
    MessageId messageId;
    QString body;
    QJsonObject toJson() const;
    static EditRequest fromJson(JsonReader &r);
};

/// Removes a message's text for good, leaving a tombstone.
struct DeleteMessageRequest
{
    static constexpr const char *type = "messages.delete";
    using Reply = SendReply;
    RoomId roomId;
    MessageId messageId;
    QJsonObject toJson() const;
    static DeleteMessageRequest fromJson(JsonReader &r);
};

/// An earlier text of an edited message.
struct Revision
{
    QString body;
    qint64 sentAt = 0;     ///< when this text became current (the send or an earlier edit)
    qint64 replacedAt = 0; ///< when an edit replaced it
    QJsonObject toJson() const;
    static Revision fromJson(JsonReader &r);
    friend bool operator==(const Revision &a, const Revision &b)
    {
        return a.body == b.body && a.sentAt == b.sentAt && a.replacedAt == b.replacedAt;
    }
};

struct RevisionListReply
{
    QList<Revision> revisions; ///< oldest first; the current text is not among them
    QJsonObject toJson() const;
    static RevisionListReply fromJson(JsonReader &r);
};

/// The earlier texts of a message, if the server's edit-history setting lets the caller see them.
struct RevisionsRequest
{
    static constexpr const char *type = "messages.revisions";
    using Reply = RevisionListReply;
    RoomId roomId;
    MessageId messageId;
    QJsonObject toJson() const;
    static RevisionsRequest fromJson(JsonReader &r);
};

} // namespace natter
