// Streaming: the readers see their input through a window of ReaderOptions::chunk_bytes, so records straddle
// its edges anywhere. Whatever the window, the records must be the same, and memory bounded by the window
// and the record budget, not the input.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "io/csv_reader.h"
#include "io/jsonl_reader.h"
#include "io/reader_test_util.h"
#include "io/text_reader.h"

namespace annalist {
namespace {

using testing::Gzip;
using testing::ReadAll;
using testing::ReadString;
using testing::Zstd;

// A JSON Lines input touching every rule: multibyte UTF-8 (2, 3 and 4 bytes), CRLF, blank lines, a BOM,
// invalid UTF-8, escapes, broken lines, numeric ids, a last line without a newline.
std::string MixedJsonLines() {
  std::string text = "\xEF\xBB\xBF";
  for (int i = 0; i < 40; ++i) {
    const std::string n = std::to_string(i);
    switch (i % 8) {
      case 0:
        text += "{\"id\":\"é" + n + "\",\"date\":\"2023-12-21\",\"text\":\"Gaza – 😀 news " + n + "\"}\n";
        break;
      case 1:
        text += "{\"id\":" + n + ",\"text\":\"crlf ✓\"}\r\n";
        break;
      case 2:
        text += "\n  \t\r\n";
        break;
      case 3:
        text += "{\"text\":\"caf\xE9 \xFF\"}\n";
        break;
      case 4:
        text += "{broken " + n + "\n";
        break;
      case 5:
        text += R"({"text":"esc \u00e9 \"q\" \ud83d\ude00","title":["x"],"date":"bad"})" "\n";
        break;
      case 6:
        text += "{\"title\":\"no text\"}\n";
        break;
      default:
        text += "{\"text\":\"" + std::string(static_cast<size_t>(i * 7), 'w') + "\",\"x\":{\"y\":[1,2]}}\n";
    }
  }
  return text + "{\"text\":\"last\"}";
}

std::string MixedCsv() {
  std::string text = "\xEF\xBB\xBFid,date,text\r\n";
  for (int i = 0; i < 30; ++i) {
    const std::string n = std::to_string(i);
    switch (i % 6) {
      case 0:
        text += n + ",2023-12-21,\"quoted, with \"\"quotes\"\"\r\nand – a newline 😀\"\r\n";
        break;
      case 1:
        text += n + ",2023-12-21,plain é text\n";
        break;
      case 2:
        text += "\n   \n";
        break;
      case 3:
        text += n + ",\"2023-12-21\"x,after the quote\n";
        break;
      case 4:
        text += n + ",too,many,fields\n";
        break;
      default:
        text += n + ",,caf\xE9\r\n";
    }
  }
  return text + "last,2023-12-21,\"never closed\nnext,2023-12-21,line\n";
}

