#include "core/notificationpolicy.h"

namespace natter::client {

bool shouldAlert(const NotificationEvent &event, const AlertContext &context)
{
    if (context.doNotDisturb)
        return false;
    if (event.kind == QLatin1String("message") && context.roomMuted)
        return event.mention;
    return true;
}

} // namespace natter::client
