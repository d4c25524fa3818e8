// Reader-level tests: opening inputs, recognising formats and compression, and the bad-input suite.
#include "io/reader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

#include "core/utf8.h"
#include "io/reader_test_util.h"

namespace annalist {
namespace {

using testing::Gzip;
using testing::ReadAll;
using testing::ReadString;
using testing::TempDirTest;
using testing::Zstd;
using testing::ZstdWithoutSize;

constexpr std::string_view kTwoArticles =
    "{\"id\":\"a\",\"date\":\"2023-12-21\",\"text\":\"One.\"}\n{\"id\":\"b\",\"text\":\"Two.\"}\n";

// Every record must be an error record with an id and no text, or an article with an id and valid UTF-8.
void ExpectWellFormed(const std::vector<Document>& docs) {
  for (const Document& doc : docs) {
    EXPECT_FALSE(doc.id.empty());
    EXPECT_TRUE(IsValidUtf8(doc.id));
    EXPECT_TRUE(IsValidUtf8(doc.text));
    EXPECT_EQ(doc.text.find('\0'), std::string::npos);
    if (doc.is_error()) {
      EXPECT_TRUE(doc.text.empty());
    }
  }
}

size_t NonBlankLines(std::string_view content) {
  size_t count = 0;
  while (!content.empty()) {
    const size_t end = std::min(content.find('\n'), content.size());
    const std::string_view line = content.substr(0, end);
    if (line.find_first_not_of(" \t\r\n\v\f") != std::string_view::npos) ++count;
    content.remove_prefix(std::min(end + 1, content.size()));
  }
  return count;
}

class ReaderTest : public TempDirTest {
 protected:
  std::vector<Document> ReadFile(const std::string& path, const ReaderOptions& options = {}) {
    Result<std::unique_ptr<ArticleReader>> reader = OpenInput(path, options);
    if (!reader.ok()) {
      ADD_FAILURE() << reader.status().ToString();
      return {};
    }
    return ReadAll(**reader);
  }
};

// --- Opening inputs. -----------------------------------------------------------------------------------

TEST_F(ReaderTest, OpenInputOfAMissingFileIsAnIOErrorNamingIt) {
  Result<std::unique_ptr<ArticleReader>> reader = OpenInput(Path("nope.jsonl"), {});
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), Status::Code::kIOError);
  EXPECT_NE(reader.status().message().find("nope.jsonl"), std::string::npos);
}

TEST_F(ReaderTest, DashIsStandardInput) {
  ASSERT_NE(std::freopen(WriteFile("in.txt", "date 2023-12-21 From stdin.").c_str(), "rb", stdin), nullptr);
  Result<std::unique_ptr<ArticleReader>> reader = OpenInput("-", {});
  ASSERT_OK(reader);
  EXPECT_EQ((*reader)->name(), "<stdin>");
  const auto docs = ReadAll(**reader);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "doc-1");
  EXPECT_EQ(docs[0].text, "From stdin.");
}

TEST_F(ReaderTest, TheReaderKnowsItsNameAndFormat) {
  Result<std::unique_ptr<ArticleReader>> reader = OpenInput(WriteFile("x.csv", "id,text\n1,a\n"), {});
  ASSERT_OK(reader);
  EXPECT_EQ((*reader)->name(), Path("x.csv"));
  EXPECT_EQ((*reader)->format(), InputFormat::kCsv);
}

TEST(InputFormatName, RoundTripsThroughParseInputFormat) {
  for (InputFormat format :
       {InputFormat::kAuto, InputFormat::kJsonLines, InputFormat::kCsv, InputFormat::kDatedText}) {
    EXPECT_EQ(ParseInputFormat(InputFormatName(format)), format);
  }
  EXPECT_EQ(ParseInputFormat("ndjson"), InputFormat::kJsonLines);
  EXPECT_EQ(ParseInputFormat("xml"), std::nullopt);
}

