#pragma once
// The one way cpaudit spreads work over cores: loading files and evaluating
// artifacts both use it.

#include <cstddef>
#include <functional>

namespace cpaudit {

// The threads to use for `requested` (0: one per core), never more than `jobs`
// and never fewer than one.
unsigned ThreadCount(unsigned requested, size_t jobs);

// Runs job(i, thread) for every i in [0, n) on `threads` threads; thread 0 is
// the calling thread. Each i runs exactly once, in no particular order.
void ParallelFor(size_t n, unsigned threads, const std::function<void(size_t, unsigned)>& job);

}  // namespace cpaudit
