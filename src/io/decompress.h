// Decompression on the fly: gzip (zlib) and zstd (libzstd) sources, recognised by their magic bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "io/byte_source.h"

namespace annalist {

enum class Compression : uint8_t {
  kNone,
  kGzip,  // magic 1f 8b; several concatenated members are one stream, as gzip(1) reads them
  kZstd,  // magic 28 b5 2f fd; several frames are one stream; the content size need not be known
};

// The most bytes DetectCompression looks at.
inline constexpr size_t kCompressionMagicBytes = 4;

// The compression `content` starts with, from its magic bytes.
Compression DetectCompression(std::string_view content);

// The decompressed bytes of `compressed` (REQUIRES: compression is not kNone), read from it in pieces of
// `chunk_bytes`. Memory: one piece of input plus the decompressor's state (zlib's 32 KiB window; zstd's
// window, at most 128 MiB as zstd's default limit allows, a few MiB at the usual levels), whatever the
// input's size. Zero bytes after the last gzip member are ignored (as gzip(1) does); other trailing bytes
// are an error. `name` is only for messages.
// Errors (from Read): IOError naming the input for corrupt or truncated data, or the underlying source's.
std::unique_ptr<ByteSource> NewDecompressingSource(std::string name, Compression compression,
                                                   std::unique_ptr<ByteSource> compressed, size_t chunk_bytes);

}  // namespace annalist
