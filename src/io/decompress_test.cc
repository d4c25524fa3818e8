#include "io/decompress.h"

#include <gtest/gtest.h>

#include <string>

#include "io/reader_test_util.h"

namespace annalist {
namespace {

using testing::Drain;
using testing::Gzip;
using testing::Zstd;
using testing::ZstdWithoutSize;

std::string SampleText() {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "{\"id\":\"a" + std::to_string(i) + "\",\"text\":\"Gaza – news\"}\n";
  return text;
}

// Decompresses `compressed` whole through a streaming source reading `chunk` bytes of input at a time and
// handing out `piece` bytes at a time.
Result<std::string> Decompress(std::string_view name, const std::string& compressed, size_t chunk = 1 << 20,
                               size_t piece = 1 << 20) {
  std::unique_ptr<ByteSource> source =
      NewDecompressingSource(std::string(name), DetectCompression(compressed), NewMemorySource(compressed), chunk);
  return Drain(*source, piece);
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
  Result<std::string> out = Decompress("a.gz", Gzip(text));
  ASSERT_OK(out);
  EXPECT_EQ(*out, text);
}

TEST(Decompress, GzipRoundTripsInTinyPieces) {
  const std::string text = SampleText();
  for (size_t chunk : {1, 2, 7, 64}) {
    Result<std::string> out = Decompress("a.gz", Gzip(text), chunk, 5);
    ASSERT_OK(out);
    EXPECT_EQ(*out, text) << chunk;
  }
}

TEST(Decompress, ConcatenatedGzipMembersAreOneStreamWhereverTheInputIsCut) {
  const std::string compressed = Gzip("first\n") + Gzip("second\n") + Gzip("third\n");
  for (size_t chunk = 1; chunk <= compressed.size() + 1; ++chunk) {
    Result<std::string> out = Decompress("a.gz", compressed, chunk, 3);
    ASSERT_OK(out);
    EXPECT_EQ(*out, "first\nsecond\nthird\n") << chunk;
  }
}

TEST(Decompress, ZeroBytesAfterGzipAreIgnored) {
  for (size_t chunk : {1, 16, 1 << 20}) {
    Result<std::string> out = Decompress("a.gz", Gzip("x\n") + std::string(100, '\0'), chunk);
    ASSERT_OK(out);
    EXPECT_EQ(*out, "x\n");
  }
}

TEST(Decompress, GarbageAfterGzipIsAnErrorWithItsOffset) {
  const std::string member = Gzip("x\n");
  for (const std::string& tail : {std::string("junk"), std::string("\0\0j", 3), std::string("\x1f")}) {
    Result<std::string> out = Decompress("a.gz", member + tail, 16);
    ASSERT_FALSE(out.ok());
    EXPECT_NE(out.status().message().find("a.gz"), std::string::npos);
    EXPECT_NE(out.status().message().find("offset " + std::to_string(member.size())), std::string::npos)
        << out.status().message();
  }
}

TEST(Decompress, TruncatedGzipIsAnIOError) {
  const std::string compressed = Gzip(SampleText());
  Result<std::string> out = Decompress("a.gz", compressed.substr(0, compressed.size() / 2));
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), Status::Code::kIOError);
  EXPECT_NE(out.status().message().find("truncated"), std::string::npos) << out.status().message();
}

TEST(Decompress, OutputBeforeTheDamageComesFirst) {
  const std::string text = SampleText();
  const std::string compressed = Gzip(text);
  std::unique_ptr<ByteSource> source = NewDecompressingSource(
      "a.gz", Compression::kGzip, NewMemorySource(compressed.substr(0, compressed.size() - 10)), 64);
  std::string out(text.size() + 100, '\0');
  size_t total = 0;
  for (;;) {
    Result<size_t> got = source->Read(out.data() + total, out.size() - total);
    if (!got.ok()) break;
    ASSERT_GT(*got, 0u) << "a truncated stream must end in an error";
    total += *got;
  }
  EXPECT_GT(total, text.size() / 2);
  EXPECT_EQ(out.substr(0, total), text.substr(0, total));
}

TEST(Decompress, CorruptGzipIsAnIOError) {
  std::string compressed = Gzip(SampleText());
  for (size_t i = 20; i < 60; ++i) compressed[i] = static_cast<char>(compressed[i] ^ 0x5a);
  Result<std::string> out = Decompress("a.gz", compressed);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), Status::Code::kIOError);
}

TEST(Decompress, ZstdRoundTrips) {
  const std::string text = SampleText();
  for (size_t chunk : {1, 7, 1 << 20}) {
    Result<std::string> out = Decompress("a.zst", Zstd(text), chunk, 5);
    ASSERT_OK(out);
    EXPECT_EQ(*out, text);
  }
}

TEST(Decompress, ZstdWithoutADeclaredSizeIsStreamed) {
  const std::string text = SampleText() + SampleText();
  Result<std::string> out = Decompress("a.zst", ZstdWithoutSize(text), 100, 1000);
  ASSERT_OK(out);
  EXPECT_EQ(*out, text);
}

TEST(Decompress, ConcatenatedZstdFramesAreOneStream) {
  const std::string compressed = Zstd("first\n") + Zstd("second\n");
  for (size_t chunk = 1; chunk <= compressed.size() + 1; ++chunk) {
    Result<std::string> out = Decompress("a.zst", compressed, chunk, 4);
    ASSERT_OK(out);
    EXPECT_EQ(*out, "first\nsecond\n");
  }
}

TEST(Decompress, TruncatedZstdIsAnIOError) {
  const std::string compressed = Zstd(SampleText());
  for (size_t cut : {size_t{4}, size_t{5}, compressed.size() / 2, compressed.size() - 5}) {
    Result<std::string> out = Decompress("a.zst", compressed.substr(0, cut), 64);
    ASSERT_FALSE(out.ok()) << cut;
    EXPECT_NE(out.status().message().find("a.zst"), std::string::npos);
  }
}

TEST(Decompress, OutputOverTheBudgetIsAnIOError) {
  const std::string zeros(4 << 20, '0');
  for (const std::string& compressed : {Gzip(zeros), Zstd(zeros), ZstdWithoutSize(zeros)}) {
    std::unique_ptr<ByteSource> source = NewCappedSource(
        "bomb", true, 1 << 20,
        NewDecompressingSource("bomb", DetectCompression(compressed), NewMemorySource(compressed), 1 << 16));
    Result<std::string> out = Drain(*source, 1 << 16);
    ASSERT_FALSE(out.ok());
    EXPECT_NE(out.status().message().find("max_input_bytes"), std::string::npos) << out.status().message();
  }
}

TEST(Decompress, OutputOfExactlyTheBudgetIsAccepted) {
  const std::string text(1 << 16, 'y');
  for (const std::string& compressed : {Gzip(text), ZstdWithoutSize(text)}) {
    std::unique_ptr<ByteSource> source = NewCappedSource(
        "a", true, text.size(),
        NewDecompressingSource("a", DetectCompression(compressed), NewMemorySource(compressed), 1 << 10));
    EXPECT_OK(Drain(*source, 1000));
  }
}

}  // namespace
}  // namespace annalist
