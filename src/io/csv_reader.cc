// The CSV reader: a single forward pass over a window of the input (stream_window.h), one row at a time.
//
// A row is parsed where it lies in the window. When it runs past the window's end, parsing starts again from
// the row's start once more input has been read; each retry at least doubles what is read of the row, so the
// retries cost no more than one more pass. A row longer than the record limit is read past byte by byte with
// a small state machine that follows the same grammar, and becomes an error record.
//
// A field is a view into the window unless it holds doubled quotes, which are undone into a scratch string
// (reused from row to row). The scanner is byte-oriented: UTF-8 needs no care here, since quote, comma, CR
// and LF never occur inside a multi-byte sequence; the shared rules repair invalid UTF-8 per field
// afterwards.
#include "io/csv_reader.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <vector>

#include "io/format_detect.h"
#include "io/input_record.h"
#include "io/stream_window.h"

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
  CsvReader(std::string name, std::unique_ptr<ByteSource> source, const ReaderOptions& options)
      : name_(std::move(name)),
        options_(options),
        limit_(RecordByteLimit(options)),
        window_(std::move(source), options.chunk_bytes,
                static_cast<size_t>(std::min<uint64_t>(limit_, SIZE_MAX / 2) + 1)) {
    columns_.fill(kAbsent);
  }

  bool Next(Document& doc) override {
    doc.Clear();
    if (!status_.ok()) return ReportFailure(doc);
    if (done_) return false;
    if (!started_) {
      started_ = true;
      while (window_.size() < 3 && !window_.at_end()) {
        if (!Fill(3 - window_.size())) return ReportFailure(doc);
      }
      window_.Consume(ByteOrderMarkLength(window_.view()));
    }
    if (!header_read_) {
      header_read_ = true;
      if (!ReadHeader(doc)) {
        if (!status_.ok() && !doc.is_error()) return ReportFailure(doc);
        done_ = true;
        // A header's error record is record 1; a read failure met while reading past it comes next.
        if (doc.is_error()) record_number_ = doc.input_number;
        return doc.is_error();
      }
    }
    const Blank blank = SkipBlankLines();
    if (blank == Blank::kFailed) return ReportFailure(doc);
    if (blank == Blank::kEnd) {
      done_ = true;
      return false;
    }
    const uint64_t number = record_number_ + 1;
    const std::string where = "line " + std::to_string(line_number_);
    if (blank == Blank::kLongRow) {
      // A row starting with more whitespace than the limit: its start is gone, and with it any id.
      record_number_ = number;
      BuildErrorRecord(std::nullopt, number, where, SkipLongRow(Scan::kUnquoted, long_run_bytes_), doc);
      return true;
    }
    std::string problem;
    size_t resume = 0;
    switch (ReadRow(problem, resume)) {
      case Parse::kNeedMore:  // ReadRow never returns it
      case Parse::kFailed:
        return ReportFailure(doc);
      case Parse::kTooLong: {
        record_number_ = number;
        const std::optional<std::string> id = IdOfLongRow();
        BuildErrorRecord(id, number, where, SkipLongRow(Scan::kFieldStart, 0), doc);
        return true;
      }
      case Parse::kBroken:
        record_number_ = number;
        BuildErrorRecord(RowField(kId), number, where, problem, doc);
        SkipRestOfLine(resume);
        return true;
      case Parse::kRow:
        break;
    }
    record_number_ = number;
    if (fields_.size() != header_size_) {
      BuildErrorRecord(
          RowField(kId), number, where,
          std::to_string(fields_.size()) + " fields, but the header has " + std::to_string(header_size_), doc);
    } else {
      InputRecord record;
      record.id = RowField(kId);
      record.date = RowField(kDate);
      record.text = RowField(kText).value_or(std::string_view());
      record.title = RowField(kTitle);
      record.source = RowField(kSource);
      record.url = RowField(kUrl);
      BuildArticle(record, number, where, options_, doc);
    }
    window_.Consume(row_bytes_);
    return true;
  }

  const std::string& name() const override { return name_; }
  InputFormat format() const override { return InputFormat::kCsv; }
  Status status() const override { return status_; }
  size_t buffer_capacity() const override { return window_.capacity(); }

 private:
  struct Field {
    size_t begin = 0, end = 0;  // the field's bytes from the window's front, when it needs no unescaping
    int scratch = -1;           // else its index in scratch_
    size_t stop = 0;            // the offset of the byte after the field (a comma, a line end, the end)
  };

  enum class Parse { kRow, kBroken, kNeedMore, kTooLong, kFailed };
  enum class Blank { kRow, kEnd, kLongRow, kFailed };
  // Where SkipLongRow is in a row: the states of ParseRow's grammar, byte by byte.
  enum class Scan { kFieldStart, kUnquoted, kQuoted, kQuoteSeen, kQuoteSeenCr, kRestOfLine, kDone };

  std::string_view FieldText(const Field& field) const {
    if (field.scratch >= 0) return scratch_[static_cast<size_t>(field.scratch)];
    return std::string_view(window_.data() + field.begin, field.end - field.begin);
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

  // The id of a row longer than limit_, copied before its bytes leave the window: when its field ends within
  // the row's first limit_ bytes, so that it does not depend on how much of the row the window holds.
  std::optional<std::string> IdOfLongRow() const {
    const size_t index = columns_[kId];
    if (index == kAbsent || index >= fields_.size() || fields_[index].stop > limit_) return std::nullopt;
    const std::optional<std::string_view> id = RowField(kId);
    if (!id.has_value()) return std::nullopt;
    return std::string(*id);
  }

  // Reads more input; false (with status_ set) on a read failure.
  bool Fill(size_t min_new) {
    Status status = window_.Fill(min_new);
    if (status.ok()) return true;
    status_ = std::move(status);
    return false;
  }

  // Makes `doc` the record of the read failure in status_, once. Returns whether it did.
  bool ReportFailure(Document& doc) {
    done_ = true;
    if (failure_reported_) return false;
    failure_reported_ = true;
    BuildReadFailureRecord(++record_number_, status_, doc);
    return true;
  }

  // Reads the header row. Returns false when nothing more is to be read: no header at all or a read failure
  // (doc untouched), or a header that is broken or has no text column (doc is the error record).
  bool ReadHeader(Document& doc) {
    const Blank blank = SkipBlankLines();
    if (blank == Blank::kFailed || blank == Blank::kEnd) return false;
    const std::string where = "line " + std::to_string(line_number_);
    std::string problem;
    size_t resume = 0;
    const Parse parse = blank == Blank::kLongRow ? Parse::kTooLong : ReadRow(problem, resume);
    if (parse == Parse::kFailed) return false;
    if (parse == Parse::kTooLong) {
      const std::string problem = blank == Blank::kLongRow ? SkipLongRow(Scan::kUnquoted, long_run_bytes_)
                                                             : SkipLongRow(Scan::kFieldStart, 0);
      BuildErrorRecord(std::nullopt, 1, where, "cannot read the CSV header: " + problem, doc);
      return false;
    }
    if (parse == Parse::kBroken) {
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
    window_.Consume(row_bytes_);
    if (columns_[kText] == kAbsent) {
      if (names.size() > 200) names = names.substr(0, 200) + "…";
      BuildErrorRecord(std::nullopt, 1, where,
                       "the CSV header has no \"text\" column (columns: " + names + ")", doc);
      return false;
    }
    return true;
  }

  // Skips lines holding only whitespace, counting them, up to the start of a row (kRow: the row starts at the
  // window's front), or the end. A whitespace run longer than the record limit is let go of as it is read;
  // when a row follows it on the same line, that row is too long (kLongRow: its start is gone).
  Blank SkipBlankLines() {
    bool long_run = false;
    long_run_bytes_ = 0;
    for (;;) {
      const char* data = window_.data();
      const size_t size = window_.size();
      size_t end = 0;
      while (end < size && data[end] != '\n' && IsAsciiSpace(data[end])) ++end;
      if (end < size) {
        if (data[end] != '\n') return long_run ? Blank::kLongRow : Blank::kRow;
        window_.Consume(end + 1);
        ++line_number_;
        long_run = false;
        long_run_bytes_ = 0;
        continue;
      }
      if (window_.at_end()) {
        window_.Consume(size);
        return Blank::kEnd;
      }
      if (size > limit_) {
        window_.Consume(size);
        long_run = true;
        long_run_bytes_ += size;
      }
      if (!Fill(std::max<size_t>(size, 1))) return Blank::kFailed;
    }
  }

  // Parses the row at the window's front into fields_, reading more input until the row is whole. On kRow,
  // row_bytes_ is the row's length with its line end (consume it once the fields are used). On kBroken,
  // `problem` says why, and reading resumes after the physical line holding byte `resume`. kTooLong: the
  // row is longer than limit_; fields_ holds the fields read before that.
  Parse ReadRow(std::string& problem, size_t& resume) {
    for (;;) {
      const Parse parse = ParseRow(problem, resume);
      if (parse != Parse::kNeedMore) return parse;
      if (window_.size() > limit_) return Parse::kTooLong;
      // Parsing starts again from the row's start: asking for as many bytes again as the row has keeps that
      // linear in the row's length.
      if (!Fill(window_.size())) return Parse::kFailed;
    }
  }

  // One attempt at the row at the window's front: kNeedMore when it runs past the bytes read so far (and the
  // input goes on), leaving line_number_ as it was. A row found to be longer than limit_ is kTooLong even
  // when the window holds all of it (a window larger than the limit), so the outcome never depends on the
  // window's size: what decides is whether the row's end, or the byte that breaks it, lies past the limit.
  Parse ParseRow(std::string& problem, size_t& resume) {
    fields_.clear();
    used_scratch_ = 0;
    const char* data = window_.data();
    const size_t size = window_.size();
    const bool last = window_.at_end();  // nothing follows `size`
    const uint64_t row_line = line_number_;
    const auto need_more = [&] {
      line_number_ = row_line;
      return Parse::kNeedMore;
    };
    const auto too_long = [&] {
      line_number_ = row_line;
      return Parse::kTooLong;
    };
    size_t pos = 0;
    for (;;) {
      Field field;
      if (pos == size && !last) return need_more();
      if (pos < size && data[pos] == '"') {
        // A quoted field: up to the next quote that is not doubled.
        size_t chunk = ++pos;
        for (;;) {
          const void* found = std::memchr(data + pos, '"', size - pos);
          if (found == nullptr) {
            if (!last) return need_more();
            if (size > limit_) return too_long();
            return Unterminated(row_line, problem, resume);
          }
          const size_t quote = static_cast<size_t>(static_cast<const char*>(found) - data);
          line_number_ += static_cast<uint64_t>(std::count(data + pos, data + quote, '\n'));
          if (quote + 1 == size && !last) return need_more();
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
        field.stop = pos;
        fields_.push_back(field);
        if (pos < size && data[pos] == '\r' && pos + 1 == size && !last) return need_more();
        if (pos < size && data[pos] == '\r' && pos + 1 < size && data[pos + 1] == '\n') ++pos;
        if (pos >= size || data[pos] == '\n') break;
        if (data[pos] == ',') {
          ++pos;
          continue;
        }
        if (pos > limit_) return too_long();
        problem = "unexpected " + DescribeByte(data[pos]) + " after the closing quote of field " +
                  std::to_string(fields_.size());
        resume = pos;
        return Parse::kBroken;
      }
      // An unquoted field: up to the next comma or line end.
      field.begin = pos;
      while (pos < size && data[pos] != ',' && data[pos] != '\n') ++pos;
      if (pos == size && !last) return need_more();
      field.end = pos;
      if ((pos >= size || data[pos] == '\n') && field.end > field.begin && data[field.end - 1] == '\r') {
        --field.end;  // the CR of a CRLF line end
      }
      field.stop = pos;
      fields_.push_back(field);
      if (pos < size && data[pos] == ',') {
        ++pos;
        continue;
      }
      break;
    }
    // pos is at the row's newline, or at the end of the input.
    if (pos > limit_) return too_long();
    row_bytes_ = std::min(pos + 1, size);
    if (pos < size) ++line_number_;
    return Parse::kRow;
  }

  // Reports an unclosed quote in the row starting at the window's front (the input has been read to its
  // end) and sets where reading resumes.
  Parse Unterminated(uint64_t row_line, std::string& problem, size_t& resume) {
    problem = "a quoted field is never closed (its quote runs to the end of the input)";
    line_number_ = row_line;
    if (++unterminated_count_ >= 2) {
      resume = window_.size();  // a second unclosed quote: stop, so recovery stays linear
      problem += "; reading of this input stops here";
    } else {
      resume = 0;
    }
    return Parse::kBroken;
  }

  // Moves past the rest of the physical line holding the window's byte `position`, reading on as needed.
  void SkipRestOfLine(size_t position) {
    window_.Consume(position);
    for (;;) {
      const void* newline = std::memchr(window_.data(), '\n', window_.size());
      if (newline != nullptr) {
        window_.Consume(static_cast<size_t>(static_cast<const char*>(newline) - window_.data()) + 1);
        break;
      }
      window_.Consume(window_.size());
      if (window_.at_end() || !Fill(1)) break;
    }
    ++line_number_;
  }

  // Reads past a row longer than limit_, from the window's front, without holding it: byte by byte through
  // ParseRow's grammar from `state`, so quoted newlines stay inside the row. `bytes` of the row are already
  // gone. Returns the row's error message. A row whose quote is never closed runs to the end of the input:
  // it cannot be rewound to resume on its next line as a shorter one is, so the message says reading stops.
  std::string SkipLongRow(Scan state, uint64_t bytes) {
    for (;;) {
      const char* data = window_.data();
      const size_t size = window_.size();
      size_t i = 0;
      for (; i < size && state != Scan::kDone; ++i) {
        const char c = data[i];
        switch (state) {
          case Scan::kFieldStart:
            if (c == '"') {
              state = Scan::kQuoted;
              break;
            }
            state = Scan::kUnquoted;
            [[fallthrough]];
          case Scan::kUnquoted:
            if (c == ',') state = Scan::kFieldStart;
            if (c == '\n') state = Scan::kDone;
            break;
          case Scan::kQuoted:
            if (c == '"') state = Scan::kQuoteSeen;
            if (c == '\n') ++line_number_;
            break;
          case Scan::kQuoteSeen:
            state = c == '"'    ? Scan::kQuoted
                    : c == ','  ? Scan::kFieldStart
                    : c == '\n' ? Scan::kDone
                    : c == '\r' ? Scan::kQuoteSeenCr
                                : Scan::kRestOfLine;
            break;
          case Scan::kQuoteSeenCr:
          case Scan::kRestOfLine:
            state = c == '\n' ? Scan::kDone : Scan::kRestOfLine;
            break;
          case Scan::kDone:
            break;
        }
      }
      if (state == Scan::kDone) {
        bytes += i - 1;  // not the newline
        ++line_number_;
        window_.Consume(i);
        break;
      }
      bytes += size;
      window_.Consume(size);
      if (window_.at_end() || !Fill(1)) break;
    }
    std::string message = RecordTooLong("row", bytes, options_);
    if (state == Scan::kQuoted && status_.ok()) {
      message += ", and a quoted field in it is never closed; reading of this input stops here";
      done_ = true;
    }
    return message;
  }

  int NewScratch() {
    if (used_scratch_ == scratch_.size()) scratch_.emplace_back();
    scratch_[used_scratch_].clear();
    return static_cast<int>(used_scratch_++);
  }

  std::string name_;
  ReaderOptions options_;
  uint64_t limit_;  // RecordByteLimit: the longest row parsed
  StreamWindow window_;
  Status status_;  // a read failure, which ends the input
  bool failure_reported_ = false;
  bool started_ = false;
  uint64_t line_number_ = 1;    // the physical line the window's front is on
  uint64_t record_number_ = 0;  // rows read after the header
  bool header_read_ = false;
  bool done_ = false;
  size_t header_size_ = 0;
  std::array<size_t, kColumnCount> columns_;  // each used column's index in the header, or kAbsent
  std::vector<Field> fields_;                 // the current row
  std::vector<std::string> scratch_;          // unescaped quoted fields of the current row
  size_t used_scratch_ = 0;
  size_t row_bytes_ = 0;       // the length of the row parsed last, with its line end
  uint64_t long_run_bytes_ = 0;  // whitespace let go of before a kLongRow
  int unterminated_count_ = 0;
};

}  // namespace

std::unique_ptr<ArticleReader> NewCsvReader(std::string name, std::unique_ptr<ByteSource> source,
                                            const ReaderOptions& options) {
  return std::make_unique<CsvReader>(std::move(name), std::move(source), options);
}

}  // namespace annalist
