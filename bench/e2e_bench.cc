// End-to-end benchmark in the style of leveldb's db_bench: times the annalist binary as a whole process on
// named workloads and prints MB/s, articles/s, µs/article and peak memory (getrusage of the child).
//
//   annalist_e2e_bench --annalist build/annalist --guardian ../shared/data/guardian/guardian-sample.csv
//                      [--megabytes 100] [--runs 3] [--threads 1,2] [--workdir build/bench]
//
// The corpus is the Guardian sample repeated (with fresh ids) to about --megabytes of JSON Lines; it is made
// once in --workdir and never committed. Each workload runs --runs times; the best run is reported, as
// wall-clock noise only ever adds time.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "io/reader.h"
#include "io/writer.h"

namespace annalist {
namespace {

struct Options {
  std::string annalist = "build/annalist";
  std::string guardian = "../shared/data/guardian/guardian-sample.csv";
  std::string workdir = "build/bench";
  double megabytes = 100;
  int runs = 3;
  std::vector<unsigned> threads = {1, std::max(1u, std::thread::hardware_concurrency())};
};

struct Corpus {
  std::string path;
  uint64_t bytes = 0;
  uint64_t articles = 0;
};

std::string FirstLineOf(const std::string& command) {
  std::string line;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[512];
    if (fgets(buffer, sizeof buffer, pipe) != nullptr) line = buffer;
    pclose(pipe);
  }
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  return line;
}

std::string CpuName() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  while (std::getline(cpuinfo, line)) {
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  }
  return "unknown";
}

// Writes the Guardian articles as JSON Lines, again and again with new ids, until the file holds `megabytes`.
Result<Corpus> MakeCorpus(const Options& options) {
  std::filesystem::create_directories(options.workdir);
  char name[64];
  std::snprintf(name, sizeof name, "/guardian-x-%.0fMB.jsonl", options.megabytes);
  Corpus corpus;
  corpus.path = options.workdir + name;

  auto reader = OpenInput(options.guardian, ReaderOptions());
  if (!reader.ok()) return reader.status();
  std::vector<std::string> lines;
  Document doc;
  while ((*reader)->Next(doc)) {
    if (doc.is_error()) continue;
    std::string line = ",\"date\":";
    AppendJsonString(doc.date ? FormatIsoDate(*doc.date) : doc.date_text, line);
    line += ",\"text\":";
    AppendJsonString(doc.text, line);
    line += "}\n";
    lines.push_back(std::move(line));
  }
  if (lines.empty()) return Status::InvalidInput("no article in '" + options.guardian + "'");

  const uint64_t target = static_cast<uint64_t>(options.megabytes * 1e6);
  std::string out;
  for (uint64_t copy = 0; out.size() < target; ++copy) {
    for (size_t i = 0; i < lines.size() && out.size() < target; ++i) {
      out += "{\"id\":\"g" + std::to_string(copy) + "-" + std::to_string(i) + "\"";
      out += lines[i];
      ++corpus.articles;
    }
  }
  corpus.bytes = out.size();
  std::ofstream file(corpus.path, std::ios::binary);
  file.write(out.data(), static_cast<std::streamsize>(out.size()));
  if (!file) return Status::IOError("cannot write '" + corpus.path + "'");
  return corpus;
}

struct Measurement {
  double seconds = 0;
  long peak_rss_kb = 0;
  int exit_status = 0;
};

