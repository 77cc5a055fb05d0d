#pragma once
// A fixed amount of CPU work of the server's kind (allocation, JSON, hashing), timed. This
// machine's speed drifts between runs (a shared VM); the suite prints the probe before and
// after its scenarios so that figures from different runs can be compared.

namespace natter::bench {

/// Milliseconds of thread CPU time for the fixed work: the fastest of three rounds.
double speedProbeMs();

} // namespace natter::bench
