#include "io/stream_window.h"

#include <simdjson.h>

#include <algorithm>
#include <cstring>

namespace annalist {

const size_t StreamWindow::kPaddingBytes = simdjson::SIMDJSON_PADDING;

StreamWindow::StreamWindow(std::unique_ptr<ByteSource> source, size_t chunk_bytes, size_t max_bytes)
    : source_(std::move(source)),
      max_capacity_(std::max({chunk_bytes, max_bytes, kMinMaxCapacity})),
      capacity_(std::max<size_t>(chunk_bytes, 1)),
      // Value-initialised: the padding's content does not matter to simdjson, but memory checkers care.
      buffer_(new char[capacity_ + kPaddingBytes]()) {}

void StreamWindow::MakeRoom(size_t min_new) {
  const size_t size = end_ - begin_;
  // Reads of at least half the window keep the cost of moving the tail small against the bytes read.
  const size_t wanted = std::max(min_new, capacity_ / 2);
  if (capacity_ - end_ >= wanted) return;
  if (size + wanted <= capacity_ || capacity_ == max_capacity_) {
    std::memmove(buffer_.get(), buffer_.get() + begin_, size);
  } else {
    const size_t grown = std::min(max_capacity_, std::max(capacity_ * 2, size + wanted));
    std::unique_ptr<char[]> bigger(new char[grown + kPaddingBytes]());
    std::memcpy(bigger.get(), buffer_.get() + begin_, size);
    buffer_ = std::move(bigger);
    capacity_ = grown;
  }
  begin_ = 0;
  end_ = size;
}

Status StreamWindow::Fill(size_t min_new) {
  if (!status_.ok() || at_end_) return status_;
  min_new = std::max<size_t>(min_new, 1);
  MakeRoom(min_new);
  size_t added = 0;
  while (added < min_new && end_ < capacity_) {
    Result<size_t> got = source_->Read(buffer_.get() + end_, capacity_ - end_);
    if (!got.ok()) {
      status_ = got.status();
      break;
    }
    if (*got == 0) {
      at_end_ = true;
      break;
    }
    end_ += *got;
    added += *got;
  }
  return status_;
}

}  // namespace annalist
