#include "io/decompress.h"

#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <climits>
#include <string>

namespace annalist {
namespace {

// The first allocation for the output: the declared size when the format gives one, but never more than a
// plausible multiple of the input, so a forged header cannot make us allocate gigabytes up front.
size_t InitialCapacity(uint64_t declared, size_t input_size, uint64_t max_bytes) {
  const uint64_t plausible = uint64_t{input_size} * 8 + (uint64_t{1} << 16);
  return static_cast<size_t>(std::min({declared, plausible, max_bytes + 1}));
}

// Makes room at the end of `out` for more output; false when the output would pass `max_bytes`.
bool Grow(InputBuffer& out, uint64_t max_bytes) {
  if (out.size() > max_bytes) return false;
  const uint64_t limit = max_bytes + 1;  // one byte over the limit tells "too large" from "exactly the limit"
  const uint64_t wanted = std::max<uint64_t>(out.size() * 2, out.size() + (uint64_t{1} << 16));
  const uint64_t capacity = std::min(wanted, limit);
  if (capacity <= out.size()) return false;
  out.Reserve(static_cast<size_t>(capacity));
  return true;
}

Status TooLarge(std::string_view name, uint64_t max_bytes, bool compressed = true) {
  return Status::IOError("'" + std::string(name) +
                         (compressed ? "' decompresses to more than " : "' is larger than ") +
                         std::to_string(max_bytes) + " bytes (the limit is --max-input-bytes)");
}

Result<InputBuffer> Gunzip(std::string_view name, std::string_view input, uint64_t max_bytes) {
  InputBuffer out;
  uint64_t declared = max_bytes;  // ISIZE, the last 4 bytes: the size modulo 2^32 of the last member
  if (input.size() >= 18) {
    const auto* tail = reinterpret_cast<const unsigned char*>(input.data() + input.size() - 4);
    declared = uint64_t{tail[0]} | uint64_t{tail[1]} << 8 | uint64_t{tail[2]} << 16 | uint64_t{tail[3]} << 24;
  }
  out.Reserve(InitialCapacity(declared, input.size(), max_bytes));

  z_stream stream{};
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) return Status::IOError("cannot start zlib");
  size_t consumed = 0;  // input bytes handed to zlib so far
  Status status;
  for (;;) {
    if (stream.avail_in == 0 && consumed < input.size()) {
      // avail_in is 32 bits: feed inputs over 4 GiB in pieces.
      const size_t piece = std::min<size_t>(input.size() - consumed, UINT_MAX);
      stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data() + consumed));
      stream.avail_in = static_cast<uInt>(piece);
      consumed += piece;
    }
    if (out.tail_room() == 0 && !Grow(out, max_bytes)) {
      status = TooLarge(name, max_bytes);
      break;
    }
    const size_t room = std::min<size_t>(out.tail_room(), UINT_MAX);
    stream.next_out = reinterpret_cast<Bytef*>(out.tail());
    stream.avail_out = static_cast<uInt>(room);
    const int result = inflate(&stream, Z_NO_FLUSH);
    out.Commit(room - stream.avail_out);
    if (out.size() > max_bytes) {
      status = TooLarge(name, max_bytes);
      break;
    }
    if (result == Z_STREAM_END) {
      const size_t rest_begin = consumed - stream.avail_in;
      const std::string_view rest = input.substr(rest_begin);
      if (rest.empty() || rest.find_first_not_of('\0') == std::string_view::npos) break;
      if (DetectCompression(rest) != Compression::kGzip) {
        status =
            Status::IOError("'" + std::string(name) + "': unexpected bytes after the gzip data (offset " +
                            std::to_string(rest_begin) + ")");
        break;
      }
      inflateReset(&stream);  // the next member
      continue;
    }
    if (result == Z_OK) continue;
    if (result == Z_BUF_ERROR && stream.avail_out == 0) continue;  // no room: grow on the next turn
    if (result == Z_BUF_ERROR && stream.avail_in == 0 && consumed == input.size()) {
      status = Status::IOError("'" + std::string(name) + "': truncated gzip data");
      break;
    }
    status =
        Status::IOError("'" + std::string(name) + "': corrupt gzip data (" +
                        (stream.msg != nullptr ? stream.msg : "zlib error " + std::to_string(result)) + ")");
    break;
  }
  inflateEnd(&stream);
  if (!status.ok()) return status;
  return out;
}

Result<InputBuffer> Unzstd(std::string_view name, std::string_view input, uint64_t max_bytes) {
  InputBuffer out;
  const unsigned long long declared = ZSTD_getFrameContentSize(input.data(), input.size());
  const bool known = declared != ZSTD_CONTENTSIZE_UNKNOWN && declared != ZSTD_CONTENTSIZE_ERROR;
  out.Reserve(InitialCapacity(known ? declared : max_bytes, input.size(), max_bytes));

  ZSTD_DCtx* context = ZSTD_createDCtx();
  if (context == nullptr) return Status::IOError("cannot start zstd");
  ZSTD_inBuffer in{input.data(), input.size(), 0};
  size_t last = 0;  // 0 once a frame is completely decoded and flushed
  Status status;
  for (;;) {
    if (out.tail_room() == 0 && !Grow(out, max_bytes)) {
      status = TooLarge(name, max_bytes);
      break;
    }
    ZSTD_outBuffer chunk{out.tail(), out.tail_room(), 0};
    last = ZSTD_decompressStream(context, &chunk, &in);
    if (ZSTD_isError(last)) {
      status =
          Status::IOError("'" + std::string(name) + "': corrupt zstd data (" + ZSTD_getErrorName(last) + ")");
      break;
    }
    out.Commit(chunk.pos);
    if (out.size() > max_bytes) {
      status = TooLarge(name, max_bytes);
      break;
    }
    // All input read, and the last frame complete (0) or the output not full: everything has been flushed.
    // (Calling again after a complete frame would return the size of the next frame's header instead.)
    if (in.pos == in.size && (last == 0 || chunk.pos < chunk.size)) {
      if (last != 0) status = Status::IOError("'" + std::string(name) + "': truncated zstd data");
      break;
    }
  }
  ZSTD_freeDCtx(context);
  if (!status.ok()) return status;
  return out;
}

}  // namespace

Compression DetectCompression(std::string_view content) {
  const auto starts = [&](std::string_view magic) { return content.substr(0, magic.size()) == magic; };
  if (starts("\x1f\x8b")) return Compression::kGzip;
  if (starts("\x28\xb5\x2f\xfd")) return Compression::kZstd;
  return Compression::kNone;
}

Result<InputBuffer> Decompress(std::string_view name, Compression compression, std::string_view input,
                               uint64_t max_bytes) {
  switch (compression) {
    case Compression::kGzip:
      return Gunzip(name, input, max_bytes);
    case Compression::kZstd:
      return Unzstd(name, input, max_bytes);
    case Compression::kNone:
      break;
  }
  if (input.size() > max_bytes) return TooLarge(name, max_bytes, /*compressed=*/false);
  return InputBuffer(input);
}

Result<InputBuffer> DecompressIfNeeded(std::string_view name, InputBuffer input, uint64_t max_bytes) {
  const Compression compression = DetectCompression(input.view());
  if (compression == Compression::kNone) {
    if (input.size() > max_bytes) return TooLarge(name, max_bytes, /*compressed=*/false);
    return input;
  }
  return Decompress(name, compression, input.view(), max_bytes);
}

}  // namespace annalist
