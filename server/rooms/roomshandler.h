#pragma once

#include "net/requestcontext.h"
#include "protocol/requests.h"

#include <QObject>

namespace natter::server {

class Storage;

/// The caller's conversation list: rooms by last activity with members and last message.
class RoomsHandler : public QObject
{
    Q_OBJECT
public:
    explicit RoomsHandler(Storage &storage, QObject *parent = nullptr);
    void handle(const RequestContext &ctx, const RoomListRequest &req);

private:
    Storage &m_storage;
};

} // namespace natter::server
