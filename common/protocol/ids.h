#pragma once
// Distinct identifier types, so a user id can never be passed where a room id is expected.

#include <QHash>
#include <QtGlobal>

namespace natter {

template <class Tag>
struct Id
{
    qint64 value = 0;

    constexpr Id() = default;
    constexpr explicit Id(qint64 v) : value(v) {}
    constexpr bool isValid() const { return value > 0; }

    friend constexpr bool operator==(Id a, Id b) { return a.value == b.value; }
    friend constexpr bool operator!=(Id a, Id b) { return a.value != b.value; }
    friend constexpr bool operator<(Id a, Id b) { return a.value < b.value; }
    friend size_t qHash(Id id, size_t seed = 0) { return ::qHash(id.value, seed); }
};

using UserId = Id<struct UserIdTag>;
using RoomId = Id<struct RoomIdTag>;
using MessageId = Id<struct MessageIdTag>;
using AttachmentId = Id<struct AttachmentIdTag>;

/// Position of an entry in a room's timeline: 1, 2, 3, ... without gaps, per room.
using Seq = qint64;

/// Client-chosen correlation id of a request; echoed in its reply.
using RequestId = qint64;

} // namespace natter

template <class Tag>
struct std::hash<natter::Id<Tag>>
{
    size_t operator()(natter::Id<Tag> id) const noexcept { return std::hash<qint64>()(id.value); }
};
