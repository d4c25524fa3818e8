// Writers: turn coded Documents into output bytes.
//
// A RecordFormatter appends one document's output to a string. Formatting is const and thread-safe, so the
// workers that code the articles format them too; only the ordered write of the finished bytes is serial
// (OutputSink). Three formats:
//   jsonl       one RECORDS.md document record a line (the default); an error document gives {"id","error"}
//   events-csv  one RFC 4180 row an event, for spreadsheets; an error document gives one row with its error
//   gdelt       GDELT 2.0 event-table rows (gdelt_writer.cc); an error document gives no row
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "annalist/document.h"
#include "annalist/status.h"

namespace annalist {

class RecordFormatter {
 public:
  virtual ~RecordFormatter() = default;

  // What goes before the first record (the CSV header); empty for JSON Lines.
  virtual std::string Header() const = 0;
  // Appends `doc`'s output to `out`. Thread-safe.
  virtual void Format(const Document& doc, std::string& out) const = 0;
};

// "jsonl", "events-csv" or "gdelt". Errors: InvalidInput naming the unknown format.
Result<std::unique_ptr<RecordFormatter>> MakeFormatter(std::string_view name);

// Appends `text` to `out` as a JSON string literal, quotes included. REQUIRES: text is valid UTF-8.
void AppendJsonString(std::string_view text, std::string& out);

// Appends `value` as a JSON number: an integral value as an integer ("100000", not "1e+05"), any other in the
// shortest form that reads back exactly ("31.42"), which is what std::to_chars gives.
void AppendJsonNumber(double value, std::string& out);

// Buffered, checked writes to a file or standard output. Every failure (disk full, closed pipe) is reported
// with the path, so the CLI can exit non-zero.
class OutputSink {
 public:
  // "-" or "" is standard output. Errors: IOError when the file cannot be created.
  static Result<std::unique_ptr<OutputSink>> Open(const std::string& path);
  ~OutputSink();

  Status Write(std::string_view bytes);
  // Flushes and, for a file, closes it. Reports a failure of any earlier write that the C library deferred.
  Status Close();

 private:
  OutputSink(std::FILE* file, std::string path, bool owned) : file_(file), path_(std::move(path)), owned_(owned) {}

  std::FILE* file_;
  std::string path_;
  bool owned_;
};

}  // namespace annalist
