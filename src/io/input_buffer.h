// InputBuffer: one input's bytes, read whole into memory, with the padding simdjson needs after them.
//
// simdjson reads up to SIMDJSON_PADDING bytes past the end of what it parses (their content does not matter).
// Keeping that padding after the whole input lets the JSON Lines reader parse every line in place, without a
// copy: the bytes after a line are the next lines, and the last line is followed by the padding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "annalist/status.h"

namespace annalist {

class InputBuffer {
 public:
  // An empty buffer (still padded).
  InputBuffer();
  // A padded copy of `content`.
  explicit InputBuffer(std::string_view content);

  InputBuffer(InputBuffer&&) noexcept = default;
  InputBuffer& operator=(InputBuffer&&) noexcept = default;
  InputBuffer(const InputBuffer&) = delete;
  InputBuffer& operator=(const InputBuffer&) = delete;

  const char* data() const { return data_.get(); }
  char* data() { return data_.get(); }
  size_t size() const { return size_; }
  std::string_view view() const { return std::string_view(data_.get(), size_); }

  // Bytes readable from data(): at least size() + simdjson::SIMDJSON_PADDING.
  size_t padded_size() const;

  // Makes room for at least `capacity` bytes of content (plus the padding), keeping the content.
  void Reserve(size_t capacity);

  // Writing at the end without a copy: write up to tail_room() bytes at tail(), then Commit() how many.
  char* tail() { return data_.get() + size_; }
  size_t tail_room() const { return capacity_ - size_; }
  // REQUIRES: bytes <= tail_room().
  void Commit(size_t bytes);

  void Append(std::string_view bytes);

 private:
  std::unique_ptr<char[]> data_;  // capacity_ + padding bytes
  size_t size_ = 0;
  size_t capacity_ = 0;
};

// Reads a file, or standard input for "-", whole. Errors: IOError naming the path when it cannot be opened or
// read, or holds more than `max_bytes` bytes.
Result<InputBuffer> ReadWholeInput(const std::string& path, uint64_t max_bytes);

}  // namespace annalist
