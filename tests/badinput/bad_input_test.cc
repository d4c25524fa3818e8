// The bad-input suite, end to end: the real binary on hostile files. Each case states the documented
// behaviour: one record out per article in (an error record where it is not an article), the right exit
// status, and never a crash.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace annalist {
namespace {

namespace fs = std::filesystem;

struct RunResult {
  int exit_status = -1;
  std::vector<std::string> lines;  // stdout, one record a line
  std::string err;
};

class BadInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("annalist-bad-input-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "in");
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    const fs::path path = dir_ / "in" / name;
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path.string();
  }

  // Runs `annalist code ARGS --quiet`, capturing stdout and stderr through files.
  RunResult Run(const std::string& args) { return RunCommand("code " + args); }

  RunResult RunCommand(const std::string& args) {
    const std::string out = (dir_ / "stdout").string(), err = (dir_ / "stderr").string();
    const std::string command = std::string("'") + ANNALIST_BINARY + "' " + args + " --quiet >'" + out +
                                "' 2>'" + err + "'";
    const int status = std::system(command.c_str());
    RunResult result;
    result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream out_file(out, std::ios::binary);
    for (std::string line; std::getline(out_file, line);) result.lines.push_back(line);
    std::ifstream err_file(err);
    result.err.assign(std::istreambuf_iterator<char>(err_file), std::istreambuf_iterator<char>());
    return result;
  }

  fs::path dir_;  // inputs go in dir_/in, the captured output beside it
};

bool IsErrorRecord(const std::string& line) { return line.find("\"error\":") != std::string::npos; }

TEST_F(BadInputTest, NArticlesInGiveNRecordsOutInOrder) {
  std::string input;
  for (int i = 0; i < 1000; ++i) {
    input += "{\"id\":\"a" + std::to_string(i) + "\",\"date\":\"2024-01-02\",\"text\":\"Article " +
             std::to_string(i) + ". It has two sentences.\"}\n";
  }
  const RunResult result = Run(Write("many.jsonl", input) + " --threads 3");
  EXPECT_EQ(result.exit_status, 0) << result.err;
  ASSERT_EQ(result.lines.size(), 1000u);
  for (int i = 0; i < 1000; ++i) {
    EXPECT_EQ(result.lines[i].rfind("{\"id\":\"a" + std::to_string(i) + "\",", 0), 0u) << result.lines[i];
  }
}

TEST_F(BadInputTest, InvalidJsonAndMissingTextBecomeErrorRecordsInPlace) {
  const RunResult result = Run(Write("mixed.jsonl",
                                     "{\"id\":\"ok1\",\"date\":\"2024-01-02\",\"text\":\"Fine.\"}\n"
                                     "{\"id\":\"broken\",\"text\":\n"
                                     "{\"id\":\"notext\",\"date\":\"2024-01-02\"}\n"
                                     "[1,2,3]\n"
                                     "{\"id\":\"ok2\",\"date\":\"2024-01-02\",\"text\":\"Fine too.\"}\n"));
  EXPECT_EQ(result.exit_status, 0) << "error records are not a failure to read: " << result.err;
  ASSERT_EQ(result.lines.size(), 5u);
  EXPECT_FALSE(IsErrorRecord(result.lines[0]));
  EXPECT_TRUE(IsErrorRecord(result.lines[1])) << result.lines[1];
  EXPECT_TRUE(IsErrorRecord(result.lines[2])) << result.lines[2];
  EXPECT_NE(result.lines[2].find("\"id\":\"notext\""), std::string::npos);
  EXPECT_TRUE(IsErrorRecord(result.lines[3])) << result.lines[3];
  EXPECT_FALSE(IsErrorRecord(result.lines[4]));
}

TEST_F(BadInputTest, StrictTurnsErrorRecordsIntoExitStatusOne) {
  const RunResult result = Run(Write("bad.jsonl", "not json\n") + " --strict");
  EXPECT_EQ(result.exit_status, 1);
  EXPECT_EQ(result.lines.size(), 1u);
}

TEST_F(BadInputTest, InvalidUtf8IsReplacedAndTheRecordStillComesOut) {
  const RunResult result =
      Run(Write("utf8.jsonl", "{\"id\":\"u\",\"date\":\"2024-01-02\",\"text\":\"Gaza \xFF\xFE city \xC3.\"}\n"));
  EXPECT_EQ(result.exit_status, 0);
  ASSERT_EQ(result.lines.size(), 1u);
  EXPECT_FALSE(IsErrorRecord(result.lines[0])) << result.lines[0];
  EXPECT_NE(result.lines[0].find("warnings"), std::string::npos) << result.lines[0];
}