TEST(ReaderFromBuffer, ContentOverTheInputBudgetIsAnIOError) {
  ReaderOptions options;
  options.max_input_bytes = 10;
  Result<std::unique_ptr<ArticleReader>> reader = ReaderFromBuffer("x", std::string(11, ' '), options);
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), Status::Code::kIOError);
}

TEST(ReaderFromBuffer, CorruptCompressedContentIsAnIOError) {
  Result<std::unique_ptr<ArticleReader>> reader = ReaderFromBuffer("x.gz", "\x1f\x8b garbage", {});
  ASSERT_FALSE(reader.ok());
  EXPECT_NE(reader.status().message().find("x.gz"), std::string::npos);
}

// --- Format and compression recognition. ----------------------------------------------------------------

TEST(ReaderFromBuffer, RecognisesTheFormatByContentWhenTheNameSaysNothing) {
  const struct {
    std::string_view content;
    InputFormat format;
  } cases[] = {
      {kTwoArticles, InputFormat::kJsonLines},
      {"id,date,text\n1,2023-12-21,a\n", InputFormat::kCsv},
      {" date 2023-12-21 Body", InputFormat::kDatedText},
      {"Just an article.", InputFormat::kDatedText},
  };
  for (const auto& c : cases) {
    Result<std::unique_ptr<ArticleReader>> reader = ReaderFromBuffer("stream", std::string(c.content), {});
    ASSERT_OK(reader);
    EXPECT_EQ((*reader)->format(), c.format) << c.content;
  }
}

TEST(ReaderFromBuffer, AnExplicitFormatOverridesRecognition) {
  ReaderOptions options;
  options.format = InputFormat::kDatedText;
  Result<std::unique_ptr<ArticleReader>> reader =
      ReaderFromBuffer("a.jsonl", std::string(kTwoArticles), options);
  ASSERT_OK(reader);
  EXPECT_EQ((*reader)->format(), InputFormat::kDatedText);
  EXPECT_EQ(ReadAll(**reader).size(), 1u);
}

TEST(ReaderFromBuffer, PlainTextUsesTheDefaultDate) {
  ReaderOptions options;
  options.default_date = CivilDate{2023, 12, 21};
  const auto docs =
      ReadString("Hamas said on Thursday it would not talk.", InputFormat::kAuto, options, "<stdin>");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "doc-1");
  EXPECT_EQ(docs[0].date, options.default_date);
  EXPECT_EQ(docs[0].text, "Hamas said on Thursday it would not talk.");
}

TEST_F(ReaderTest, GzipFileWrittenWithGzwrite) {
  const std::string path = Path("articles.jsonl.gz");
  gzFile file = gzopen(path.c_str(), "wb");
  ASSERT_NE(file, nullptr);
  ASSERT_EQ(gzwrite(file, kTwoArticles.data(), static_cast<unsigned>(kTwoArticles.size())),
            static_cast<int>(kTwoArticles.size()));
  ASSERT_EQ(gzclose(file), Z_OK);
  // Appending makes a second gzip member.
  file = gzopen(path.c_str(), "ab");
  ASSERT_NE(file, nullptr);
  gzputs(file, "{\"text\":\"Three.\"}\n");
  ASSERT_EQ(gzclose(file), Z_OK);
  const auto docs = ReadFile(path);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].id, "a");
  EXPECT_EQ(docs[1].text, "Two.");
  EXPECT_EQ(docs[2].text, "Three.");
}

TEST_F(ReaderTest, ZstdFiles) {
  for (const std::string& compressed : {Zstd(kTwoArticles), ZstdWithoutSize(kTwoArticles)}) {
    const auto docs = ReadFile(WriteFile("articles.jsonl.zst", compressed));
    ASSERT_EQ(docs.size(), 2u);
    EXPECT_EQ(docs[0].text, "One.");
    EXPECT_EQ(docs[1].id, "b");
  }
}

TEST_F(ReaderTest, CompressionIsRecognisedByContentWhateverTheName) {
  const auto docs = ReadFile(WriteFile("articles.data", Gzip(kTwoArticles)));
  ASSERT_EQ(docs.size(), 2u);
  const auto csv = ReadFile(WriteFile("table", Zstd("id,text\n1,a\n")));
  ASSERT_EQ(csv.size(), 1u);
  EXPECT_EQ(csv[0].text, "a");
}

