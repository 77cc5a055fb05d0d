#include "core/backoff.h"

#include <QRandomGenerator>
#include <QtGlobal>

namespace natter::client {

void Backoff::setRange(int minMs, int maxMs)
{
    m_min = qMax(0, minMs);
    m_max = qMax(m_min, maxMs);
}

int Backoff::next()
{
    const int shift = qMin(m_attempt, 30);
    const qint64 base = qMin<qint64>(qint64(m_min) << shift, m_max);
    if (m_attempt < 1000)
        ++m_attempt;
    const qint64 low = qMax<qint64>(m_min, base / 2);
    if (low >= base)
        return int(base);
    return int(QRandomGenerator::global()->bounded(quint32(low), quint32(base) + 1));
}

} // namespace natter::client
