// The CSV reader: a single forward pass over the buffer, one row at a time.
//
// A field is a view into the buffer unless it holds doubled quotes, which are undone into a scratch string
// (reused from row to row). The scanner is byte-oriented: UTF-8 needs no care here, since quote, comma, CR
// and LF never occur inside a multi-byte sequence; the shared rules repair invalid UTF-8 per field
// afterwards.
#include "io/csv_reader.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#include "io/format_detect.h"
#include "io/input_record.h"

namespace annalist {
namespace {

// The columns the reader uses, as indices into kColumnNames.
enum Column : size_t { kId, kDate, kText, kTitle, kSource, kUrl, kColumnCount };
constexpr std::array<std::string_view, kColumnCount> kColumnNames = {"id",    "date",   "text",
                                                                     "title", "source", "url"};
constexpr size_t kAbsent = static_cast<size_t>(-1);

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           const auto lower = [](char c) {
             return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
           };
           return lower(x) == lower(y);
         });
}

std::string_view TrimSpace(std::string_view text) {
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  return text;
}

// "character 'x'" for printable ASCII, else "byte 0xNN".
std::string DescribeByte(char c) {
  if (c > ' ' && c < 0x7F) return std::string("character '") + c + "'";
  static constexpr char kHex[] = "0123456789ABCDEF";
  const auto byte = static_cast<unsigned char>(c);
  return std::string("byte 0x") + kHex[byte >> 4] + kHex[byte & 0xF];
}

class CsvReader final : public ArticleReader {
 public:
  CsvReader(std::string name, InputBuffer buffer, const ReaderOptions& options)
      : name_(std::move(name)), buffer_(std::move(buffer)), options_(options) {
    position_ = ByteOrderMarkLength(buffer_.view());
    columns_.fill(kAbsent);
  }

  bool Next(Document& doc) override {
    doc.Clear();
    if (done_) return false;
    if (!header_read_) {
      header_read_ = true;
      if (!ReadHeader(doc)) {
        done_ = true;
        return doc.is_error();
      }
    }
    for (;;) {
      SkipBlankLines();
      if (position_ >= buffer_.size()) {
        done_ = true;
        return false;
      }
      ++record_number_;
      const uint64_t row_line = line_number_;
      const std::string where = "line " + std::to_string(row_line);
      std::string problem;
      if (!ParseRow(problem)) {
        BuildErrorRecord(RowField(kId), record_number_, where, problem, doc);
        return true;
      }
      if (fields_.size() != header_size_) {
        BuildErrorRecord(
            RowField(kId), record_number_, where,
            std::to_string(fields_.size()) + " fields, but the header has " + std::to_string(header_size_),
            doc);
        return true;
      }
      InputRecord record;
      record.id = RowField(kId);
      record.date = RowField(kDate);
      record.text = RowField(kText).value_or(std::string_view());
      record.title = RowField(kTitle);
      record.source = RowField(kSource);
      record.url = RowField(kUrl);
      BuildArticle(record, record_number_, where, options_, doc);
      return true;
    }
  }

  const std::string& name() const override { return name_; }
  InputFormat format() const override { return InputFormat::kCsv; }

 private:
  struct Field {
    size_t begin = 0, end = 0;  // the field's bytes in buffer_, when it needs no unescaping
    int scratch = -1;           // else its index in scratch_
  };

  std::string_view FieldText(const Field& field) const {
    if (field.scratch >= 0) return scratch_[static_cast<size_t>(field.scratch)];
    return std::string_view(buffer_.data() + field.begin, field.end - field.begin);
  }

  // The value of one of our columns in the current row; unset when the column is absent, the row too short,
  // or the field empty.
  std::optional<std::string_view> RowField(Column column) const {
    const size_t index = columns_[column];
    if (index == kAbsent || index >= fields_.size()) return std::nullopt;
    const std::string_view text = FieldText(fields_[index]);
    if (text.empty()) return std::nullopt;
    return text;
  }

  // Reads the header row. Returns false when nothing more is to be read: no header at all (doc untouched),
  // or a header that is broken or has no text column (doc is the error record).
  bool ReadHeader(Document& doc) {
    SkipBlankLines();
    if (position_ >= buffer_.size()) return false;
    const std::string where = "line " + std::to_string(line_number_);
    std::string problem;
    if (!ParseRow(problem)) {
      BuildErrorRecord(std::nullopt, 1, where, "cannot read the CSV header: " + problem, doc);
      return false;
    }
    header_size_ = fields_.size();
    std::string names;
    for (size_t i = 0; i < fields_.size(); ++i) {
      const std::string_view column = TrimSpace(FieldText(fields_[i]));
      names += (i == 0 ? "" : ", ") + std::string(column);
      for (size_t c = 0; c < kColumnCount; ++c) {
        if (columns_[c] == kAbsent && EqualsIgnoringCase(column, kColumnNames[c])) columns_[c] = i;
      }
    }
    if (columns_[kText] == kAbsent) {
      if (names.size() > 200) names = names.substr(0, 200) + "…";
      BuildErrorRecord(std::nullopt, 1, where,
                       "the CSV header has no \"text\" column (columns: " + names + ")", doc);
      return false;
    }
    return true;
  }

