#include "harness/model/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace cpaudit {

unsigned ThreadCount(unsigned requested, size_t jobs) {
  unsigned threads = requested != 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::clamp<size_t>(jobs, 1, threads));
}

void ParallelFor(size_t n, unsigned threads, const std::function<void(size_t, unsigned)>& job) {
  std::atomic<size_t> next{0};
  auto worker = [&](unsigned thread) {
    for (size_t i = next++; i < n; i = next++) job(i, thread);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker, t);
  worker(0);
  for (auto& t : pool) t.join();
}

}  // namespace cpaudit
