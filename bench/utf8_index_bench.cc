// Micro-benchmark of the writer's byte-to-code-point index (core/utf8.h): building it over a document's text
// (Reset, one pass over every byte of every document on the I/O thread) and converting spans with it (a begin
// looked up in its block, the end counted on from the begin), over texts of 4 KB to 1 MB.
#include <benchmark/benchmark.h>

#include <string>
#include <string_view>

#include "core/utf8.h"

namespace annalist {
namespace {

// Invented for this benchmark: news prose with the curly quotes, dashes and accented names that make wire
// copy not ASCII (a Guardian article has a multi-byte character every 150 bytes or so).
constexpr std::string_view kProse =
    "Officials in the northern province said on Monday that 312 families had left their homes after the "
    "dam’s spillway failed – the second breach this year. “The water came at night,” said Mirela Došen, a "
    "teacher in Velika Reka, who spent two days on her neighbour’s roof. The ministry’s envoy, José Ibáñez, "
    "promised an inquiry; the opposition called the response “too little, too late”.\n";

std::string MakeProse(size_t size) {
  std::string text;
  while (text.size() < size) text.append(kProse);
  text.resize(text.rfind('\n', size) + 1);  // end on a line break, not inside a character
  return text;
}

void BM_Utf8IndexReset(benchmark::State& state) {
  const std::string text = MakeProse(static_cast<size_t>(state.range(0)));
  Utf8Index index;
  for (auto _ : state) {
    index.Reset(text);
    benchmark::DoNotOptimize(index.CodePointOffset(static_cast<uint32_t>(text.size())));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_Utf8IndexReset)->Range(4 << 10, 1 << 20);

// A span of 12 bytes every 97 (about a mention a sentence, as in a record), both ends converted as the writer
// converts them; items are spans.
void BM_Utf8IndexSpans(benchmark::State& state) {
  const std::string text = MakeProse(static_cast<size_t>(state.range(0)));
  const Utf8Index index(text);
  constexpr uint32_t kStride = 97, kLength = 12;
  const auto last_begin = static_cast<uint32_t>(text.size() - kLength);
  for (auto _ : state) {
    uint32_t sum = 0;
    for (uint32_t begin = 0; begin <= last_begin; begin += kStride) {
      const uint32_t code_points = index.CodePointOffset(begin);
      sum += code_points + index.CodePointOffsetFrom(begin, code_points, begin + kLength);
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * (last_begin / kStride + 1));
}
BENCHMARK(BM_Utf8IndexSpans)->Range(4 << 10, 1 << 20);

}  // namespace
}  // namespace annalist
