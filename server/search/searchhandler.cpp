#include "search/searchhandler.h"

#include "search/messagesearch.h"
#include "storage/storage.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSearch, "natter.server.search")

namespace natter::server {

SearchHandler::SearchHandler(Storage &storage, QObject *parent)
    : QObject(parent), m_storage(storage)
{
}

void SearchHandler::handle(const RequestContext &ctx, const SearchRequest &req)
{
    ProtocolError error;
    const std::optional<SearchQuery> query = SearchQuery::parse(req.query, &error);
    if (!query)
        return ctx.fail(error.code, error.message);
    m_storage.search<SearchOutcome>(
        this,
        [user = ctx.userId(), req, q = *query](Repositories &r) {
            return searchMessages(r, user, req, q);
        },
        [ctx](const StorageResult<SearchOutcome> &result) {
            if (!result.ok())
                return ctx.fail(ErrorCode::Internal, QStringLiteral("the search failed"));
            if (result.value->error)
                return ctx.fail(result.value->error->code, result.value->error->message);
            qCDebug(lcSearch) << "examined" << result.value->examined << "candidates for"
                              << result.value->reply.results.size() << "results";
            ctx.reply(result.value->reply);
        });
}

} // namespace natter::server
