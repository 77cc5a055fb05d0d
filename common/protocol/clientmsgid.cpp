#include "protocol/clientmsgid.h"

#include <QRandomGenerator>
#include <QUuid>

namespace natter {

QString newClientMsgId(qint64 msecsSinceEpoch)
{
    const quint64 ms = quint64(msecsSinceEpoch) & 0xFFFFFFFFFFFFull;
    QRandomGenerator *random = QRandomGenerator::global();
    const quint64 a = random->generate64();
    const quint64 b = random->generate64();
    const auto byte = [b](int i) { return uchar(b >> (8 * i)); };
    const QUuid uuid(uint(ms >> 16), ushort(ms), ushort(0x7000 | (a & 0x0FFF)),
                     uchar(0x80 | (byte(7) & 0x3F)), byte(6), byte(5), byte(4), byte(3), byte(2), byte(1),
                     byte(0));
    return uuid.toString(QUuid::WithoutBraces);
}

} // namespace natter
