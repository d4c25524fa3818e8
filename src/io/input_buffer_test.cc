#include "io/input_buffer.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <string>

#include "io/reader_test_util.h"

namespace annalist {
namespace {

using testing::TempDirTest;

TEST(InputBuffer, PaddingFollowsTheContent) {
  const InputBuffer buffer("{\"text\":\"a\"}");
  EXPECT_EQ(buffer.view(), "{\"text\":\"a\"}");
  EXPECT_GE(buffer.padded_size(), buffer.size() + simdjson::SIMDJSON_PADDING);
  EXPECT_GE(InputBuffer().padded_size(), simdjson::SIMDJSON_PADDING);
}

TEST(InputBuffer, AppendKeepsEarlierContentWhenItGrows) {
  InputBuffer buffer;
  std::string expected;
  for (int i = 0; i < 1000; ++i) {
    const std::string piece = "piece " + std::to_string(i) + "\n";
    buffer.Append(piece);
    expected += piece;
  }
  EXPECT_EQ(buffer.view(), expected);
  EXPECT_GE(buffer.padded_size(), buffer.size() + simdjson::SIMDJSON_PADDING);
}

using ReadWholeInputTest = TempDirTest;

TEST_F(ReadWholeInputTest, ReadsAFileWhole) {
  const std::string content(300000, 'x');
  Result<InputBuffer> buffer = ReadWholeInput(WriteFile("a.txt", content), 1 << 20);
  ASSERT_OK(buffer);
  EXPECT_EQ(buffer->view(), content);
}

TEST_F(ReadWholeInputTest, MissingFileIsAnIOErrorNamingIt) {
  Result<InputBuffer> buffer = ReadWholeInput(Path("missing.jsonl"), 1 << 20);
  ASSERT_FALSE(buffer.ok());
  EXPECT_EQ(buffer.status().code(), Status::Code::kIOError);
  EXPECT_NE(buffer.status().message().find("missing.jsonl"), std::string::npos);
}

TEST_F(ReadWholeInputTest, FileOverTheLimitIsAnIOError) {
  Result<InputBuffer> buffer = ReadWholeInput(WriteFile("big.txt", std::string(1001, 'x')), 1000);
  ASSERT_FALSE(buffer.ok());
  EXPECT_NE(buffer.status().message().find("--max-input-bytes"), std::string::npos);
  EXPECT_OK(ReadWholeInput(WriteFile("exact.txt", std::string(1000, 'x')), 1000));
}

TEST_F(ReadWholeInputTest, DirectoryIsAnIOError) {
  Result<InputBuffer> buffer = ReadWholeInput(dir_.string(), 1 << 20);
  EXPECT_FALSE(buffer.ok());
}

}  // namespace
}  // namespace annalist
