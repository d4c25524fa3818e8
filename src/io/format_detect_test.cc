#include "io/format_detect.h"

#include <gtest/gtest.h>

namespace annalist {
namespace {

TEST(FormatFromName, ExtensionsAfterCompressionSuffixes) {
  const struct {
    std::string_view name;
    InputFormat expected;
  } cases[] = {
      {"a.jsonl", InputFormat::kJsonLines},     {"a.ndjson", InputFormat::kJsonLines},
      {"a.json", InputFormat::kJsonLines},      {"dir/a.JSONL.gz", InputFormat::kJsonLines},
      {"a.jsonl.zst", InputFormat::kJsonLines}, {"a.csv", InputFormat::kCsv},
      {"a.csv.gz", InputFormat::kCsv},          {"seed/000_7b.txt", InputFormat::kDatedText},
      {"a.txt.zst", InputFormat::kDatedText},   {"a.gz", InputFormat::kAuto},
      {"README", InputFormat::kAuto},           {"<stdin>", InputFormat::kAuto},
      {"a.csv.bak", InputFormat::kAuto},        {"csv", InputFormat::kAuto},
  };
  for (const auto& c : cases) EXPECT_EQ(FormatFromName(c.name), c.expected) << c.name;
}

TEST(FormatFromContent, RecognisesEachFormat) {
  const struct {
    std::string_view content;
    InputFormat expected;
  } cases[] = {
      {"{\"text\":\"a\"}\n", InputFormat::kJsonLines},
      {"\n  \t{\"text\":\"a\"}", InputFormat::kJsonLines},
      {"\xEF\xBB\xBF{\"text\":\"a\"}", InputFormat::kJsonLines},
      {"", InputFormat::kJsonLines},
      {" \n\r\n", InputFormat::kJsonLines},
      {" date 2023-12-21 The Islamist group", InputFormat::kDatedText},
      {"date\t2023-13-45\nText", InputFormat::kDatedText},
      {"id,date,text,source\nx,2023-12-21,hello,g\n", InputFormat::kCsv},
      {"\"ID\", \"Text\"\r\n1,hello\r\n", InputFormat::kCsv},
      {"date,text\n", InputFormat::kCsv},
      {"The text of an article, with commas.\n", InputFormat::kDatedText},
      {"date palms grow in Gaza, and text is here", InputFormat::kDatedText},
      {"text\nno comma, so not a header\n", InputFormat::kDatedText},
      {"[1,2,3]\n", InputFormat::kDatedText},
  };
  for (const auto& c : cases) EXPECT_EQ(FormatFromContent(c.content), c.expected) << c.content;
}

TEST(DetectFormat, TheNameWinsOverTheContent) {
  EXPECT_EQ(DetectFormat("a.csv", "{\"text\":\"a\"}"), InputFormat::kCsv);
  EXPECT_EQ(DetectFormat("a.dat", "{\"text\":\"a\"}"), InputFormat::kJsonLines);
  EXPECT_EQ(DetectFormat("<stdin>", "id,text\n1,a\n"), InputFormat::kCsv);
}

TEST(InputStem, DropsFoldersCompressionAndExtension) {
  const struct {
    std::string_view name, stem;
  } cases[] = {
      {"/work/shared/data/seed/000_7b6c0f922be5321a.txt", "000_7b6c0f922be5321a"},
      {"a/b.txt.gz", "b"},
      {"b.zst", "b"},
      {"plain", "plain"},
      {"<stdin>", ""},
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(InputStem(c.name), c.stem) << c.name;
}

}  // namespace
}  // namespace annalist
