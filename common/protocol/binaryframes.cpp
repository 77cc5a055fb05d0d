#include "protocol/binaryframes.h"

#include "protocol/limits.h"

#include <QtEndian>

namespace natter {

namespace {

void appendInt(QByteArray &out, qint64 v)
{
    char buf[8];
    qToBigEndian(v, buf);
    out.append(buf, 8);
}

qint64 readInt(const QByteArray &in, int at) { return qFromBigEndian<qint64>(in.constData() + at); }

bool validInt(qint64 v) { return v >= 0 && v <= limits::maxJsonInteger; }

} // namespace

char binaryframe::kindOf(const QByteArray &frame)
{
    if (frame.isEmpty())
        return 0;
    const char k = frame.at(0);
    return k == uploadChunk || k == fetchData ? k : 0;
}

QByteArray UploadChunkFrame::encode() const
{
    QByteArray out;
    out.reserve(binaryframe::uploadHeaderBytes + data.size());
    out.append(binaryframe::uploadChunk);
    appendInt(out, id);
    out.append(uploadId.left(16).leftJustified(16, '\0'));
    appendInt(out, offset);
    out.append(data);
    return out;
}

std::optional<UploadChunkFrame> UploadChunkFrame::decode(const QByteArray &frame, ProtocolError *error,
                                                         std::optional<RequestId> *id)
{
    id->reset();
    if (frame.size() < 9 || frame.at(0) != binaryframe::uploadChunk) {
        *error = {ErrorCode::BadFrame, QStringLiteral("not an upload chunk frame")};
        return std::nullopt;
    }
    UploadChunkFrame c;
    c.id = readInt(frame, 1);
    if (!validInt(c.id)) {
        *error = {ErrorCode::BadFrame, QStringLiteral("upload chunk: invalid request id")};
        return std::nullopt;
    }
    *id = c.id;
    if (frame.size() <= binaryframe::uploadHeaderBytes) {
        *error = {ErrorCode::BadFrame, QStringLiteral("upload chunk: header incomplete or no data")};
        return std::nullopt;
    }
    c.uploadId = frame.mid(9, 16);
    c.offset = readInt(frame, 25);
    c.data = frame.mid(binaryframe::uploadHeaderBytes);
    if (!validInt(c.offset)) {
        *error = {ErrorCode::BadFrame, QStringLiteral("upload chunk: invalid offset")};
        return std::nullopt;
    }
    if (c.data.size() > limits::maxChunkBytes) {
        *error = {ErrorCode::FrameTooLarge,
                  QStringLiteral("upload chunks carry at most %1 bytes").arg(limits::maxChunkBytes)};
        return std::nullopt;
    }
    return c;
}

QByteArray FetchDataFrame::encode() const
{
    QByteArray out;
    out.reserve(binaryframe::fetchHeaderBytes + data.size());
    out.append(binaryframe::fetchData);
    appendInt(out, id);
    appendInt(out, offset);
    appendInt(out, total);
    out.append(data);
    return out;
}

std::optional<FetchDataFrame> FetchDataFrame::decode(const QByteArray &frame, ProtocolError *error)
{
    if (frame.size() < binaryframe::fetchHeaderBytes || frame.at(0) != binaryframe::fetchData) {
        *error = {ErrorCode::BadFrame, QStringLiteral("not a fetch data frame")};
        return std::nullopt;
    }
    FetchDataFrame f;
    f.id = readInt(frame, 1);
    f.offset = readInt(frame, 9);
    f.total = readInt(frame, 17);
    f.data = frame.mid(binaryframe::fetchHeaderBytes);
    if (!validInt(f.id) || !validInt(f.offset) || !validInt(f.total) || f.offset > f.total
        || f.data.size() > limits::maxChunkBytes || f.offset + f.data.size() > f.total) {
        *error = {ErrorCode::BadFrame, QStringLiteral("fetch data frame: inconsistent header")};
        return std::nullopt;
    }
    return f;
}

} // namespace natter
