// The JSON Lines reader: one article object a line, parsed in place with simdjson On-Demand.
#pragma once

#include <memory>
#include <string>

#include "io/input_buffer.h"
#include "io/reader.h"

namespace annalist {

// A reader over `buffer` (already decompressed), which it keeps. Records follow reader.h: blank lines are
// skipped and not counted; a line that is not a JSON object with a string "text" is an error record
// ("line 7: not valid JSON (…)", "line 3: no \"text\" field"); a line with invalid UTF-8 is repaired and read
// again, with a warning. Fields other than id, date, text, title, source and url are ignored.
std::unique_ptr<ArticleReader> NewJsonLinesReader(std::string name, InputBuffer buffer,
                                                  const ReaderOptions& options);

}  // namespace annalist
