// Micro-benchmark of the actors stage's phrase matcher with the built-in dictionary, over real articles: Tokenize
// alone (a document's words keyed and the tokens where a phrase may start listed), and Tokenize followed by
// MatchAt at every start, as the grammar runs it. The articles are the first 2,000 of the JSON Lines corpus
// bench/run makes (ANNALIST_BENCH_CORPUS, by default build/bench-corpus/guardian-x-100MB.jsonl; run bench/run
// once first). Real articles, and many: most of the matcher's cost is branches that follow the text, which a
// branch predictor learns on a few repeated paragraphs, where the figure came out at a third.
#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "actors/actor_dictionary.h"
#include "actors/builtin_dictionary.h"
#include "actors/phrase_matcher.h"
#include "annalist/document.h"
#include "text/segmenter.h"

namespace annalist {
namespace {

constexpr size_t kArticles = 2000;

struct Corpus {
  std::vector<Document> documents;
  size_t tokens = 0;
  size_t bytes = 0;
  std::string error;
};

const Corpus& LoadCorpus() {
  static const Corpus corpus = [] {
    Corpus c;
    const char* env = std::getenv("ANNALIST_BENCH_CORPUS");
    const std::string path = env ? env : "build/bench-corpus/guardian-x-100MB.jsonl";
    std::ifstream in(path);
    if (!in) {
      c.error = "no corpus at " + path + ": run bench/run once, or set ANNALIST_BENCH_CORPUS";
      return c;
    }
    simdjson::dom::parser parser;
    const Segmenter segmenter;
    std::string line;
    while (c.documents.size() < kArticles && std::getline(in, line)) {
      std::string_view text;
      if (parser.parse(line)["text"].get_string().get(text) != simdjson::SUCCESS) continue;
      Document doc;
      doc.text = std::string(text);
      segmenter.Process(doc);
      c.tokens += doc.tokens.size();
      c.bytes += doc.text.size();
      c.documents.push_back(std::move(doc));
    }
    return c;
  }();
  return corpus;
}

const ActorDictionary& Dictionary() {
  static const ActorDictionary* const dictionary = [] {
    auto* d = new ActorDictionary;
    if (!AddBuiltinActors(d).ok()) std::abort();
    d->Finish();
    return d;
  }();
  return *dictionary;
}

void Report(benchmark::State& state, const Corpus& corpus) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
  state.counters["tokens"] =
      benchmark::Counter(static_cast<double>(corpus.tokens), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_PhraseMatcherTokenize(benchmark::State& state) {
  const Corpus& corpus = LoadCorpus();
  if (!corpus.error.empty()) return state.SkipWithError(corpus.error.c_str());
  const actors::PhraseMatcher& matcher = Dictionary().matcher();
  actors::WordSequence seq;
  for (auto _ : state) {
    for (const Document& doc : corpus.documents) {
      matcher.Tokenize(doc, &seq);
      benchmark::DoNotOptimize(seq.starts.data());
    }
  }
  Report(state, corpus);
}
BENCHMARK(BM_PhraseMatcherTokenize)->Unit(benchmark::kMillisecond);

void BM_PhraseMatcherTokenizeAndMatch(benchmark::State& state) {
  const Corpus& corpus = LoadCorpus();
  if (!corpus.error.empty()) return state.SkipWithError(corpus.error.c_str());
  const actors::PhraseMatcher& matcher = Dictionary().matcher();
  actors::WordSequence seq;
  std::vector<actors::PhraseMatch> matches;
  for (auto _ : state) {
    for (const Document& doc : corpus.documents) {
      matcher.Tokenize(doc, &seq);
      matches.clear();
      for (const uint32_t start : seq.starts) matcher.MatchAt(seq, start, &matches);
      benchmark::DoNotOptimize(matches.data());
    }
  }
  Report(state, corpus);
}
BENCHMARK(BM_PhraseMatcherTokenizeAndMatch)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace annalist
