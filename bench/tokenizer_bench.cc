// Micro-benchmark of the text layer: Tokenize alone, and Segmenter::Process (tokenize + split + length cut),
// over buffers of 4 KB to 4 MB made by repeating a few paragraphs of invented news text.
//
// Not wired into CMake here; to build it by hand from a Release build of annalist_text (one command):
//   g++ -std=c++20 -O2 -I include -I src bench/tokenizer_bench.cc
//       build-text-rel/src/text/libannalist_text.a build-text-rel/src/core/libannalist_core.a
//       -lbenchmark -lsimdjson -lpthread -o tokenizer_bench
#include <benchmark/benchmark.h>

#include <string>
#include <string_view>
#include <vector>

#include "annalist/document.h"
#include "text/segmenter.h"
#include "text/tokenizer.h"

namespace annalist {
namespace {

// Invented for this benchmark (no third-party text): the mix of prose, quotes, figures, abbreviations,
// possessives, dashes and non-ASCII names that wire copy has.
constexpr std::string_view kNewsText =
    "Harbour city, 14 March (Newswire) – Rescue teams in the coastal province of Valmora said on Tuesday "
    "that "
    "at least 1,240 people had been evacuated after the river burst its banks, and 37 were still missing.\n\n"
    "“We have never seen the water rise this fast,” said Gen. Ana Kovač, who leads the army’s relief effort. "
    "She told reporters the U.N. had sent 52 tonnes of supplies, and that the province's two hospitals were "
    "running at 140% of capacity. Dr. Jamal al-Rashid, a 45-year-old surgeon, said the night shift “hasn’t "
    "slept in three days”.\n\n"
    "The government’s spokesman, Mr. Petrov, put the damage at $2.3 billion (€2.1bn) – a figure the "
    "opposition called “a fantasy”. Officials in the U.S. said they were ready to help. The next convoy is "
    "due on 2024-03-16, weather permitting; forecasters expect 80-120 mm of rain by Friday.\n\n"
    "(Read also: Valmora floods: what we know so far)\n\n"
    "Residents of Sâo Tirelo and Øster Vik waited on rooftops… Some had been there since Sunday night. "
    "“Nobody came. Nobody!” one woman shouted, holding her grandchildren's school bags. The aid agencies’ "
    "warehouses, meanwhile, were half empty, according to Lt. Col. Erik Brandt of the relief corps.\n\n"
    "NEWSWIRE\n";

std::string MakeText(size_t size) {
  std::string text;
  text.reserve(size + kNewsText.size());
  while (text.size() < size) text.append(kNewsText);
  text.resize(size);
  // Don't end inside a character: cut back to the last line break.
  text.resize(text.rfind('\n') + 1);
  return text;
}

void BM_Tokenize(benchmark::State& state) {
  const std::string text = MakeText(static_cast<size_t>(state.range(0)));
  std::vector<Token> tokens;
  for (auto _ : state) {
    Tokenize(text, tokens);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["tokens"] = static_cast<double>(tokens.size());
}
BENCHMARK(BM_Tokenize)->Range(4 << 10, 4 << 20);

void BM_Segment(benchmark::State& state) {
  Document doc;
  doc.text = MakeText(static_cast<size_t>(state.range(0)));
  const Segmenter segmenter;
  for (auto _ : state) {
    segmenter.Process(doc);
    benchmark::DoNotOptimize(doc.sentences.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(doc.text.size()));
  state.counters["sentences"] = static_cast<double>(doc.sentences.size());
}
BENCHMARK(BM_Segment)->Range(4 << 10, 4 << 20);

}  // namespace
}  // namespace annalist

BENCHMARK_MAIN();
