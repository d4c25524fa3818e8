// Golden-file tests for the whole pipeline, through the library (not the binary): every
// tests/golden/<case>.input.jsonl is coded and compared with <case>.expected.jsonl, line by line.
//
// After an intended change of output, rewrite the expected files and review their diff:
//   ANNALIST_UPDATE_GOLDEN=1 ctest --preset asan -R golden
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "annalist/pipeline.h"
#include "io/reader.h"
#include "io/writer.h"
#include "pipeline/runner.h"

namespace annalist {
namespace {

namespace fs = std::filesystem;

const fs::path kGoldenDir = fs::path(ANNALIST_SOURCE_DIR) / "tests" / "golden";

std::string ReadFile(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  return lines;
}

// Codes `input` with `threads` threads and returns the JSON Lines output. A small batch makes several batches
// even of a small input; `max_group` 1 codes one article at a time through all stages.
std::string Code(const fs::path& input, unsigned threads, size_t batch_size = 2, size_t max_group = 128) {
  auto pipeline = Pipeline::Create();
  EXPECT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  auto formatter = MakeFormatter("jsonl");
  const fs::path output = fs::temp_directory_path() /
                          ("annalist-golden-" + std::to_string(::getpid()) + "-" + std::to_string(threads));
  auto sink = OutputSink::Open(output.string());
  EXPECT_TRUE(sink.ok());
  RunOptions options;
  options.threads = threads;
  options.batch_size = batch_size;
  options.max_group = max_group;
  RunStats stats;
  Status status = RunCoding(**pipeline, {input.string()}, **formatter, **sink, options, nullptr,
                            [](const Status& error) { ADD_FAILURE() << error.ToString(); }, &stats);
  EXPECT_TRUE(status.ok()) << status.ToString();
  EXPECT_TRUE((*sink)->Close().ok());
  std::string bytes = ReadFile(output);
  fs::remove(output);
  return bytes;
}

std::vector<fs::path> GoldenInputs() {
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::directory_iterator(kGoldenDir)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 12 && name.ends_with(".input.jsonl")) inputs.push_back(entry.path());
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

TEST(Golden, EveryCaseMatchesItsExpectedRecords) {
  const std::vector<fs::path> inputs = GoldenInputs();
  ASSERT_FALSE(inputs.empty()) << "no golden cases in " << kGoldenDir;
  const bool update = std::getenv("ANNALIST_UPDATE_GOLDEN") != nullptr;
  for (const fs::path& input : inputs) {
    const std::string name = input.filename().string();
    const fs::path expected_path = kGoldenDir / (name.substr(0, name.size() - 12) + ".expected.jsonl");
    const std::string actual = Code(input, 1);
    if (update) {
      std::ofstream(expected_path, std::ios::binary) << actual;
      continue;
    }
    const std::vector<std::string> want = SplitLines(ReadFile(expected_path));
    const std::vector<std::string> got = SplitLines(actual);
    EXPECT_EQ(got.size(), want.size()) << name << ": record count";
    for (size_t i = 0; i < std::min(got.size(), want.size()); ++i) {
      EXPECT_EQ(got[i], want[i]) << name << " line " << i + 1 << " differs\n- " << want[i] << "\n+ " << got[i];
    }
  }
}

TEST(Golden, OutputIsTheSameBytesWhateverTheThreadCount) {
  for (const fs::path& input : GoldenInputs()) {
    EXPECT_EQ(Code(input, 1), Code(input, 4)) << input;
  }
}

TEST(Golden, GuardianSampleIsTheSameBytesWhateverTheThreadCount) {
  const fs::path sample = fs::path(ANNALIST_SHARED_DIR) / "data" / "guardian" / "guardian-sample.csv";
  if (!fs::exists(sample)) GTEST_SKIP() << "no " << sample;
  const std::string one = Code(sample, 1);
  EXPECT_EQ(std::count(one.begin(), one.end(), '\n'), 200);
  EXPECT_EQ(one, Code(sample, 2));  // the two-thread run the benchmark measures
  EXPECT_EQ(one, Code(sample, 3));
}

// Articles are coded in groups, stage by stage (RunOptions::max_group): no stage may carry anything from one
// article to the next, so whole batches in large groups give the bytes of one article at a time.
TEST(Golden, GuardianSampleIsTheSameBytesWhateverTheGrouping) {
  const fs::path sample = fs::path(ANNALIST_SHARED_DIR) / "data" / "guardian" / "guardian-sample.csv";
  if (!fs::exists(sample)) GTEST_SKIP() << "no " << sample;
  const std::string one_at_a_time = Code(sample, 1, 256, 1);
  EXPECT_EQ(std::count(one_at_a_time.begin(), one_at_a_time.end(), '\n'), 200);
  EXPECT_EQ(one_at_a_time, Code(sample, 1, 256, 128));
  EXPECT_EQ(one_at_a_time, Code(sample, 2, 256, 128));
  EXPECT_EQ(one_at_a_time, Code(sample, 2, 64, 7));
}

}  // namespace
}  // namespace annalist
