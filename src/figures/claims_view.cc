// The claims view: flattens each document's quantities into rows, sorts them, and prints a table or CSV.
// Column widths of the table are measured in code points so that "Shuja’iyya" lines up; a cell is cut to
// 40 code points with "…" on the terminal (never in CSV).
#include "figures/claims_view.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "io/record_names.h"

namespace annalist {
namespace {

constexpr size_t kColumns = 8;
constexpr std::array<std::string_view, kColumns> kHeader = {"category", "group", "figure", "date",
                                                             "source", "country", "article", "context"};

struct Row {
  QuantityCategory category;
  std::array<std::string, kColumns> cells;
  size_t document = 0;
  uint32_t position = 0;
};

std::string FormatValue(double value) {
  char buffer[64];
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    // Thousands separators: 20,000.
    std::snprintf(buffer, sizeof(buffer), "%.0f", value);
    std::string digits(buffer), out;
    const size_t n = digits.size();
    for (size_t i = 0; i < n; ++i) {
      out += digits[i];
      const size_t left = n - 1 - i;
      if (left > 0 && left % 3 == 0 && digits[i] != '-') out += ',';
    }
    return out;
  }
  std::snprintf(buffer, sizeof(buffer), "%g", value);
  return buffer;
}

std::string_view QualifierWords(Qualifier q) {
  switch (q) {
    case Qualifier::kExact: return "";
    case Qualifier::kAbout: return "about ";
    case Qualifier::kMoreThan: return "more than ";
    case Qualifier::kAtLeast: return "at least ";
    case Qualifier::kUpTo: return "up to ";
    case Qualifier::kLessThan: return "fewer than ";
  }
  return "";
}

std::string Group(const Document& doc, Span who) {
  if (who.empty()) return "(none)";
  std::string text(doc.slice(who));
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view det : {"the ", "a ", "an "}) {
    if (text.starts_with(det)) text.erase(0, det.size());
  }
  return text;
}

std::string Context(const Document& doc, Span span) {
  // The figure with up to 30 bytes of text on either side, on one line, cut at UTF-8 boundaries.
  uint32_t b = span.begin > 30 ? span.begin - 30 : 0;
  uint32_t e = std::min<uint32_t>(static_cast<uint32_t>(doc.text.size()), span.end + 30);
  while (b > 0 && (static_cast<uint8_t>(doc.text[b]) & 0xC0) == 0x80) --b;
  while (e < doc.text.size() && (static_cast<uint8_t>(doc.text[e]) & 0xC0) == 0x80) ++e;
  std::string out(doc.text, b, e - b);
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<uint8_t>(c) & 0xC0) != 0x80;
  return n;
}

std::string Cut(const std::string& s, size_t width) {
  if (CodePoints(s) <= width) return s;
  size_t n = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<uint8_t>(s[i]) & 0xC0) != 0x80) {
      if (n == width - 1) break;
      ++n;
    }
  }
  return s.substr(0, i) + "\u2026";
}

void AppendCsvCell(const std::string& cell, std::string& out) {
  if (cell.find_first_of(",\"\n\r") == std::string::npos) {
    out += cell;
    return;
  }
  out += '"';
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

Status WriteClaimsView(const std::vector<const Document*>& documents, bool csv, std::string& out) {
  std::vector<Row> rows;
  for (size_t d = 0; d < documents.size(); ++d) {
    const Document& doc = *documents[d];
    if (doc.is_error()) continue;
    for (const Quantity& q : doc.quantities) {
      if (q.claimed_by != kNone && q.claimed_by >= doc.actors.size()) {
        return Status::InvalidInput("document '" + doc.id + "': a quantity's claimed_by refers to actor " +
                                    std::to_string(q.claimed_by) + " of " + std::to_string(doc.actors.size()));
      }
      if (q.span.end > doc.text.size() || q.who.end > doc.text.size()) {
        return Status::InvalidInput("document '" + doc.id + "': a quantity's span lies outside the text");
      }
      Row row;
      row.category = q.category;
      row.document = d;
      row.position = q.span.begin;
      std::string figure(QualifierWords(q.qualifier));
      figure += FormatValue(q.value);
      if (q.high) figure += "\u2013" + FormatValue(*q.high);
      row.cells[0] = std::string(QuantityCategoryName(q.category));
      row.cells[1] = Group(doc, q.who);
      row.cells[2] = figure;
      row.cells[3] = q.date ? FormatTimeValue(*q.date) : "";
      if (q.claimed_by != kNone) {
        const ActorMention& a = doc.actors[q.claimed_by];
        row.cells[4] = a.name.empty() ? std::string(doc.slice(a.span)) : std::string(a.name);
        row.cells[5] = std::string(a.country.view());
      }
      row.cells[6] = doc.id;
      row.cells[7] = Context(doc, q.span);
      rows.push_back(std::move(row));
    }
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.category != b.category) return a.category < b.category;
    if (a.cells[1] != b.cells[1]) return a.cells[1] < b.cells[1];
    if (a.cells[3] != b.cells[3]) return a.cells[3] < b.cells[3];
    if (a.document != b.document) return a.document < b.document;
    return a.position < b.position;
  });
  if (csv) {
    for (size_t c = 0; c < kColumns; ++c) {
      if (c) out += ',';
      out += kHeader[c];
    }
    out += "\r\n";
    for (const Row& row : rows) {
      for (size_t c = 0; c < kColumns; ++c) {
        if (c) out += ',';
        AppendCsvCell(row.cells[c], out);
      }
      out += "\r\n";
    }
    return Status::Ok();
  }
  constexpr size_t kMaxWidth = 40;
  std::array<size_t, kColumns> width{};
  for (size_t c = 0; c < kColumns; ++c) width[c] = kHeader[c].size();
  for (Row& row : rows) {
    for (size_t c = 0; c < kColumns; ++c) {
      row.cells[c] = Cut(row.cells[c], c == kColumns - 1 ? 80 : kMaxWidth);
      width[c] = std::max(width[c], CodePoints(row.cells[c]));
    }
  }
  auto append_line = [&](const auto& cells) {
    std::string line;
    for (size_t c = 0; c < kColumns; ++c) {
      const std::string_view cell(cells[c]);
      line += cell;
      if (c + 1 < kColumns) line.append(width[c] - CodePoints(cell) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
  };
  append_line(kHeader);
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i > 0 && rows[i].category != rows[i - 1].category) out += '\n';
    append_line(rows[i].cells);
  }
  return Status::Ok();
}

}  // namespace annalist