TEST_F(ReaderTest, CompressedTextFileIdIsItsStem) {
  const auto docs = ReadFile(WriteFile("seed/001_abc.txt.gz", Gzip("date 2023-12-21 Body\n")));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "001_abc");
  EXPECT_EQ(docs[0].text, "Body\n");
}

// --- The bad-input suite. -------------------------------------------------------------------------------

TEST_F(ReaderTest, EmptyFileHasNoRecords) {
  for (const char* name : {"e.jsonl", "e.csv", "e.txt", "e"}) {
    EXPECT_TRUE(ReadFile(WriteFile(name, "")).empty()) << name;
  }
}

TEST_F(ReaderTest, AnEmptyLineIsNotARecord) {
  const auto docs = ReadFile(WriteFile("a.jsonl", "{\"text\":\"a\"}\n\n{\"text\":\"b\"}\n"));
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1].id, "doc-2");
}

TEST_F(ReaderTest, InvalidUtf8IsRepairedInEveryFormat) {
  const std::string bad = "caf\xE9 \xC0\xAF";
  const std::string jsonl = "{\"text\":\"" + bad + "\"}\n";
  const std::string csv = "text\n" + bad + "\n";
  const std::string text = "date 2023-12-21 " + bad;
  for (const auto& [name, content] : {std::pair{"u.jsonl", jsonl}, {"u.csv", csv}, {"u.txt", text}}) {
    const auto docs = ReadFile(WriteFile(name, content));
    ASSERT_EQ(docs.size(), 1u) << name;
    EXPECT_FALSE(docs[0].is_error()) << name << ": " << docs[0].error;
    EXPECT_TRUE(IsValidUtf8(docs[0].text)) << name;
    EXPECT_NE(docs[0].text.find("\uFFFD"), std::string::npos) << name;
    EXPECT_FALSE(docs[0].warnings.empty()) << name;
  }
}

TEST_F(ReaderTest, NulBytesNeverReachTheText) {
  using namespace std::string_literals;
  const auto jsonl = ReadFile(WriteFile("n.jsonl", "{\"text\":\"a\0b\"}\n\0\n{\"text\":\"c\"}\n"s));
  ASSERT_EQ(jsonl.size(), 3u);
  ExpectWellFormed(jsonl);
  EXPECT_TRUE(jsonl[1].is_error());  // a lone NUL is not JSON
  EXPECT_EQ(jsonl[2].text, "c");
  const auto csv = ReadFile(WriteFile("n.csv", "text\na\0b\n"s));
  ASSERT_EQ(csv.size(), 1u);
  EXPECT_EQ(csv[0].text, "a b");
  const auto text = ReadFile(WriteFile("n.txt", "date 2023-12-21 a\0b"s));
  ASSERT_EQ(text.size(), 1u);
  EXPECT_EQ(text[0].text, "a b");
  EXPECT_EQ(text[0].warnings, std::vector<std::string>{"text: 1 NUL bytes replaced with spaces"});
}

TEST_F(ReaderTest, CrlfLineEnds) {
  const auto jsonl = ReadFile(WriteFile("c.jsonl", "{\"text\":\"a\"}\r\n{\"text\":\"b\"}\r\n"));
  ASSERT_EQ(jsonl.size(), 2u);
  EXPECT_EQ(jsonl[1].text, "b");
  const auto csv = ReadFile(WriteFile("c.csv", "id,text\r\n1,a\r\n2,\"b\r\nc\"\r\n"));
  ASSERT_EQ(csv.size(), 2u);
  EXPECT_EQ(csv[0].text, "a");
  EXPECT_EQ(csv[1].text, "b\r\nc");  // inside quotes the line end is content
}

TEST_F(ReaderTest, ARecordWithoutText) {
  const auto docs = ReadFile(WriteFile("t.jsonl", "{\"id\":\"x\",\"title\":\"no body\"}\n"));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "x");
  EXPECT_EQ(docs[0].error, "line 1: no \"text\" field");
}

