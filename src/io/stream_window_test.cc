#include "io/stream_window.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <string>

#include "io/decompress.h"
#include "io/reader_test_util.h"

namespace annalist {
namespace {

std::string Numbers(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) text += std::to_string(i) + "\n";
  return text;
}

TEST(StreamWindow, ReadsEverythingThroughASmallWindow) {
  const std::string text = Numbers(1000);
  StreamWindow window(NewMemorySource(text), 16, 16);
  std::string seen;
  while (!window.at_end()) {
    ASSERT_TRUE(window.Fill().ok());
    seen += window.view();
    window.Consume(window.size());
    EXPECT_EQ(window.capacity(), 16u);
  }
  EXPECT_EQ(seen, text);
}

TEST(StreamWindow, KeepsUnconsumedBytesAcrossFills) {
  StreamWindow window(NewMemorySource("abcdefghijklmnopqrstuvwxyz"), 8, 8);
  ASSERT_TRUE(window.Fill().ok());
  EXPECT_EQ(window.view(), "abcdefgh");
  window.Consume(6);
  ASSERT_TRUE(window.Fill().ok());
  EXPECT_EQ(window.view(), "ghijklmn");
}

TEST(StreamWindow, GrowsForALongRecordButNotPastItsMaximum) {
  const std::string text(1000, 'x');
  StreamWindow window(NewMemorySource(text), 16, 100);
  while (!window.at_end() && window.size() < 100) ASSERT_TRUE(window.Fill().ok());
  EXPECT_EQ(window.size(), 100u);
  EXPECT_EQ(window.capacity(), 100u);
  ASSERT_TRUE(window.Fill().ok());  // full at its maximum: nothing more fits
  EXPECT_EQ(window.size(), 100u);
  window.Consume(60);
  ASSERT_TRUE(window.Fill().ok());
  EXPECT_EQ(window.size(), 100u);
  EXPECT_EQ(window.capacity(), 100u);
}

TEST(StreamWindow, FillReadsAtLeastWhatItIsAskedFor) {
  StreamWindow window(NewMemorySource(std::string(5000, 'x')), 4, 10000);
  ASSERT_TRUE(window.Fill().ok());
  const size_t first = window.size();
  ASSERT_TRUE(window.Fill(first * 3).ok());
  EXPECT_GE(window.size(), first * 4);
}

TEST(StreamWindow, PaddingFollowsEveryByte) {
  StreamWindow window(NewMemorySource("{\"text\":\"a\"}"), 4, 64);
  while (!window.at_end()) ASSERT_TRUE(window.Fill().ok());
  EXPECT_GE(window.PaddedSizeAt(window.data()), window.size() + simdjson::SIMDJSON_PADDING);
  EXPECT_GE(window.PaddedSizeAt(window.data() + window.size()), simdjson::SIMDJSON_PADDING);
}

TEST(StreamWindow, ErrorsStayWithTheWindow) {
  const std::string compressed = testing::Gzip("abc") + "junk";
  StreamWindow window(NewDecompressingSource("x.gz", Compression::kGzip, NewMemorySource(compressed), 16), 64, 64);
  Status status;
  for (int i = 0; i < 10 && status.ok() && !window.at_end(); ++i) status = window.Fill();
  ASSERT_FALSE(status.ok());
  EXPECT_FALSE(window.Fill().ok());
  EXPECT_EQ(window.view(), "abc");
}

}  // namespace
}  // namespace annalist
