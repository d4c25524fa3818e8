// Wiring only: each stage is constructed once with its resources and options, then called in pipeline order.
#include "annalist/pipeline.h"

#include "actors/actor_recognizer.h"
#include "actors/builtin_dictionary.h"
#include "actors/petrarch_reader.h"
#include "events/event_coder.h"
#include "figures/quantity_recognizer.h"
#include "places/place_recognizer.h"
#include "text/segmenter.h"
#include "times/time_tagger.h"

namespace annalist {

struct Pipeline::Stages {
  Stages(const SegmenterOptions& segmenter_options, Gazetteer gazetteer_in,
         std::unique_ptr<const ActorDictionary> actor_dictionary_in)
      : segmenter(segmenter_options),
        gazetteer(std::move(gazetteer_in)),
        place_recognizer(gazetteer),
        actor_dictionary(std::move(actor_dictionary_in)),
        actor_recognizer(*actor_dictionary) {}

  Segmenter segmenter;
  TimeTagger time_tagger;
  Gazetteer gazetteer;  // before place_recognizer, which refers to it
  PlaceRecognizer place_recognizer;
  std::unique_ptr<const ActorDictionary> actor_dictionary;  // before actor_recognizer, which refers to it
  ActorRecognizer actor_recognizer;
  QuantityRecognizer quantity_recognizer;
  EventCoder event_coder;
};

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const PipelineOptions& options) {
  SegmenterOptions segmenter_options;
  segmenter_options.max_sentence_tokens = options.max_sentence_tokens;
  Result<Gazetteer> gazetteer = Gazetteer::LoadEmbedded();
  if (!gazetteer.ok()) return gazetteer.status();
  auto actor_dictionary = std::make_unique<ActorDictionary>();
  if (Status status = AddBuiltinActors(actor_dictionary.get()); !status.ok()) return status;
  for (const std::string& path : options.actor_petrarch_files) {
    Result<PetrarchCounts> counts = ImportPetrarchFile(path, actor_dictionary.get());
    if (!counts.ok()) return counts.status();
  }
  actor_dictionary->Finish();
  auto stages = std::make_unique<const Stages>(segmenter_options, std::move(gazetteer).value(),
                                               std::move(actor_dictionary));
  return std::unique_ptr<Pipeline>(new Pipeline(std::move(stages), options.last_stage));
}

Pipeline::Pipeline(std::unique_ptr<const Stages> stages, std::optional<Stage> last_stage)
    : stages_(std::move(stages)), last_stage_(last_stage) {}
Pipeline::~Pipeline() = default;

void Pipeline::Process(std::span<Document> docs) const {
  const auto code_each = [docs](const auto& stage) {
    for (Document& doc : docs) {
      if (!doc.is_error()) stage.Process(doc);
    }
  };
  if (Runs(Stage::kText)) code_each(stages_->segmenter);
  if (Runs(Stage::kTimes)) code_each(stages_->time_tagger);
  if (Runs(Stage::kPlaces)) code_each(stages_->place_recognizer);
  if (Runs(Stage::kActors)) code_each(stages_->actor_recognizer);
  if (Runs(Stage::kFigures)) code_each(stages_->quantity_recognizer);
  if (Runs(Stage::kEvents)) code_each(stages_->event_coder);
}

namespace {
constexpr std::string_view kStageNames[kStageCount] = {"text", "times", "places", "actors", "figures", "events"};
}  // namespace

std::string_view StageName(Stage stage) { return kStageNames[static_cast<int>(stage)]; }

std::optional<Stage> ParseStage(std::string_view name) {
  for (int i = 0; i < kStageCount; ++i) {
    if (kStageNames[i] == name) return static_cast<Stage>(i);
  }
  return std::nullopt;
}

}  // namespace annalist