TEST_F(BadInputTest, NulBytesAndCrlfAreHarmless) {
  std::string input = "{\"id\":\"n\",\"date\":\"2024-01-02\",\"text\":\"A\\u0000B. Second one.\"}\r\n";
  input += std::string("{\"id\":\"raw\",\"date\":\"2024-01-02\",\"text\":\"A") + '\0' + "B.\"}\r\n";
  const RunResult result = Run(Write("nul.jsonl", input));
  EXPECT_EQ(result.exit_status, 0);
  EXPECT_EQ(result.lines.size(), 2u);
  for (const std::string& line : result.lines) EXPECT_EQ(line.find('\0'), std::string::npos);
}

TEST_F(BadInputTest, EmptyFileGivesNoRecordAndSucceeds) {
  const RunResult result = Run(Write("empty.jsonl", ""));
  EXPECT_EQ(result.exit_status, 0);
  EXPECT_TRUE(result.lines.empty());
}

TEST_F(BadInputTest, BlankLinesAreNotRecords) {
  const RunResult result = Run(Write("blank.jsonl",
                                     "\n{\"id\":\"a\",\"date\":\"2024-01-02\",\"text\":\"One.\"}\n   \n\n"
                                     "{\"id\":\"b\",\"date\":\"2024-01-02\",\"text\":\"Two.\"}\n"));
  EXPECT_EQ(result.exit_status, 0);
  EXPECT_EQ(result.lines.size(), 2u);
}

TEST_F(BadInputTest, FiftyMegabyteLineIsAnErrorRecordUnderTheDefaultBudget) {
  std::string input = "{\"id\":\"huge\",\"date\":\"2024-01-02\",\"text\":\"";
  input.append(50u << 20, 'a');
  input += "\"}\n{\"id\":\"after\",\"date\":\"2024-01-02\",\"text\":\"Still read.\"}\n";
  const std::string path = Write("huge.jsonl", input);
  RunResult result = Run(path);
  EXPECT_EQ(result.exit_status, 0);
  ASSERT_EQ(result.lines.size(), 2u);
  EXPECT_TRUE(IsErrorRecord(result.lines[0]));
  EXPECT_NE(result.lines[0].find("max-article-bytes"), std::string::npos) << result.lines[0].substr(0, 300);
  EXPECT_FALSE(IsErrorRecord(result.lines[1]));
  // With a budget that allows it, the same line is coded.
  result = Run(path + " --max-article-bytes 60000000");
  EXPECT_EQ(result.exit_status, 0);
  ASSERT_EQ(result.lines.size(), 2u);
  EXPECT_FALSE(IsErrorRecord(result.lines[0]));
}

TEST_F(BadInputTest, DateThatIsNotADateKeepsTheArticleWithAWarning) {
  const RunResult result =
      Run(Write("date.jsonl", "{\"id\":\"d\",\"date\":\"2023-13-45\",\"text\":\"Talks resumed on Monday.\"}\n"));
  EXPECT_EQ(result.exit_status, 0);
  ASSERT_EQ(result.lines.size(), 1u);
  EXPECT_FALSE(IsErrorRecord(result.lines[0]));
  EXPECT_NE(result.lines[0].find("\"date\":null"), std::string::npos) << result.lines[0];
  EXPECT_NE(result.lines[0].find("2023-13-45"), std::string::npos) << "the warning quotes the bad date";
}

TEST_F(BadInputTest, DefaultDateFillsAMissingOne) {
  const RunResult result =
      Run(Write("nodate.jsonl", "{\"id\":\"d\",\"text\":\"Talks resumed.\"}\n") + " --date 2024-02-29");
  ASSERT_EQ(result.lines.size(), 1u);
  EXPECT_NE(result.lines[0].find("\"date\":\"2024-02-29\""), std::string::npos) << result.lines[0];
}

TEST_F(BadInputTest, BinaryGarbageNeverCrashes) {
  std::mt19937 random(12345);
  std::string garbage(1 << 16, '\0');
  for (char& c : garbage) c = static_cast<char>(random());
  for (const char* name : {"garbage.jsonl", "garbage.csv", "garbage.txt", "garbage.bin"}) {
    const RunResult result = Run(Write(name, garbage));
    EXPECT_EQ(result.exit_status, 0) << name << ": " << result.err;
  }
}

