// Readers: turn input files and streams into Documents (the article part only).
//
// Formats: JSON Lines (one article object a line), CSV with a header (RFC 4180), and plain-text files whose
// text starts with "date YYYY-MM-DD". Any of them may be gzip- or zstd-compressed; the format and the
// compression are recognised from the content, not only the file name. A directory stands for the files in
// it, in name order; "-" is standard input.
//
// A record that cannot be read as an article (not valid JSON, no text, longer than the record budget) becomes
// a Document with `error` set, in its place: nothing is dropped. Only a failure to open or read the input
// itself is a Status.
//
// Inputs are streamed: a reader holds a window of its input (ReaderOptions::chunk_bytes, growing to hold one
// record up to ReaderOptions::max_record_bytes), never the whole of it, so memory does not grow with the
// input's size. A text article is read whole, up to max_article_bytes and a little more.
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
//   text        the whole input is one article (none when it is empty or all whitespace). Its id is the file's
//               stem ("seed/000_7b6c.txt.gz" → "000_7b6c"); standard input gives "doc-1".
//
// Rules every format shares (the error and warning texts are part of the output):
//   - the text is valid UTF-8: invalid bytes become U+FFFD and NUL bytes spaces, with a warning;
//   - a text longer than max_article_bytes makes an error record ("text is N bytes; the limit is M …"); so
//     does a JSON line or CSV row longer than max_record_bytes ("the line is N bytes; the limit for a line
//     is M …"), whose id is kept when it comes before the point where reading gave up on the record;
//   - an empty text is an article with no content; a missing or non-string text is an error record;
//   - a date that is not a valid YYYY-MM-DD leaves Document::date unset (or set to default_date), keeps the
//     written form in Document::date_text and adds a warning. An ISO 8601 date-time ("2023-12-21T08:30:00Z")
//     gives its date part.
#pragma once

#include <cstddef>
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
  // The longest record read: a JSON line or CSV row (without its line end) longer than this becomes an error
  // record ("line 7: the line is N bytes; the limit for a line is M …") without ever being held whole; the
  // reader skips to its end and goes on. 0, the default, means max_article_bytes + 1 MiB: room for the other
  // fields and for escapes. A reader's memory grows with this limit, never with the input's size.
  uint64_t max_record_bytes = 0;
  // Inputs are read in pieces of this many bytes (read(2) calls, compressed input), and a reader's window
  // starts at this size, growing only for a record longer than about half of it. Tests use tiny values to
  // make records straddle the pieces; anything from 1 works.
  size_t chunk_bytes = size_t{1} << 20;
  // DEPRECATED as a memory bound: inputs are streamed, so memory no longer grows with their size. What is
  // left is a bound on work: reading stops with an IOError once an input has given more than this many
  // (decompressed) bytes. The default is no limit; the fuzzer sets one so that a small compressed input
  // cannot expand for minutes.
  uint64_t max_input_bytes = UINT64_MAX;
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

  // The read error that ended the input early (corrupt or truncated compressed data, a failed read, an input
  // over max_input_bytes), once Next has returned false; OK otherwise. Such an error also comes out as a last
  // error record ("…; reading of this input stops here"), so a caller that never asks still sees it in the
  // output; a caller that asks can treat the input as unreadable (exit status 1).
  virtual Status status() const { return Status::Ok(); }

  // The bytes of input the reader holds now (its window, or the text of a text article): bounded by the
  // options, whatever the input's size. For tests and memory accounting.
  virtual size_t buffer_capacity() const { return 0; }
};

// Opens one input and returns a reader that streams it: the input is read (and decompressed) piece by piece
// as records are asked for, never whole. Its compression is recognised from its first bytes, and its format
// from the name, else from its first (decompressed) bytes: up to 64 KiB, or fewer once a '{' starts them. `path` "-" is standard input.
// Errors: IOError when the input cannot be opened, or when a failure (a read error, corrupt compressed data,
// more than options.max_input_bytes bytes) shows in the first bytes, read to recognise the input; a failure
// further on ends the reader early (see ArticleReader::status).
Result<std::unique_ptr<ArticleReader>> OpenInput(const std::string& path, const ReaderOptions& options);

// Like OpenInput, over bytes already in memory (which may be compressed), which the reader keeps. `name`
// stands for the file name: its extension helps recognise the format and its stem is a text article's id (""
// or "<stdin>" → "doc-1"). Errors: IOError when the content is larger than options.max_input_bytes, or as
// for OpenInput when it is compressed and cannot be decompressed.
Result<std::unique_ptr<ArticleReader>> ReaderFromBuffer(std::string name, std::string content,
                                                        const ReaderOptions& options);

// Expands the command line's inputs into files: a directory gives its regular files (recursively, sorted by
// name, hidden files and folders skipped); a file or "-" is kept as it is. Errors: IOError for a path that
// does not exist, naming it.
Result<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& paths);

}  // namespace annalist
