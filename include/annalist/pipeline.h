// Pipeline: codes one Document through every stage, in order.
//
//   text (tokens, sentences) → times → places → actors → figures → events
//
// The pipeline owns the immutable resources the stages share (lexicons, gazetteer, dictionaries), loaded once
// by Create(). After that it is const: one Pipeline serves any number of threads at once, each passing its own
// Documents. The Pipeline has no logic of its own; each stage lives in its folder under src/.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/document.h"
#include "annalist/status.h"

namespace annalist {

// The stages, in pipeline order. A stage needs every stage before it.
enum class Stage : uint8_t { kText, kTimes, kPlaces, kActors, kFigures, kEvents };
inline constexpr int kStageCount = 6;

struct PipelineOptions {
  // A sentence longer than this many tokens is cut into pieces (a budget against hostile input).
  uint32_t max_sentence_tokens = 400;
  // The last stage to run; std::nullopt runs none (read and write only). Earlier stages always run, since
  // each needs the layers before it. For speed when only some layers are wanted, and to measure each stage.
  std::optional<Stage> last_stage = Stage::kEvents;
  // PETRARCH/TABARI actor or agent dictionaries (--actors-petrarch) merged into the built-in actor dictionary.
  std::vector<std::string> actor_petrarch_files;
};

// "text", "times", "places", "actors", "figures", "events"; and back (nullopt for an unknown name).
std::string_view StageName(Stage stage);
std::optional<Stage> ParseStage(std::string_view name);

class Pipeline {
 public:
  // Loads the resources every stage needs. Errors: Corruption when a built-in resource is malformed; IOError
  // or InvalidInput (with file and line) when a user dictionary in `options` cannot be read.
  static Result<std::unique_ptr<Pipeline>> Create(const PipelineOptions& options = {});
  ~Pipeline();

  // Adds every stage's layer to `doc`. An error document (doc.is_error()) is left as it is. Thread-safe.
  void Process(Document& doc) const { Process(std::span<Document>(&doc, 1)); }
  // The same for each of `docs`, stage by stage: each stage codes them all before the next starts, so that
  // its dictionaries stay in the caches from one article to the next instead of being evicted by the other
  // stages' (the more articles, the better, up to about a hundred). The result is the same as one article at
  // a time.
  void Process(std::span<Document> docs) const;

 private:
  struct Stages;
  Pipeline(std::unique_ptr<const Stages> stages, std::optional<Stage> last_stage);
  bool Runs(Stage stage) const { return last_stage_ && *last_stage_ >= stage; }

  std::unique_ptr<const Stages> stages_;
  std::optional<Stage> last_stage_;
};

}  // namespace annalist
