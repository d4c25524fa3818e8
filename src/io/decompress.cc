// Streaming decompression. Each source keeps one piece of compressed input and decompresses straight into
// the caller's buffer (the reader's window), so no decompressed copy is ever made.
//
// Both sources hand out what they have decompressed before they block on more input: a reader waiting on a
// pipe sees each record as soon as it can be decoded. A failure found after some output has been produced
// is reported on the next Read, so the output before the damage still reaches the reader.
#include "io/decompress.h"

#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <climits>
#include <cstring>

namespace annalist {
namespace {

// Compressed input is read in pieces of at least this size (a member's magic must fit in one).
constexpr size_t kMinInputPiece = 16;
constexpr size_t kMaxInputPiece = size_t{16} << 20;

size_t InputPiece(size_t chunk_bytes) { return std::clamp(chunk_bytes, kMinInputPiece, kMaxInputPiece); }

class GzipSource final : public ByteSource {
 public:
  GzipSource(std::string name, std::unique_ptr<ByteSource> compressed, size_t chunk_bytes)
      : name_(std::move(name)),
        compressed_(std::move(compressed)),
        piece_(InputPiece(chunk_bytes)),
        input_(new unsigned char[piece_]) {
    if (inflateInit2(&stream_, 16 + MAX_WBITS) != Z_OK) {
      status_ = Status::IOError("cannot start zlib for '" + name_ + "'");
    } else {
      started_ = true;
    }
  }
  ~GzipSource() override {
    if (started_) inflateEnd(&stream_);
  }
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  Result<size_t> Read(char* out, size_t size) override {
    if (!status_.ok()) return status_;
    size_t produced = 0;
    while (produced < size && !done_) {
      if (stream_.avail_in == 0 && !input_ended_) {
        if (produced > 0) break;  // hand out what is ready before waiting for more input
        if (!Refill()) break;
        continue;
      }
      if (member_ended_) {
        if (!NextMember(produced)) break;
        continue;
      }
      const uInt room = static_cast<uInt>(std::min<size_t>(size - produced, UINT_MAX));
      stream_.next_out = reinterpret_cast<Bytef*>(out + produced);
      stream_.avail_out = room;
      const int result = inflate(&stream_, Z_NO_FLUSH);
      produced += room - stream_.avail_out;
      if (result == Z_STREAM_END) {
        member_ended_ = true;
        member_end_ = InputOffset();
      } else if (result == Z_BUF_ERROR && stream_.avail_in == 0 && input_ended_) {
        Fail("truncated gzip data");
      } else if (result != Z_OK && result != Z_BUF_ERROR) {
        Fail("corrupt gzip data (" +
             (stream_.msg != nullptr ? std::string(stream_.msg) : "zlib error " + std::to_string(result)) + ")");
      }
      if (!status_.ok()) break;
    }
    if (produced == 0 && !status_.ok()) return status_;
    return produced;
  }

 private:
  // Offset in the compressed input of the next byte zlib will see.
  uint64_t InputOffset() const { return input_total_ - stream_.avail_in; }

  void Fail(const std::string& what) { status_ = Status::IOError("'" + name_ + "': " + what); }

  // Reads more compressed input after the `stream_.avail_in` bytes not yet used. False on a read error.
  bool Refill() {
    const size_t keep = stream_.avail_in;
    if (keep > 0) std::memmove(input_.get(), stream_.next_in, keep);
    Result<size_t> got = compressed_->Read(reinterpret_cast<char*>(input_.get()) + keep, piece_ - keep);
    if (!got.ok()) {
      status_ = got.status();
      return false;
    }
    if (*got == 0) input_ended_ = true;
    input_total_ += *got;
    stream_.next_in = input_.get();
    stream_.avail_in = static_cast<uInt>(keep + *got);
    return true;
  }

  // After a member's end: starts the next member, skips zero padding, or ends the stream. False when reading
  // must stop for now (output ready and more input needed, an error, or the end).
  bool NextMember(size_t produced) {
    if (stream_.avail_in == 0) {  // and the input has ended
      done_ = true;
      return false;
    }
    if (zero_padding_ || stream_.next_in[0] == 0) {
      zero_padding_ = true;
      const unsigned char* nonzero = std::find_if(stream_.next_in, stream_.next_in + stream_.avail_in,
                                                  [](unsigned char c) { return c != 0; });
      if (nonzero != stream_.next_in + stream_.avail_in) {
        Fail("unexpected bytes after the gzip data (offset " + std::to_string(member_end_) + ")");
        return false;
      }
      stream_.avail_in = 0;
      return true;
    }
    if (stream_.avail_in < 2 && !input_ended_) {
      if (produced > 0) return false;
      return Refill();  // keeps the byte already there
    }
    if (stream_.avail_in < 2 || stream_.next_in[0] != 0x1f || stream_.next_in[1] != 0x8b) {
      Fail("unexpected bytes after the gzip data (offset " + std::to_string(member_end_) + ")");
      return false;
    }
    inflateReset(&stream_);
    member_ended_ = false;
    return true;
  }

