// Test-only access to the development material in ../shared (the gold records and their inputs), shared by
// the stages' quality tests. The product never reads ../shared.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "annalist/document.h"
#include "core/utf8.h"
#include "io/reader.h"

namespace annalist::test_support {

// The shared/ folder: $ANNALIST_SHARED_DIR when set, else the build's ANNALIST_SHARED_DIR (beside the checkout).
inline std::string SharedDir() {
  const char* env = std::getenv("ANNALIST_SHARED_DIR");
  return env ? env : ANNALIST_SHARED_DIR;
}

// "<shared>/data/gold/<name>.jsonl" and its inputs, "<name>.input.jsonl".
inline std::string GoldPath(const std::string& name) { return SharedDir() + "/data/gold/" + name + ".jsonl"; }
inline std::string GoldInputPath(const std::string& name) {
  return SharedDir() + "/data/gold/" + name + ".input.jsonl";
}

// Whether the gold set `name` is there; quality tests skip with a message when it is not.
inline bool HaveGold(const std::string& name) { return std::filesystem::exists(GoldPath(name)); }

// The non-empty lines of a file (JSON Lines records).
inline std::vector<std::string> NonEmptyLines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

// The articles of gold set `name`, read by the product's own JSON Lines reader (link annalist_io).
inline std::vector<Document> ReadGoldInputs(const std::string& name) {
  std::vector<Document> documents;
  auto reader = OpenInput(GoldInputPath(name), ReaderOptions());
  if (!reader.ok()) return documents;
  for (Document doc; (*reader)->Next(doc); doc = Document()) documents.push_back(std::move(doc));
  return documents;
}

// The code-point offset of a byte offset, the unit of the gold spans.
inline uint32_t CodePoints(const std::string& text, uint32_t byte_offset) {
  return Utf8Index(text).CodePointOffset(byte_offset);
}

}  // namespace annalist::test_support
