// The CSV reader: RFC 4180 with a header row naming the columns.
#pragma once

#include <memory>
#include <string>

#include "io/byte_source.h"
#include "io/reader.h"

namespace annalist {

// A reader streaming `source` (already decompressed), which it owns.
//
// The first non-blank row is the header. Column names are matched ignoring case and surrounding spaces;
// "text" is required, and "id", "date", "title", "source", "url" are used when present (the first of
// duplicates wins; other columns are ignored). Fields may be quoted ("…"), holding commas, newlines and
// doubled quotes
// (""); rows end in LF or CRLF. A quote inside an unquoted field is kept as a character. An empty field is an
// absent value: an empty id gives doc-<n>, an empty date no date.
//
// Records follow reader.h: blank lines are skipped and not counted. These rows become error records, and
// reading goes on after them:
//   - a row whose number of fields differs from the header's;
//   - a closing quote followed by something other than a comma or the end of the row (the rest of that
//     physical line is skipped);
//   - a quote that is never closed: the row is reported where it starts and reading resumes on the next
//     line. A second such quote in one input ends it, so recovering never costs more than two passes;
//   - a row longer than RecordByteLimit ("line 7: the row is N bytes; …"): it is read past to its end
//     (quotes respected) without being held, and its id kept when its field came before the limit. When
//     its quote is never closed, that end is the end of the input, and the message says reading stops.
// A header without a "text" column yields one error record, and nothing more is read from that input.
std::unique_ptr<ArticleReader> NewCsvReader(std::string name, std::unique_ptr<ByteSource> source,
                                            const ReaderOptions& options);

}  // namespace annalist
