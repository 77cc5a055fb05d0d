#pragma once
// Protocol-wide limits. Both sides enforce them; docs/protocol.md lists them.

#include <QtGlobal>

namespace natter::limits {

constexpr int protocolVersion = 1;
constexpr qint64 maxFrameBytes = 64 * 1024;      ///< largest frame a peer may send
constexpr int minUsernameLength = 3;
constexpr int maxUsernameLength = 32;
constexpr int minPasswordLength = 10;
constexpr int maxPasswordLength = 256;
constexpr int maxBodyLength = 16000;             ///< message body, UTF-16 code units
constexpr int maxClientMsgIdLength = 64;
constexpr int maxTokenLength = 128;
constexpr int maxDeviceLength = 64;
constexpr int maxInviteCodeLength = 64;          ///< as typed; issued codes are 14 characters
constexpr int maxInviteCodeUses = 1000;
constexpr int maxInviteCodeValidHours = 24 * 365;
constexpr int defaultInviteCodeValidHours = 24 * 7;
constexpr int maxFeatures = 64;
constexpr int maxFeatureLength = 64;
constexpr int maxSearchLength = 64;
constexpr int maxRoomNameLength = 100;
constexpr int maxTopicLength = 500;
constexpr int maxInviteesAtCreation = 100;
constexpr int maxSearchResults = 50;
constexpr int defaultHistoryLimit = 50;
constexpr int maxHistoryLimit = 200;
constexpr int defaultSyncLimit = 500;
constexpr int maxSyncLimit = 1000;
constexpr int maxSyncCursors = 10000;
constexpr int maxRevisions = 100;                ///< earlier texts kept per message; edits beyond are refused
constexpr int maxSearchQueryLength = 500;        ///< search.messages query, UTF-16 units
constexpr int defaultMessageSearchLimit = 20;
constexpr int maxMessageSearchLimit = 50;
constexpr int maxSnippetLength = 1000;           ///< readers' bound on a search snippet
constexpr qint64 defaultMaxAttachmentBytes = 25 * 1024 * 1024; ///< servers may configure another
constexpr qint64 maxChunkBytes = 256 * 1024;     ///< data in one upload chunk or fetch reply
constexpr int maxAttachmentsPerMessage = 10;
constexpr int maxFileNameLength = 255;
constexpr int maxMimeTypeLength = 127;
constexpr int maxThumbnailSide = 320;            ///< thumbnails fit in this square
constexpr qint64 maxJsonInteger = (qint64(1) << 53) - 1; ///< exactly representable in JSON

} // namespace natter::limits
