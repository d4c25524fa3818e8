#include "io/text_reader.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "io/format_detect.h"
#include "io/input_record.h"

namespace annalist {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsDateShaped(std::string_view word) {
  if (word.size() != 10 || word[4] != '-' || word[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(word[i])) return false;
  }
  return true;
}

// What is read of a text article beyond its budget: room for a BOM and the date line.
constexpr uint64_t kHeaderRoom = uint64_t{1} << 16;

class TextReader final : public ArticleReader {
 public:
  TextReader(std::string name, std::unique_ptr<ByteSource> source, const ReaderOptions& options)
      : name_(std::move(name)), source_(std::move(source)), options_(options) {}

  bool Next(Document& doc) override {
    doc.Clear();
    if (done_) return false;
    done_ = true;
    // The whole input, up to one byte more than an article within the budget can need.
    const uint64_t cap = options_.max_article_bytes + kHeaderRoom;
    // A vector, not a string: std::string's reserve may round up to twice the old capacity.
    std::vector<char> content;
    bool ended = false;
    while (!ended && content.size() <= cap) {
      const size_t old_size = content.size();
      const size_t piece = static_cast<size_t>(std::min<uint64_t>(options_.chunk_bytes, cap + 1 - old_size));
      const size_t wanted = old_size + std::max<size_t>(piece, 1);
      // Grown by hand: plain doubling past the cap would hold up to twice what the budget allows.
      if (wanted > content.capacity()) {
        content.reserve(static_cast<size_t>(std::min<uint64_t>(cap + 1, std::max(wanted, 2 * content.capacity()))));
      }
      content.resize(wanted);
      Result<size_t> got = source_->Read(content.data() + old_size, content.size() - old_size);
      content.resize(old_size + (got.ok() ? *got : 0));
      held_ = std::max(held_, content.capacity());
      if (!got.ok()) return Fail(got.status(), doc);
      ended = *got == 0;
    }
    std::string_view view(content.data(), content.size());
    view.remove_prefix(ByteOrderMarkLength(view));
    InputRecord record;
    const std::string stem = InputStem(name_);
    if (!stem.empty()) record.id = stem;
    const std::optional<DatedTextHeader> header = ParseDatedTextHeader(view);
    if (ended) {
      if (std::all_of(view.begin(), view.end(), IsAsciiSpace)) return false;
      if (header.has_value()) {
        record.date = header->date;
        record.text = view.substr(header->text_begin);
      } else {
        record.text = view;
      }
      BuildArticle(record, 1, "", options_, doc);
      return true;
    }
    // Over the budget: read the rest only to count it (and to see whether it is all whitespace).
    bool blank = std::all_of(view.begin(), view.end(), IsAsciiSpace);
    uint64_t text_bytes = view.size() - (header.has_value() ? header->text_begin : 0);
    content = std::vector<char>();
    std::unique_ptr<char[]> scratch(new char[std::max<size_t>(options_.chunk_bytes, 1)]);
    for (;;) {
      Result<size_t> got = source_->Read(scratch.get(), std::max<size_t>(options_.chunk_bytes, 1));
      if (!got.ok()) return Fail(got.status(), doc);
      if (*got == 0) break;
      text_bytes += *got;
      blank = blank && std::all_of(scratch.get(), scratch.get() + *got, IsAsciiSpace);
    }
    if (blank) return false;
    BuildErrorRecord(record.id, 1, "",
                     "text is " + std::to_string(text_bytes) + " bytes; the limit is " +
                         std::to_string(options_.max_article_bytes) + " (--max-article-bytes)",
                     doc);
    return true;
  }

  const std::string& name() const override { return name_; }
  InputFormat format() const override { return InputFormat::kDatedText; }
  Status status() const override { return status_; }
  size_t buffer_capacity() const override { return held_; }

 private:
  bool Fail(Status status, Document& doc) {
    status_ = std::move(status);
    BuildReadFailureRecord(1, status_, doc);
    return true;
  }

  std::string name_;
  std::unique_ptr<ByteSource> source_;
  ReaderOptions options_;
  bool done_ = false;
  Status status_;
  size_t held_ = 0;  // the most bytes of input held at once
};

}  // namespace

std::optional<DatedTextHeader> ParseDatedTextHeader(std::string_view content) {
  size_t pos = ByteOrderMarkLength(content);
  while (pos < content.size() && IsAsciiSpace(content[pos])) ++pos;
  if (content.substr(pos, 4) != "date") return std::nullopt;
  pos += 4;
  const size_t word_begin = content.find_first_not_of(" \t", pos);
  if (word_begin == pos || word_begin == std::string_view::npos) return std::nullopt;
  const std::string_view date = content.substr(word_begin, 10);
  pos = word_begin + date.size();
  if (!IsDateShaped(date) || (pos < content.size() && !IsAsciiSpace(content[pos]))) return std::nullopt;
  while (pos < content.size() && IsAsciiSpace(content[pos])) ++pos;
  return DatedTextHeader{date, pos};
}

std::unique_ptr<ArticleReader> NewTextReader(std::string name, std::unique_ptr<ByteSource> source,
                                             const ReaderOptions& options) {
  return std::make_unique<TextReader>(std::move(name), std::move(source), options);
}

}  // namespace annalist