TEST_F(ReaderTest, ADateThatIsNotADate) {
  const auto docs = ReadFile(WriteFile("d.jsonl", "{\"date\":\"last Tuesday\",\"text\":\"a\"}\n"));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_FALSE(docs[0].is_error());
  EXPECT_FALSE(docs[0].date.has_value());
  EXPECT_EQ(docs[0].date_text, "last Tuesday");
  EXPECT_EQ(docs[0].warnings,
            std::vector<std::string>{"date \"last Tuesday\" is not a valid YYYY-MM-DD date; "
                                     "relative times are left unresolved"});
}

TEST_F(ReaderTest, A50MegabyteLineIsAnErrorUnderTheDefaultBudgetAndReadsWithALargerOne) {
  std::string line = "{\"id\":\"huge\",\"text\":\"";
  line.append(50u << 20, 'a');
  line += "\"}";
  const size_t line_bytes = line.size();
  line += "\n{\"text\":\"next\"}\n";
  const std::string path = WriteFile("huge.jsonl", line);
  line = std::string();

  // The line is longer than any article within the budget can make it: it is skipped, never held whole.
  Result<std::unique_ptr<ArticleReader>> reader = OpenInput(path, {});
  ASSERT_OK(reader);
  const auto limited = ReadAll(**reader);
  ASSERT_EQ(limited.size(), 2u);
  EXPECT_EQ(limited[0].id, "huge");
  EXPECT_EQ(limited[0].error, "line 1: the line is " + std::to_string(line_bytes) +
                                  " bytes; the limit for a line is 17825792 (--max-article-bytes + 1 MiB)");
  EXPECT_EQ(limited[1].text, "next");
  EXPECT_LE((*reader)->buffer_capacity(), (17u << 20) + 1);

  // A text over the budget in a line within the record budget is reported as before.
  ReaderOptions small;
  small.max_article_bytes = 40u << 20;
  const auto over = ReadFile(path, small);
  ASSERT_EQ(over.size(), 2u);
  EXPECT_EQ(over[0].error, "line 1: the line is " + std::to_string(line_bytes) +
                               " bytes; the limit for a line is 42991616 (--max-article-bytes + 1 MiB)");
  small.max_article_bytes = (50u << 20) - 1;
  const auto text_over = ReadFile(path, small);
  ASSERT_EQ(text_over.size(), 2u);
  EXPECT_EQ(text_over[0].error, "line 1: text is 52428800 bytes; the limit is 52428799 (--max-article-bytes)");
  EXPECT_EQ(text_over[0].id, "huge");

  ReaderOptions options;
  options.max_article_bytes = 64u << 20;
  const auto allowed = ReadFile(path, options);
  ASSERT_EQ(allowed.size(), 2u);
  EXPECT_FALSE(allowed[0].is_error()) << allowed[0].error;
  EXPECT_EQ(allowed[0].text.size(), 50u << 20);
}

TEST(ReaderFromBuffer, BinaryGarbageGivesOneWellFormedRecordPerNonBlankLine) {
  std::mt19937 random(20231221);
  std::string garbage(64 << 10, '\0');
  for (char& c : garbage) c = static_cast<char>(random() & 0xFF);
  if (garbage.starts_with("\xEF\xBB\xBF")) garbage[0] = 'x';
  const auto docs = ReadString(garbage, InputFormat::kJsonLines);
  EXPECT_EQ(docs.size(), NonBlankLines(garbage));
  ExpectWellFormed(docs);
  for (const Document& doc : docs) EXPECT_TRUE(doc.is_error());
  for (InputFormat format : {InputFormat::kAuto, InputFormat::kCsv, InputFormat::kDatedText}) {
    ExpectWellFormed(ReadString(garbage, format));
  }
}

