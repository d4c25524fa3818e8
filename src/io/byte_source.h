// ByteSource: an input's bytes, read front to back in pieces, so that no reader holds a whole input.
//
// The readers pull bytes through a chain of sources: a file (or standard input, or bytes already in memory),
// then a decompressor when the input is gzip or zstd (decompress.h), then optionally a cap on the total. A
// source that recognises something from the first bytes (compression, then format) reads them with
// ReadPrefix and hands them back through a PrefixedSource, so nothing is lost.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "annalist/status.h"

namespace annalist {

// A stream of bytes. Not thread-safe. A failed Read leaves the source failed: later reads give the same
// error.
class ByteSource {
 public:
  virtual ~ByteSource() = default;

  // Reads between 1 and `size` bytes into `out` and returns how many; 0 only at the end of the input (or when
  // `size` is 0). It may return fewer than `size` bytes before the end (a pipe, a decompressor that has
  // output ready). Errors: IOError naming the input.
  virtual Result<size_t> Read(char* out, size_t size) = 0;
};

// Opens a file for reading, or standard input for "-" (which is read but never closed). Errors: IOError naming
// the path when it cannot be opened.
Result<std::unique_ptr<ByteSource>> OpenFileSource(const std::string& path);

// The bytes of `content`, which the source owns.
std::unique_ptr<ByteSource> NewMemorySource(std::string content);

// Reads from `source` until `prefix` holds `size` bytes or the input ends (appending to what `prefix` already
// holds). Errors: the source's.
Status ReadPrefix(ByteSource& source, size_t size, std::string& prefix);

// `prefix` (bytes already read from `rest`), then the rest of `rest`. The prefix's memory is released once
// it has been read.
std::unique_ptr<ByteSource> NewPrefixedSource(std::string prefix, std::unique_ptr<ByteSource> rest);

// `source`, failing with IOError once more than `max_bytes` bytes have come out of it. `name` and
// `decompressed` only shape the message ("'x.gz' decompresses to more than N bytes (the limit is
// ReaderOptions::max_input_bytes)", or "'x' is larger than N bytes (…)").
std::unique_ptr<ByteSource> NewCappedSource(std::string name, bool decompressed, uint64_t max_bytes,
                                            std::unique_ptr<ByteSource> source);

}  // namespace annalist
