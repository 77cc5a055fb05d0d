#pragma once
// The two binary WebSocket frames: upload chunks (client -> server) and fetched data
// (server -> client). Both start with a kind byte and the request id they belong to, so
// replies and errors correlate like JSON requests. Integers are big-endian. A binary frame
// whose first byte is neither kind is read as a JSON frame (as before attachments existed).
//
//   upload chunk: 0x01 | request id (8) | upload id (16) | offset (8) | data (1..256 KiB)
//   fetch data:   0x02 | request id (8) | offset (8) | total (8) | data (0..256 KiB)

#include "protocol/errorcode.h"
#include "protocol/ids.h"

#include <QByteArray>
#include <optional>

namespace natter {

namespace binaryframe {
constexpr char uploadChunk = 0x01;
constexpr char fetchData = 0x02;
constexpr int uploadHeaderBytes = 1 + 8 + 16 + 8;
constexpr int fetchHeaderBytes = 1 + 8 + 8 + 8;
/// The frame's kind byte, or 0 when it is not one of the binary kinds.
char kindOf(const QByteArray &frame);
} // namespace binaryframe

struct UploadChunkFrame
{
    RequestId id = 0;
    QByteArray uploadId; ///< 16 raw bytes (hex in JSON)
    qint64 offset = 0;
    QByteArray data;

    QByteArray encode() const;
    /// Strict reader; on failure `error` is set and `id` holds the request id if it was readable.
    static std::optional<UploadChunkFrame> decode(const QByteArray &frame, ProtocolError *error,
                                                  std::optional<RequestId> *id);
};

struct FetchDataFrame
{
    RequestId id = 0;
    qint64 offset = 0;
    qint64 total = 0;
    QByteArray data;

    QByteArray encode() const;
    static std::optional<FetchDataFrame> decode(const QByteArray &frame, ProtocolError *error);
};

} // namespace natter
