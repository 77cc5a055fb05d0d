#pragma once
// Idempotency keys for messages.send (docs/protocol.md §13).

#include <QDateTime>
#include <QString>

namespace natter {

/// A new idempotency key: a UUID of version 7 (RFC 9562) in its 36-character text form. It
/// starts with `msecsSinceEpoch` (48 bits) and ends with 74 random bits, so a key made in a
/// later millisecond sorts after every key made earlier (while the clock does not go back).
/// The server indexes keys in that order: time-ordered keys are appended to its index, where
/// random ones would land on a different page for every message.
QString newClientMsgId(qint64 msecsSinceEpoch = QDateTime::currentMSecsSinceEpoch());

} // namespace natter
