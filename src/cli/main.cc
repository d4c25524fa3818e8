// annalist: the command-line front-end. A thin Unix filter over the library: it parses flags, opens the output
// and hands everything else to RunCoding. Exit status: 0 success, 1 an input could not be read or the output
// could not be written (or --strict and an error record), 2 bad usage.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "annalist/pipeline.h"
#include "cli/flags.h"
#include "io/reader.h"
#include "io/writer.h"
#include "pipeline/runner.h"

namespace annalist {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitIO = 1;
constexpr int kExitUsage = 2;

constexpr char kUsage[] =
    "annalist " ANNALIST_VERSION " - dated news articles in, sourced and located event data out.\n"
    "\n"
    "Usage:\n"
    "  annalist code [FILE|DIR|-]... [options]   code articles; one JSON record per article on stdout\n"
    "  annalist --help | annalist code --help\n"
    "  annalist --version\n"
    "\n"
    "Input: JSON Lines (one {\"id\",\"date\",\"text\",...} object a line), CSV with a header holding at least\n"
    "'date' and 'text', or a plain-text file that starts with 'date YYYY-MM-DD'; gzip or zstd compressed or not.\n"
    "A directory stands for the files in it (recursively, in name order); '-' or no FILE reads standard input.\n"
    "Output: one record per input article, in input order, in the shape of RECORDS.md: events (PLOVER, with\n"
    "CAMEO), quantities, places and times, with spans in Unicode code points. A line that is not valid JSON or\n"
    "has no text gives {\"id\",\"error\"} in its place; nothing is dropped.\n";

struct CodeCommand {
  std::string out = "-";
  std::string format = "jsonl";
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  RunOptions run;
  PipelineOptions pipeline;
  bool quiet = false;
  bool strict = false;
  bool help = false;
};

Status ParseUnsigned(std::string_view text, uint64_t min, uint64_t max, uint64_t* out) {
  uint64_t value = 0;
  if (text.empty() || text.size() > 19) return Status::InvalidInput("'" + std::string(text) + "' is not a number");
  for (char c : text) {
    if (c < '0' || c > '9') return Status::InvalidInput("'" + std::string(text) + "' is not a number");
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  if (value < min || value > max) {
    return Status::InvalidInput(std::to_string(value) + " is out of range (" + std::to_string(min) + ".." +
                                std::to_string(max) + ")");
  }
  *out = value;
  return Status::Ok();
}

std::vector<Flag> CodeFlags(CodeCommand& command) {
  return {
      {"out", "FILE", "write the records to FILE instead of standard output",
       [&](std::string_view v) { command.out = std::string(v); return Status::Ok(); }},
      {"format", "FORMAT", "jsonl (default): one record an article; events-csv: one CSV row an event",
       [&](std::string_view v) {
         if (v != "jsonl" && v != "events-csv") return Status::InvalidInput("use jsonl or events-csv");
         command.format = std::string(v);
         return Status::Ok();
       }},
      {"threads", "N", "code with N threads (default: every core of this machine)",
       [&](std::string_view v) {
         uint64_t n = 0;
         Status status = ParseUnsigned(v, 1, 1024, &n);
         command.threads = static_cast<unsigned>(n);
         return status;
       }},
      {"date", "YYYY-MM-DD", "publication date for articles that have none (or an invalid one)",
       [&](std::string_view v) {
         command.run.reader.default_date = ParseIsoDate(v);
         if (!command.run.reader.default_date) return Status::InvalidInput("'" + std::string(v) + "' is not a date");
         return Status::Ok();
       }},
      {"input-format", "FORMAT", "auto (default: from the name and content), jsonl, csv or text",
       [&](std::string_view v) {
         const std::optional<InputFormat> format = ParseInputFormat(v);
         if (!format) return Status::InvalidInput("use auto, jsonl, csv or text");
         command.run.reader.format = *format;
         return Status::Ok();
       }},
      {"max-article-bytes", "N", "an article longer than N bytes becomes an error record (default 16777216)",
       [&](std::string_view v) { return ParseUnsigned(v, 1, uint64_t{1} << 32, &command.run.reader.max_article_bytes); }},
      {"until", "STAGE", "run the stages up to STAGE only: none (read and write), text, times, places, actors, figures "
                         "or events (default)",
       [&](std::string_view v) {
         if (v == "none") {
           command.pipeline.last_stage.reset();
           return Status::Ok();
         }
         command.pipeline.last_stage = ParseStage(v);
         if (!command.pipeline.last_stage) {
           return Status::InvalidInput("use none, text, times, places, actors, figures or events");
         }
         return Status::Ok();
       }},
      {"strict", "", "exit with status 1 when any record is an error record",
       [&](std::string_view) { command.strict = true; return Status::Ok(); }},
      {"quiet", "", "no progress line on standard error",
       [&](std::string_view) { command.quiet = true; return Status::Ok(); }},
      {"help", "", "show this help",
       [&](std::string_view) { command.help = true; return Status::Ok(); }},
  };
}

// A one-line progress report, redrawn at most five times a second, only when stderr is a terminal.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled), start_(Clock::now()), last_(start_) {}

  void Update(const RunStats& stats, bool final) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (!final && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double megabytes = static_cast<double>(stats.input_bytes) / 1e6;
    std::fprintf(stderr, "\rannalist: %llu articles (%llu errors), %.1f MB, %.1f MB/s   ",
                 static_cast<unsigned long long>(stats.articles), static_cast<unsigned long long>(stats.errors),
                 megabytes, seconds > 0 ? megabytes / seconds : 0.0);
    if (final) std::fputc('\n', stderr);
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  Clock::time_point start_;
  Clock::time_point last_;
};

int RunCode(const std::vector<std::string>& args) {
  CodeCommand command;
  const std::vector<Flag> flags = CodeFlags(command);
  auto positional = ParseFlags(args, flags);
  if (!positional.ok()) {
    std::fprintf(stderr, "annalist code: %s\nTry 'annalist code --help'.\n", positional.status().message().c_str());
    return kExitUsage;
  }
  if (command.help) {
    std::printf("%s\n%s", kUsage, FlagsHelp(flags).c_str());
    return kExitOk;
  }
  std::vector<std::string> inputs = std::move(positional.value());
  if (inputs.empty()) inputs.push_back("-");
  auto files = ExpandInputs(inputs);
  if (!files.ok()) {
    std::fprintf(stderr, "annalist code: %s\n", files.status().message().c_str());
    return kExitIO;
  }
  auto pipeline = Pipeline::Create(command.pipeline);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "annalist code: %s\n", pipeline.status().ToString().c_str());
    return kExitIO;
  }
  auto formatter = MakeFormatter(command.format);
  if (!formatter.ok()) {
    std::fprintf(stderr, "annalist code: %s\n", formatter.status().message().c_str());
    return kExitUsage;
  }
  auto sink = OutputSink::Open(command.out);
  if (!sink.ok()) {
    std::fprintf(stderr, "annalist code: %s\n", sink.status().message().c_str());
    return kExitIO;
  }

