#pragma once
// Reconnect delays: exponential backoff with jitter.

namespace natter::client {

/// Delays grow as min, 2*min, 4*min, ... capped at max; each is drawn at random from the upper
/// half of that value (never below min), so many clients do not reconnect in lockstep.
class Backoff
{
public:
    /// Clamps to 0 <= minMs <= maxMs.
    void setRange(int minMs, int maxMs);
    int minimum() const { return m_min; }
    int maximum() const { return m_max; }

    /// The delay before the next attempt; each call counts as one more attempt.
    int next();
    /// Starts again from the minimum, e.g. after a successful session.
    void reset() { m_attempt = 0; }
    int attempts() const { return m_attempt; }

private:
    int m_min = 500;
    int m_max = 30000;
    int m_attempt = 0;
};

} // namespace natter::client
