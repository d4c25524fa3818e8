// annalist: the command-line front-end. A thin Unix filter over the library: it parses flags, opens the output
// and hands everything else to RunCoding. Exit status: 0 success, 1 an input could not be read or the output
// could not be written (or --strict and an error record), 2 bad usage.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "annalist/pipeline.h"
#include "cli/flags.h"
#include "figures/claims_view.h"
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
    "  annalist code [FILE|DIR|-]... [options]     code articles; one JSON record per article on stdout\n"
    "  annalist claims [FILE|DIR|-]... [options]   every figure by category and group, with date, source, article\n"
    "  annalist --help | annalist code --help | annalist claims --help\n"
    "  annalist --version\n"
    "\n"
    "Input: JSON Lines (one {\"id\",\"date\",\"text\",...} object a line), CSV with a header holding at least\n"
    "'date' and 'text', or a plain-text file that starts with 'date YYYY-MM-DD'; gzip or zstd compressed or not.\n"
    "A directory stands for the files in it (recursively, in name order); '-' or no FILE reads standard input.\n"
    "Output: one record per input article, in input order, in the shape of RECORDS.md: events (PLOVER, with\n"
    "CAMEO), quantities, places and times, with spans in Unicode code points. A line that is not valid JSON or\n"
    "has no text gives {\"id\",\"error\"} in its place; nothing is dropped.\n";