  std::string name_;
  std::unique_ptr<ByteSource> compressed_;
  size_t piece_;
  std::unique_ptr<unsigned char[]> input_;
  z_stream stream_{};
  bool started_ = false;
  uint64_t input_total_ = 0;  // compressed bytes read so far
  uint64_t member_end_ = 0;   // offset just after the last complete member, for messages
  bool input_ended_ = false;
  bool member_ended_ = false;
  bool zero_padding_ = false;
  bool done_ = false;
  Status status_;
};

class ZstdSource final : public ByteSource {
 public:
  ZstdSource(std::string name, std::unique_ptr<ByteSource> compressed, size_t chunk_bytes)
      : name_(std::move(name)),
        compressed_(std::move(compressed)),
        piece_(InputPiece(chunk_bytes)),
        input_(new char[piece_]),
        context_(ZSTD_createDCtx()) {
    if (context_ == nullptr) status_ = Status::IOError("cannot start zstd for '" + name_ + "'");
  }
  ~ZstdSource() override { ZSTD_freeDCtx(context_); }
  ZstdSource(const ZstdSource&) = delete;
  ZstdSource& operator=(const ZstdSource&) = delete;

  Result<size_t> Read(char* out, size_t size) override {
    if (!status_.ok()) return status_;
    ZSTD_outBuffer chunk{out, size, 0};
    while (chunk.pos < chunk.size) {
      if (in_.pos == in_.size && !input_ended_) {
        if (chunk.pos > 0) break;  // hand out what is ready before waiting for more input
        Result<size_t> got = compressed_->Read(input_.get(), piece_);
        if (!got.ok()) {
          status_ = got.status();
          break;
        }
        if (*got == 0) input_ended_ = true;
        in_ = ZSTD_inBuffer{input_.get(), *got, 0};
        continue;
      }
      if (in_.pos == in_.size && flushed_) {
        // No input left and nothing held back: the end, complete or not.
        if (pending_ != 0) status_ = Status::IOError("'" + name_ + "': truncated zstd data");
        break;
      }
      const size_t result = ZSTD_decompressStream(context_, &chunk, &in_);
      if (ZSTD_isError(result)) {
        status_ = Status::IOError("'" + name_ + "': corrupt zstd data (" + ZSTD_getErrorName(result) + ")");
        break;
      }
      pending_ = result;
      // 0: a frame is complete and flushed. Otherwise output left room, so all that this input gives is out.
      // (Calling again with no input after a complete frame would ask for the next frame's header instead.)
      flushed_ = result == 0 || chunk.pos < chunk.size;
    }
    if (chunk.pos == 0 && !status_.ok()) return status_;
    return chunk.pos;
  }

 private:
  std::string name_;
  std::unique_ptr<ByteSource> compressed_;
  size_t piece_;
  std::unique_ptr<char[]> input_;
  ZSTD_DCtx* context_;
  ZSTD_inBuffer in_{nullptr, 0, 0};
  bool input_ended_ = false;
  bool flushed_ = true;  // the decoder holds no output back
  size_t pending_ = 0;   // the last ZSTD_decompressStream result: 0 at a frame boundary
  Status status_;
};

}  // namespace

Compression DetectCompression(std::string_view content) {
  const auto starts = [&](std::string_view magic) { return content.substr(0, magic.size()) == magic; };
  if (starts("\x1f\x8b")) return Compression::kGzip;
  if (starts("\x28\xb5\x2f\xfd")) return Compression::kZstd;
  return Compression::kNone;
}

std::unique_ptr<ByteSource> NewDecompressingSource(std::string name, Compression compression,
                                                   std::unique_ptr<ByteSource> compressed, size_t chunk_bytes) {
  if (compression == Compression::kZstd) {
    return std::make_unique<ZstdSource>(std::move(name), std::move(compressed), chunk_bytes);
  }
  return std::make_unique<GzipSource>(std::move(name), std::move(compressed), chunk_bytes);
}

}  // namespace annalist
