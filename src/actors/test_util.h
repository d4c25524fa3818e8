// Helpers shared by the actors tests: documents made from text by the real text stage.
#pragma once

#include <string>
#include <string_view>

#include "annalist/document.h"
#include "text/segmenter.h"

namespace annalist::actors_test {

inline Document MakeDocument(std::string_view text, std::string_view date = "2023-12-21") {
  Document doc;
  doc.text = std::string(text);
  if (!date.empty()) doc.date = ParseIsoDate(date);
  Segmenter().Process(doc);
  return doc;
}

}  // namespace annalist::actors_test
