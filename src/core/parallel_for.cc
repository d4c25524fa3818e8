// Items are articles (tens of microseconds each), so a mutex-guarded counter costs nothing measurable and keeps
// the pool simple; a lock-free counter would only matter for much finer items.
#include "core/parallel_for.h"

namespace annalist {

ParallelFor::ParallelFor(unsigned threads) {
  for (unsigned slot = 1; slot < threads; ++slot) workers_.emplace_back([this, slot] { WorkerLoop(slot); });
}

ParallelFor::~ParallelFor() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& worker : workers_) worker.join();
}

void ParallelFor::Drain(unsigned slot) {
  for (;;) {
    size_t index;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (next_ >= size_) return;
      index = next_++;
    }
    (*body_)(index, slot);
  }
}

void ParallelFor::WorkerLoop(unsigned slot) {
  size_t seen_generation = 0;
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      work_ready_.wait(lock, [&] { return stopping_ || generation_ != seen_generation; });
      if (stopping_) return;
      seen_generation = generation_;
      ++busy_;
    }
    Drain(slot);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      --busy_;
    }
    work_done_.notify_one();
  }
}

void ParallelFor::Run(size_t n, const std::function<void(size_t, unsigned)>& body) {
  if (workers_.empty() || n <= 1) {
    for (size_t i = 0; i < n; ++i) body(i, 0);
    return;
  }
  Start(n, body);
  Drain(0);
  Wait();
}

void ParallelFor::Start(size_t n, const std::function<void(size_t, unsigned)>& body) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    body_ = &body;
    size_ = n;
    next_ = 0;
    ++generation_;
  }
  work_ready_.notify_all();
}

void ParallelFor::Wait() {
  std::unique_lock<std::mutex> lock(mutex_);
  // Every index is taken once next_ reaches size_; then wait until the workers still running one have finished.
  work_done_.wait(lock, [&] { return next_ >= size_ && busy_ == 0; });
  body_ = nullptr;
}

}  // namespace annalist