  command.run.threads = command.threads;
  ProgressLine progress(!command.quiet && isatty(STDERR_FILENO));
  RunStats stats;
  Status status = RunCoding(
      **pipeline, *files, **formatter, **sink, command.run,
      [&](const RunStats& so_far) { progress.Update(so_far, false); },
      [](const Status& input_error) { std::fprintf(stderr, "annalist code: %s\n", input_error.message().c_str()); },
      &stats);
  Status closed = (*sink)->Close();
  if (status.ok()) status = closed;
  progress.Update(stats, true);
  if (!status.ok()) {
    std::fprintf(stderr, "annalist code: %s\n", status.message().c_str());
    return kExitIO;
  }
  if (stats.unreadable_inputs > 0) return kExitIO;
  if (command.strict && stats.errors > 0) {
    std::fprintf(stderr, "annalist code: %llu error records (--strict)\n",
                 static_cast<unsigned long long>(stats.errors));
    return kExitIO;
  }
  return kExitOk;
}

int Main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::fputs(kUsage, args.empty() ? stderr : stdout);
    if (args.empty()) std::fputs("\nRun 'annalist code --help' for the options.\n", stderr);
    return args.empty() ? kExitUsage : kExitOk;
  }
  if (args[0] == "--version" || args[0] == "version") {
    std::printf("annalist %s\n", ANNALIST_VERSION);
    return kExitOk;
  }
  if (args[0] == "code") return RunCode(std::vector<std::string>(args.begin() + 1, args.end()));
  std::fprintf(stderr, "annalist: unknown command '%s'\nTry 'annalist --help'.\n", args[0].c_str());
  return kExitUsage;
}

}  // namespace
}  // namespace annalist

int main(int argc, char** argv) { return annalist::Main(argc, argv); }