// The records' observable content, one string each.
std::vector<std::string> Describe(const std::vector<Document>& docs) {
  std::vector<std::string> out;
  for (const Document& doc : docs) {
    std::string d = std::to_string(doc.input_number) + "|" + doc.id + "|" + doc.error + "|" + doc.text + "|" +
                    doc.date_text + "|" + doc.title.value_or("-");
    for (const std::string& warning : doc.warnings) d += "|" + warning;
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<Document> ReadWithChunk(const std::string& content, InputFormat format, size_t chunk,
                                    ReaderOptions options = {}) {
  options.chunk_bytes = chunk;
  return ReadString(content, format, options);
}

TEST(Streaming, EveryWindowSizeGivesTheSameJsonLinesRecords) {
  const std::string content = MixedJsonLines();
  const auto expected = Describe(ReadWithChunk(content, InputFormat::kJsonLines, 1 << 20));
  ASSERT_EQ(expected.size(), 36u);
  for (size_t chunk = 1; chunk <= 80; ++chunk) {
    EXPECT_EQ(Describe(ReadWithChunk(content, InputFormat::kJsonLines, chunk)), expected) << chunk;
  }
  EXPECT_EQ(Describe(ReadWithChunk(content, InputFormat::kAuto, 3)), expected);
  EXPECT_EQ(Describe(ReadWithChunk(Gzip(content.substr(0, 500)) + Gzip(content.substr(500)),
                                   InputFormat::kAuto, 5)),
            expected);
  EXPECT_EQ(Describe(ReadWithChunk(Zstd(content), InputFormat::kAuto, 7)), expected);
}

TEST(Streaming, EveryWindowSizeGivesTheSameCsvRecords) {
  const std::string content = MixedCsv();
  const auto expected = Describe(ReadWithChunk(content, InputFormat::kCsv, 1 << 20));
  ASSERT_EQ(expected.size(), 27u);
  for (size_t chunk = 1; chunk <= 80; ++chunk) {
    EXPECT_EQ(Describe(ReadWithChunk(content, InputFormat::kCsv, chunk)), expected) << chunk;
  }
  EXPECT_EQ(Describe(ReadWithChunk(Gzip(content.substr(0, 100)) + Gzip(content.substr(100)), InputFormat::kCsv,
                                   3)),
            expected);
}

TEST(Streaming, EveryWindowSizeGivesTheSameTextArticle) {
  const std::string content = "\xEF\xBB\xBF date 2023-12-21\r\n Caf\xC3\xA9 – 😀\r\nend\n";
  const auto expected = Describe(ReadWithChunk(content, InputFormat::kDatedText, 1 << 20));
  ASSERT_EQ(expected.size(), 1u);
  for (size_t chunk = 1; chunk <= 20; ++chunk) {
    EXPECT_EQ(Describe(ReadWithChunk(content, InputFormat::kAuto, chunk)), expected) << chunk;
  }
}

TEST(Streaming, AMultibyteCharacterAndACrlfSplitAcrossPieces) {
  // "😀" (4 bytes) starts at byte 11 and CRLF at byte 43: pieces of 4, 12, 13 and 22 cut through the one,
  // pieces of 4, 11, 22 and 44 through the other.
  const std::string line = "{\"text\":\"ab😀cdefgh\",\"date\":\"2023-12-21\"}\r\n{\"text\":\"z\"}";
  ASSERT_EQ(line.find("😀"), 11u);
  ASSERT_EQ(line.find("\r\n"), 43u);
  for (size_t chunk : {4, 11, 12, 13, 22, 44}) {
    const auto docs = ReadWithChunk(line, InputFormat::kJsonLines, chunk);
    ASSERT_EQ(docs.size(), 2u) << chunk;
    EXPECT_EQ(docs[0].text, "ab😀cdefgh") << chunk;
    EXPECT_TRUE(docs[0].warnings.empty()) << chunk;
    EXPECT_EQ(docs[1].text, "z") << chunk;
  }
}

// A line of exactly `bytes` bytes whose text is "t".
std::string LineOfSize(size_t bytes, const std::string& id = "k") {
  const std::string head = "{\"id\":\"" + id + "\",\"text\":\"t\",\"pad\":\"";
  const std::string tail = "\"}";
  return head + std::string(bytes - head.size() - tail.size(), 'p') + tail;
}

TEST(Streaming, AJsonLineExactlyAtTheRecordBudgetIsRead) {
  ReaderOptions options;
  options.max_record_bytes = 1000;
  for (size_t chunk : {64, 999, 1000, 1001, 4096}) {
    const std::string content = LineOfSize(1000, "a") + "\n" + LineOfSize(1001, "b") + "\r\n" +
                                "{\"text\":\"after\"}\n" + LineOfSize(1001, "c");
    const auto docs = ReadWithChunk(content, InputFormat::kJsonLines, chunk, options);
    ASSERT_EQ(docs.size(), 4u) << chunk;
    EXPECT_FALSE(docs[0].is_error()) << docs[0].error;
    EXPECT_EQ(docs[0].id, "a");
    EXPECT_EQ(docs[1].id, "b");
    EXPECT_EQ(docs[1].error, "line 2: the line is 1002 bytes; the limit for a line is 1000 "
                             "(the reader's max_record_bytes)");
    EXPECT_EQ(docs[1].input_number, 2u);
    EXPECT_EQ(docs[2].text, "after");
    EXPECT_EQ(docs[3].error.substr(0, 30), "line 4: the line is 1001 bytes");  // the last, without a newline
    EXPECT_EQ(docs[3].id, "c");
  }
}

TEST(Streaming, TheDefaultRecordBudgetIsTheArticleBudgetPlusOneMebibyte) {
  ReaderOptions options;
  options.max_article_bytes = 1000;
  const size_t limit = 1000 + (1 << 20);
  const std::string content = LineOfSize(limit, "a") + "\n" + LineOfSize(limit + 1, "b") + "\n";
  const auto docs = ReadWithChunk(content, InputFormat::kJsonLines, 1 << 16, options);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_FALSE(docs[0].is_error()) << docs[0].error;
  EXPECT_EQ(docs[1].error, "line 2: the line is " + std::to_string(limit + 1) + " bytes; the limit for a line is " +
                               std::to_string(limit) + " (--max-article-bytes + 1 MiB)");
  EXPECT_EQ(docs[1].id, "b");
}

TEST(Streaming, ALongLineKeepsTheIdOnlyWhenItComesFirst) {
  ReaderOptions options;
  options.max_record_bytes = 100;
  const std::string big(300, 'x');
  const std::string content = "{\"id\":\"a\\u00e9\",\"x\":[1,{\"y\":\"]\"}],\"text\":\"" + big + "\"}\n" +
                              "{\"text\":\"" + big + "\",\"id\":\"b\"}\n" + "{\"id\":12,\"text\":\"" + big + "\"}\n" +
                              std::string(500, ' ') + "\n" + "{\"id\":\"c\",\"text\":\"ok\"}\n";
  for (size_t chunk : {16, 4096}) {
    const auto docs = ReadWithChunk(content, InputFormat::kJsonLines, chunk, options);
    ASSERT_EQ(docs.size(), 4u);
    EXPECT_EQ(docs[0].id, "aé");
    EXPECT_EQ(docs[1].id, "doc-2");
    EXPECT_EQ(docs[2].id, "12");
    EXPECT_TRUE(docs[2].is_error());
    EXPECT_EQ(docs[3].id, "c");  // the long blank line was no record
    EXPECT_EQ(docs[3].input_number, 4u);
  }
}

TEST(Streaming, ACsvRowOverTheBudgetIsSkippedToItsEndRespectingQuotes) {
  ReaderOptions options;
  options.max_record_bytes = 100;
  const std::string big(300, 'x');
  const std::string content = "id,text\nr1,\"" + big + "\n" + big + "\"\"\n,still inside\"\nr2,fine\n" + "r3," +
                              big + "\r\nr4,\"" + big + "\"x\nr5,also fine\n";
  for (size_t chunk : {8, 64, 4096}) {
    const auto docs = ReadWithChunk(content, InputFormat::kCsv, chunk, options);
    ASSERT_EQ(docs.size(), 5u) << chunk;
    EXPECT_EQ(docs[0].id, "r1");
    EXPECT_EQ(docs[0].error, "line 2: the row is 622 bytes; the limit for a row is 100 (the reader's "
                             "max_record_bytes)");
    EXPECT_EQ(docs[1].text, "fine");
    EXPECT_EQ(docs[2].id, "r3");
    EXPECT_EQ(docs[2].error.substr(0, 31), "line 6: the row is 304 bytes; t");
    EXPECT_EQ(docs[3].error.substr(0, 31), "line 7: the row is 306 bytes; t");
    EXPECT_EQ(docs[4].text, "also fine");
    EXPECT_EQ(docs[4].input_number, 5u);
  }
}

TEST(Streaming, ACsvRowWhoseQuoteNeverClosesPastTheBudgetEndsTheInput) {
  ReaderOptions options;
  options.max_record_bytes = 100;
  const auto docs = ReadWithChunk("text\n\"" + std::string(300, 'x') + "\nmore\n", InputFormat::kCsv, 16, options);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_NE(docs[0].error.find("never closed; reading of this input stops here"), std::string::npos)
      << docs[0].error;
}

// Found by the fuzzer: a one-byte window whose record budget was too small to hold a byte-order mark's worth
// of bytes looped for ever.
TEST(Streaming, TinyWindowsAndBudgetsStillReachTheEnd) {
  ReaderOptions options;
  options.max_record_bytes = 1;
  const std::string content = "{\"id\":\"a\",\"gate\":\"X2d-4z001-02\"\0002013 \u201ctod";
  for (InputFormat format : {InputFormat::kJsonLines, InputFormat::kCsv, InputFormat::kDatedText}) {
    for (size_t chunk : {1, 2, 3}) {
      const auto docs = ReadWithChunk(content, format, chunk, options);
      EXPECT_LE(docs.size(), 1u);
    }
  }
}

// Found by the fuzzer: simdjson reads past the end of a malformed line, and found there the next line or
// stale bytes depending on the window, so the error message changed with the window's size.
TEST(Streaming, AMalformedLineGivesTheSameErrorWhateverFollowsItInTheWindow) {
  using namespace std::string_literals;
  const std::string content =
      "{\x00\"\xf4 Qdurl 2025-0i\"\x04\x00-02 The U.S. envo\x1a\x14\x00\x00\x00ui\xe2\"}\n"
      "{\"id\":{\"\"5yate{ 2025\"\":[\"id\":9,#\"text\":I\x07\x00\"x-\"}"s;
  const auto expected = Describe(ReadWithChunk(content, InputFormat::kJsonLines, 1 << 16));
  ASSERT_EQ(expected.size(), 2u);
  for (size_t chunk = 1; chunk <= 100; ++chunk) {
    EXPECT_EQ(Describe(ReadWithChunk(content, InputFormat::kJsonLines, chunk)), expected) << chunk;
  }
}

// Generates `lines` JSON Lines articles on the fly, so a test can read far more than it ever holds.
class GeneratedSource final : public ByteSource {
 public:
  explicit GeneratedSource(size_t lines) : lines_(lines) {}
  Result<size_t> Read(char* out, size_t size) override {
    size_t written = 0;
    while (written < size) {
      if (pending_.empty()) {
        if (made_ == lines_) break;
        ++made_;
        pending_ = made_ % 1000 == 0 ? "{\"text\":\"" + std::string(5000, 'L') + "\"}\n"
                                     : "{\"text\":\"article " + std::to_string(made_) + " – é\"}\n";
      }
      const size_t count = std::min(size - written, pending_.size());
      std::memcpy(out + written, pending_.data(), count);
      pending_.erase(0, count);
      written += count;
    }
    return written;
  }

 private:
  size_t lines_;
  size_t made_ = 0;
  std::string pending_;
};

TEST(Streaming, MemoryStaysWithTheWindowHoweverLongTheInput) {
  ReaderOptions options;
  options.chunk_bytes = 4096;
  const size_t lines = 300000;  // about 10 MB
  std::unique_ptr<ArticleReader> reader =
      NewJsonLinesReader("generated", std::make_unique<GeneratedSource>(lines), options);
  Document doc;
  size_t count = 0;
  size_t most = 0;
  while (reader->Next(doc)) {
    ++count;
    ASSERT_FALSE(doc.is_error()) << doc.error;
    most = std::max(most, reader->buffer_capacity());
  }
  EXPECT_EQ(count, lines);
  EXPECT_TRUE(reader->status().ok());
  // Lines of 5 KB are more than half the window: it grows once, to hold one.
  EXPECT_LE(most, 16384u);
}

TEST(Streaming, ALongLineGrowsTheWindowOnlyToTheBudget) {
  ReaderOptions options;
  options.chunk_bytes = 64;
  options.max_record_bytes = 10000;
  std::string content;
  for (int i = 0; i < 50; ++i) content += LineOfSize(9000) + "\n" + LineOfSize(200000) + "\n";
  Result<std::unique_ptr<ArticleReader>> reader = ReaderFromBuffer("x.jsonl", content, options);
  ASSERT_OK(reader);
  Document doc;
  size_t count = 0;
  while ((*reader)->Next(doc)) {
    EXPECT_EQ(doc.is_error(), count % 2 == 1);
    ++count;
    EXPECT_LE((*reader)->buffer_capacity(), 10001u);
  }
  EXPECT_EQ(count, 100u);
}

TEST(Streaming, ACsvRowGrowsTheWindowOnlyToTheBudget) {
  ReaderOptions options;
  options.chunk_bytes = 64;
  options.max_record_bytes = 10000;
  std::string content = "id,text\n";
  for (int i = 0; i < 50; ++i) {
    content += "a,\"" + std::string(9000, 'q') + "\"\nb,\"" + std::string(100000, '\n') + "\"\n";
  }
  Result<std::unique_ptr<ArticleReader>> reader = ReaderFromBuffer("x.csv", content, options);
  ASSERT_OK(reader);
  Document doc;
  size_t count = 0;
  while ((*reader)->Next(doc)) {
    EXPECT_EQ(doc.is_error(), count % 2 == 1) << doc.error;
    ++count;
    EXPECT_EQ(doc.input_number, count);
    EXPECT_LE((*reader)->buffer_capacity(), 10001u);
  }
  EXPECT_EQ(count, 100u);
}

TEST(Streaming, ATextOverTheBudgetIsCountedWithoutBeingHeld) {
  ReaderOptions options;
  options.max_article_bytes = 1000;
  options.chunk_bytes = 512;
  const std::string content = "date 2023-12-21 " + std::string(500000, 'x');
  Result<std::unique_ptr<ArticleReader>> reader = ReaderFromBuffer("a.txt", content, options);
  ASSERT_OK(reader);
  const auto docs = ReadAll(**reader);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].error, "text is 500000 bytes; the limit is 1000 (--max-article-bytes)");
  EXPECT_EQ(docs[0].id, "a");
  EXPECT_LE((*reader)->buffer_capacity(), 1000u + (64u << 10) + 1024u);
  EXPECT_TRUE(ReadString(std::string(200000, ' '), InputFormat::kDatedText, options).empty());
}

