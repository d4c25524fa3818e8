// Readers: turn input files and streams into Documents (the article part only).
//
// Formats: JSON Lines (one article object a line), CSV with a header (RFC 4180), and plain-text files whose
// text starts with "date YYYY-MM-DD". Any of them may be gzip- or zstd-compressed; the format and the
// compression are recognised from the content, not only the file name. A directory stands for the files in
// it, in name order; "-" is standard input.
//
// A record that cannot be read as an article (not valid JSON, no text) becomes a Document with `error` set,
// in its place: nothing is dropped. Only a failure to open or read the input itself is a Status.
//
// What counts as a record, and the id it gets:
//   JSON Lines  one record per non-blank line. A blank (empty or whitespace-only) line is not a record: it is
//               skipped and not counted, so `doc-<n>` numbers and Document::input_number count records, while
//               error messages cite the physical line ("line 7: …"). A missing (or null, or empty) "id" gives
//               `doc-<n>`; a numeric id is kept as written ("id": 12 → "12").
//   CSV         the header row is not a record; every later row is, except blank lines (skipped, not
//               counted). A row with the wrong number of fields, or a quote that is never closed, becomes an
//               error record and reading goes on with the next row. An input whose header has no "text"
//               column yields a single error record saying so, and nothing else.
//   text        the whole input is one article (none when it is empty or all whitespace). Its id is the
//   file's
//               stem ("seed/000_7b6c.txt.gz" → "000_7b6c"); standard input gives "doc-1".
//
// Rules every format shares (the error and warning texts are part of the output):
//   - the text is valid UTF-8: invalid bytes become U+FFFD and NUL bytes spaces, with a warning;
//   - a text longer than max_article_bytes makes an error record ("text is N bytes; the limit is M …");
//   - an empty text is an article with no content; a missing or non-string text is an error record;
//   - a date that is not a valid YYYY-MM-DD leaves Document::date unset (or set to default_date), keeps the
//     written form in Document::date_text and adds a warning. An ISO 8601 date-time ("2023-12-21T08:30:00Z")
//     gives its date part.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/date.h"
#include "annalist/document.h"
#include "annalist/status.h"

namespace annalist {

enum class InputFormat : uint8_t {
  kAuto,       // recognise it: by extension, then by content (see DetectFormat in format_detect.h)
  kJsonLines,  // .jsonl .ndjson .json
  kCsv,        // .csv
  kDatedText,  // .txt: one article; its first words are "date YYYY-MM-DD" when it has a date of its own
};

// "auto", "jsonl", "csv", "text": the names the CLI's --format accepts.
std::string_view InputFormatName(InputFormat format);
// The inverse of InputFormatName (also accepts "json", "ndjson", "txt"); nullopt for an unknown name.
std::optional<InputFormat> ParseInputFormat(std::string_view name);

struct ReaderOptions {
  InputFormat format = InputFormat::kAuto;
  // Used for articles without a valid date of their own (the CLI's --date).
  std::optional<CivilDate> default_date;
  // An article whose text is longer than this becomes an error record: budgets keep hostile input bounded.
  uint64_t max_article_bytes = 16u << 20;
  // An input is read whole into memory: one larger than this (after decompression) fails with an IOError.
  // It also bounds what a small compressed file may expand to.
  uint64_t max_input_bytes = uint64_t{4} << 30;
};

// One input (a file, or standard input) read record by record. Owns the input's bytes. Not thread-safe: use
// one reader per thread.
class ArticleReader {
 public:
  virtual ~ArticleReader() = default;

  // Reads the next record into `doc` (cleared first). Returns false at the end of the input. A record that is
  // not an article still returns true, with doc.error set (and doc.id, doc.input_number).
  virtual bool Next(Document& doc) = 0;

  // The input's name, for messages ("data/a.jsonl", "<stdin>").
  virtual const std::string& name() const = 0;

  // The format the input is read as (never kAuto).
  virtual InputFormat format() const = 0;
};

// Opens one input: reads (and decompresses) it whole, recognises its format and returns a reader over it.
// `path` "-" is standard input. Errors: IOError when the input cannot be opened, read or decompressed, or is
// larger than options.max_input_bytes.
Result<std::unique_ptr<ArticleReader>> OpenInput(const std::string& path, const ReaderOptions& options);

// Like OpenInput, over bytes already in memory (which may be compressed). `name` stands for the file name:
// its extension helps recognise the format and its stem is a text article's id ("" or "<stdin>" → "doc-1").
// Errors: IOError when the content cannot be decompressed or is larger than options.max_input_bytes.
Result<std::unique_ptr<ArticleReader>> ReaderFromBuffer(std::string name, std::string content,
                                                        const ReaderOptions& options);

// Expands the command line's inputs into files: a directory gives its regular files (recursively, sorted by
// name, hidden files and folders skipped); a file or "-" is kept as it is. Errors: IOError for a path that
// does not exist, naming it.
Result<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& paths);

}  // namespace annalist
