#include "io/byte_source.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace annalist {
namespace {

std::string TooLarge(const std::string& name, bool decompressed, uint64_t max_bytes) {
  return "'" + name + (decompressed ? "' decompresses to more than " : "' is larger than ") +
         std::to_string(max_bytes) + " bytes (ReaderOptions::max_input_bytes)";
}

// A file descriptor read with read(2): no stdio buffer between the kernel and the reader's window.
class FileSource final : public ByteSource {
 public:
  FileSource(std::string name, int fd, bool owned) : name_(std::move(name)), fd_(fd), owned_(owned) {}
  ~FileSource() override {
    if (owned_) close(fd_);
  }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  Result<size_t> Read(char* out, size_t size) override {
    if (!status_.ok()) return status_;
    if (size == 0) return size_t{0};
    for (;;) {
      const ssize_t got = read(fd_, out, size);
      if (got >= 0) return static_cast<size_t>(got);
      if (errno == EINTR) continue;
      status_ = Status::IOError("cannot read '" + name_ + "': " + std::strerror(errno));
      return status_;
    }
  }

 private:
  std::string name_;
  int fd_;
  bool owned_;
  Status status_;
};

class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(std::string content) : content_(std::move(content)) {}

  Result<size_t> Read(char* out, size_t size) override {
    const size_t count = std::min(size, content_.size() - position_);
    std::memcpy(out, content_.data() + position_, count);
    position_ += count;
    return count;
  }

 private:
  std::string content_;
  size_t position_ = 0;
};

class PrefixedSource final : public ByteSource {
 public:
  PrefixedSource(std::string prefix, std::unique_ptr<ByteSource> rest)
      : prefix_(std::move(prefix)), rest_(std::move(rest)) {}

  Result<size_t> Read(char* out, size_t size) override {
    if (position_ < prefix_.size()) {
      const size_t count = std::min(size, prefix_.size() - position_);
      std::memcpy(out, prefix_.data() + position_, count);
      position_ += count;
      if (position_ == prefix_.size()) {
        std::string().swap(prefix_);
        position_ = 0;
      }
      return count;
    }
    return rest_->Read(out, size);
  }

 private:
  std::string prefix_;
  size_t position_ = 0;
  std::unique_ptr<ByteSource> rest_;
};

class CappedSource final : public ByteSource {
 public:
  CappedSource(std::string name, bool decompressed, uint64_t max_bytes, std::unique_ptr<ByteSource> source)
      : name_(std::move(name)), decompressed_(decompressed), max_bytes_(max_bytes), source_(std::move(source)) {}

  Result<size_t> Read(char* out, size_t size) override {
    if (!status_.ok()) return status_;
    if (size == 0) return size_t{0};
    if (total_ == max_bytes_) {
      // Exactly at the cap: one more byte, if there is one, is one too many. The bytes up to the cap have all
      // been handed out, however the reads were cut.
      char probe;
      Result<size_t> got = source_->Read(&probe, 1);
      if (!got.ok() || *got == 0) return got;
      status_ = Status::IOError(TooLarge(name_, decompressed_, max_bytes_));
      return status_;
    }
    Result<size_t> got = source_->Read(out, static_cast<size_t>(std::min<uint64_t>(size, max_bytes_ - total_)));
    if (got.ok()) total_ += *got;
    return got;
  }

 private:
  std::string name_;
  bool decompressed_;
  uint64_t max_bytes_;
  std::unique_ptr<ByteSource> source_;
  uint64_t total_ = 0;
  Status status_;
};

}  // namespace

Result<std::unique_ptr<ByteSource>> OpenFileSource(const std::string& path) {
  if (path == "-") return std::unique_ptr<ByteSource>(new FileSource("<stdin>", fileno(stdin), false));
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IOError("cannot open '" + path + "': " + std::strerror(errno));
  // The kernel may read further ahead for a file read front to back (a hint: failure does not matter).
  (void)posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  return std::unique_ptr<ByteSource>(new FileSource(path, fd, true));
}

std::unique_ptr<ByteSource> NewMemorySource(std::string content) {
  return std::make_unique<MemorySource>(std::move(content));
}

Status ReadPrefix(ByteSource& source, size_t size, std::string& prefix) {
  while (prefix.size() < size) {
    const size_t old_size = prefix.size();
    prefix.resize(size);
    Result<size_t> got = source.Read(prefix.data() + old_size, size - old_size);
    prefix.resize(old_size + (got.ok() ? *got : 0));
    if (!got.ok()) return got.status();
    if (*got == 0) break;
  }
  return Status::Ok();
}

std::unique_ptr<ByteSource> NewPrefixedSource(std::string prefix, std::unique_ptr<ByteSource> rest) {
  if (prefix.empty()) return rest;
  return std::make_unique<PrefixedSource>(std::move(prefix), std::move(rest));
}

std::unique_ptr<ByteSource> NewCappedSource(std::string name, bool decompressed, uint64_t max_bytes,
                                            std::unique_ptr<ByteSource> source) {
  return std::make_unique<CappedSource>(std::move(name), decompressed, max_bytes, std::move(source));
}

}  // namespace annalist