Measurement RunOnce(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  const auto start = std::chrono::steady_clock::now();
  const pid_t child = fork();
  if (child == 0) {
    execv(args[0], args.data());
    std::perror("execv");
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(child, &status, 0, &usage);
  Measurement m;
  m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  m.peak_rss_kb = usage.ru_maxrss;
  m.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  return m;
}

int Main(int argc, char** argv) {
  Options options;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--annalist") options.annalist = value;
    else if (flag == "--guardian") options.guardian = value;
    else if (flag == "--workdir") options.workdir = value;
    else if (flag == "--megabytes") options.megabytes = std::atof(value.c_str());
    else if (flag == "--runs") options.runs = std::max(1, std::atoi(value.c_str()));
    else if (flag == "--threads") {
      options.threads.clear();
      std::stringstream list(value);
      for (std::string item; std::getline(list, item, ',');) options.threads.push_back(std::stoul(item));
    } else {
      std::fprintf(stderr, "unknown flag %s\n", flag.c_str());
      return 2;
    }
  }

  const std::string version = FirstLineOf("'" + options.annalist + "' --version 2>&1");
  std::printf("annalist:   %s (%s)\n", version.c_str(), options.annalist.c_str());
  std::printf("revision:   %s\n", FirstLineOf("git rev-parse --short HEAD 2>/dev/null").c_str());
  std::printf("CPU:        %s, %u logical cores\n", CpuName().c_str(), std::thread::hardware_concurrency());
  std::printf("compiler:   %s\n", __VERSION__);
#ifndef NDEBUG
  std::printf("WARNING: this harness was built without NDEBUG; the annalist binary's build is what counts.\n");
#endif
  auto corpus = MakeCorpus(options);
  if (!corpus.ok()) {
    std::fprintf(stderr, "cannot make the corpus: %s\n", corpus.status().ToString().c_str());
    return 1;
  }
  std::printf("corpus:     %s, %.1f MB, %llu articles (the Guardian sample, repeated)\n", corpus->path.c_str(),
              static_cast<double>(corpus->bytes) / 1e6, static_cast<unsigned long long>(corpus->articles));
  // Start-up: one short article, so the time is loading the resources (gazetteer, dictionaries) and the
  // memory is what they keep resident.
  {
    const std::string one = options.workdir + "/one-article.jsonl";
    std::ofstream(one) << "{\"id\":\"one\",\"date\":\"2024-01-02\",\"text\":\"Talks resumed in Cairo on Monday.\"}\n";
    Measurement best;
    best.seconds = 1e300;
    for (int run = 0; run < std::max(3, options.runs); ++run) {
      const Measurement m = RunOnce({options.annalist, "code", one, "--threads", "1", "--quiet", "--out", "/dev/null"});
      if (m.seconds < best.seconds) best = m;
    }
    std::printf("start-up:   %.1f ms to code one short article (loading every resource), %.1f MB resident\n",
                best.seconds * 1e3, static_cast<double>(best.peak_rss_kb) / 1024.0);
  }
  std::printf("------------------------------------------------------------------------------------------\n");
  std::printf("%-28s %8s %10s %12s %12s %12s\n", "workload", "threads", "MB/s", "articles/s", "us/article",
              "peak MB");
  // Each pipeline prefix on one thread (the differences are the stages' shares: "until times" minus "until
  // text" is the times stage), then everything on every thread count asked for.
  struct Workload {
    std::string name;
    std::string until;
    unsigned threads;
  };
  std::vector<Workload> workloads;
  for (const char* until : {"none", "text", "times", "places", "actors", "figures"}) {
    workloads.push_back({std::string("until ") + until, until, 1});
  }
  for (unsigned threads : options.threads) workloads.push_back({"all stages", "events", threads});

  int failures = 0;
  const double mb = static_cast<double>(corpus->bytes) / 1e6;
  double all_one_thread = 0;
  std::vector<std::pair<std::string, double>> prefix_seconds;
  for (const Workload& workload : workloads) {
    Measurement best;
    best.seconds = 1e300;
    for (int run = 0; run < options.runs; ++run) {
      const Measurement m =
          RunOnce({options.annalist, "code", corpus->path, "--threads", std::to_string(workload.threads), "--until",
                   workload.until, "--quiet", "--out", "/dev/null"});
      if (m.exit_status != 0) {
        std::fprintf(stderr, "annalist exited with status %d\n", m.exit_status);
        ++failures;
      }
      if (m.seconds < best.seconds) best = m;
    }
    if (workload.threads == 1) {
      if (workload.until == "events") all_one_thread = best.seconds;
      else prefix_seconds.emplace_back(workload.until, best.seconds);
    }
    std::printf("%-28s %8u %10.1f %12.0f %12.1f %12.1f\n", workload.name.c_str(), workload.threads,
                mb / best.seconds, static_cast<double>(corpus->articles) / best.seconds,
                best.seconds * 1e6 / static_cast<double>(corpus->articles),
                static_cast<double>(best.peak_rss_kb) / 1024.0);
  }
  if (all_one_thread > 0) {
    // Share of the one-thread run taken by reading+writing and by each stage (differences of the prefixes).
    std::printf("------------------------------------------------------------------------------------------\n");
    std::printf("share of one-thread time: ");
    double previous = 0;
    prefix_seconds.emplace_back("events", all_one_thread);
    for (const auto& [until, seconds] : prefix_seconds) {
      const char* label = until == "none" ? "read+write" : until.c_str();
      std::printf("%s %.0f%%  ", label, 100.0 * std::max(0.0, seconds - previous) / all_one_thread);
      previous = seconds;
    }
    std::printf("\n");
  }
  return failures == 0 ? 0 : 1;
}

}  // namespace
}  // namespace annalist

int main(int argc, char** argv) { return annalist::Main(argc, argv); }
