// Helpers shared by the reader tests: temporary files, compression, and draining a reader.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/document.h"
#include "annalist/status.h"
#include "io/byte_source.h"
#include "io/reader.h"

#define EXPECT_OK(expression) EXPECT_TRUE((expression).ok()) << (expression).status().ToString()
#define ASSERT_OK(expression) ASSERT_TRUE((expression).ok()) << (expression).status().ToString()

namespace annalist::testing {

// Every record of `reader`, in order.
inline std::vector<Document> ReadAll(ArticleReader& reader) {
  std::vector<Document> docs;
  Document doc;
  while (reader.Next(doc)) docs.push_back(doc);
  return docs;
}

// Every record of `content` read as `format`; a test failure (and no records) when the reader cannot open it.
inline std::vector<Document> ReadString(std::string_view content, InputFormat format = InputFormat::kAuto,
                                        ReaderOptions options = {}, std::string name = "input") {
  options.format = format;
  Result<std::unique_ptr<ArticleReader>> reader =
      ReaderFromBuffer(std::move(name), std::string(content), options);
  if (!reader.ok()) {
    ADD_FAILURE() << reader.status().ToString();
    return {};
  }
  return ReadAll(**reader);
}

// Everything `source` gives, read `piece` bytes at a time; the source's error when it fails.
inline Result<std::string> Drain(ByteSource& source, size_t piece) {
  std::string out;
  for (;;) {
    const size_t old_size = out.size();
    out.resize(old_size + piece);
    Result<size_t> got = source.Read(out.data() + old_size, piece);
    if (!got.ok()) return got.status();
    out.resize(old_size + *got);
    if (*got == 0) return out;
  }
}

// gzip-compresses `data` in memory (one member).
inline std::string Gzip(std::string_view data) {
  z_stream stream{};
  EXPECT_EQ(deflateInit2(&stream, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&stream, data.size()) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

// zstd-compresses `data` in one frame that declares its size.
inline std::string Zstd(std::string_view data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  const size_t size = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3);
  EXPECT_FALSE(ZSTD_isError(size));
  out.resize(size);
  return out;
}

// zstd-compresses `data` as a stream whose frame does not declare its size.
inline std::string ZstdWithoutSize(std::string_view data) {
  ZSTD_CCtx* context = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(context, ZSTD_c_contentSizeFlag, 0);
  std::string out(ZSTD_compressBound(data.size()) + 64, '\0');
  ZSTD_inBuffer in{data.data(), data.size(), 0};
  ZSTD_outBuffer chunk{out.data(), out.size(), 0};
  EXPECT_EQ(ZSTD_compressStream2(context, &chunk, &in, ZSTD_e_end), 0u);
  out.resize(chunk.pos);
  ZSTD_freeCCtx(context);
  return out;
}

// A fresh folder under the system's temporary directory, removed with everything in it after the test.
class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("annalist-io-tests-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  // Writes `bytes` to `relative` (creating folders) and returns its path.
  std::string WriteFile(const std::string& relative, std::string_view bytes) {
    const std::filesystem::path path = dir_ / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path.string();
  }

  std::string Path(const std::string& relative) const { return (dir_ / relative).string(); }

  std::filesystem::path dir_;
};

}  // namespace annalist::testing
