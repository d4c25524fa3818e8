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

#include "annalist/document.h"
#include "annalist/status.h"

namespace annalist {

struct PipelineOptions {
  // A sentence longer than this many tokens is cut into pieces (a budget against hostile input).
  uint32_t max_sentence_tokens = 400;
};

class Pipeline {
 public:
  // Loads the resources every stage needs. Errors: Corruption when a built-in resource is malformed.
  static Result<std::unique_ptr<Pipeline>> Create(const PipelineOptions& options = {});
  ~Pipeline();

  // Adds every stage's layer to `doc`. An error document (doc.is_error()) is left as it is. Thread-safe.
  void Process(Document& doc) const;

 private:
  struct Stages;
  explicit Pipeline(std::unique_ptr<const Stages> stages);

  std::unique_ptr<const Stages> stages_;
};

}  // namespace annalist
