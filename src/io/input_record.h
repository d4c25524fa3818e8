// The rules every input format shares: from the fields of one record, as the format gave them, to the article
// part of a Document (or an error record).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "annalist/document.h"
#include "annalist/status.h"
#include "io/reader.h"

namespace annalist {

// One record's fields as written in the input (already unescaped). Unset = the field is absent. The views
// must stay valid until BuildArticle returns.
struct InputRecord {
  std::optional<std::string_view> id, date, text, title, source, url;
  // The views are known to be valid UTF-8 (simdjson checked them): only NUL bytes remain to be replaced.
  bool known_utf8 = false;
};

// "doc-<n>": the id of a record without one.
std::string DefaultId(uint64_t number);

// Fills the article part of `doc` (REQUIRES: doc cleared, record.text set) from record number `number` of its
// input, applying the shared rules of reader.h: id or doc-<n>, UTF-8 repair with warnings, date or
// default_date with warnings, the article-size budget (an error record when over it). `where` ("line 7", or
// empty) prefixes an error message. Warnings already in doc.warnings are kept.
void BuildArticle(const InputRecord& record, uint64_t number, std::string_view where,
                  const ReaderOptions& options, Document& doc);

// Makes `doc` the error record of record number `number`: its id (or doc-<n> when `id` is unset or empty),
// and `message` prefixed with `where` ("line 7: …") when that is not empty. Clears any text.
void BuildErrorRecord(std::optional<std::string_view> id, uint64_t number, std::string_view where,
                      std::string_view message, Document& doc);

// The longest JSON line or CSV row a reader reads: options.max_record_bytes, or max_article_bytes + 1 MiB
// when that is 0.
uint64_t RecordByteLimit(const ReaderOptions& options);

// The message for a record over RecordByteLimit: `what` ("line", "row") is `bytes` long; it names the option
// to raise ("the line is 52428835 bytes; the limit for a line is 17825792 (--max-article-bytes + 1 MiB)").
std::string RecordTooLong(std::string_view what, uint64_t bytes, const ReaderOptions& options);

// Makes `doc` the last record of an input whose reading failed (`status`, not OK): an error record numbered
// `number` that quotes the failure and says reading stops there.
void BuildReadFailureRecord(uint64_t number, const Status& status, Document& doc);

}  // namespace annalist
