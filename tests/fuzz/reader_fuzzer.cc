// Fuzzes the readers: the same bytes are read as every input format, and every record is checked against
// the reader contract of src/io/reader.h. Any violation aborts, which libFuzzer reports as a crash.
//
// The first input byte is not content: it chooses the reading window (ReaderOptions::chunk_bytes, 1 byte to
// 1 MiB) and sometimes a small record budget, so that records straddle the window's edges and overflow it.
// Every input is read twice, with that window and with a 64 KiB one: the records must be the same (unless
// reading ends on damaged compressed data, whose decodable part depends on the decoder's buffers).
//
// Invariants: opening in-memory bytes fails only for compressed input; every record has an id; an error
// record has no text; an article's text (and every other field) is valid UTF-8 without NUL bytes and within
// the article budget; records are numbered 1, 2, 3…; uncompressed input never gives more records than lines;
// the reader's buffer stays within its window and record budget; the window's size changes no record.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// One line per record: everything a record shows.
std::string Describe(const Document& doc) {
  std::string out = std::to_string(doc.input_number) + "|" + doc.id + "|" + doc.error + "|" + doc.text + "|" +
                    doc.date_text + "|" + doc.title.value_or("-") + "|" + doc.source.value_or("-") + "|" +
                    doc.url.value_or("-") + "|" + (doc.date.has_value() ? FormatIsoDate(*doc.date) : "-");
  for (const std::string& warning : doc.warnings) out += "|" + warning;
  return out;
}

// Reads `input` as `format` through a window of `chunk_bytes`, checking every record. Returns the records'
// descriptions, or nullopt when the input could not be opened; `failed` tells whether reading ended early on
// a read failure (corrupt compressed data met after the start).
std::optional<std::vector<std::string>> ReadAs(InputFormat format, const std::string& input, size_t chunk_bytes,
                                               uint64_t max_record_bytes, bool& failed) {
  failed = false;
  ReaderOptions options;
  options.format = format;
  options.max_input_bytes = 4u << 20;  // a small compressed input may not expand without bound
  options.max_article_bytes = 1u << 20;
  options.max_record_bytes = max_record_bytes;
  options.chunk_bytes = chunk_bytes;
  if (input.size() % 2 == 1) options.default_date = CivilDate{2023, 12, 21};
  const bool compressed = DetectCompression(input) != Compression::kNone;

  Result<std::unique_ptr<ArticleReader>> reader = ReaderFromBuffer("fuzz-input", input, options);
  if (!reader.ok()) {
    if (!compressed) {
      std::fprintf(stderr, "uncompressed input refused: %s\n", reader.status().ToString().c_str());
      std::abort();
    }
    return std::nullopt;
  }
  const uint64_t line_bound = static_cast<uint64_t>(std::count(input.begin(), input.end(), '\n')) + 1;
  const uint64_t record_limit = max_record_bytes != 0 ? max_record_bytes : options.max_article_bytes + (1u << 20);
  const size_t window_bound = (*reader)->format() == InputFormat::kDatedText
                                  ? options.max_article_bytes + (64u << 10) + 1
                                  : std::max<size_t>({chunk_bytes, record_limit + 1, 64});
  std::vector<std::string> records;
  Document doc;
  uint64_t count = 0;
  while ((*reader)->Next(doc)) {
    ++count;
    records.push_back(Describe(doc));
    Check((*reader)->buffer_capacity() <= window_bound, "the buffer stays within its bound", format, doc);
    Check(!doc.id.empty(), "the record has an id", format, doc);
    Check(IsValidUtf8(doc.id), "the id is valid UTF-8", format, doc);
    Check(doc.input_number == count, "records are numbered in order", format, doc);
    Check(compressed || count <= line_bound, "no more records than lines", format, doc);
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
  Check(compressed || (*reader)->status().ok(), "uncompressed input in memory reads without failure", format,
        doc);
  Document after;
  Check(!(*reader)->Next(after), "the end of the input stays the end", format, after);
  failed = !(*reader)->status().ok();
  return records;
}

}  // namespace
}  // namespace annalist

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using annalist::InputFormat;
  if (size == 0) return 0;
  static constexpr size_t kChunks[16] = {1,  2,  3,   4,   5,    7,    8,    13,
                                         16, 31, 64, 100, 257, 1024, 4096, size_t{1} << 20};
  const uint8_t selector = data[0];
  const size_t chunk_bytes = kChunks[selector & 15];
  // Half the time, a record budget small enough for fuzzed lines to pass it: 1 to 1 + 7 * 97 bytes.
  const uint64_t max_record_bytes = (selector & 16) != 0 ? 1 + static_cast<uint64_t>(selector >> 5) * 97 : 0;
  const std::string input(reinterpret_cast<const char*>(data) + 1, size - 1);
  for (InputFormat format :
       {InputFormat::kJsonLines, InputFormat::kCsv, InputFormat::kDatedText, InputFormat::kAuto}) {
    bool small_failed = false, large_failed = false;
    const auto small = annalist::ReadAs(format, input, chunk_bytes, max_record_bytes, small_failed);
    const auto large = annalist::ReadAs(format, input, size_t{1} << 16, max_record_bytes, large_failed);
    // How much of a damaged compressed stream decodes before the damage shows depends on the decoder's
    // buffer sizes, so the records of such an input are only checked, not compared.
    if (small_failed || large_failed) continue;
    if (small != large) {
      std::fprintf(stderr, "reading as %s through a window of %zu bytes differs from the default window\n",
                   std::string(annalist::InputFormatName(format)).c_str(), chunk_bytes);
      const size_t a = small ? small->size() : 0, b = large ? large->size() : 0;
      std::fprintf(stderr, "records: %zu vs %zu\n", a, b);
      for (size_t i = 0; i < std::max(a, b); ++i) {
        const std::string x = i < a ? (*small)[i] : "(none)", y = i < b ? (*large)[i] : "(none)";
        if (x != y) {
          std::fprintf(stderr, "first difference at record %zu:\n  %s\n  %s\n", i + 1, x.substr(0, 300).c_str(),
                       y.substr(0, 300).c_str());
          break;
        }
      }
      std::abort();
    }
  }
  return 0;
}
