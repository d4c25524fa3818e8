#include "core/parallel_for.h"

#include <gtest/gtest.h>

#include <atomic>
#include <vector>

namespace annalist {
namespace {

TEST(ParallelFor, EveryIndexRunsExactlyOnceAcrossManyRuns) {
  ParallelFor pool(4);
  for (size_t n : {0, 1, 2, 7, 1000}) {
    std::vector<std::atomic<int>> hits(n);
    pool.Run(n, [&](size_t i, unsigned slot) {
      EXPECT_LT(slot, pool.threads());
      hits[i].fetch_add(1);
    });
    for (size_t i = 0; i < n; ++i) EXPECT_EQ(hits[i].load(), 1) << "n=" << n << " i=" << i;
  }
}

TEST(ParallelFor, OneThreadRunsOnTheCaller) {
  ParallelFor pool(1);
  EXPECT_EQ(pool.threads(), 1u);
  std::vector<unsigned> slots;
  pool.Run(3, [&](size_t, unsigned slot) { slots.push_back(slot); });
  EXPECT_EQ(slots, (std::vector<unsigned>{0, 0, 0}));
}

}  // namespace
}  // namespace annalist
