// Fuzzes the readers: the same bytes are read as every input format, and every record is checked against
// the reader contract of src/io/reader.h. Any violation aborts, which libFuzzer reports as a crash.
//
// Invariants: opening in-memory bytes fails only for compressed input; every record has an id; an error
// record has no text; an article's text (and every other field) is valid UTF-8 without NUL bytes and within
// the article budget; records are numbered 1, 2, 3…; uncompressed input never gives more records than lines.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "annalist/document.h"
#include "core/utf8.h"
#include "io/decompress.h"
#include "io/reader.h"

namespace annalist {
namespace {

void Check(bool condition, const char* what, InputFormat format, const Document& doc) {
  if (condition) return;
  std::fprintf(stderr, "invariant broken (%s) reading as %s: id='%s' error='%s' text size %zu\n", what,
               std::string(InputFormatName(format)).c_str(), doc.id.c_str(), doc.error.c_str(),
               doc.text.size());
  std::abort();
}

bool CleanText(std::string_view text) {
  return IsValidUtf8(text) && text.find('\0') == std::string_view::npos;
}

bool CleanOptional(const std::optional<std::string>& field) {
  return !field.has_value() || IsValidUtf8(*field);
}

void ReadAs(InputFormat format, const std::string& input) {
  ReaderOptions options;
  options.format = format;
  options.max_input_bytes = 4u << 20;  // a small compressed input may not expand without bound
  options.max_article_bytes = 1u << 20;
  if (input.size() % 2 == 1) options.default_date = CivilDate{2023, 12, 21};
  const bool compressed = DetectCompression(input) != Compression::kNone;

  Result<std::unique_ptr<ArticleReader>> reader = ReaderFromBuffer("fuzz-input", input, options);
  if (!reader.ok()) {
    if (!compressed) {
      std::fprintf(stderr, "uncompressed input refused: %s\n", reader.status().ToString().c_str());
      std::abort();
    }
    return;
  }
  const uint64_t line_bound = static_cast<uint64_t>(std::count(input.begin(), input.end(), '\n')) + 1;
  Document doc;
  uint64_t records = 0;
  while ((*reader)->Next(doc)) {
    ++records;
    Check(!doc.id.empty(), "the record has an id", format, doc);
    Check(IsValidUtf8(doc.id), "the id is valid UTF-8", format, doc);
    Check(doc.input_number == records, "records are numbered in order", format, doc);
    Check(compressed || records <= line_bound, "no more records than lines", format, doc);
    if (doc.is_error()) {
      Check(doc.text.empty(), "an error record has no text", format, doc);
      Check(IsValidUtf8(doc.error), "the error message is valid UTF-8", format, doc);
      continue;
    }
    Check(CleanText(doc.text), "the text is valid UTF-8 without NUL", format, doc);
    Check(doc.text.size() <= options.max_article_bytes, "the text is within the budget", format, doc);
    Check(IsValidUtf8(doc.date_text), "the date is valid UTF-8", format, doc);
    Check(CleanOptional(doc.title) && CleanOptional(doc.source) && CleanOptional(doc.url),
          "title, source and url are valid UTF-8", format, doc);
    Check(!doc.date.has_value() || ParseIsoDate(FormatIsoDate(*doc.date)).has_value(), "the date is real",
          format, doc);
    for (const std::string& warning : doc.warnings) {
      Check(IsValidUtf8(warning), "warnings are valid UTF-8", format, doc);
    }
  }
  Document after;
  Check(!(*reader)->Next(after), "the end of the input stays the end", format, after);
}

}  // namespace
}  // namespace annalist

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using annalist::InputFormat;
  const std::string input(reinterpret_cast<const char*>(data), size);
  for (InputFormat format :
       {InputFormat::kJsonLines, InputFormat::kCsv, InputFormat::kDatedText, InputFormat::kAuto}) {
    annalist::ReadAs(format, input);
  }
  return 0;
}
