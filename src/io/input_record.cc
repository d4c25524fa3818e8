#include "io/input_record.h"

#include <algorithm>
#include <cstring>

#include "core/utf8.h"
#include "io/format_detect.h"

namespace annalist {
namespace {

std::string WithWhere(std::string_view where, std::string_view message) {
  std::string out;
  if (!where.empty()) {
    out.append(where);
    out.append(": ");
  }
  out.append(message);
  return out;
}

// Replaces invalid UTF-8 and NUL bytes in one field, saying so in a warning that names the field.
void RepairField(std::string_view field, bool known_utf8, std::string& value, Document& doc) {
  const bool has_nul = std::memchr(value.data(), '\0', value.size()) != nullptr;
  if (known_utf8 && !has_nul) return;
  const size_t nuls = has_nul ? static_cast<size_t>(std::count(value.begin(), value.end(), '\0')) : 0;
  const size_t replaced = SanitizeUtf8(value);
  if (replaced > nuls) {
    doc.warnings.push_back(std::string(field) + ": " + std::to_string(replaced - nuls) +
                           " invalid UTF-8 sequences replaced with U+FFFD");
  }
  if (nuls > 0) {
    doc.warnings.push_back(std::string(field) + ": " + std::to_string(nuls) +
                           " NUL bytes replaced with spaces");
  }
}

std::string_view TrimSpace(std::string_view text) {
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  return text;
}

// "2023-12-21", or the date part of an ISO 8601 date-time ("2023-12-21T08:30:00Z").
std::optional<CivilDate> ParseArticleDate(std::string_view written) {
  written = TrimSpace(written);
  if (written.size() > 10 && written[10] == 'T') written = written.substr(0, 10);
  return ParseIsoDate(written);
}

void SetDate(std::optional<std::string_view> written, const ReaderOptions& options, Document& doc) {
  if (written.has_value() && !TrimSpace(*written).empty()) {
    doc.date_text.assign(*written);
    RepairField("date", false, doc.date_text, doc);
    doc.date = ParseArticleDate(doc.date_text);
    if (doc.date.has_value()) return;
    std::string warning = "date \"" + doc.date_text + "\" is not a valid YYYY-MM-DD date; ";
    if (options.default_date.has_value()) {
      doc.date = options.default_date;
      warning += "using --date " + FormatIsoDate(*options.default_date) + " instead";
    } else {
      warning += "relative times are left unresolved";
    }
    doc.warnings.push_back(std::move(warning));
    return;
  }
  // No date: --date is there for exactly this case, so using it is not worth a warning.
  if (options.default_date.has_value()) {
    doc.date = options.default_date;
  } else {
    doc.warnings.push_back("no date; relative times are left unresolved");
  }
}

void SetOptional(std::string_view field, std::optional<std::string_view> value, bool known_utf8,
                 std::optional<std::string>& out, Document& doc) {
  if (!value.has_value()) return;
  out.emplace(*value);
  RepairField(field, known_utf8, *out, doc);
}

}  // namespace

std::string DefaultId(uint64_t number) { return "doc-" + std::to_string(number); }

void BuildErrorRecord(std::optional<std::string_view> id, uint64_t number, std::string_view where,
                      std::string_view message, Document& doc) {
  doc.input_number = number;
  if (id.has_value() && !id->empty()) {
    doc.id.assign(*id);
    SanitizeUtf8(doc.id);
  } else {
    doc.id = DefaultId(number);
  }
  doc.text.clear();
  doc.error = WithWhere(where, message);
  SanitizeUtf8(doc.error);  // it may quote the input
}

void BuildArticle(const InputRecord& record, uint64_t number, std::string_view where,
                  const ReaderOptions& options, Document& doc) {
  const std::string_view text = record.text.value_or(std::string_view());
  const auto too_long = [&](size_t size) {
    BuildErrorRecord(record.id, number, where,
                     "text is " + std::to_string(size) + " bytes; the limit is " +
                         std::to_string(options.max_article_bytes) + " (--max-article-bytes)",
                     doc);
  };
  // Checked before the copy, so an oversized text is never copied.
  if (text.size() > options.max_article_bytes) return too_long(text.size());
  doc.input_number = number;
  if (record.id.has_value() && !record.id->empty()) {
    doc.id.assign(*record.id);
    RepairField("id", record.known_utf8, doc.id, doc);
  } else {
    doc.id = DefaultId(number);
  }
  doc.text.assign(text);
  RepairField("text", record.known_utf8, doc.text, doc);
  // Each replaced byte may grow to the 3 bytes of U+FFFD.
  if (doc.text.size() > options.max_article_bytes) {
    doc.warnings.clear();
    return too_long(doc.text.size());
  }
  SetDate(record.date, options, doc);
  SetOptional("title", record.title, record.known_utf8, doc.title, doc);
  SetOptional("source", record.source, record.known_utf8, doc.source, doc);
  SetOptional("url", record.url, record.known_utf8, doc.url, doc);
}

uint64_t RecordByteLimit(const ReaderOptions& options) {
  if (options.max_record_bytes != 0) return options.max_record_bytes;
  constexpr uint64_t kFieldsAndEscapes = uint64_t{1} << 20;
  return options.max_article_bytes + kFieldsAndEscapes;
}

std::string RecordTooLong(std::string_view what, uint64_t bytes, const ReaderOptions& options) {
  std::string message = "the " + std::string(what) + " is " + std::to_string(bytes) + " bytes; the limit for a " +
                        std::string(what) + " is " + std::to_string(RecordByteLimit(options));
  message += options.max_record_bytes != 0 ? " (the reader's max_record_bytes)" : " (--max-article-bytes + 1 MiB)";
  return message;
}

void BuildReadFailureRecord(uint64_t number, const Status& status, Document& doc) {
  doc.Clear();
  BuildErrorRecord(std::nullopt, number, "", status.message() + "; reading of this input stops here", doc);
}

}  // namespace annalist
