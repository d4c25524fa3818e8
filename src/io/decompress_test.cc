#include "io/decompress.h"

#include <gtest/gtest.h>

#include <string>

#include "io/reader_test_util.h"

namespace annalist {
namespace {

using testing::Gzip;
using testing::Zstd;
using testing::ZstdWithoutSize;

std::string SampleText() {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "{\"id\":\"a" + std::to_string(i) + "\",\"text\":\"Gaza – news\"}\n";
  return text;
}

TEST(DetectCompression, RecognisesMagicBytes) {
  const struct {
    std::string_view content;
    Compression expected;
  } cases[] = {
      {"\x1f\x8b\x08", Compression::kGzip},
      {"\x28\xb5\x2f\xfd\x00", Compression::kZstd},
      {"{\"text\":1}", Compression::kNone},
      {"\x1f", Compression::kNone},
      {"", Compression::kNone},
      {"\x28\xb5\x2f", Compression::kNone},
  };
  for (const auto& c : cases) EXPECT_EQ(DetectCompression(c.content), c.expected) << c.content;
}

TEST(Decompress, GzipRoundTrips) {
  const std::string text = SampleText();
  Result<InputBuffer> out = Decompress("a.gz", Compression::kGzip, Gzip(text), 1 << 30);
  ASSERT_OK(out);
  EXPECT_EQ(out->view(), text);
}

TEST(Decompress, ConcatenatedGzipMembersAreOneStream) {
  Result<InputBuffer> out =
      Decompress("a.gz", Compression::kGzip, Gzip("first\n") + Gzip("second\n"), 1 << 20);
  ASSERT_OK(out);
  EXPECT_EQ(out->view(), "first\nsecond\n");
}

TEST(Decompress, ZeroBytesAfterGzipAreIgnored) {
  Result<InputBuffer> out =
      Decompress("a.gz", Compression::kGzip, Gzip("x\n") + std::string(100, '\0'), 1 << 20);
  ASSERT_OK(out);
  EXPECT_EQ(out->view(), "x\n");
}

TEST(Decompress, GarbageAfterGzipIsAnError) {
  Result<InputBuffer> out = Decompress("a.gz", Compression::kGzip, Gzip("x\n") + "junk", 1 << 20);
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.status().message().find("a.gz"), std::string::npos);
}

TEST(Decompress, TruncatedGzipIsAnIOError) {
  const std::string compressed = Gzip(SampleText());
  Result<InputBuffer> out =
      Decompress("a.gz", Compression::kGzip, compressed.substr(0, compressed.size() / 2), 1 << 30);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), Status::Code::kIOError);
  EXPECT_NE(out.status().message().find("truncated"), std::string::npos) << out.status().message();
}

TEST(Decompress, CorruptGzipIsAnIOError) {
  std::string compressed = Gzip(SampleText());
  for (size_t i = 20; i < 60; ++i) compressed[i] = static_cast<char>(compressed[i] ^ 0x5a);
  Result<InputBuffer> out = Decompress("a.gz", Compression::kGzip, compressed, 1 << 30);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), Status::Code::kIOError);
}

TEST(Decompress, ZstdRoundTrips) {
  const std::string text = SampleText();
  Result<InputBuffer> out = Decompress("a.zst", Compression::kZstd, Zstd(text), 1 << 30);
  ASSERT_OK(out);
  EXPECT_EQ(out->view(), text);
}

TEST(Decompress, ZstdWithoutADeclaredSizeIsStreamed) {
  const std::string text = SampleText() + SampleText();
  Result<InputBuffer> out = Decompress("a.zst", Compression::kZstd, ZstdWithoutSize(text), 1 << 30);
  ASSERT_OK(out);
  EXPECT_EQ(out->view(), text);
}

TEST(Decompress, ConcatenatedZstdFramesAreOneStream) {
  Result<InputBuffer> out =
      Decompress("a.zst", Compression::kZstd, Zstd("first\n") + Zstd("second\n"), 1 << 20);
  ASSERT_OK(out);
  EXPECT_EQ(out->view(), "first\nsecond\n");
}

TEST(Decompress, TruncatedZstdIsAnIOError) {
  const std::string compressed = Zstd(SampleText());
  Result<InputBuffer> out =
      Decompress("a.zst", Compression::kZstd, compressed.substr(0, compressed.size() - 5), 1 << 30);
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.status().message().find("a.zst"), std::string::npos);
}

TEST(Decompress, OutputOverTheBudgetIsAnIOError) {
  const std::string zeros(4 << 20, '0');
  for (const std::string& compressed : {Gzip(zeros), Zstd(zeros), ZstdWithoutSize(zeros)}) {
    Result<InputBuffer> out = Decompress("bomb", DetectCompression(compressed), compressed, 1 << 20);
    ASSERT_FALSE(out.ok());
    EXPECT_NE(out.status().message().find("--max-input-bytes"), std::string::npos) << out.status().message();
  }
}

TEST(Decompress, OutputOfExactlyTheBudgetIsAccepted) {
  const std::string text(1 << 16, 'y');
  EXPECT_OK(Decompress("a.gz", Compression::kGzip, Gzip(text), text.size()));
  EXPECT_OK(Decompress("a.zst", Compression::kZstd, ZstdWithoutSize(text), text.size()));
}

TEST(DecompressIfNeeded, LeavesUncompressedInputAlone) {
  Result<InputBuffer> out = DecompressIfNeeded("a.jsonl", InputBuffer("{\"text\":\"a\"}\n"), 1 << 20);
  ASSERT_OK(out);
  EXPECT_EQ(out->view(), "{\"text\":\"a\"}\n");
}

}  // namespace
}  // namespace annalist
