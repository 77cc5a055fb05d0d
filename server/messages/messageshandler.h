#pragma once

#include "net/requestcontext.h"
#include "protocol/requests.h"

#include <QObject>

namespace natter::server {

class ConnectionRegistry;
class Notifier;
class Storage;

/// Sending, history and lossless resume.
///
/// A message is acknowledged only after the write batch holding it has committed; then it is
/// encoded once and the same frame goes to every connection of every member (except the
/// sending connection, which has the reply). A resend with a known clientMsgId returns the
/// stored original and pushes nothing. History and sync read the database, never memory.
class MessagesHandler : public QObject
{
    Q_OBJECT
public:
    MessagesHandler(Storage &storage, ConnectionRegistry &registry, Notifier &notifier,
                    QObject *parent = nullptr);

    void handle(const RequestContext &ctx, const SendRequest &req);
    void handle(const RequestContext &ctx, const HistoryRequest &req);
    void handle(const RequestContext &ctx, const SyncRequest &req);

    /// Approximate body bytes in one sync reply before it is cut (and `more` is set).
    static constexpr qint64 syncByteBudget = 512 * 1024;

private:
    Storage &m_storage;
    ConnectionRegistry &m_registry;
    Notifier &m_notifier;
};

} // namespace natter::server