TEST(ReaderFromBuffer, NLinesInGiveNRecordsOut) {
  std::string content;
  const int n = 1000;
  for (int i = 0; i < n; ++i) {
    switch (i % 4) {
      case 0:
        content += "{\"text\":\"article " + std::to_string(i) + "\"}\n";
        break;
      case 1:
        content += "{\"id\":" + std::to_string(i) + ",\"text\":\"x\",\"date\":\"bad\"}\r\n";
        break;
      case 2:
        content += "{broken\n";
        break;
      default:
        content += "{\"title\":\"no text\"}\n";
    }
  }
  const auto docs = ReadString(content, InputFormat::kJsonLines);
  ASSERT_EQ(docs.size(), static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    EXPECT_EQ(docs[i].input_number, static_cast<uint64_t>(i + 1));
    EXPECT_EQ(docs[i].is_error(), i % 4 >= 2) << i;
  }
  EXPECT_EQ(docs[1].id, "1");
  EXPECT_EQ(docs[2].id, "doc-3");
}

// --- The shared data, read at run time (never copied into the repository). ------------------------------

std::filesystem::path SharedFile(const std::string& relative) {
  return std::filesystem::path(ANNALIST_SHARED_DIR) / relative;
}

TEST_F(ReaderTest, TheSeedTextFile) {
  const std::filesystem::path path = SharedFile("data/seed/000_7b6c0f922be5321a.txt");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is missing";
  const auto docs = ReadFile(path.string());
  ASSERT_EQ(docs.size(), 1u);
  const Document& doc = docs[0];
  EXPECT_FALSE(doc.is_error()) << doc.error;
  EXPECT_EQ(doc.id, "000_7b6c0f922be5321a");
  EXPECT_EQ(doc.date, (CivilDate{2023, 12, 21}));
  EXPECT_TRUE(doc.text.starts_with("The Islamist group")) << doc.text.substr(0, 40);
  // The text runs to the end of the file, unchanged.
  std::ifstream file(path, std::ios::binary);
  const std::string content((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  EXPECT_TRUE(content.ends_with(doc.text));
  EXPECT_TRUE(doc.warnings.empty());
}

TEST_F(ReaderTest, TheGuardianSampleCsvHas200Articles) {
  const std::filesystem::path path = SharedFile("data/guardian/guardian-sample.csv");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is missing";
  const auto docs = ReadFile(path.string());
  ASSERT_EQ(docs.size(), 200u);
  for (const Document& doc : docs) {
    EXPECT_FALSE(doc.is_error()) << doc.id << ": " << doc.error;
    EXPECT_TRUE(doc.id.starts_with("guardian-")) << doc.id;
    EXPECT_TRUE(doc.date.has_value()) << doc.id << ": " << doc.date_text;
    EXPECT_FALSE(doc.text.empty()) << doc.id;
    EXPECT_TRUE(doc.source.has_value()) << doc.id;
  }
}

// --- ExpandInputs. --------------------------------------------------------------------------------------

using ExpandInputsTest = TempDirTest;

TEST_F(ExpandInputsTest, DirectoriesGiveTheirFilesRecursivelySortedWithoutHiddenOnes) {
  WriteFile("in/b.jsonl", "");
  WriteFile("in/a.csv", "");
  WriteFile("in/sub/c.txt", "");
  WriteFile("in/.hidden.jsonl", "");
  WriteFile("in/.git/config", "");
  std::filesystem::create_directories(dir_ / "in/empty");
  Result<std::vector<std::string>> files = ExpandInputs({Path("in"), "-", Path("in/b.jsonl")});
  ASSERT_OK(files);
  EXPECT_EQ(*files, (std::vector<std::string>{Path("in/a.csv"), Path("in/b.jsonl"), Path("in/sub/c.txt"), "-",
                                              Path("in/b.jsonl")}));
}

TEST_F(ExpandInputsTest, AMissingPathIsAnIOErrorNamingIt) {
  Result<std::vector<std::string>> files = ExpandInputs({Path("missing-dir")});
  ASSERT_FALSE(files.ok());
  EXPECT_EQ(files.status().code(), Status::Code::kIOError);
  EXPECT_NE(files.status().message().find("missing-dir"), std::string::npos);
}

}  // namespace
}  // namespace annalist