// The settings of `code` and `claims`, filled by their flag tables.
struct Command {
  std::string out = "-";
  std::string format = "jsonl";  // code
  bool csv = false;              // claims
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

// The flags every command that reads articles takes: where to write, threads, and how to read the input.
std::vector<Flag> InputFlags(Command& command) {
  return {
      {"out", "FILE", "write to FILE instead of standard output",
       [&](std::string_view v) { command.out = std::string(v); return Status::Ok(); }},
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
      {"actors-petrarch", "FILE", "also use this PETRARCH/TABARI actor or agent dictionary (repeatable)",
       [&](std::string_view v) {
         command.pipeline.actor_petrarch_files.emplace_back(v);
         return Status::Ok();
       }},
      {"quiet", "", "no progress line on standard error",
       [&](std::string_view) { command.quiet = true; return Status::Ok(); }},
      {"help", "", "show this help",
       [&](std::string_view) { command.help = true; return Status::Ok(); }},
  };
}

std::vector<Flag> CodeFlags(Command& command) {
  std::vector<Flag> flags = InputFlags(command);
  flags.insert(flags.begin() + 1, {
      {"format", "FORMAT",
       "jsonl (default): one record an article; events-csv: one CSV row an event; gdelt: GDELT 2.0 event "
       "rows (61 tab-separated columns, no header; an article that cannot be coded has no row)",
       [&](std::string_view v) {
         if (v != "jsonl" && v != "events-csv" && v != "gdelt") {
           return Status::InvalidInput("use jsonl, events-csv or gdelt");
         }
         command.format = std::string(v);
         return Status::Ok();
       }},
      {"until", "STAGE", "stop after STAGE: none (read+write), text, times, places, actors, figures, events (default)",
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
  });
  return flags;
}

std::vector<Flag> ClaimsFlags(Command& command) {
  std::vector<Flag> flags = InputFlags(command);
  flags.insert(flags.begin() + 1, {"csv", "", "CSV (one row a figure) instead of a table for the terminal",
                                   [&](std::string_view) { command.csv = true; return Status::Ok(); }});
  return flags;
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

void ReportInputError(const Status& error) { std::fprintf(stderr, "annalist: %s\n", error.message().c_str()); }

// Parses `args` for `name` with `flags`; on --help prints it. Returns the input files, or an exit status.
std::variant<std::vector<std::string>, int> ParseCommand(const char* name, const char* summary,
                                                          const std::vector<std::string>& args,
                                                          const std::vector<Flag>& flags, const Command& command) {
  auto positional = ParseFlags(args, flags);
  if (!positional.ok()) {
    std::fprintf(stderr, "annalist %s: %s\nTry 'annalist %s --help'.\n", name, positional.status().message().c_str(),
                 name);
    return kExitUsage;
  }
  if (command.help) {
    std::printf("%s\n%s\n%s", kUsage, summary, FlagsHelp(flags).c_str());
    return kExitOk;
  }
  std::vector<std::string> inputs = std::move(positional.value());
  if (inputs.empty()) inputs.push_back("-");
  auto files = ExpandInputs(inputs);
  if (!files.ok()) {
    std::fprintf(stderr, "annalist %s: %s\n", name, files.status().message().c_str());
    return kExitIO;
  }
  return std::move(files.value());
}

int RunCode(const std::vector<std::string>& args) {
  Command command;
  const std::vector<Flag> flags = CodeFlags(command);
  auto parsed = ParseCommand("code", "annalist code [FILE|DIR|-]... [options]: one record per article.\n", args,
                             flags, command);
  if (const int* exit_status = std::get_if<int>(&parsed)) return *exit_status;
  const auto& files = std::get<std::vector<std::string>>(parsed);

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
      **pipeline, files, **formatter, **sink, command.run,
      [&](const RunStats& so_far) { progress.Update(so_far, false); }, ReportInputError, &stats);
  Status closed = (*sink)->Close();
  if (status.ok()) status = closed;
  progress.Update(stats, true);
  if (!status.ok()) {
    std::fprintf(stderr, "annalist code: %s\n", status.message().c_str());
    return kExitIO;
  }
  if (stats.unreadable_inputs > 0) return kExitIO;
  if (command.format == "gdelt" && stats.errors > 0) {
    std::fprintf(stderr, "annalist code: %llu articles could not be coded and have no GDELT row "
                 "(--format jsonl shows their error records)\n", static_cast<unsigned long long>(stats.errors));
  }
  if (command.strict && stats.errors > 0) {
    std::fprintf(stderr, "annalist code: %llu error records (--strict)\n",
                 static_cast<unsigned long long>(stats.errors));
    return kExitIO;
  }
  return kExitOk;
}

int RunClaims(const std::vector<std::string>& args) {
  Command command;
  const std::vector<Flag> flags = ClaimsFlags(command);
  auto parsed = ParseCommand(
      "claims",
      "annalist claims [FILE|DIR|-]... [options]: every figure of the articles, by category and counted group,\n"
      "with its date, source and article, so that disagreements between sources and changes over time show.\n",
      args, flags, command);
  if (const int* exit_status = std::get_if<int>(&parsed)) return *exit_status;
  const auto& files = std::get<std::vector<std::string>>(parsed);

  auto pipeline = Pipeline::Create(command.pipeline);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "annalist claims: %s\n", pipeline.status().ToString().c_str());
    return kExitIO;
  }
  command.run.threads = command.threads;
  std::vector<Document> documents;
  RunStats stats;
  CodeIntoMemory(**pipeline, files, command.run, ReportInputError, &documents, &stats);
  std::vector<const Document*> views;
  for (const Document& doc : documents) views.push_back(&doc);
  std::string out;
  Status status = WriteClaimsView(views, command.csv, out);
  if (!status.ok()) {
    std::fprintf(stderr, "annalist claims: %s\n", status.ToString().c_str());
    return kExitIO;
  }
  auto sink = OutputSink::Open(command.out);
  if (!sink.ok()) {
    std::fprintf(stderr, "annalist claims: %s\n", sink.status().message().c_str());
    return kExitIO;
  }
  status = (*sink)->Write(out);
  Status closed = (*sink)->Close();
  if (status.ok()) status = closed;
  if (!status.ok()) {
    std::fprintf(stderr, "annalist claims: %s\n", status.message().c_str());
    return kExitIO;
  }
  return stats.unreadable_inputs > 0 ? kExitIO : kExitOk;
}

int Main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::fputs(kUsage, args.empty() ? stderr : stdout);
    if (args.empty()) std::fputs("\nRun 'annalist code --help' or 'annalist claims --help' for the options.\n", stderr);
    return args.empty() ? kExitUsage : kExitOk;
  }
  if (args[0] == "--version" || args[0] == "version") {
    std::printf("annalist %s\n", ANNALIST_VERSION);
    return kExitOk;
  }
  if (args[0] == "code") return RunCode(std::vector<std::string>(args.begin() + 1, args.end()));
  if (args[0] == "claims") return RunClaims(std::vector<std::string>(args.begin() + 1, args.end()));
  std::fprintf(stderr, "annalist: unknown command '%s'\nTry 'annalist --help'.\n", args[0].c_str());
  return kExitUsage;
}

}  // namespace
}  // namespace annalist

int main(int argc, char** argv) { return annalist::Main(argc, argv); }
