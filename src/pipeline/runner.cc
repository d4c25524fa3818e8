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

// The bytes a Document holds on to between articles: its text and the capacity of its layers.
size_t RetainedBytes(const Document& doc) {
  return doc.text.capacity() + doc.tokens.capacity() * sizeof(Token) + doc.sentences.capacity() * sizeof(Sentence) +
         doc.times.capacity() * sizeof(TimeMention) + doc.places.capacity() * sizeof(PlaceMention) +
         doc.actors.capacity() * sizeof(ActorMention) + doc.quantities.capacity() * sizeof(Quantity) +
         doc.events.capacity() * sizeof(Event) + doc.claim_sources.sources.capacity() * sizeof(ClaimSource) +
         doc.claim_sources.quotes.capacity() * sizeof(Quotation);
}

// A reused Document or output string keeps the capacity of the largest article it has held, so over a long
// run every slot of a batch would creep up to the size of the largest articles, and peak memory would grow
// with the input (131 MB on 1 GB against 95 MB on 100 MB). Buffers above these bounds (a few times a typical
// news article's) are given back once their batch is written: the next article in the slot allocates what it
// needs, and the resident size depends on the batch size, not on how much input went by.
constexpr size_t kMaxRetainedDocumentBytes = 64 << 10;
constexpr size_t kMaxRetainedOutputBytes = 16 << 10;

Status WriteBatch(Batch& batch, OutputSink& sink, RunStats* stats) {
  for (size_t i = 0; i < batch.count; ++i) {
    Status status = sink.Write(batch.outputs[i]);
    if (!status.ok()) return status;
    ++stats->articles;
    stats->errors += batch.docs[i].is_error();
    stats->input_bytes += batch.docs[i].text.size();
    if (RetainedBytes(batch.docs[i]) > kMaxRetainedDocumentBytes) batch.docs[i] = Document();
    if (batch.outputs[i].capacity() > kMaxRetainedOutputBytes) std::string().swap(batch.outputs[i]);
  }
  return Status::Ok();
}

}  // namespace

Status RunCoding(const Pipeline& pipeline, const std::vector<std::string>& inputs, const RecordFormatter& formatter,
                 OutputSink& sink, const RunOptions& options, const ProgressCallback& on_progress,
                 const std::function<void(const Status&)>& on_input_error, RunStats* stats) {
  *stats = RunStats();
  Status status = sink.Write(formatter.Header());
  if (!status.ok()) return status;

  // --threads N gives N coding threads; the calling thread reads and writes alongside them.
  ParallelFor workers(std::max(1u, options.threads) + 1);
  ArticleStream articles(inputs, options.reader, on_input_error, stats);
  const size_t batch_size = std::max<size_t>(1, options.batch_size);
  // Reused across batches: Documents and output strings keep their capacity, up to the bounds of WriteBatch.
  Batch batches[2];
  for (Batch& batch : batches) {
    batch.docs.resize(batch_size);
    batch.outputs.resize(batch_size);
  }
  // While the workers code one batch, this thread writes the batch coded before it and then reads the next
  // into the same buffers.
  Batch* coding = &batches[0];
  Batch* other = &batches[1];
  bool other_is_coded = false;
  std::function<void(size_t, unsigned)> code_one;
  ReadBatch(articles, *coding);
  while (coding->count > 0) {
    code_one = [&pipeline, &formatter, batch = coding](size_t i, unsigned /*slot*/) {
      batch->outputs[i].clear();
      pipeline.Process(batch->docs[i]);
      formatter.Format(batch->docs[i], batch->outputs[i]);
    };
    workers.Start(coding->count, code_one);
    if (other_is_coded) {
      status = WriteBatch(*other, sink, stats);
      if (on_progress) on_progress(*stats);
    }
    if (status.ok()) ReadBatch(articles, *other);
    workers.Wait();
    if (!status.ok()) return status;
    std::swap(coding, other);
    other_is_coded = true;
  }
  if (other_is_coded) {
    status = WriteBatch(*other, sink, stats);
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
