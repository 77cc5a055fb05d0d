#include "protocol/lifecyclerequests.h"

#include "protocol/limits.h"

namespace natter {

namespace {
QJsonObject target(RoomId room, MessageId message)
{
    return {{QStringLiteral("roomId"), room.value}, {QStringLiteral("messageId"), message.value}};
}
} // namespace

QJsonObject EditRequest::toJson() const
{
    QJsonObject o = target(roomId, messageId);
    o.insert(QStringLiteral("body"), body);
    return o;
}

EditRequest EditRequest::fromJson(JsonReader &r)
{
    EditRequest e;
    e.roomId = r.id<RoomIdTag>("roomId");
    e.messageId = r.id<MessageIdTag>("messageId");
    e.body = r.string("body", 1, limits::maxBodyLength);
    if (r.ok() && e.body.trimmed().isEmpty())
        r.fail("body", QStringLiteral("must not be blank"));
    return e;
}

QJsonObject DeleteMessageRequest::toJson() const { return target(roomId, messageId); }

DeleteMessageRequest DeleteMessageRequest::fromJson(JsonReader &r)
{
    DeleteMessageRequest d;
    d.roomId = r.id<RoomIdTag>("roomId");
    d.messageId = r.id<MessageIdTag>("messageId");
    return d;
}

QJsonObject Revision::toJson() const
{
    return {{QStringLiteral("body"), body},
            {QStringLiteral("sentAt"), sentAt},
            {QStringLiteral("replacedAt"), replacedAt}};
}

Revision Revision::fromJson(JsonReader &r)
{
    Revision v;
    v.body = r.string("body", 0, limits::maxBodyLength);
    v.sentAt = r.integer("sentAt", 0, limits::maxJsonInteger);
    v.replacedAt = r.integer("replacedAt", 0, limits::maxJsonInteger);
    return v;
}

QJsonObject RevisionListReply::toJson() const
{
    return {{QStringLiteral("revisions"), toJsonArray(revisions)}};
}

RevisionListReply RevisionListReply::fromJson(JsonReader &r)
{
    return {r.objectList<Revision>("revisions", limits::maxRevisions, &Revision::fromJson)};
}

QJsonObject RevisionsRequest::toJson() const { return target(roomId, messageId); }

RevisionsRequest RevisionsRequest::fromJson(JsonReader &r)
{
    RevisionsRequest q;
    q.roomId = r.id<RoomIdTag>("roomId");
    q.messageId = r.id<MessageIdTag>("messageId");
    return q;
}

} // namespace natter