  // Skips lines holding only whitespace, counting them.
  void SkipBlankLines() {
    const char* data = buffer_.data();
    while (position_ < buffer_.size()) {
      size_t end = position_;
      while (end < buffer_.size() && data[end] != '\n' && IsAsciiSpace(data[end])) ++end;
      if (end < buffer_.size() && data[end] != '\n') return;  // a non-blank byte: a row starts here
      position_ = end + 1;
      if (end < buffer_.size()) ++line_number_;  // a newline ended the blank line
    }
  }

  // Moves past the rest of the physical line at `position`.
  void SkipLine(size_t position) {
    const char* data = buffer_.data();
    const void* newline = std::memchr(data + position, '\n', buffer_.size() - position);
    position_ = newline != nullptr ? static_cast<size_t>(static_cast<const char*>(newline) - data) + 1
                                   : buffer_.size();
    ++line_number_;
  }

  // Parses the row at position_ into fields_ and moves past it. REQUIRES: position_ < buffer size. Returns
  // false, with `problem` set, for a broken row (position_ is then where reading resumes).
  bool ParseRow(std::string& problem) {
    fields_.clear();
    used_scratch_ = 0;
    const char* data = buffer_.data();
    const size_t size = buffer_.size();
    const size_t row_begin = position_;
    const uint64_t row_line = line_number_;
    size_t pos = position_;
    for (;;) {
      Field field;
      if (pos < size && data[pos] == '"') {
        // A quoted field: up to the next quote that is not doubled.
        size_t chunk = ++pos;
        for (;;) {
          const void* found = std::memchr(data + pos, '"', size - pos);
          if (found == nullptr) return Unterminated(row_begin, row_line, problem);
          const size_t quote = static_cast<size_t>(static_cast<const char*>(found) - data);
          line_number_ += static_cast<uint64_t>(std::count(data + pos, data + quote, '\n'));
          if (quote + 1 < size && data[quote + 1] == '"') {
            if (field.scratch < 0) field.scratch = NewScratch();
            scratch_[static_cast<size_t>(field.scratch)].append(data + chunk, quote + 1 - chunk);
            pos = chunk = quote + 2;
            continue;
          }
          if (field.scratch >= 0) {
            scratch_[static_cast<size_t>(field.scratch)].append(data + chunk, quote - chunk);
          } else {
            field.begin = chunk;
            field.end = quote;
          }
          pos = quote + 1;
          break;
        }
        fields_.push_back(field);
        if (pos < size && data[pos] == '\r' && pos + 1 < size && data[pos + 1] == '\n') ++pos;
        if (pos >= size || data[pos] == '\n') break;
        if (data[pos] == ',') {
          ++pos;
          continue;
        }
        problem = "unexpected " + DescribeByte(data[pos]) + " after the closing quote of field " +
                  std::to_string(fields_.size());
        SkipLine(pos);
        return false;
      }
      // An unquoted field: up to the next comma or line end.
      field.begin = pos;
      while (pos < size && data[pos] != ',' && data[pos] != '\n') ++pos;
      field.end = pos;
      if ((pos >= size || data[pos] == '\n') && field.end > field.begin && data[field.end - 1] == '\r') {
        --field.end;  // the CR of a CRLF line end
      }
      fields_.push_back(field);
      if (pos < size && data[pos] == ',') {
        ++pos;
        continue;
      }
      break;
    }
    // pos is at the row's newline, or at the end of the input.
    position_ = pos + 1;
    if (pos < size) ++line_number_;
    return true;
  }

  // Reports an unclosed quote in the row starting at `row_begin` and sets where reading resumes.
  bool Unterminated(size_t row_begin, uint64_t row_line, std::string& problem) {
    problem = "a quoted field is never closed (its quote runs to the end of the input)";
    line_number_ = row_line;
    if (++unterminated_count_ >= 2) {
      position_ = buffer_.size();  // a second unclosed quote: stop, so recovery stays linear
      problem += "; reading of this input stops here";
    } else {
      SkipLine(row_begin);
    }
    return false;
  }

  int NewScratch() {
    if (used_scratch_ == scratch_.size()) scratch_.emplace_back();
    scratch_[used_scratch_].clear();
    return static_cast<int>(used_scratch_++);
  }

  std::string name_;
  InputBuffer buffer_;
  ReaderOptions options_;
  size_t position_ = 0;         // start of the next row in buffer_
  uint64_t line_number_ = 1;    // the physical line position_ is on
  uint64_t record_number_ = 0;  // rows read after the header
  bool header_read_ = false;
  bool done_ = false;
  size_t header_size_ = 0;
  std::array<size_t, kColumnCount> columns_;  // each used column's index in the header, or kAbsent
  std::vector<Field> fields_;                 // the current row
  std::vector<std::string> scratch_;          // unescaped quoted fields of the current row
  size_t used_scratch_ = 0;
  int unterminated_count_ = 0;
};

}  // namespace

std::unique_ptr<ArticleReader> NewCsvReader(std::string name, InputBuffer buffer,
                                            const ReaderOptions& options) {
  return std::make_unique<CsvReader>(std::move(name), std::move(buffer), options);
}

}  // namespace annalist
