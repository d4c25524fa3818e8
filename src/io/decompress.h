// Decompression of whole inputs: gzip (zlib) and zstd (libzstd), recognised by their magic bytes.
#pragma once

#include <cstdint>
#include <string_view>

#include "annalist/status.h"
#include "io/input_buffer.h"

namespace annalist {

enum class Compression : uint8_t {
  kNone,
  kGzip,  // magic 1f 8b; several concatenated members are one stream, as gzip(1) reads them
  kZstd,  // magic 28 b5 2f fd; several frames are one stream; the content size need not be known
};

// The compression `content` starts with, from its magic bytes.
Compression DetectCompression(std::string_view content);

// Decompresses `input` whole into a new padded buffer. Zero bytes after the last gzip member are ignored (as
// gzip(1) does); other trailing bytes are an error. `name` is only for messages.
// Errors: IOError naming the input for corrupt or truncated data, or when the output would be larger than
// `max_bytes`.
Result<InputBuffer> Decompress(std::string_view name, Compression compression, std::string_view input,
                               uint64_t max_bytes);

// Decompresses `input` when its magic bytes say it is compressed, else returns it unchanged.
Result<InputBuffer> DecompressIfNeeded(std::string_view name, InputBuffer input, uint64_t max_bytes);

}  // namespace annalist
