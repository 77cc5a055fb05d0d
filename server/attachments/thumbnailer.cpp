#include "attachments/contentstore.h"

#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QFileInfo>
#include <QSaveFile>

namespace natter::server {

namespace {
constexpr int maxDecodeSide = 16384;       ///< larger images get no thumbnail
constexpr qint64 maxDecodePixels = qint64(64) * 1024 * 1024;
} // namespace

ContentFacts makeThumbnail(const QString &source, const QString &thumbnailPath, int maxSide)
{
    ContentFacts facts;
    QImageReader reader(source);
    reader.setDecideFormatFromContent(true);
    reader.setAutoTransform(true);
    // Raster formats only: vector formats (SVG) would be rendered, which needs fonts and a GUI
    // application and runs arbitrary drawing work for untrusted input.
    static const QList<QByteArray> allowed{"png", "jpeg", "jpg", "gif", "bmp", "webp"};
    if (!reader.canRead() || !allowed.contains(reader.format().toLower()))
        return facts;
    const QSize size = reader.size();
    if (!size.isValid() || size.width() > maxDecodeSide || size.height() > maxDecodeSide
        || qint64(size.width()) * size.height() > maxDecodePixels)
        return facts; // a decompression bomb, or too large to decode safely
    // Decoders that can scale while decoding (JPEG) save memory; others scale afterwards.
    const QSize target = size.scaled(QSize(maxSide, maxSide).boundedTo(size), Qt::KeepAspectRatio);
    reader.setScaledSize(target);
    QImage image = reader.read();
    if (image.isNull())
        return facts;
    facts.width = size.width();
    facts.height = size.height();
    if (image.size() != target)
        image = image.scaled(target, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    if (image.hasAlphaChannel()) { // JPEG has no alpha: flatten onto white
        image = image.convertToFormat(QImage::Format_ARGB32);
        for (int y = 0; y < image.height(); ++y) {
            auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
            for (int x = 0; x < image.width(); ++x) {
                const QRgb p = line[x];
                const int a = qAlpha(p);
                const auto mix = [a](int c) { return (c * a + 255 * (255 - a)) / 255; };
                line[x] = qRgb(mix(qRed(p)), mix(qGreen(p)), mix(qBlue(p)));
            }
        }
        image = image.convertToFormat(QImage::Format_RGB32);
    }
    QSaveFile out(thumbnailPath);
    if (!out.open(QIODevice::WriteOnly))
        return facts;
    QImageWriter writer(&out, "jpeg");
    writer.setQuality(80);
    if (!writer.write(image) || !out.commit())
        return facts;
    facts.thumbnailBytes = QFileInfo(thumbnailPath).size();
    return facts;
}

} // namespace natter::server
