#pragma once
// Applying edited/deleted timeline entries to messages a client already holds.

#include "protocol/types.h"

namespace natter::client {

/// Whether `entry` is an edited or deleted entry (it names the changed message in targetId).
bool isMessageChange(const Message &entry);

/// Applies an edited/deleted `entry` to `message`: to the message itself when it is the target
/// (body, editedAt, deleted), or to its reply preview when it quotes the target. Returns whether
/// `message` changed. An entry whose target lies before the reader's window carries no text and
/// changes nothing.
bool applyMessageChange(Message &message, const Message &entry);

} // namespace natter::client
