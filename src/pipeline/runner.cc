#include "pipeline/runner.h"

#include <algorithm>
#include <span>

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
      if (reader_ != nullptr) {
        if (reader_->Next(doc)) return true;
        // A read error after the first records (a truncated gzip stream) ended the input early: the reader
        // gave an error record for it, and the run reports the input as unreadable.
        if (!reader_->status().ok()) {
          ++stats_->unreadable_inputs;
          on_input_error_(reader_->status());
        }
      }
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

namespace {

// One batch of articles and their formatted records. Two of them alternate: while the workers code one, the
// calling thread writes the one before and reads the one after.
struct Batch {
  std::vector<Document> docs;
  std::vector<std::string> outputs;
  size_t count = 0;
};

size_t ReadBatch(ArticleStream& articles, Batch& batch) {
  batch.count = 0;
  while (batch.count < batch.docs.size() && articles.Next(batch.docs[batch.count])) ++batch.count;
  return batch.count;
}

// A reused Document or output string keeps the capacity of the largest article it has held, so over a long
// run every slot of a batch creeps up to the size of the largest articles, and peak memory grows with the
// input (95 MB on 100 MB against 131 MB on 1 GB at two threads). So once a batch is written, each buffer that
// is more than twice what its last article needed (plus some slack) is replaced by one of that article's
// size: what a slot holds then follows the articles that pass through it, not the largest one so far, and
// the resident size depends on the batch size, not on how much input went by. (A fixed bound would only cap
// the creep: every slot would still creep up to it.)
template <typename Buffer>
void FitToLastUse(Buffer& buffer, size_t slack) {
  if (buffer.capacity() <= 2 * buffer.size() + slack) return;
  Buffer fitted;
  fitted.reserve(buffer.size());
  buffer.swap(fitted);
}

void FitToLastUse(Document& doc) {
  constexpr size_t kBytes = 4096, kItems = 64;
  FitToLastUse(doc.text, kBytes);
  FitToLastUse(doc.tokens, kBytes / sizeof(Token));
  FitToLastUse(doc.sentences, kItems);
  FitToLastUse(doc.times, kItems);
  FitToLastUse(doc.places, kItems);
  FitToLastUse(doc.actors, kItems);
  FitToLastUse(doc.quantities, kItems);
  FitToLastUse(doc.events, kItems);
  FitToLastUse(doc.claim_sources.sources, kItems);
  FitToLastUse(doc.claim_sources.quotes, kItems);
}

// Formats every coded document of `batch` and writes the records in order.
Status WriteBatch(Batch& batch, const RecordFormatter& formatter, OutputSink& sink, RunStats* stats) {
  for (size_t i = 0; i < batch.count; ++i) {
    batch.outputs[i].clear();
    formatter.Format(batch.docs[i], batch.outputs[i]);
    Status status = sink.Write(batch.outputs[i]);
    if (!status.ok()) return status;
    ++stats->articles;
    stats->errors += batch.docs[i].is_error();
    stats->input_bytes += batch.docs[i].text.size();
    FitToLastUse(batch.docs[i]);
    FitToLastUse(batch.outputs[i], 4096);
  }
  return Status::Ok();
}

// Cuts a batch of `count` articles into the groups the coding threads take one at a time, in the order they are
// handed out, as `bounds` (group i is [bounds[i], bounds[i + 1])). With several threads each group is a share
// of what is left (half of it divided among the threads): large at first, for the caches, and small at the
// end, so that no thread is left coding a large group while the others wait.
void CutIntoGroups(size_t count, unsigned coders, size_t max_group, std::vector<size_t>* bounds) {
  bounds->assign(1, 0);
  for (size_t left = count; left > 0;) {
    const size_t share = coders == 1 ? left : left / (2 * coders);
    const size_t size = std::clamp<size_t>(share, 1, std::max<size_t>(1, max_group));
    bounds->push_back(bounds->back() + size);
    left -= size;
  }
}

}  // namespace

Status RunCoding(const Pipeline& pipeline, const std::vector<std::string>& inputs, const RecordFormatter& formatter,
                 OutputSink& sink, const RunOptions& options, const ProgressCallback& on_progress,
                 const std::function<void(const Status&)>& on_input_error, RunStats* stats) {
  *stats = RunStats();
  Status status = sink.Write(formatter.Header());
  if (!status.ok()) return status;

  // --threads N gives N coding threads; the calling thread reads, formats and writes alongside them.
  const unsigned coders = std::max(1u, options.threads);
  ParallelFor workers(coders + 1);
  std::vector<size_t> group_bounds;
  ArticleStream articles(inputs, options.reader, on_input_error, stats);
  const size_t batch_size = std::max<size_t>(1, options.batch_size);
  // Reused across batches: Documents and output strings keep their capacity, fitted to their last article by
  // WriteBatch.
  Batch batches[2];
  for (Batch& batch : batches) {
    batch.docs.resize(batch_size);
    batch.outputs.resize(batch_size);
  }
  // While the workers code one batch, this thread formats and writes the batch coded before it and then reads
  // the next into the same buffers. (Formatting is a tenth of the coding work: on the I/O thread it overlaps
  // with the coding instead of following it.)
  Batch* coding = &batches[0];
  Batch* other = &batches[1];
  bool other_is_coded = false;
  std::function<void(size_t, unsigned)> code_one;
  ReadBatch(articles, *coding);
  while (coding->count > 0) {
    CutIntoGroups(coding->count, coders, options.max_group, &group_bounds);
    code_one = [&pipeline, batch = coding, &groups = group_bounds](size_t i, unsigned /*slot*/) {
      pipeline.Process(std::span<Document>(batch->docs.data() + groups[i], groups[i + 1] - groups[i]));
    };
    workers.Start(group_bounds.size() - 1, code_one);
    if (other_is_coded) {
      status = WriteBatch(*other, formatter, sink, stats);
      if (on_progress) on_progress(*stats);
    }
    if (status.ok()) ReadBatch(articles, *other);
    workers.Wait();
    if (!status.ok()) return status;
    std::swap(coding, other);
    other_is_coded = true;
  }
  if (other_is_coded) {
    status = WriteBatch(*other, formatter, sink, stats);
    if (!status.ok()) return status;
    if (on_progress) on_progress(*stats);
  }
  return Status::Ok();
}

void CodeIntoMemory(const Pipeline& pipeline, const std::vector<std::string>& inputs, const RunOptions& options,
                    const std::function<void(const Status&)>& on_input_error, std::vector<Document>* documents,
                    RunStats* stats) {
  *stats = RunStats();
  ArticleStream articles(inputs, options.reader, on_input_error, stats);
  documents->clear();
  for (Document doc; articles.Next(doc); doc = Document()) documents->push_back(std::move(doc));
  ParallelFor workers(std::max(1u, options.threads));
  workers.Run(documents->size(), [&](size_t i, unsigned /*slot*/) { pipeline.Process((*documents)[i]); });
  for (const Document& doc : *documents) {
    ++stats->articles;
    stats->errors += doc.is_error();
    stats->input_bytes += doc.text.size();
  }
}

}  // namespace annalist
