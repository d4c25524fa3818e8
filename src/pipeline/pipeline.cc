// Wiring only: each stage is constructed once with its resources and options, then called in pipeline order.
#include "annalist/pipeline.h"

#include "text/segmenter.h"
#include "times/time_tagger.h"

namespace annalist {

struct Pipeline::Stages {
  Segmenter segmenter;
  TimeTagger time_tagger;
};

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const PipelineOptions& options) {
  SegmenterOptions segmenter_options;
  segmenter_options.max_sentence_tokens = options.max_sentence_tokens;
  auto stages = std::make_unique<const Stages>(Stages{Segmenter(segmenter_options), TimeTagger()});
  return std::unique_ptr<Pipeline>(new Pipeline(std::move(stages)));
}

Pipeline::Pipeline(std::unique_ptr<const Stages> stages) : stages_(std::move(stages)) {}
Pipeline::~Pipeline() = default;

void Pipeline::Process(Document& doc) const {
  if (doc.is_error()) return;
  stages_->segmenter.Process(doc);
  stages_->time_tagger.Process(doc);
}

}  // namespace annalist
