// The JSON Lines reader: one article object a line, parsed in place with simdjson On-Demand.
#pragma once

#include <memory>
#include <string>

#include "io/byte_source.h"
#include "io/reader.h"

namespace annalist {

// A reader streaming `source` (already decompressed), which it owns. Records follow reader.h: blank lines are
// skipped and not counted; a line that is not a JSON object with a string "text" is an error record
// ("line 7: not valid JSON (…)", "line 3: no \"text\" field"); a line with invalid UTF-8 is repaired and read
// again, with a warning; a line longer than RecordByteLimit is an error record ("line 7: the line is N bytes;
// …"), with the id when it comes before the point where reading gave up on the line. Fields other than id,
// date, text, title, source and url are ignored.
std::unique_ptr<ArticleReader> NewJsonLinesReader(std::string name, std::unique_ptr<ByteSource> source,
                                                  const ReaderOptions& options);

}  // namespace annalist
