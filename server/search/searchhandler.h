#pragma once

#include "net/requestcontext.h"
#include "protocol/searchrequests.h"

#include <QObject>

namespace natter::server {

class Storage;

/// search.messages: full-text search over the messages the caller may read. The query is
/// parsed on the event loop (a malformed one is answered with invalid_query at once); the
/// search itself runs on the database reader thread (messagesearch.h).
class SearchHandler : public QObject
{
    Q_OBJECT
public:
    explicit SearchHandler(Storage &storage, QObject *parent = nullptr);

    void handle(const RequestContext &ctx, const SearchRequest &req);

private:
    Storage &m_storage;
};

} // namespace natter::server
