#pragma once

#include <QtGlobal>

namespace natter::server {

/// Token bucket: `rate` tokens per second up to `burst`; each request takes one.
class RateLimiter
{
public:
    RateLimiter(double rate, double burst) : m_rate(rate), m_burst(burst), m_tokens(burst) {}

    /// Takes a token at time `nowMs`; false when the bucket is empty.
    bool take(qint64 nowMs)
    {
        if (m_lastMs)
            m_tokens = qMin(m_burst, m_tokens + (nowMs - m_lastMs) * m_rate / 1000.0);
        m_lastMs = nowMs;
        if (m_tokens < 1.0)
            return false;
        m_tokens -= 1.0;
        return true;
    }

private:
    double m_rate;
    double m_burst;
    double m_tokens;
    qint64 m_lastMs = 0;
};

} // namespace natter::server
