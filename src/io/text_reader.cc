#include "io/text_reader.h"

#include <algorithm>

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

class TextReader final : public ArticleReader {
 public:
  TextReader(std::string name, InputBuffer buffer, const ReaderOptions& options)
      : name_(std::move(name)), buffer_(std::move(buffer)), options_(options) {}

  bool Next(Document& doc) override {
    doc.Clear();
    if (done_) return false;
    done_ = true;
    std::string_view content = buffer_.view();
    content.remove_prefix(ByteOrderMarkLength(content));
    if (std::all_of(content.begin(), content.end(), IsAsciiSpace)) return false;
    InputRecord record;
    const std::string stem = InputStem(name_);
    if (!stem.empty()) record.id = stem;
    if (const std::optional<DatedTextHeader> header = ParseDatedTextHeader(content)) {
      record.date = header->date;
      record.text = content.substr(header->text_begin);
    } else {
      record.text = content;
    }
    BuildArticle(record, 1, "", options_, doc);
    return true;
  }

  const std::string& name() const override { return name_; }
  InputFormat format() const override { return InputFormat::kDatedText; }

 private:
  std::string name_;
  InputBuffer buffer_;
  ReaderOptions options_;
  bool done_ = false;
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

std::unique_ptr<ArticleReader> NewTextReader(std::string name, InputBuffer buffer,
                                             const ReaderOptions& options) {
  return std::make_unique<TextReader>(std::move(name), std::move(buffer), options);
}

}  // namespace annalist