TEST_F(BadInputTest, UnreadableInputIsReportedAndTheOthersAreStillCoded) {
  const std::string good = Write("good.jsonl", "{\"id\":\"g\",\"date\":\"2024-01-02\",\"text\":\"Fine.\"}\n");
  const RunResult result = Run((dir_ / "in" / "missing.jsonl").string() + " " + good);
  EXPECT_EQ(result.exit_status, 1);
  EXPECT_NE(result.err.find("missing.jsonl"), std::string::npos) << result.err;
}

TEST_F(BadInputTest, TruncatedGzipKeepsTheRecordsBeforeTheDamageAndExitsWithOne) {
  std::string input;
  for (int i = 0; i < 5000; ++i) {
    input += "{\"id\":\"t" + std::to_string(i) + "\",\"date\":\"2024-01-02\",\"text\":\"Article " +
             std::to_string(i * 7919) + " of a long compressed input.\"}\n";
  }
  const std::string plain = Write("long.jsonl", input);
  ASSERT_EQ(std::system(("gzip -c '" + plain + "' > '" + plain + ".gz'").c_str()), 0);
  const auto full_size = fs::file_size(plain + ".gz");
  fs::resize_file(plain + ".gz", full_size / 2);
  const RunResult result = Run(plain + ".gz");
  EXPECT_EQ(result.exit_status, 1) << "a damaged input is a failure to read it";
  ASSERT_GT(result.lines.size(), 10u) << "the records before the damage still come out";
  EXPECT_LT(result.lines.size(), 5000u);
  EXPECT_TRUE(IsErrorRecord(result.lines.back())) << result.lines.back();
  EXPECT_NE(result.err.find("long.jsonl.gz"), std::string::npos) << result.err;
}

TEST_F(BadInputTest, UnwritableOutputExitsWithOne) {
  const std::string good = Write("good.jsonl", "{\"id\":\"g\",\"date\":\"2024-01-02\",\"text\":\"Fine.\"}\n");
  const RunResult result = Run(good + " --out " + (dir_ / "no-such-dir" / "out.jsonl").string());
  EXPECT_EQ(result.exit_status, 1);
  EXPECT_NE(result.err.find("no-such-dir"), std::string::npos) << result.err;
}

TEST_F(BadInputTest, BadUsageExitsWithTwo) {
  EXPECT_EQ(Run("--threads 0").exit_status, 2);
  EXPECT_EQ(Run("--date yesterday").exit_status, 2);
  EXPECT_EQ(Run("--no-such-flag").exit_status, 2);
}

TEST_F(BadInputTest, DatedTextFileAndDirectoryInput) {
  Write("b.txt", " date 2023-12-21 Second file.\n");
  Write("a.txt", "date 2023-12-20\nFirst file.");
  Write(".hidden.txt", "date 2023-12-20\nHidden.");
  const RunResult result = Run((dir_ / "in").string() + " --input-format text");
  EXPECT_EQ(result.exit_status, 0) << result.err;
  ASSERT_EQ(result.lines.size(), 2u);
  EXPECT_EQ(result.lines[0].rfind("{\"id\":\"a\",\"date\":\"2023-12-20\"", 0), 0u) << result.lines[0];
  EXPECT_EQ(result.lines[1].rfind("{\"id\":\"b\",\"date\":\"2023-12-21\"", 0), 0u) << result.lines[1];
}

TEST_F(BadInputTest, ClaimsListsEveryFigureWithItsSource) {
  const std::string input = Write("claims.jsonl",
                                  "{\"id\":\"c1\",\"date\":\"2024-01-02\",\"text\":\"More than 300 people were killed, "
                                  "according to the health ministry.\"}\n"
                                  "not json\n");
  RunResult result = RunCommand("claims " + input + " --csv");
  EXPECT_EQ(result.exit_status, 0) << result.err;
  ASSERT_GE(result.lines.size(), 2u);
  EXPECT_NE(result.lines[0].find("category"), std::string::npos) << result.lines[0];
  bool found = false;
  for (const std::string& line : result.lines) {
    found |= line.find("killed") != std::string::npos && line.find("300") != std::string::npos &&
             line.find("ministry") != std::string::npos && line.find("c1") != std::string::npos;
  }
  EXPECT_TRUE(found) << "no row for the 300 killed";
}

}  // namespace
}  // namespace annalist
