// The JSON Lines reader.
//
// The input streams through a window (stream_window.h) padded for simdjson, so each line is handed to
// simdjson where it lies: the bytes after a line (the next lines, stale bytes, then the window's padding)
// serve as simdjson's padding, whose content it ignores. Only a line with invalid UTF-8 is copied, to repair
// it. A line that runs past the window's end is moved to the front with the next read; one longer than the
// record budget is skipped to its newline, piece by piece, and becomes an error record. One On-Demand parser is reused for every
// line; the strings it unescapes live in the parser until the next line, long enough to copy them into the
// Document.
//
// On-Demand validates what it visits. Every field of the object is visited, but the value of a field we do
// not use is skipped by counting brackets, so malformed JSON inside an ignored value (`"x": [1 2]`) can go
// unnoticed; the fields we read are always checked, and so is the object's own structure.
#include "io/jsonl_reader.h"

#include <simdjson.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>

#include "core/utf8.h"
#include "io/format_detect.h"
#include "io/input_record.h"
#include "io/stream_window.h"

namespace annalist {
namespace {

namespace od = simdjson::ondemand;

std::string_view TypeName(od::json_type type) {
  switch (type) {
    case od::json_type::array:
      return "an array";
    case od::json_type::object:
      return "an object";
    case od::json_type::number:
      return "a number";
    case od::json_type::string:
      return "a string";
    case od::json_type::boolean:
      return "a boolean";
    case od::json_type::null:
      return "null";
  }
  return "a value";
}

std::string NotValidJson(simdjson::error_code error) {
  return std::string("not valid JSON (") + simdjson::error_message(error) + ")";
}

// Parses a scalar document whole (simdjson checks that nothing follows a root scalar).
simdjson::error_code CheckRootScalar(od::document& document, od::json_type type) {
  switch (type) {
    case od::json_type::number:
      return document.get_number().error();
    case od::json_type::string:
      return document.get_string().error();
    case od::json_type::boolean:
      return document.get_bool().error();
    case od::json_type::null: {
      bool is_null = false;
      if (auto error = document.is_null().get(is_null)) return error;
      return is_null ? simdjson::SUCCESS : simdjson::INCORRECT_TYPE;
    }
    case od::json_type::array:
    case od::json_type::object:
      break;
  }
  return simdjson::SUCCESS;
}

bool IsBlank(std::string_view line) {
  return std::all_of(line.begin(), line.end(), [](char c) { return IsAsciiSpace(c); });
}

// Which InputRecord field a key names.
enum class Key { kOther, kId, kDate, kText, kTitle, kSource, kUrl };

Key KeyOf(std::string_view key) {
  if (key == "text") return Key::kText;
  if (key == "id") return Key::kId;
  if (key == "date") return Key::kDate;
  if (key == "title") return Key::kTitle;
  if (key == "source") return Key::kSource;
  if (key == "url") return Key::kUrl;
  return Key::kOther;
}

// The end of the JSON string whose opening quote is at `begin` (one past its closing quote), or npos when
// it does not end within `text`.
size_t StringEnd(std::string_view text, size_t begin) {
  for (size_t i = begin + 1; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '"') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// The end of the JSON value starting at `begin`, or npos when it does not end within `text`. Only brackets
// and strings are followed: the value is not validated.
size_t ValueEnd(std::string_view text, size_t begin) {
  if (text[begin] == '"') return StringEnd(text, begin);
  if (text[begin] != '{' && text[begin] != '[') {
    size_t end = begin;
    while (end < text.size() && text[end] != ',' && text[end] != '}' && !IsAsciiSpace(text[end])) ++end;
    return end < text.size() ? end : std::string_view::npos;
  }
  size_t depth = 0;
  for (size_t i = begin; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      i = StringEnd(text, i);
      if (i == std::string_view::npos) return i;
      --i;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && --depth == 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// The top-level "id" of the object a line too long to parse starts with, found by walking its fields in
// `prefix` (the bytes of the line that were read) up to the first field that does not end there. A string
// id is unescaped by simdjson; a number is kept as written; anything else counts as no id. Linear in the
// prefix, and only run for such lines.
std::optional<std::string> IdFromPrefix(std::string_view prefix, od::parser& parser) {
  std::optional<std::string> id;
  size_t pos = 0;
  const auto skip_space = [&] {
    while (pos < prefix.size() && IsAsciiSpace(prefix[pos])) ++pos;
  };
  skip_space();
  if (pos == prefix.size() || prefix[pos] != '{') return id;
  ++pos;
  for (;;) {
    skip_space();
    if (pos == prefix.size() || prefix[pos] != '"') return id;
    const size_t key_end = StringEnd(prefix, pos);
    if (key_end == std::string_view::npos) return id;
    const std::string_view key = prefix.substr(pos + 1, key_end - pos - 2);
    pos = key_end;
    skip_space();
    if (pos == prefix.size() || prefix[pos] != ':') return id;
    ++pos;
    skip_space();
    if (pos == prefix.size()) return id;
    const size_t value_end = ValueEnd(prefix, pos);
    if (value_end == std::string_view::npos) return id;
    if (key == "id") {
      // A later duplicate wins, as when the line is parsed whole.
      const simdjson::padded_string value(prefix.substr(pos, value_end - pos));
      od::document document;
      od::json_type type;
      std::string_view string;
      if (!parser.iterate(value).get(document) && !document.type().get(type)) {
        if (type == od::json_type::string && !document.get_string().get(string)) {
          id = std::string(string);
        } else if (type == od::json_type::number && !document.get_number().error()) {
          id = std::string(prefix.substr(pos, value_end - pos));
        }
      }
    }
    pos = value_end;
    skip_space();
    if (pos == prefix.size() || prefix[pos] != ',') return id;
    ++pos;
  }
}

constexpr size_t kPadding = simdjson::SIMDJSON_PADDING;

// simdjson may read into the padding after a malformed line (an unclosed string is scanned for its quote),
// and what it finds there shapes the error. In the window those bytes are the line end and the next lines, or
// stale bytes from earlier reads, depending on how the input was cut into pieces. So while a line is parsed,
// the padding after it holds zeros, as after the input's last line; what was there is put back afterwards.
class ZeroedPadding {
 public:
  explicit ZeroedPadding(char* after) : after_(after) {
    std::memcpy(saved_, after_, kPadding);
    std::memset(after_, 0, kPadding);
  }
  ~ZeroedPadding() { std::memcpy(after_, saved_, kPadding); }
  ZeroedPadding(const ZeroedPadding&) = delete;
  ZeroedPadding& operator=(const ZeroedPadding&) = delete;

 private:
  char* after_;
  char saved_[kPadding];
};

class JsonLinesReader final : public ArticleReader {
 public:
  JsonLinesReader(std::string name, std::unique_ptr<ByteSource> source, const ReaderOptions& options)
      : name_(std::move(name)),
        options_(options),
        limit_(RecordByteLimit(options)),
        window_(std::move(source), options.chunk_bytes, WindowBytes(limit_)) {}

  bool Next(Document& doc) override {
    doc.Clear();
    if (done_) return false;
    if (!started_) {
      started_ = true;
      while (window_.size() < 3 && !window_.at_end()) {
        if (!Fill(3 - window_.size(), doc)) return true;
      }
      window_.Consume(ByteOrderMarkLength(window_.view()));
    }
    for (;;) {
      const std::string_view pending = window_.view();
      const char* newline =
          static_cast<const char*>(std::memchr(pending.data() + scanned_, '\n', pending.size() - scanned_));
      size_t length = pending.size();
      if (newline != nullptr) {
        length = static_cast<size_t>(newline - pending.data());
      } else if (length <= limit_ && !window_.at_end()) {
        // The line runs past the window: read more, without scanning again what has been scanned.
        scanned_ = length;
        if (!Fill(1, doc)) return true;
        continue;
      } else if (length == 0) {
        done_ = true;
        return false;
      }
      if (length > limit_) {
        if (SkipLongLine(length, doc)) return true;
        continue;
      }
      std::string_view line(pending.data(), length);
      // The line's bytes stay where they are until the next Fill: it is parsed in place.
      window_.Consume(newline != nullptr ? length + 1 : length);
      scanned_ = 0;
      ++line_number_;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (IsBlank(line)) continue;
      ++record_number_;
      ReadLine(line, doc);
      return true;
    }
  }

  const std::string& name() const override { return name_; }
  InputFormat format() const override { return InputFormat::kJsonLines; }
  Status status() const override { return status_; }
  size_t buffer_capacity() const override { return window_.capacity(); }

 private:
  // The window holds one line of up to `limit` bytes and the newline after it.
  static size_t WindowBytes(uint64_t limit) {
    return static_cast<size_t>(std::min<uint64_t>(limit, SIZE_MAX / 2) + 1);
  }

  // Fills the window. On a read failure, makes `doc` the failure's record, ends the input and returns false.
  bool Fill(size_t min_new, Document& doc) {
    Status status = window_.Fill(min_new);
    if (status.ok()) return true;
    status_ = std::move(status);
    BuildReadFailureRecord(++record_number_, status_, doc);
    done_ = true;
    return false;
  }

  // Reads past the line at the front of the window, longer than limit_, without holding it whole; its first
  // `read` bytes are in the window. Returns true when `doc` is set (the line's error record, or a read
  // failure's); false for a line that was only whitespace, which is no record however long.
  bool SkipLongLine(size_t read, Document& doc) {
    ++line_number_;
    // Only the line's first limit_ bytes are looked at, whatever the window holds: the id must not depend
    // on how the input was cut into pieces.
    const std::optional<std::string> id =
        IdFromPrefix(window_.view().substr(0, static_cast<size_t>(std::min<uint64_t>(read, limit_))), parser_);
    uint64_t bytes = 0;
    bool blank = true;
    for (;;) {
      const std::string_view pending = window_.view();
      const void* newline = std::memchr(pending.data(), '\n', pending.size());
      const size_t length =
          newline != nullptr ? static_cast<size_t>(static_cast<const char*>(newline) - pending.data())
                             : pending.size();
      blank = blank && IsBlank(pending.substr(0, length));
      bytes += length;
      window_.Consume(newline != nullptr ? length + 1 : length);
      if (newline != nullptr || window_.at_end()) break;
      if (!Fill(1, doc)) return true;
    }
    scanned_ = 0;
    if (blank) return false;
    ++record_number_;
    BuildErrorRecord(id, record_number_, "line " + std::to_string(line_number_),
                     RecordTooLong("line", bytes, options_), doc);
    return true;
  }

  // What parsing one line gave: an article's fields, or an error message.
  struct Parsed {
    InputRecord record;
    simdjson::error_code json_error = simdjson::SUCCESS;
    std::string error;  // set when the line is not an article
  };

  void ReadLine(std::string_view line, Document& doc) {
    const std::string where = "line " + std::to_string(line_number_);
    const ZeroedPadding zeroed(window_.MutableAt(line.data() + line.size()));
    Parsed parsed;
    Parse(simdjson::padded_string_view(line.data(), line.size(), line.size() + kPadding), parsed, doc);
    if (parsed.json_error == simdjson::UTF8_ERROR) {
      // simdjson rejects the whole line; repair a copy and read it again.
      repaired_.assign(line);
      const size_t nuls = static_cast<size_t>(std::count(repaired_.begin(), repaired_.end(), '\0'));
      const size_t replaced = SanitizeUtf8(repaired_) - nuls;
      const size_t repaired_size = repaired_.size();
      repaired_.append(kPadding, '\0');
      doc.warnings.clear();
      doc.warnings.push_back(std::to_string(replaced) + " invalid UTF-8 sequences replaced with U+FFFD");
      if (nuls > 0) doc.warnings.push_back(std::to_string(nuls) + " NUL bytes replaced with spaces");
      parsed = Parsed();
      Parse(simdjson::padded_string_view(repaired_.data(), repaired_size, repaired_.size()), parsed, doc);
    }
    if (!parsed.error.empty()) {
      BuildErrorRecord(parsed.record.id, record_number_, where, parsed.error, doc);
      return;
    }
    BuildArticle(parsed.record, record_number_, where, options_, doc);
  }

  // Parses one line into `parsed`. Warnings about ignored fields go to doc.warnings.
  void Parse(simdjson::padded_string_view json, Parsed& parsed, Document& doc) {
    const auto fail = [&](simdjson::error_code error) {
      parsed.json_error = error;
      parsed.error = NotValidJson(error);
    };
    od::document document;
    if (auto error = parser_.iterate(json).get(document)) return fail(error);
    od::json_type type;
    if (auto error = document.type().get(type)) return fail(error);
    if (type != od::json_type::object) {
      // The first byte gives the type; a scalar must also parse, or "nope" would be reported as null.
      if (auto error = CheckRootScalar(document, type)) return fail(error);
      parsed.error = "not a JSON object (the line holds " + std::string(TypeName(type)) + ")";
      return;
    }
    od::object object;
    if (auto error = document.get_object().get(object)) return fail(error);
    std::string text_problem = "no \"text\" field";
    for (auto field_result : object) {
      od::field field;
      if (auto error = std::move(field_result).get(field)) return fail(error);
      std::string_view key;
      if (auto error = field.unescaped_key().get(key)) return fail(error);
      const Key which = KeyOf(key);
      if (which == Key::kOther) continue;  // the loop skips the value
      od::value value = field.value();
      od::json_type value_type;
      if (auto error = value.type().get(value_type)) return fail(error);
      if (value_type == od::json_type::null) {
        // null stands for an absent field (a later duplicate key still wins).
        if (which == Key::kText) text_problem = "\"text\" is null, not a string";
        continue;
      }
      std::optional<std::string_view> string;
      if (value_type == od::json_type::string) {
        std::string_view view;
        if (auto error = value.get_string().get(view)) return fail(error);
        string = view;
      }
      switch (which) {
        case Key::kText:
          if (string.has_value()) {
            parsed.record.text = string;
          } else {
            parsed.record.text.reset();
            text_problem = "\"text\" is " + std::string(TypeName(value_type)) + ", not a string";
          }
          break;
        case Key::kId:
        case Key::kDate:
          // A number is kept as written: ids are often numeric, and a numeric date earns a clear warning.
          if (!string.has_value() && value_type == od::json_type::number) {
            std::string_view token = value.raw_json_token();
            while (!token.empty() && IsAsciiSpace(token.back())) token.remove_suffix(1);
            string = token;
          }
          if (string.has_value()) {
            (which == Key::kId ? parsed.record.id : parsed.record.date) = string;
          } else {
            doc.warnings.push_back("\"" + std::string(key) + "\" is " + std::string(TypeName(value_type)) +
                                   ", not a string; ignored");
          }
          break;
        case Key::kTitle:
        case Key::kSource:
        case Key::kUrl:
          if (string.has_value()) {
            (which == Key::kTitle    ? parsed.record.title
             : which == Key::kSource ? parsed.record.source
                                     : parsed.record.url) = string;
          } else {
            doc.warnings.push_back("\"" + std::string(key) + "\" is " + std::string(TypeName(value_type)) +
                                   ", not a string; ignored");
          }
          break;
        case Key::kOther:
          break;
      }
    }
    // Anything after the object ("{…} {…}") is trailing content.
    const char* trailing = nullptr;
    if (!document.current_location().get(trailing)) {
      parsed.error = "not valid JSON (unexpected content after the object)";
      return;
    }
    if (!parsed.record.text.has_value()) parsed.error = text_problem;
    parsed.record.known_utf8 = true;
  }

  std::string name_;
  ReaderOptions options_;
  uint64_t limit_;  // RecordByteLimit: the longest line parsed
  StreamWindow window_;
  size_t scanned_ = 0;  // bytes at the window's front known to hold no newline
  bool started_ = false;
  bool done_ = false;
  Status status_;
  uint64_t line_number_ = 0;    // physical lines read, for messages
  uint64_t record_number_ = 0;  // non-blank lines read: doc-<n> and Document::input_number
  od::parser parser_;
  std::string repaired_;  // the current line with its invalid UTF-8 replaced (rare)
};

}  // namespace

std::unique_ptr<ArticleReader> NewJsonLinesReader(std::string name, std::unique_ptr<ByteSource> source,
                                                  const ReaderOptions& options) {
  return std::make_unique<JsonLinesReader>(std::move(name), std::move(source), options);
}

}  // namespace annalist
