// Readers: turn input files and streams into Documents (the article part only).
//
// Formats: JSON Lines (one article object a line), CSV with a header (RFC 4180), and plain-text files whose text
// starts with "date YYYY-MM-DD". Any of them may be gzip- or zstd-compressed; the format and the compression
// are recognised from the content, not only the file name. A directory stands for the files in it, in name
// order; "-" is standard input.
//
// A record that cannot be read as an article (not valid JSON, no text) becomes a Document with `error` set, in
// its place: nothing is dropped. Only a failure to open or read the input itself is a Status.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "annalist/date.h"
#include "annalist/document.h"
#include "annalist/status.h"

namespace annalist {

enum class InputFormat : uint8_t { kAuto, kJsonLines, kCsv, kDatedText };

struct ReaderOptions {
  InputFormat format = InputFormat::kAuto;
  // Used for articles without a valid date of their own (the CLI's --date).
  std::optional<CivilDate> default_date;
  // An article whose text is longer than this becomes an error record: budgets keep hostile input bounded.
  uint64_t max_article_bytes = 16u << 20;
};

// One input (a file, or standard input) read record by record.
class ArticleReader {
 public:
  virtual ~ArticleReader() = default;

  // Reads the next record into `doc` (cleared first). Returns false at the end of the input. A record that is
  // not an article still returns true, with doc.error set.
  virtual bool Next(Document& doc) = 0;

  // The input's name, for messages ("data/a.jsonl", "<stdin>").
  virtual const std::string& name() const = 0;
};

// Opens one input: reads (and decompresses) it whole, recognises its format and returns a reader over it.
// `path` "-" is standard input. Errors: IOError when the input cannot be opened, read or decompressed.
Result<std::unique_ptr<ArticleReader>> OpenInput(const std::string& path, const ReaderOptions& options);

// Expands the command line's inputs into files: a directory gives its regular files (recursively, sorted by
// name, hidden files skipped); a file or "-" is kept as it is. Errors: IOError for a path that does not exist.
Result<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& paths);

}  // namespace annalist
