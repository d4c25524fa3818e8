// The JSON Lines reader.
//
// The whole input sits in one padded buffer, so each line is handed to simdjson where it lies: the bytes
// after a line (the next lines, then the buffer's padding) serve as simdjson's padding, whose content it
// ignores. Only a line with invalid UTF-8 is copied, to repair it. One On-Demand parser is reused for every
// line; the strings it unescapes live in the parser until the next line, long enough to copy them into the
// Document.
//
// On-Demand validates what it visits. Every field of the object is visited, but the value of a field we do
// not use is skipped by counting brackets, so malformed JSON inside an ignored value (`"x": [1 2]`) can go
// unnoticed; the fields we read are always checked, and so is the object's own structure.
#include "io/jsonl_reader.h"

#include <simdjson.h>

#include <algorithm>
#include <cstring>

#include "core/utf8.h"
#include "io/format_detect.h"
#include "io/input_record.h"

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

class JsonLinesReader final : public ArticleReader {
 public:
  JsonLinesReader(std::string name, InputBuffer buffer, const ReaderOptions& options)
      : name_(std::move(name)), buffer_(std::move(buffer)), options_(options) {
    position_ = ByteOrderMarkLength(buffer_.view());
  }

  bool Next(Document& doc) override {
    doc.Clear();
    const char* const data = buffer_.data();
    const size_t size = buffer_.size();
    while (position_ < size) {
      const char* newline = static_cast<const char*>(std::memchr(data + position_, '\n', size - position_));
      const size_t end = newline != nullptr ? static_cast<size_t>(newline - data) : size;
      std::string_view line(data + position_, end - position_);
      position_ = end + 1;
      ++line_number_;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (IsBlank(line)) continue;
      ++record_number_;
      ReadLine(line, doc);
      return true;
    }
    return false;
  }

  const std::string& name() const override { return name_; }
  InputFormat format() const override { return InputFormat::kJsonLines; }

 private:
  // What parsing one line gave: an article's fields, or an error message.
  struct Parsed {
    InputRecord record;
    simdjson::error_code json_error = simdjson::SUCCESS;
    std::string error;  // set when the line is not an article
  };

  void ReadLine(std::string_view line, Document& doc) {
    const std::string where = "line " + std::to_string(line_number_);
    const size_t capacity = buffer_.padded_size() - static_cast<size_t>(line.data() - buffer_.data());
    Parsed parsed;
    Parse(simdjson::padded_string_view(line.data(), line.size(), capacity), parsed, doc);
    if (parsed.json_error == simdjson::UTF8_ERROR) {
      // simdjson rejects the whole line; repair a copy and read it again.
      repaired_.assign(line);
      const size_t nuls = static_cast<size_t>(std::count(repaired_.begin(), repaired_.end(), '\0'));
      const size_t replaced = SanitizeUtf8(repaired_) - nuls;
      repaired_.reserve(repaired_.size() + simdjson::SIMDJSON_PADDING);
      doc.warnings.clear();
      doc.warnings.push_back(std::to_string(replaced) + " invalid UTF-8 sequences replaced with U+FFFD");
      if (nuls > 0) doc.warnings.push_back(std::to_string(nuls) + " NUL bytes replaced with spaces");
      parsed = Parsed();
      Parse(simdjson::padded_string_view(repaired_.data(), repaired_.size(), repaired_.capacity()), parsed,
            doc);
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
  InputBuffer buffer_;
  ReaderOptions options_;
  size_t position_ = 0;         // start of the next line in buffer_
  uint64_t line_number_ = 0;    // physical lines read, for messages
  uint64_t record_number_ = 0;  // non-blank lines read: doc-<n> and Document::input_number
  od::parser parser_;
  std::string repaired_;  // the current line with its invalid UTF-8 replaced (rare)
};

}  // namespace

std::unique_ptr<ArticleReader> NewJsonLinesReader(std::string name, InputBuffer buffer,
                                                  const ReaderOptions& options) {
  return std::make_unique<JsonLinesReader>(std::move(name), std::move(buffer), options);
}

}  // namespace annalist