TEST(Streaming, DamageAfterTheStartEndsTheInputWithAnErrorRecord) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "{\"text\":\"article " + std::to_string(i) + "\"}\n";
  const std::string compressed = Gzip(text);
  ReaderOptions options;
  options.chunk_bytes = 1024;
  Result<std::unique_ptr<ArticleReader>> reader =
      ReaderFromBuffer("a.jsonl.gz", compressed.substr(0, compressed.size() - 100), options);
  ASSERT_OK(reader);
  const auto docs = ReadAll(**reader);
  ASSERT_GT(docs.size(), 1000u);
  for (size_t i = 0; i + 1 < docs.size(); ++i) ASSERT_FALSE(docs[i].is_error()) << docs[i].error;
  EXPECT_EQ(docs.back().error, "'a.jsonl.gz': truncated gzip data; reading of this input stops here");
  EXPECT_EQ(docs.back().input_number, docs.size());
  EXPECT_FALSE((*reader)->status().ok());
  Document after;
  EXPECT_FALSE((*reader)->Next(after));
}

// Found by the fuzzer: a read failure met while skipping a CSV header over the budget was numbered 1 too.
TEST(Streaming, AFailureAfterAHeaderErrorIsRecordTwo) {
  const std::string compressed = Gzip("text," + std::string(10000, 'x'));
  ReaderOptions options;
  options.format = InputFormat::kCsv;
  options.chunk_bytes = 8;
  options.max_record_bytes = 100;
  Result<std::unique_ptr<ArticleReader>> reader =
      ReaderFromBuffer("a.csv.gz", compressed.substr(0, compressed.size() - 12), options);
  ASSERT_OK(reader);
  const auto docs = ReadAll(**reader);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].input_number, 1u);
  EXPECT_EQ(docs[0].error.substr(0, 35), "line 1: cannot read the CSV header:");
  EXPECT_EQ(docs[1].input_number, 2u);
  EXPECT_NE(docs[1].error.find("truncated gzip data"), std::string::npos) << docs[1].error;
}

TEST(Streaming, BrokenCompressedDataAtTheStartIsAnOpenError) {
  ReaderOptions options;
  options.format = InputFormat::kJsonLines;  // even when the format needs no look at the content
  Result<std::unique_ptr<ArticleReader>> reader = ReaderFromBuffer("a.jsonl.gz", "\x1f\x8b garbage", options);
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), Status::Code::kIOError);
}

}  // namespace
}  // namespace annalist
