#include "io/byte_source.h"

#include <gtest/gtest.h>

#include <string>

#include "io/reader_test_util.h"

namespace annalist {
namespace {

using testing::Drain;
using testing::TempDirTest;

// A source that gives its bytes one at a time, as a slow pipe might.
class TrickleSource final : public ByteSource {
 public:
  explicit TrickleSource(std::string content) : content_(std::move(content)) {}
  Result<size_t> Read(char* out, size_t size) override {
    if (size == 0 || position_ == content_.size()) return size_t{0};
    *out = content_[position_++];
    return size_t{1};
  }

 private:
  std::string content_;
  size_t position_ = 0;
};

using FileSourceTest = TempDirTest;

TEST_F(FileSourceTest, ReadsAFileToItsEnd) {
  const std::string content(300000, 'x');
  Result<std::unique_ptr<ByteSource>> source = OpenFileSource(WriteFile("a.txt", content));
  ASSERT_OK(source);
  Result<std::string> read = Drain(**source, 4096);
  ASSERT_OK(read);
  EXPECT_EQ(*read, content);
}

TEST_F(FileSourceTest, MissingFileIsAnIOErrorNamingIt) {
  Result<std::unique_ptr<ByteSource>> source = OpenFileSource(Path("missing.jsonl"));
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().code(), Status::Code::kIOError);
  EXPECT_NE(source.status().message().find("missing.jsonl"), std::string::npos);
}

TEST_F(FileSourceTest, ADirectoryFailsOnTheFirstReadAndStaysFailed) {
  Result<std::unique_ptr<ByteSource>> source = OpenFileSource(dir_.string());
  if (!source.ok()) return;  // some systems refuse to open it at all: as good
  char byte;
  EXPECT_FALSE((*source)->Read(&byte, 1).ok());
  Result<size_t> again = (*source)->Read(&byte, 1);
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.status().message().find(dir_.string()), std::string::npos);
}

TEST(ReadPrefix, ReadsUntilTheSizeOrTheEnd) {
  TrickleSource source("abcdef");
  std::string prefix;
  ASSERT_TRUE(ReadPrefix(source, 4, prefix).ok());
  EXPECT_EQ(prefix, "abcd");
  ASSERT_TRUE(ReadPrefix(source, 100, prefix).ok());
  EXPECT_EQ(prefix, "abcdef");
}

TEST(PrefixedSource, GivesThePrefixThenTheRest) {
  std::unique_ptr<ByteSource> rest = std::make_unique<TrickleSource>("abcdef");
  std::string prefix;
  ASSERT_TRUE(ReadPrefix(*rest, 3, prefix).ok());
  std::unique_ptr<ByteSource> source = NewPrefixedSource(std::move(prefix), std::move(rest));
  Result<std::string> read = Drain(*source, 2);
  ASSERT_OK(read);
  EXPECT_EQ(*read, "abcdef");
}

TEST(CappedSource, FailsOnlyPastTheCap) {
  std::unique_ptr<ByteSource> exact =
      NewCappedSource("a", false, 10, NewMemorySource(std::string(10, 'x')));
  EXPECT_OK(Drain(*exact, 3));
  std::unique_ptr<ByteSource> over = NewCappedSource("a.gz", true, 10, NewMemorySource(std::string(11, 'x')));
  Result<std::string> read = Drain(*over, 3);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().message(), "'a.gz' decompresses to more than 10 bytes (ReaderOptions::max_input_bytes)");
}

}  // namespace
}  // namespace annalist
