// A fixed pool of worker threads that runs a loop body over [0, n) in parallel, the calling thread included.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace annalist {

class ParallelFor {
 public:
  // `threads` counts the caller: 1 runs everything on the calling thread and starts no worker.
  explicit ParallelFor(unsigned threads);
  ~ParallelFor();
  ParallelFor(const ParallelFor&) = delete;
  ParallelFor& operator=(const ParallelFor&) = delete;

  unsigned threads() const { return static_cast<unsigned>(workers_.size()) + 1; }

  // Calls body(i, slot) once for every i in [0, n) and returns when all calls have returned. `slot` in
  // [0, threads()) names the thread, so the body can use per-thread scratch without locks. Indices are handed
  // out one at a time, so uneven items balance. Not reentrant: one Run at a time.
  void Run(size_t n, const std::function<void(size_t index, unsigned slot)>& body);

  // The same work without the calling thread: the worker threads (slots 1 .. threads()-1) do it all while the
  // caller goes on with something else (reading the next batch, writing the last), until Wait(). `body` must
  // outlive the Wait(). REQUIRES: threads() >= 2; one Start at a time, each followed by a Wait.
  void Start(size_t n, const std::function<void(size_t index, unsigned slot)>& body);
  void Wait();

 private:
  void WorkerLoop(unsigned slot);
  void Drain(unsigned slot);

  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable work_done_;
  const std::function<void(size_t, unsigned)>* body_ = nullptr;
  size_t size_ = 0;
  size_t next_ = 0;        // guarded by mutex_
  size_t generation_ = 0;  // bumped by every Run, so a worker never runs one twice
  unsigned busy_ = 0;      // workers inside the current Run
  bool stopping_ = false;
};

}  // namespace annalist
