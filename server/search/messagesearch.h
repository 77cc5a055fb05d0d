#pragma once
// The search loop behind search.messages: resolves the query's names, asks SearchRepository
// for candidates newest first, applies what the index cannot (texts shorter than a trigram,
// exclusions), and cuts one page of results with snippets and highlights.

#include "protocol/searchrequests.h"
#include "search/searchquery.h"

#include <optional>

namespace natter::server {

class Repositories;

struct SearchOutcome
{
    std::optional<ProtocolError> error;
    SearchReply reply;
    qint64 examined = 0; ///< candidate rows looked at (for logs and benchmarks)
};

/// Bounds of one request's work.
struct SearchBudget
{
    /// Candidate rows examined before a page is returned short (with a cursor to go on).
    int maxExamined = 20000;
    /// Rooms named by roomId or in: whose timelines together are at most this long are read
    /// directly rather than through the index.
    qint64 roomScanLimit = 5000;
    /// Without an indexable text: message ids walked per query, and in total per request.
    qint64 idWindow = 50000;
    qint64 maxIdSpan = 500000;
};

/// Runs `request` (whose query parsed into `query`) for `reader`. Runs on a database thread.
SearchOutcome searchMessages(Repositories &repos, UserId reader, const SearchRequest &request,
                             const SearchQuery &query, const SearchBudget &budget = {});

} // namespace natter::server
