// StreamWindow: a sliding window over a ByteSource, followed by the padding simdjson needs.
//
// A reader looks at the window's unconsumed bytes, consumes the records it finds there, and asks for more
// (Fill) when a record runs past the end. Filling moves the unconsumed tail to the front, and grows the window
// only when that tail fills more than half of it, so the window stays at its first size unless one record
// needs more, and never grows past its maximum. Memory: capacity() + simdjson::SIMDJSON_PADDING bytes,
// whatever the input's size.
//
// simdjson reads up to SIMDJSON_PADDING bytes past the end of what it parses (their content does not
// matter). The window keeps that much readable memory after its capacity, so a line anywhere in the window is
// parsed in place, without a copy: PaddedSizeAt() says how many bytes may be read from a position.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "annalist/status.h"
#include "io/byte_source.h"

namespace annalist {

class StreamWindow {
 public:
  // A window of `chunk_bytes` (at least 1) over `source`, which it owns; it may grow to
  // max(chunk_bytes, max_bytes, kMinMaxCapacity) bytes. Nothing is read before the first Fill.
  StreamWindow(std::unique_ptr<ByteSource> source, size_t chunk_bytes, size_t max_bytes);

  StreamWindow(const StreamWindow&) = delete;
  StreamWindow& operator=(const StreamWindow&) = delete;

  // The bytes read and not yet consumed. Valid until the next Fill.
  const char* data() const { return buffer_.get() + begin_; }
  size_t size() const { return end_ - begin_; }
  std::string_view view() const { return std::string_view(data(), size()); }

  // `position` (a pointer into the window, or into its padding) made writable, for a reader that changes
  // bytes in place. REQUIRES: PaddedSizeAt(position) covers what is written.
  char* MutableAt(const char* position) { return buffer_.get() + (position - buffer_.get()); }

  // Bytes readable from `position` (a pointer into the window): up to the end of the padding.
  size_t PaddedSizeAt(const char* position) const {
    return static_cast<size_t>(buffer_.get() + capacity_ + kPaddingBytes - position);
  }

  // Drops the first `bytes` unconsumed bytes. REQUIRES: bytes <= size(). Pointers into the window stay valid.
  void Consume(size_t bytes) { begin_ += bytes; }

  // True once the source has ended: no byte will ever follow the ones in the window.
  bool at_end() const { return at_end_; }

  // Reads at least `min_new` more bytes after the unconsumed ones (fewer at the end of the input, or when the
  // window is at its maximum and full). May move the unconsumed bytes: pointers into the window are invalid
  // afterwards, offsets from data() are not. Errors: the source's, which also stay with the window (later
  // calls return the same error).
  Status Fill(size_t min_new = 1);

  // The window's size in bytes, without the padding: what the reader holds of its input.
  size_t capacity() const { return capacity_; }

  static const size_t kPaddingBytes;
  // The least a window may grow to, whatever it is given: room for a byte-order mark and what follows it.
  static constexpr size_t kMinMaxCapacity = 64;

 private:
  // Makes room for `min_new` bytes after the unconsumed ones, moving or growing the buffer.
  void MakeRoom(size_t min_new);

  std::unique_ptr<ByteSource> source_;
  size_t max_capacity_;
  size_t capacity_;
  std::unique_ptr<char[]> buffer_;  // capacity_ + kPaddingBytes bytes
  size_t begin_ = 0;                // the unconsumed bytes are [begin_, end_)
  size_t end_ = 0;
  bool at_end_ = false;
  Status status_;
};

}  // namespace annalist
