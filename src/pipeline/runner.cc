#include "pipeline/runner.h"

#include <algorithm>

#include "core/parallel_for.h"

namespace annalist {
namespace {

// Yields the articles of every input in turn, opening each input only when the previous one is exhausted.
class ArticleStream {
 public:
  ArticleStream(const std::vector<std::string>& paths, const ReaderOptions& options,
                const std::function<void(const Status&)>& on_input_error, RunStats* stats)
      : paths_(paths), options_(options), on_input_error_(on_input_error), stats_(stats) {}

  // Fills `doc` with the next article; false when every input is exhausted.
  bool Next(Document& doc) {
    for (;;) {
      if (reader_ != nullptr && reader_->Next(doc)) return true;
      reader_.reset();
      if (next_path_ == paths_.size()) return false;
      auto reader = OpenInput(paths_[next_path_++], options_);
      if (!reader.ok()) {
        ++stats_->unreadable_inputs;
        on_input_error_(reader.status());
        continue;
      }
      reader_ = std::move(reader.value());
    }
  }

 private:
  const std::vector<std::string>& paths_;
  const ReaderOptions& options_;
  const std::function<void(const Status&)>& on_input_error_;
  RunStats* stats_;
  size_t next_path_ = 0;
  std::unique_ptr<ArticleReader> reader_;
};

}  // namespace

Status RunCoding(const Pipeline& pipeline, const std::vector<std::string>& inputs, const RecordFormatter& formatter,
                 OutputSink& sink, const RunOptions& options, const ProgressCallback& on_progress,
                 const std::function<void(const Status&)>& on_input_error, RunStats* stats) {
  *stats = RunStats();
  Status status = sink.Write(formatter.Header());
  if (!status.ok()) return status;

  ParallelFor workers(std::max(1u, options.threads));
  ArticleStream articles(inputs, options.reader, on_input_error, stats);
  const size_t batch_size = std::max<size_t>(1, options.batch_size);
  // Reused across batches: Documents and output strings keep their capacity.
  std::vector<Document> batch(batch_size);
  std::vector<std::string> outputs(batch_size);
  for (;;) {
    size_t count = 0;
    while (count < batch_size && articles.Next(batch[count])) ++count;
    if (count == 0) break;
    workers.Run(count, [&](size_t i, unsigned /*slot*/) {
      outputs[i].clear();
      pipeline.Process(batch[i]);
      formatter.Format(batch[i], outputs[i]);
    });
    for (size_t i = 0; i < count; ++i) {
      status = sink.Write(outputs[i]);
      if (!status.ok()) return status;
      ++stats->articles;
      stats->errors += batch[i].is_error();
      stats->input_bytes += batch[i].text.size();
    }
    if (on_progress) on_progress(*stats);
  }
  return Status::Ok();
}

}  // namespace annalist
