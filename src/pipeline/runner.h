// The coding run behind `annalist code`: inputs → readers → pipeline → formatter → output, in input order.
//
// Articles are read in batches; the coding threads code one batch while the calling thread formats and writes
// the batch before it, in input order, and reads the next, so the output is the same bytes whatever the thread
// count.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "annalist/pipeline.h"
#include "annalist/status.h"
#include "io/reader.h"
#include "io/writer.h"

namespace annalist {

struct RunOptions {
  unsigned threads = 1;       // including the calling thread
  size_t batch_size = 256;    // articles read, coded and written together
  // The most articles a coding thread takes at a time and codes stage by stage (Pipeline::Process), so that
  // each stage's dictionaries and code stay in the caches from one article to the next.
  size_t max_group = 128;
  ReaderOptions reader;
};

struct RunStats {
  uint64_t articles = 0;      // records written, error records included
  uint64_t errors = 0;        // error records among them
  uint64_t input_bytes = 0;   // article text bytes coded
  uint64_t unreadable_inputs = 0;
};

// Called after every batch with the totals so far (the CLI draws its progress line from it).
using ProgressCallback = std::function<void(const RunStats&)>;

// Codes every article of `inputs` (files, directories or "-") and writes the records to `sink`.
// An input that cannot be opened or read is reported through `on_input_error` and skipped; the run goes on
// with the others and counts it in RunStats::unreadable_inputs. Errors: the first failure to write.
Status RunCoding(const Pipeline& pipeline, const std::vector<std::string>& inputs, const RecordFormatter& formatter,
                 OutputSink& sink, const RunOptions& options, const ProgressCallback& on_progress,
                 const std::function<void(const Status&)>& on_input_error, RunStats* stats);

// Codes every article of `inputs` and keeps the coded documents, in input order, for views that need them all
// at once (`annalist claims`). Memory grows with the input: for large runs prefer RunCoding. Input errors are
// handled as in RunCoding.
void CodeIntoMemory(const Pipeline& pipeline, const std::vector<std::string>& inputs, const RunOptions& options,
                    const std::function<void(const Status&)>& on_input_error, std::vector<Document>* documents,
                    RunStats* stats);

}  // namespace annalist
