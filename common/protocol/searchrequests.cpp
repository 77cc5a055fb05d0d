#include "protocol/searchrequests.h"

#include "protocol/limits.h"

namespace natter {

namespace {
constexpr qint64 maxInt = limits::maxJsonInteger;
QJsonValue positiveOrNull(qint64 v)
{
    return v > 0 ? QJsonValue(v) : QJsonValue();
}
} // namespace

QJsonObject SearchHighlight::toJson() const
{
    return {{QStringLiteral("start"), start}, {QStringLiteral("length"), length}};
}

SearchHighlight SearchHighlight::fromJson(JsonReader &r)
{
    SearchHighlight h;
    h.start = int(r.integer("start", 0, limits::maxSnippetLength));
    h.length = int(r.integer("length", 1, limits::maxSnippetLength));
    return h;
}

QJsonObject SearchHit::toJson() const
{
    return {{QStringLiteral("messageId"), messageId.value},
            {QStringLiteral("roomId"), roomId.value},
            {QStringLiteral("seq"), seq},
            {QStringLiteral("senderId"), senderId.value},
            {QStringLiteral("sentAt"), sentAt},
            {QStringLiteral("snippet"), snippet},
            {QStringLiteral("highlights"), toJsonArray(highlights)}};
}

SearchHit SearchHit::fromJson(JsonReader &r)
{
    SearchHit h;
    h.messageId = r.id<MessageIdTag>("messageId");
    h.roomId = r.id<RoomIdTag>("roomId");
    h.seq = r.integer("seq", 1, maxInt);
    h.senderId = r.id<UserIdTag>("senderId");
    h.sentAt = r.integer("sentAt", 0, maxInt);
    h.snippet = r.string("snippet", 0, limits::maxSnippetLength);
    h.highlights = r.objectList<SearchHighlight>("highlights", limits::maxSnippetLength,
                                                 &SearchHighlight::fromJson);
    if (!r.ok())
        return h;
    int end = 0;
    for (const SearchHighlight &x : std::as_const(h.highlights)) {
        if (x.start < end || x.start + x.length > h.snippet.size()) {
            r.fail("highlights", QStringLiteral("must be sorted, apart and inside the snippet"));
            break;
        }
        end = x.start + x.length;
    }
    return h;
}

QJsonObject SearchReply::toJson() const
{
    return {{QStringLiteral("results"), toJsonArray(results)},
            {QStringLiteral("nextBefore"), positiveOrNull(nextBefore)}};
}

SearchReply SearchReply::fromJson(JsonReader &r)
{
    SearchReply s;
    s.results =
        r.objectList<SearchHit>("results", limits::maxMessageSearchLimit, &SearchHit::fromJson);
    s.nextBefore = r.optionalInteger("nextBefore", 1, maxInt).value_or(0);
    return s;
}

QJsonObject SearchRequest::toJson() const
{
    QJsonObject o{{QStringLiteral("query"), query}, {QStringLiteral("limit"), limit}};
    if (roomId.isValid())
        o.insert(QStringLiteral("roomId"), roomId.value);
    if (before > 0)
        o.insert(QStringLiteral("before"), before);
    return o;
}

SearchRequest SearchRequest::fromJson(JsonReader &r)
{
    SearchRequest s;
    s.query = r.string("query", 1, limits::maxSearchQueryLength);
    s.roomId = RoomId(r.optionalInteger("roomId", 1, maxInt).value_or(0));
    s.before = r.optionalInteger("before", 1, maxInt).value_or(0);
    s.limit = int(r.optionalInteger("limit", 1, limits::maxMessageSearchLimit)
                      .value_or(limits::defaultMessageSearchLimit));
    return s;
}

} // namespace natter
