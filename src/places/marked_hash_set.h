// A set of 64-bit key hashes with one mark each, for the places matcher's per-document evidence.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace annalist::places {

// A set of key hashes (places::HashKey, never 0) with one mark each: filled once per document with the
// keys that may be asked about, then marked, then only queried.
class MarkedHashSet {
 public:
  void Reset(size_t expected) {
    size_t size = 16;
    while (size < 2 * expected) size *= 2;
    slots_.assign(size, Slot());
    mask_ = size - 1;
    filter_.fill(0);
  }
  void Insert(uint64_t hash) {
    filter_[(hash >> 58)] |= uint64_t{1} << ((hash >> 52) & 63);
    size_t i = Mix(hash) & mask_;
    while (slots_[i].hash != 0 && slots_[i].hash != hash) i = (i + 1) & mask_;
    slots_[i].hash = hash;
  }
  // Marks `hash` if the set holds it.
  void Mark(uint64_t hash) {
    // Most keys asked are not in the set: a 4096-bit filter of the inserted hashes answers them.
    if (!(filter_[(hash >> 58)] & (uint64_t{1} << ((hash >> 52) & 63)))) return;
    for (size_t i = Mix(hash) & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].hash == hash) {
        slots_[i].marked = true;
        return;
      }
      if (slots_[i].hash == 0) return;
    }
  }
  // Whether `hash` was inserted and marked.
  bool Marked(uint64_t hash) const {
    for (size_t i = Mix(hash) & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].hash == hash) return slots_[i].marked;
      if (slots_[i].hash == 0) return false;
    }
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    bool marked = false;
  };
  static size_t Mix(uint64_t hash) { return static_cast<size_t>((hash * 0x9E3779B97F4A7C15ull) >> 32); }
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  std::array<uint64_t, 64> filter_{};  // bit (hash >> 52) of each inserted hash
};

}  // namespace annalist::places
