#pragma once

#include "net/clientconnection.h"

#include <QPointer>

namespace natter::server {

/// The connection and id a request came with, kept across asynchronous work so the reply
/// finds its way back; replies to a connection that went away are dropped.
class RequestContext
{
public:
    RequestContext(ClientConnection *connection, RequestId id) : m_connection(connection), m_id(id) {}

    ClientConnection *connection() const { return m_connection.data(); }
    bool alive() const { return m_connection && !m_connection->isClosing(); }
    RequestId id() const { return m_id; }
    /// The caller's user; valid for authenticated requests.
    UserId userId() const { return m_connection ? m_connection->user().id : UserId(); }

    /// A reply already encoded for this request's id (see encodeMessageFrames).
    void replyEncoded(const QByteArray &frame) const
    {
        if (alive())
            m_connection->sendUtf8(frame);
    }
    template <class Reply>
    void reply(const Reply &reply) const
    {
        if (alive())
            m_connection->sendUtf8(encodeReply(m_id, reply));
    }
    void fail(ErrorCode code, const QString &message = QString()) const
    {
        if (alive())
            m_connection->sendError(m_id, code, message);
    }

private:
    QPointer<ClientConnection> m_connection;
    RequestId m_id;
};

} // namespace natter::server
