#include "io/input_buffer.h"

#include <simdjson.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace annalist {
namespace {

constexpr size_t kPadding = simdjson::SIMDJSON_PADDING;
constexpr size_t kReadChunk = size_t{1} << 20;

std::string ErrnoText(int error) { return std::strerror(error); }

std::string TooLarge(const std::string& name, uint64_t max_bytes) {
  return "'" + name + "' is larger than " + std::to_string(max_bytes) +
         " bytes (the limit is --max-input-bytes)";
}

}  // namespace

InputBuffer::InputBuffer() : data_(new char[kPadding]) { std::memset(data_.get(), 0, kPadding); }

InputBuffer::InputBuffer(std::string_view content) : InputBuffer() { Append(content); }

size_t InputBuffer::padded_size() const { return capacity_ + kPadding; }

void InputBuffer::Reserve(size_t capacity) {
  if (capacity <= capacity_) return;
  std::unique_ptr<char[]> bigger(new char[capacity + kPadding]);
  std::memcpy(bigger.get(), data_.get(), size_);
  // Initialised padding keeps memory checkers quiet; simdjson does not care what it holds.
  std::memset(bigger.get() + size_, 0, kPadding);
  data_ = std::move(bigger);
  capacity_ = capacity;
}

void InputBuffer::Commit(size_t bytes) {
  size_ += bytes;
  std::memset(data_.get() + size_, 0, kPadding);
}

void InputBuffer::Append(std::string_view bytes) {
  if (bytes.size() > tail_room()) Reserve(std::max(size_ + bytes.size(), capacity_ * 2));
  std::memcpy(tail(), bytes.data(), bytes.size());
  Commit(bytes.size());
}

Result<InputBuffer> ReadWholeInput(const std::string& path, uint64_t max_bytes) {
  const bool is_stdin = path == "-";
  const std::string name = is_stdin ? "<stdin>" : path;
  std::FILE* file = is_stdin ? stdin : std::fopen(path.c_str(), "rb");
  if (file == nullptr) return Status::IOError("cannot open '" + name + "': " + ErrnoText(errno));
  InputBuffer buffer;
  // A regular file's size is known up front: one allocation, and one more read to see the end.
  struct stat info;
  if (fstat(fileno(file), &info) == 0 && S_ISREG(info.st_mode) && info.st_size >= 0) {
    const uint64_t size = static_cast<uint64_t>(info.st_size);
    if (size > max_bytes) {
      if (!is_stdin) std::fclose(file);
      return Status::IOError(TooLarge(name, max_bytes));
    }
    buffer.Reserve(static_cast<size_t>(size) + 1);
  }
  Status status;
  for (;;) {
    if (buffer.tail_room() == 0) buffer.Reserve(std::max(buffer.size() * 2, buffer.size() + kReadChunk));
    const size_t got = std::fread(buffer.tail(), 1, buffer.tail_room(), file);
    buffer.Commit(got);
    if (buffer.size() > max_bytes) {
      status = Status::IOError(TooLarge(name, max_bytes));
      break;
    }
    if (got == 0) {
      if (std::ferror(file)) status = Status::IOError("cannot read '" + name + "': " + ErrnoText(errno));
      break;
    }
  }
  if (is_stdin) {
    std::clearerr(file);
  } else {
    std::fclose(file);
  }
  if (!status.ok()) return status;
  return buffer;
}

}  // namespace annalist
